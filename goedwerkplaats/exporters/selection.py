"""Which segments an export takes: the selection (citaat/gecodeerd/alles) and the filters."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from goedwerkplaats.files.problems import GwpError, ProblemsError
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Segment, Session
from goedwerkplaats.project.folder import Project

SELECT_QUOTES = "citaat"
SELECT_CODED = "gecodeerd"
SELECT_ALL = "alles"
SELECTIONS = (SELECT_QUOTES, SELECT_CODED, SELECT_ALL)


@dataclass(frozen=True)
class QuoteFilter:
    """An empty tuple means: no filter on that dimension."""

    selection: str = SELECT_CODED
    sessions: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    arenas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Selected:
    """A segment chosen for an export, with the session it belongs to."""

    session: Session
    segment: Segment

    @property
    def recording_time(self) -> float:
        return self.session.recording_time(self.segment.start)


def parse_ids(text: str) -> tuple[str, ...]:
    """'1, 2 3' → ('1', '2', '3'): ids as users type them, with commas or spaces."""
    return tuple(part.strip().lower() for part in text.replace(" ", ",").split(",") if part.strip())


def check_filter(quote_filter: QuoteFilter, guide: Guide, project: Project) -> None:
    """Refuse filters that name what does not exist, with the ids that do."""
    if quote_filter.selection not in SELECTIONS:
        raise GwpError(
            f"onbekende selectie '{quote_filter.selection}'; kies uit {', '.join(SELECTIONS)}"
        )
    _known("sessie", quote_filter.sessions, project.session_ids())
    _known("stelling", quote_filter.statements, [s.id for s in guide.statements])
    _known("thema", quote_filter.themes, [t.id for t in guide.themes])
    _known("arena", quote_filter.arenas, [a.id for a in guide.arenas])


def _known(what: str, asked: Iterable[str], known: list[str]) -> None:
    unknown = [a for a in asked if a not in known]
    if unknown:
        adjective = "onbekend" if what == "thema" else "onbekende"  # het thema, de sessie
        raise GwpError(f"{adjective} {what} '{unknown[0]}'; bekend zijn: {', '.join(known) or '-'}")


def load_sessions(project: Project, session_ids: Iterable[str] = ()) -> list[Session]:
    """The sessions asked for (all when none are named, without the fictional examples),
    read-only; broken ones are an error."""
    ids = list(session_ids) or project_session_ids(project)
    sessions = []
    for session_id in ids:
        try:
            sessions.append(project.load_session(session_id).session)
        except ProblemsError as error:
            raise GwpError(
                f"sessie '{session_id}' is niet te lezen; herstel eerst:\n{error}"
            ) from None
    return sessions


def project_session_ids(project: Project) -> list[str]:
    """What "all sessions" means in an export: every session but the fictional examples."""
    examples = set(project.example_ids())
    return [i for i in project.session_ids() if i not in examples]


def example_note(project: Project, asked: Iterable[str]) -> str:
    """Why an example session is missing from an export of all sessions ('' if none is)."""
    examples = [] if list(asked) else project.example_ids()
    if not examples:
        return ""
    return (
        f"de voorbeeldsessie {', '.join(examples)} (fictief) is niet meegenomen; "
        "wilt u hem toch, noem hem dan met --sessies"
    )


def select(sessions: Iterable[Session], guide: Guide, quote_filter: QuoteFilter) -> list[Selected]:
    """The matching segments, sessions in the order given, segments in time order."""
    themes = _with_children(quote_filter.themes, guide)
    chosen = []
    for session in sessions:
        if quote_filter.sessions and session.id not in quote_filter.sessions:
            continue
        for segment in exported_segments(session):
            if _matches(segment, quote_filter, themes):
                chosen.append(Selected(session, segment))
    return chosen


def exported_segments(session: Session) -> Iterator[Segment]:
    """The session's segments as every export shows them, in time order.

    A live quote linked to the transcript segment it was taken from stays out: that segment
    holds the same words with the codes and verification, so the quote would appear twice.
    A live quote without a (still existing) transcript segment stays in.
    """
    for segment in session.segments:
        if not session.is_superseded(segment):
            yield segment


def _with_children(theme_ids: tuple[str, ...], guide: Guide) -> set[str]:
    wanted = set(theme_ids)
    for theme_id in theme_ids:
        wanted.update(child.id for child in guide.children(theme_id))
    return wanted


def _matches(segment: Segment, quote_filter: QuoteFilter, themes: set[str]) -> bool:
    if segment.is_marker or not segment.text.strip():
        return False
    if quote_filter.selection == SELECT_QUOTES and not segment.is_quote:
        return False
    if quote_filter.selection == SELECT_CODED and not segment.is_coded:
        return False
    if quote_filter.statements and segment.statement not in quote_filter.statements:
        return False
    if themes and not themes.intersection(segment.themes):
        return False
    return not (quote_filter.arenas and segment.arena not in quote_filter.arenas)
