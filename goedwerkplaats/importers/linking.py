"""Linking the session's live quotes to the new transcript segments they were taken from."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from goedwerkplaats.importers.live import match_quotes
from goedwerkplaats.model.session import FLAG_QUOTE, FLAG_VERIFIED, KIND_LIVE, Segment, Session

BEFORE_RECORDING = 60.0  # seconds; quotes this long before the first segment may still fit
AFTER_RECORDING = 300.0  # and this long after the last (typing takes time)


@dataclass
class LiveLinks:
    segments: list[Segment]  # the transcript segments, with codes taken over
    updates: list[Segment] = field(default_factory=list)  # live quotes, linked and verified
    before: list[Segment] = field(default_factory=list)  # the same quotes as they were
    unmatched: list[Segment] = field(default_factory=list)
    outside: int = 0


def live_quotes(session: Session) -> list[Segment]:
    """Live quotes not yet linked to a transcript (an earlier import may have linked some)."""
    return [
        s for s in session.segments if s.kind == KIND_LIVE and s.link is None and s.text.strip()
    ]


def link_live_quotes(session: Session, segments: list[Segment], timed: bool) -> LiveLinks:
    """`timed`: the segments are in true session time, so time can help matching."""
    quotes = live_quotes(session)
    result = LiveLinks(list(segments))
    if not quotes or not segments:
        return result
    inside, outside = _within(quotes, segments) if timed else (quotes, [])
    result.outside = len(outside)
    found = match_quotes(inside, segments, timed)
    linked: dict[int, list[Segment]] = {}
    for quote in inside:
        index = found.get(quote.id)
        if index is None:
            result.unmatched.append(quote)
            continue
        linked.setdefault(index, []).append(quote)
        result.before.append(quote)
        result.updates.append(
            dataclasses.replace(
                quote, link=segments[index].id, flags=quote.with_flag(FLAG_VERIFIED, True)
            )
        )
    for index, quotes_here in linked.items():
        result.segments[index] = _take_over_codes(result.segments[index], quotes_here)
    return result


def _within(quotes: list[Segment], segments: list[Segment]) -> tuple[list[Segment], list[Segment]]:
    """Quotes captured while this transcript's recording ran (a session may have two)."""
    first = min(s.start for s in segments) - BEFORE_RECORDING
    last = max((s.end or s.start) for s in segments) + AFTER_RECORDING
    inside = [q for q in quotes if first <= q.start <= last]
    return inside, [q for q in quotes if not first <= q.start <= last]


def _take_over_codes(segment: Segment, quotes: list[Segment]) -> Segment:
    """The transcript segment also carries the codes the facilitator gave live: exports show
    the transcript segment in the quote's place, so no code may stay behind on the quote."""
    themes = tuple(dict.fromkeys((*segment.themes, *(t for q in quotes for t in q.themes))))
    arena = segment.arena or next((q.arena for q in quotes if q.arena), None)
    flags = segment.flags
    if any(q.is_quote for q in quotes):
        flags = segment.with_flag(FLAG_QUOTE, True)
    return dataclasses.replace(segment, themes=themes, arena=arena, flags=flags)
