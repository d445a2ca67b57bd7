"""How far the recognition is and how long it will take still, told in Dutch."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from goedwerkplaats.model.timecode import format_time

MIN_ESTIMATE_AFTER = 3.0  # seconds of work before the time left is worth a guess


@dataclass
class Eta:
    """Time left from the pace so far (recording seconds heard per second of work)."""

    started: float = field(default_factory=time.monotonic)

    def left(self, done: float, total: float) -> float | None:
        spent = time.monotonic() - self.started
        if done <= 0 or total <= 0 or spent < MIN_ESTIMATE_AFTER:
            return None
        return max(0.0, (total - done) * spent / done)


def describe_progress(done: float, total: float, left: float | None) -> str:
    """'00:12:03 van 01:30:00 (13%), nog ongeveer 4 min'."""
    share = min(1.0, done / total) if total > 0 else 0.0
    text = f"{format_time(done)} van {format_time(total)} ({round(100 * share)}%)"
    if left is None:
        return text + ", tijd over wordt geschat…"
    if left < 60:
        return text + ", nog minder dan een minuut"
    return text + f", nog ongeveer {round(left / 60)} min"


def bar(done: float, total: float, width: int = 30) -> str:
    share = min(1.0, done / total) if total > 0 else 0.0
    filled = round(share * width)
    return "[" + "#" * filled + "-" * (width - filled) + "]"
