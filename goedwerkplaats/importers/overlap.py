"""A second transcript of the same recording, found before it doubles the session.

Two transcripts of one recording (Zoom's and a typed one, or an import and a transcription)
cover the same stretch of session time. Parts of one recording imported one after the other
do not: a new part starts where the earlier one ended (given its recording start)."""

from __future__ import annotations

from collections.abc import Sequence

from goedwerkplaats.importers.plan_model import Overlap
from goedwerkplaats.model.session import Segment, Session

# share of the new segments that must start within an earlier import's stretch; a few at the
# edge (a part that starts where the last one stopped) are no second transcript
OVERLAP_SHARE = 0.25


def find_overlaps(session: Session, new: Sequence[Segment]) -> tuple[Overlap, ...]:
    """The earlier imports whose stretch of session time the `new` segments largely repeat."""
    if not new:
        return ()
    found = []
    for record in session.imports:
        times = [s.start for s in session.segments if s.source == record.id]
        ends = [s.end for s in session.segments if s.source == record.id and s.end is not None]
        if not times:  # its segments were all removed since: nothing to double
            continue
        start, end = min(times), max((*times, *ends))
        inside = sum(1 for s in new if start <= s.start <= end)
        if inside and inside >= OVERLAP_SHARE * len(new):
            found.append(Overlap(record.file, record.when, start, end, inside, len(new)))
    return tuple(found)
