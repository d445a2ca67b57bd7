"""Where the playhead is among the segments: following, markers, linked live quotes.

Segments keep session seconds; the player speaks recording seconds. The session's
recording offset (opname_start) converts between them, as everywhere else.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from goedwerkplaats.model.session import KIND_LIVE, Segment, Session

MARKER_GAP = 1.5  # "previous marker" skips the one just jumped to, as a second press should


def segment_at(session: Session, rows: Sequence[Segment], position: float) -> Segment | None:
    """The row being spoken at `position` (recording seconds): the last that began before it."""
    starts = [session.recording_time(s.start) for s in rows]
    index = bisect.bisect_right(starts, position + 1e-6) - 1
    return rows[index] if index >= 0 else None


def next_marker(session: Session, position: float, run_up: float = 0.0) -> Segment | None:
    """The first marker after the playhead; `run_up` is how far a jump lands before its
    marker, so a second press goes on to the next one."""
    limit = position + run_up + 0.05
    later = [s for s in _markers(session) if session.recording_time(s.start) > limit]
    return later[0] if later else None


def previous_marker(session: Session, position: float) -> Segment | None:
    limit = position - MARKER_GAP
    earlier = [s for s in _markers(session) if session.recording_time(s.start) < limit]
    return earlier[-1] if earlier else None


def _markers(session: Session) -> list[Segment]:
    return [s for s in session.segments if s.is_marker]


def live_quote_of(session: Session, segment: Segment) -> Segment | None:
    """The live quote behind a segment: itself when it is one, else one linked to it."""
    if segment.kind == KIND_LIVE and not segment.is_marker:
        return segment
    return next((s for s in session.segments if s.link == segment.id), None)
