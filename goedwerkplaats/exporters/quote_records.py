"""Selected segments as they may leave the project: pseudonymised, masked and cleaned.

Every quote export works from these records, so the privacy rules are applied in one place:
speakers as pseudonyms (real names only when asked), participants' names inside the text
replaced by their pseudonyms, the project's mask terms replaced, unstorable characters gone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from goedwerkplaats.exporters.privacy import Anonymizer
from goedwerkplaats.exporters.selection import Selected
from goedwerkplaats.exporters.text_clean import clean_text
from goedwerkplaats.model.session import Session
from goedwerkplaats.model.timecode import format_time
from goedwerkplaats.privacy.mask_terms import MaskList
from goedwerkplaats.privacy.singling_out import Values

SOURCE_SESSION = "sessie"
SOURCE_ATTRIBUTES = "kenmerken"
SOURCE_NONE = "geen"
SOURCES = (SOURCE_SESSION, SOURCE_ATTRIBUTES, SOURCE_NONE)

ROW_FIELDS = (
    "session",
    "segment",
    "start",
    "time",
    "speaker",
    "stelling",
    "themes",
    "arena",
    "text",
    "citaat",
    "note",
)


@dataclass(frozen=True)
class QuoteRecord:
    """One exported segment. `start` is recording time when the session has a recording mark."""

    session: str
    segment: str
    start: float
    speaker: str
    statement: str | None
    themes: tuple[str, ...]
    arena: str | None
    text: str
    is_quote: bool
    note: str
    attribution: str

    @property
    def time(self) -> str:
        return format_time(self.start)

    def as_row(self) -> dict[str, object]:
        """The fields of the CSV and JSON exports, under their documented names."""
        return {
            "session": self.session,
            "segment": self.segment,
            "start": round(self.start, 3),
            "time": self.time,
            "speaker": self.speaker,
            "stelling": self.statement,
            "themes": list(self.themes),
            "arena": self.arena,
            "text": self.text,
            "citaat": self.is_quote,
            "note": self.note,
        }

    def source(self, kind: str = SOURCE_SESSION) -> str:
        """The discreet reference under a quote: '(gwp-1, P3, 00:12:34)' or its attributes."""
        if kind == SOURCE_NONE:
            return ""
        if kind == SOURCE_ATTRIBUTES and self.attribution:
            return f"({self.attribution})"
        return f"({self.session}, {self.speaker}, {self.time})"


def anonymizers(sessions: Iterable[Session], mask: MaskList, names: bool) -> dict[str, Anonymizer]:
    return {s.id: Anonymizer(s, mask, names=names) for s in sessions}


def prepare(
    selected: Iterable[Selected],
    by_session: dict[str, Anonymizer],
    shown: Mapping[tuple[str, str], Values] | None = None,
) -> list[QuoteRecord]:
    """Records for the selected segments, in the order given; `shown` replaces the
    characteristics of a (session, participant) in its attribution (see privacy.singling_out)."""
    attributions: dict[tuple[str, str | None], str] = {}
    records = []
    for item in selected:
        session, segment = item.session, item.segment
        anonymizer = by_session.get(session.id) or Anonymizer(session)
        key = (session.id, segment.speaker)
        if key not in attributions:
            attributions[key] = _attribution(session, segment.speaker, anonymizer, shown)
        records.append(
            QuoteRecord(
                session=session.id,
                segment=segment.id,
                start=item.recording_time,
                speaker=anonymizer.speaker(segment.speaker),
                statement=segment.statement,
                themes=segment.themes,
                arena=segment.arena,
                text=clean_text(anonymizer.text(segment.text)).strip(),
                is_quote=segment.is_quote,
                note=clean_text(anonymizer.text(segment.note)).strip(),
                attribution=attributions[key],
            )
        )
    return records


def _attribution(
    session: Session,
    speaker: str | None,
    anonymizer: Anonymizer,
    shown: Mapping[tuple[str, str], Values] | None = None,
) -> str:
    """The participant's attributes ('consulent, gemeente'), never who they are."""
    participant = session.participant(speaker)
    if participant is None:
        return ""
    pairs = participant.attributes
    if shown is not None:
        pairs = shown.get((session.id, participant.id), ())
    values = [clean_text(anonymizer.text(v)).strip() for _, v in pairs]
    return ", ".join(v for v in values if v)
