"""The coding screen's filter, typed as one line: `stelling:2 spreker:P3 #caseload @spreekkamer
ongecodeerd`; and the progress per stelling."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Segment, Session

UNCODED_WORDS = ("ongecodeerd", "open")


@dataclass(frozen=True)
class CodingFilter:
    statement: str | None = None
    speaker: str | None = None
    theme: str | None = None
    arena: str | None = None
    uncoded: bool = False

    @property
    def active(self) -> bool:
        return self != CodingFilter()

    def matches(self, segment: Segment, session: Session, guide: Guide) -> bool:
        if self.statement is not None and segment.statement != self.statement:
            return False
        if self.speaker is not None and segment.speaker != self.speaker:
            return False
        if self.theme is not None:
            wanted = {self.theme, *(c.id for c in guide.children(self.theme))}
            if not wanted.intersection(segment.themes):
                return False
        if self.arena is not None and segment.arena != self.arena:
            return False
        return not (self.uncoded and (segment.is_coded or not session.is_codable(segment)))

    def describe(self) -> str:
        parts = []
        if self.statement:
            parts.append(f"stelling:{self.statement}")
        if self.speaker:
            parts.append(f"spreker:{self.speaker}")
        if self.theme:
            parts.append(f"#{self.theme}")
        if self.arena:
            parts.append(f"@{self.arena}")
        if self.uncoded:
            parts.append("ongecodeerd")
        return " ".join(parts)


def parse_filter(text: str, session: Session, guide: Guide) -> CodingFilter:
    """Read the typed filter; unknown names give a Dutch message with what does exist."""
    values: dict[str, object] = {}
    for word in text.split():
        lowered = word.lower()
        if lowered in UNCODED_WORDS:
            values["uncoded"] = True
        elif lowered.startswith("#"):
            values["theme"] = _known(lowered[1:], [t.id for t in guide.themes], "thema")
        elif lowered.startswith("@"):
            values["arena"] = _known(lowered[1:], [a.id for a in guide.arenas], "arena")
        elif ":" in lowered:
            key, _, value = lowered.partition(":")
            values.update(_keyed(key, value, session, guide))
        else:
            raise GwpError(
                f"'{word}' begrijp ik niet; gebruik stelling:N, spreker:P1, #thema, "
                "@arena of ongecodeerd"
            )
    return CodingFilter(**values)  # type: ignore[arg-type]


def _keyed(key: str, value: str, session: Session, guide: Guide) -> dict[str, object]:
    if key in ("stelling", "s"):
        return {"statement": _known(value, [s.id for s in guide.statements], "stelling")}
    if key in ("spreker", "p", "wie"):
        return {"speaker": _known(value.upper(), list(session.participants), "spreker")}
    raise GwpError(f"onbekend filter '{key}:'; gebruik stelling: of spreker:")


def _known(value: str, options: list[str], what: str) -> str:
    if value not in options:
        adjective = "onbekend" if what == "thema" else "onbekende"  # het thema, de stelling
        raise GwpError(f"{adjective} {what} '{value}'; kies uit {', '.join(options) or '-'}")
    return value


class Progress:
    """Coded and codable segments per stelling (None: without a stelling), kept up to date
    one segment at a time so a key press does not recount 2,500 segments."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._seen: dict[str, tuple[str | None, bool, bool]] = {}
        self._coded: Counter[str | None] = Counter()
        self._total: Counter[str | None] = Counter()
        for segment in session.segments:
            self.update(segment)

    def update(self, segment: Segment) -> None:
        self._count(self._seen.pop(segment.id, None), -1)
        state = (segment.statement, self._session.is_codable(segment), segment.is_coded)
        self._seen[segment.id] = state
        self._count(state, +1)

    def remove(self, segment_id: str) -> None:
        self._count(self._seen.pop(segment_id, None), -1)

    def _count(self, state: tuple[str | None, bool, bool] | None, step: int) -> None:
        if state is None or not state[1]:
            return
        self._total[state[0]] += step
        self._coded[state[0]] += step * state[2]

    @property
    def per_statement(self) -> dict[str | None, tuple[int, int]]:
        return {key: (self._coded[key], total) for key, total in self._total.items() if total}

    @property
    def coded(self) -> int:
        return sum(self._coded.values())

    @property
    def total(self) -> int:
        return sum(self._total.values())


def coding_progress(session: Session) -> Progress:
    return Progress(session)
