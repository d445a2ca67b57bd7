"""Who spoke when, from what only this project knows: the facilitator's live capture.

Speech recognition hears words, not people. During the session the facilitator picked a
speaker for every live quote, and typing began while or just after that person spoke. Those
moments mark stretches of the recording as one person's turn; where the next quoted person
takes over, the change lies at the longest pause in between. A recognised stretch that falls
mostly inside one turn gets that person as a *suggestion*; one that spans a change at a
pause is split there; the rest stays without a speaker ("onbekend").
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from goedwerkplaats.model.session import KIND_LIVE, Session
from goedwerkplaats.speech.recognise import Piece, Word

REACH_BEFORE = 30.0  # seconds a speaker may have spoken before typing of their quote began
REACH_AFTER = 20.0  # and may go on speaking after it began
SLACK = 3.0  # typing may begin a moment after the speaker stopped and the next one began
MIN_PAUSE = 0.3  # seconds of silence between words that can be a change of speaker
MIN_OVERLAP = 0.5  # share of a stretch that must lie in one turn to suggest its speaker


@dataclass(frozen=True)
class Anchor:
    """`speaker` spoke at `time` (recording seconds) and surely until `until`.

    For a live quote `time` is when typing began, and the speaker may have stopped a moment
    before that (`SLACK`); for a stelling read out, the whole reading is the facilitator's."""

    time: float
    speaker: str
    until: float | None = None

    @property
    def spoke_until(self) -> float:
        return self.time - SLACK if self.until is None else self.until


@dataclass(frozen=True)
class Turn:
    """Where the live capture says `speaker` had the floor (recording seconds)."""

    speaker: str
    start: float
    end: float
    change_at_pause: bool = False  # its start is a pause where the speaker changed


def live_anchors(session: Session, offset: float) -> list[Anchor]:
    """The live quotes with a speaker, in recording seconds (`offset`: recording start)."""
    return sorted(
        (
            Anchor(round(s.start - offset, 3), s.speaker)
            for s in session.segments
            if s.kind == KIND_LIVE and s.speaker and s.text.strip()
        ),
        key=lambda a: a.time,
    )


def live_turns(anchors: Sequence[Anchor], words: Sequence[Word]) -> list[Turn]:
    """Turns of one speaker each, their borders at the pause where the speaker changed."""
    runs: list[list[Anchor]] = []
    for anchor in anchors:
        if runs and runs[-1][0].speaker == anchor.speaker:
            runs[-1].append(anchor)
        else:
            runs.append([anchor])
    starts = [run[0].time - REACH_BEFORE for run in runs]
    ends = [max(run[-1].time, run[-1].spoke_until) + REACH_AFTER for run in runs]
    at_pause = [False] * len(runs)
    for index in range(len(runs) - 1):
        last, first = runs[index][-1].spoke_until, runs[index + 1][0].time
        pause = longest_pause(words, last, first)
        change = pause if pause is not None else (max(last, runs[index][-1].time) + first) / 2
        ends[index] = min(ends[index], change)
        starts[index + 1] = max(starts[index + 1], change)
        at_pause[index + 1] = pause is not None
    return [
        Turn(run[0].speaker, max(0.0, start), end, pause)
        for run, start, end, pause in zip(runs, starts, ends, at_pause, strict=True)
        if end > start
    ]


def longest_pause(words: Sequence[Word], after: float, before: float) -> float | None:
    """The middle of the longest silence between words lying in (after, before)."""
    best, best_length = None, MIN_PAUSE
    for previous, following in itertools.pairwise(words):
        middle = (previous.end + following.start) / 2
        length = following.start - previous.end
        if after <= middle <= before and length >= best_length:
            best, best_length = middle, length
    return best


def split_at_changes(pieces: Sequence[Piece], turns: Sequence[Turn]) -> list[Piece]:
    """Stretches cut where a turn begins at a pause inside them."""
    changes = [turn.start for turn in turns if turn.change_at_pause]
    result: list[Piece] = []
    for piece in pieces:
        words = list(piece.words)
        part: list[Word] = []
        for word in words:
            if part and any(part[-1].end <= c <= word.start for c in changes):
                result.append(Piece(part[0].start, part[-1].end, tuple(part)))
                part = []
            part.append(word)
        if part:
            result.append(Piece(part[0].start, part[-1].end, tuple(part)))
    return result


def suggest(start: float, end: float, turns: Sequence[Turn]) -> str | None:
    """The speaker whose turn covers most of [start, end], if it covers enough of it."""
    length = max(end - start, 0.1)
    best, best_share = None, MIN_OVERLAP
    for turn in turns:
        overlap = min(end, turn.end) - max(start, turn.start)
        if start == end and turn.start <= start <= turn.end:
            overlap = length
        share = overlap / length
        if share >= best_share:
            best, best_share = turn.speaker, share
    return best
