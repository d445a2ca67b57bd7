"""A session's segments as the lines of a coded transcript, ready for any format."""

from __future__ import annotations

from dataclasses import dataclass

from goedwerkplaats.exporters.privacy import Anonymizer
from goedwerkplaats.exporters.selection import exported_segments
from goedwerkplaats.exporters.text_clean import clean_text
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Session


@dataclass(frozen=True)
class TranscriptLine:
    """One segment: `time` in recording seconds when the session has a recording mark."""

    segment: str
    time: float
    speaker: str
    statement: str | None
    text: str
    themes: tuple[str, ...]
    arena: str
    is_quote: bool
    is_marker: bool
    note: str

    @property
    def has_codes(self) -> bool:
        return bool(self.themes or self.arena or self.is_quote)


def transcript_lines(
    session: Session, guide: Guide, anonymizer: Anonymizer
) -> list[TranscriptLine]:
    """Every exported segment in time order; theme and arena as labels from the guide."""
    lines = []
    for segment in exported_segments(session):
        text = clean_text(anonymizer.text(segment.text)).strip()
        if not text and not segment.is_marker:
            continue
        lines.append(
            TranscriptLine(
                segment=segment.id,
                time=session.recording_time(segment.start),
                speaker=anonymizer.speaker(segment.speaker) if segment.speaker else "",
                statement=segment.statement,
                text=text,
                themes=tuple(guide.theme_label(t) for t in segment.themes),
                arena=guide.arena_label(segment.arena),
                is_quote=segment.is_quote,
                is_marker=segment.is_marker,
                note=clean_text(anonymizer.text(segment.note)).strip(),
            )
        )
    return lines
