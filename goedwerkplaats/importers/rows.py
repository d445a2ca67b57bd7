"""Utterances on their way to becoming segments: times, merging, and turns for matching."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from goedwerkplaats.importers.live import Spoken

TURN_CUES = 4  # cues of one speaker taken together when looking for a live quote


@dataclass
class Row:
    line: int
    speaker: str | None  # participant id
    text: str
    themes: tuple[str, ...]
    arena: str | None
    start: float | None  # recording seconds; None when the file gives no time
    end: float | None
    mark: tuple[str, int] | None = None  # (stelling, line) of a stelling line just before
    statement: str | None = None
    went_back: bool = False  # its time lies before the row above it: out of place
    session_start: float = 0.0
    session_end: float | None = None
    quote: bool = False  # marked `#!` in the file: a citaat


def fill_times(rows: list[Row], offset: float) -> None:
    """Session seconds for every row; a row without a time takes the one before it."""
    last = 0.0
    for row in rows:
        if row.start is None:
            row.start = last
        row.went_back = row.start < last
        last = row.start
        row.session_start = round(row.start + offset, 3)
        row.session_end = None if row.end is None else round(row.end + offset, 3)


def merge_rows(rows: list[Row]) -> list[Row]:
    """Consecutive rows of one speaker become one (VTT/SRT split sentences into cues)."""
    merged: list[Row] = []
    for row in rows:
        previous = merged[-1] if merged else None
        if previous is not None and _mergeable(previous, row):
            previous.text = f"{previous.text} {row.text}"
            previous.themes = tuple(dict.fromkeys((*previous.themes, *row.themes)))
            previous.arena = previous.arena or row.arena
            previous.quote = previous.quote or row.quote
            previous.session_end = _later(previous.session_end, row.session_end)
            continue
        merged.append(dataclasses.replace(row))
    return merged


def _mergeable(previous: Row, row: Row) -> bool:
    return (
        row.speaker is not None
        and row.speaker == previous.speaker
        and row.mark is None
        and not (row.went_back or previous.went_back)  # a time going back is kept apart
        and row.statement == previous.statement
        and (row.arena is None or previous.arena is None or row.arena == previous.arena)
    )


def _later(a: float | None, b: float | None) -> float | None:
    if a is None or b is None:
        return a if b is None else b
    return max(a, b)


def turns(rows: list[Row]) -> list[Spoken]:
    """Cues of one speaker in a row as one piece (recording seconds): a live quote often
    spans several cues. Capped at a few cues, so that the end of a piece, which the
    recording's start is estimated from, stays close to the quoted words."""
    pieces: list[Spoken] = []
    last_speaker: object = object()
    length = 0
    for row in rows:
        if row.speaker is not None and row.speaker == last_speaker and length < TURN_CUES:
            previous = pieces[-1]
            pieces[-1] = Spoken(previous.start, row.end, row.speaker, f"{previous.text} {row.text}")
            length += 1
            continue
        pieces.append(Spoken(row.start, row.end, row.speaker, row.text))
        last_speaker, length = row.speaker, 1
    return pieces
