"""The fragments a report can draw on, and what may be printed as a quote.

Only a participant's verbatim words are a quote: transcript segments spoken by a participant.
A live quote linked to its transcript segment is shown once, as that segment (see
`selection.exported_segments`). A live quote without such a link is the facilitator's note of
what was said — a paraphrase — and is never printed as a quote; it may appear, marked as a
note, when the outline asks for notes. The facilitator's own lines never appear.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from goedwerkplaats.exporters.selection import SELECT_ALL, SELECT_CODED, SELECT_QUOTES
from goedwerkplaats.model.session import KIND_LIVE, KIND_TRANSCRIPT, Session


@dataclass(frozen=True)
class Fragment:
    session: str
    segment: str
    start: float  # session seconds, for the time order
    speaker: str  # participant id
    statement: str | None
    themes: tuple[str, ...]
    arena: str | None
    primary: str | None
    starred: bool
    note: bool  # a facilitator's note (unlinked live quote), never printed as a quote
    ref: str = ""  # 'sessie/segment', as rapport/keuze.yaml names it

    def __post_init__(self) -> None:
        if not self.ref:
            object.__setattr__(self, "ref", f"{self.session}/{self.segment}")


def chronological(sessions: Iterable[Session]) -> list[Session]:
    """Sessions by date (undated last), then id: the order 'chronological' means."""
    return sorted(sessions, key=lambda s: (s.meta.date or "9999", s.id))


def participant_fragments(
    sessions: Iterable[Session], selection: str = SELECT_CODED, notes: bool = False
) -> list[Fragment]:
    """Participants' fragments in chronological order: verbatim ones, and with `notes` the
    facilitator's unlinked live notes too (marked as such)."""
    result = []
    for session in chronological(sessions):
        for segment in session.segments:
            if segment.is_marker or not segment.text.strip() or segment.speaker is None:
                continue
            if session.is_facilitator(segment.speaker) or session.is_superseded(segment):
                continue
            note = segment.kind == KIND_LIVE
            if (note and not notes) or segment.kind not in (KIND_LIVE, KIND_TRANSCRIPT):
                continue
            if selection == SELECT_QUOTES and not segment.is_quote:
                continue
            if selection == SELECT_CODED and not segment.is_coded:
                continue
            result.append(
                Fragment(
                    session=session.id,
                    segment=segment.id,
                    start=segment.start,
                    speaker=segment.speaker,
                    statement=segment.statement,
                    themes=tuple(dict.fromkeys(segment.themes)),
                    arena=segment.arena,
                    primary=segment.primary_theme,
                    starred=segment.is_quote,
                    note=note,
                )
            )
    return result


def counted_fragments(sessions: Iterable[Session]) -> list[Fragment]:
    """What 'who raised this' counts: every participant fragment with a theme, the
    facilitator's live notes counting the participant they are about (never a quote)."""
    return counted_among(participant_fragments(sessions, SELECT_ALL, notes=True))


def counted_among(every: Iterable[Fragment]) -> list[Fragment]:
    """The counted ones among all participant fragments with notes (see `counted_fragments`),
    for a caller that already has them."""
    return [f for f in every if f.themes]
