"""Progress reports for long exports, for the app's progress bar."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
"""Called as progress(done, total); `total` stays the same during one export."""


class ProgressTicker:
    """Reports every `step` items and at the end, so a callback never slows an export down."""

    def __init__(self, total: int, callback: Progress | None, step: int = 200) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._callback = callback
        self._step = step
        self._next = step

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self._callback is not None and self.done >= self._next:
            self._next = self.done + self._step
            self._callback(min(self.done, self.total), self.total)

    def finish(self) -> None:
        self.done = self.total
        if self._callback is not None:
            self._callback(self.total, self.total)
