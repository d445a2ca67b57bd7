"""Finding where the facilitator's live quotes were said in the transcript.

Live quotes are typed during the session, often shortened or paraphrased, and stamped with
the moment they were captured (session seconds). A quote matches a transcript segment on
its words (weighted: rare words count more), its speaker, and, when the recording's start in
session time is known, on time: a quote is captured during or shortly after it was said.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from goedwerkplaats.importers.textmatch import content_words
from goedwerkplaats.model.session import Segment

# A quote is captured at most this long before / after the segment it came from (seconds).
CAPTURED_BEFORE = 30.0
CAPTURED_AFTER = 180.0
MIN_COVERAGE = 0.5  # share of the quote's (weighted) words found in the segment
MIN_WORDS = 2
# Evidence for the recording's start must be stronger: an unambiguous, near-verbatim match.
SURE_COVERAGE = 0.7
SURE_WORDS = 4
SURE_MARGIN = 0.15
AGREE_WITHIN = 120.0  # offsets from different quotes that agree within this, in seconds
MIN_EVIDENCE = 2


@dataclass(frozen=True)
class Spoken:
    """A piece of transcript to match against; times in the clock the caller uses."""

    start: float | None
    end: float | None
    speaker: str | None
    text: str


@dataclass(frozen=True)
class Estimate:
    offset: float  # recording start in session seconds
    evidence: int  # live quotes that agree on it


class WordIndex:
    """Which pieces contain which words; rare words weigh more (inverse document frequency)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.words = [frozenset(content_words(text)) for text in texts]
        self._postings: dict[str, list[int]] = defaultdict(list)
        for index, words in enumerate(self.words):
            for word in words:
                self._postings[word].append(index)
        self._size = len(texts)
        # Words in a large share of the pieces cannot point to one; they only add weight.
        self._common = max(50, self._size // 10)

    def weight(self, word: str) -> float:
        return math.log((self._size + 1) / (len(self._postings.get(word, ())) + 1)) + 1.0

    def coverage(self, words: frozenset[str]) -> dict[int, tuple[float, int]]:
        """Per piece sharing a rarer word: (weighted share of `words` it holds, words shared)."""
        weights = {word: self.weight(word) for word in words}
        total = sum(weights.values())
        common = [w for w in words if len(self._postings.get(w, ())) > self._common]
        share: dict[int, float] = defaultdict(float)
        count: dict[int, int] = defaultdict(int)
        for word in words:
            if word in common:
                continue
            for index in self._postings.get(word, ()):
                share[index] += weights[word]
                count[index] += 1
        for index in share:
            for word in common:
                if word in self.words[index]:
                    share[index] += weights[word]
                    count[index] += 1
        return {i: (share[i] / total, count[i]) for i in share}


def estimate_offset(quotes: Sequence[Segment], spoken: Sequence[Spoken]) -> Estimate | None:
    """The recording's start in session seconds, from quotes that match beyond doubt.

    `spoken` are turns in recording seconds. None when fewer than two quotes agree: then
    there is no evidence, and guessing would misplace every segment."""
    index = WordIndex([s.text for s in spoken])
    offsets: list[float] = []
    for quote in quotes:
        words = frozenset(content_words(quote.text))
        if len(words) < SURE_WORDS:
            continue
        ranked = sorted(index.coverage(words).items(), key=lambda kv: -kv[1][0])
        if not ranked:
            continue
        best, (share, count) = ranked[0]
        runner_up = ranked[1][1][0] if len(ranked) > 1 else 0.0
        piece = spoken[best]
        if share < SURE_COVERAGE or count < SURE_WORDS or share - runner_up < SURE_MARGIN:
            continue
        said_until = piece.end if piece.end is not None else piece.start
        if _speakers_differ(quote.speaker, piece.speaker) or said_until is None:
            continue
        # A quote is captured right after the words were said: compare with their end.
        offsets.append(quote.start - said_until)
    if len(offsets) < MIN_EVIDENCE:
        return None
    middle = statistics.median(offsets)
    agreeing = [o for o in offsets if abs(o - middle) <= AGREE_WITHIN]
    if len(agreeing) < MIN_EVIDENCE or 2 * len(agreeing) < len(offsets):
        return None
    return Estimate(round(statistics.median(agreeing), 3), len(agreeing))


def match_quotes(
    quotes: Sequence[Segment], segments: Sequence[Segment], timed: bool
) -> dict[str, int]:
    """Live quote id → index of the transcript segment it came from (session seconds).

    With `timed` False the recording's start is unknown: time is ignored and a match must
    then stand out clearly from the next best."""
    index = WordIndex([s.text for s in segments])
    found: dict[str, int] = {}
    for quote in quotes:
        words = frozenset(content_words(quote.text))
        if len(words) < MIN_WORDS:
            continue
        scored = [
            (score, i)
            for i, (share, count) in index.coverage(words).items()
            if share >= MIN_COVERAGE and count >= MIN_WORDS
            if (score := _score(quote, segments[i], share, timed)) is not None
        ]
        if not scored:
            continue
        scored.sort(reverse=True)
        if not timed and len(scored) > 1 and scored[0][0] - scored[1][0] < SURE_MARGIN:
            continue  # two places fit equally well and time cannot tell them apart
        found[quote.id] = scored[0][1]
    return found


def _score(quote: Segment, segment: Segment, share: float, timed: bool) -> float | None:
    score = share
    if quote.speaker and segment.speaker:
        score += 0.15 if quote.speaker == segment.speaker else -0.3
    if timed:
        said_from = segment.start - CAPTURED_BEFORE
        said_until = (segment.end or segment.start) + CAPTURED_AFTER
        if not said_from <= quote.start <= said_until:
            return None
        # closer to the end of what was said is likelier: quotes are typed right after
        distance = abs(quote.start - (segment.end or segment.start))
        score += 0.1 * max(0.0, 1.0 - distance / CAPTURED_AFTER)
    return score


def _speakers_differ(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b
