"""Transcribing from the recording: a typed turn becomes a transcript segment at the
recording time at which typing began, as live capture stamps a quote."""

from __future__ import annotations

from goedwerkplaats.coding.inline_codes import parse_inline_codes
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import KIND_TRANSCRIPT, Segment, Session

RESUME_REWIND = 1.5  # after a pause for typing, play on from a little earlier, to pick up


def typed_segment(
    session: Session, guide: Guide, began_at: float, speaker: str | None, text: str
) -> Segment | None:
    """The transcript segment for a typed turn; None for an empty line. InlineCodeError
    (with a Dutch message) for an unknown #code, so the words stay in the line."""
    parsed = parse_inline_codes(text.strip(), guide)
    if not parsed.text:
        return None
    start = round(session.session_time(began_at), 3)
    return Segment(
        id=session.segments.next_id(),
        start=start,
        speaker=speaker,
        statement=_statement_at(session, start),
        text=parsed.text,
        themes=parsed.themes,
        arena=parsed.arena,
        kind=KIND_TRANSCRIPT,
    )


def _statement_at(session: Session, start: float) -> str | None:
    """The stelling of the moment: from the live capture's timeline, else the stelling of the
    turn typed before (set with the stelling key once, it carries on)."""
    if session.timeline:
        return session.statement_at(start)
    before = [s for s in session.segments if s.start <= start and not s.is_marker]
    return before[-1].statement if before else None
