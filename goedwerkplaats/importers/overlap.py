"""A second transcript of the same recording, found before it doubles the session.

Two transcripts of one recording (Zoom's and a typed one, or an import and a transcription)
cover the same stretch of session time. Parts of one recording imported one after the other
do not: a new part starts where the earlier one ended (given its recording start).

Two checks, one idea: `find_overlaps` looks at the segments a new transcript would add;
`span_overlaps` at a recording's stretch of session time alone, so that `transcribe` can ask
before minutes of listening rather than after."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from goedwerkplaats.importers.plan_model import Overlap
from goedwerkplaats.model.session import ImportRecord, Segment, Session

# share of the new segments (or of the recording's time) that must lie within an earlier
# import's stretch; a few at the edge (a part that starts where the last one stopped) are no
# second transcript
OVERLAP_SHARE = 0.25


def find_overlaps(session: Session, new: Sequence[Segment]) -> tuple[Overlap, ...]:
    """The earlier imports whose stretch of session time the `new` segments largely repeat."""
    if not new:
        return ()
    found = []
    for record, start, end in _stretches(session):
        inside = sum(1 for s in new if start <= s.start <= end)
        if inside and inside >= OVERLAP_SHARE * len(new):
            found.append(Overlap(record.file, record.when, start, end, inside, len(new)))
    return tuple(found)


@dataclass(frozen=True)
class SpanOverlap:
    """An earlier import whose stretch covers much of a recording not yet heard."""

    file: str  # the earlier import's file name
    when: str  # when it was imported
    start: float  # session seconds: the stretch the earlier import's segments cover
    end: float
    shared: float  # seconds of the recording within that stretch
    length: float  # the recording's length in seconds


def span_overlaps(session: Session, start: float, end: float) -> tuple[SpanOverlap, ...]:
    """The earlier imports whose stretch covers at least OVERLAP_SHARE of [start, end] (a
    recording's time in the session): transcribing it would most likely double them."""
    length = end - start
    if length <= 0:
        return ()
    found = []
    for record, first, last in _stretches(session):
        shared = min(end, last) - max(start, first)
        if shared > 0 and shared >= OVERLAP_SHARE * length:
            found.append(SpanOverlap(record.file, record.when, first, last, shared, length))
    return tuple(found)


def _stretches(session: Session) -> Iterator[tuple[ImportRecord, float, float]]:
    """Each earlier import with the session time its segments still cover."""
    covered: dict[str, tuple[float, float]] = {}  # one pass over the segments
    for segment in session.segments:
        if segment.source is None:
            continue
        last = segment.start if segment.end is None else max(segment.start, segment.end)
        first, latest = covered.get(segment.source, (segment.start, last))
        covered[segment.source] = (min(first, segment.start), max(latest, last))
    for record in session.imports:
        if record.id in covered:  # else its segments were all removed: nothing to double
            yield record, *covered[record.id]
