"""A recording to listen to: the engine with its output, opened and closed as one."""

from __future__ import annotations

from pathlib import Path

from goedwerkplaats.media.decoder import AudioDecoder
from goedwerkplaats.media.engine import PlaybackEngine
from goedwerkplaats.media.output import Output, open_output

SKIP_SECONDS = 5.0
PRE_ROLL = 1.0  # a jump to a segment starts this much earlier, to hear the turn begin
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)


class Player:
    """Play, pause, seek and change speed from any thread; sound goes out in another."""

    def __init__(self, path: Path, device: bool = True) -> None:
        self.path = path
        self.engine = PlaybackEngine(AudioDecoder(path))
        self._output: Output | None = None
        self._output, self.note = open_output(self.engine, device)

    @property
    def duration(self) -> float:
        return self.engine.duration

    @property
    def position(self) -> float:
        return self.engine.position

    @property
    def playing(self) -> bool:
        return self.engine.playing

    @property
    def speed(self) -> float:
        return self.engine.speed

    def toggle(self) -> bool:
        return self.engine.toggle()

    def play(self) -> None:
        self.engine.play()

    def pause(self) -> None:
        self.engine.pause()

    def seek(self, seconds: float) -> float:
        return self.engine.seek(seconds)

    def skip(self, seconds: float) -> float:
        return self.engine.seek(self.position + seconds)

    def jump_to(self, seconds: float) -> float:
        """To a moment with a short run-up, so its first words are heard."""
        return self.engine.seek(seconds - PRE_ROLL)

    def play_range(self, start: float, end: float) -> None:
        self.engine.play_range(max(0.0, start - PRE_ROLL), end)

    def faster(self) -> float:
        return self.engine.set_speed(_next_speed(self.speed, +1))

    def slower(self) -> float:
        return self.engine.set_speed(_next_speed(self.speed, -1))

    def close(self) -> None:
        if self._output is not None:
            self._output.close()  # first: its thread may be decoding
            self._output = None
            self.engine.close()


def _next_speed(speed: float, step: int) -> float:
    index = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - speed))
    return SPEEDS[min(max(index + step, 0), len(SPEEDS) - 1)]
