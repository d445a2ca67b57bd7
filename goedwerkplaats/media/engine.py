"""The playback engine: commands from the screen, samples to the output, one clock for both.

The screen's thread only sets state under a short lock (never decodes, never waits for the
output); the output's thread calls `pull`, which seeks, decodes and stretches there. The
position is the recording time of the last sample handed to the output.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from goedwerkplaats.media.decoder import AudioDecoder
from goedwerkplaats.media.tempo import MAX_SPEED, MIN_SPEED, Tempo

_SILENCE = np.zeros(0, dtype=np.float32)


@dataclass
class _Shared:
    """What both threads see; only touched under the engine's lock."""

    playing: bool = False
    position: float = 0.0
    seek: float | None = 0.0
    speed: float = 1.0
    stop_at: float | None = None
    commands: int = 0  # counts the screen's commands, so a stale pull does not overwrite one
    requested_at: float | None = None  # when play was pressed, for the latency figure


class PlaybackEngine:
    def __init__(self, decoder: AudioDecoder) -> None:
        self._decoder = decoder
        self.rate = decoder.rate
        self.duration = decoder.duration
        self._lock = threading.Lock()
        self._shared = _Shared()
        self.wake: Callable[[], None] = lambda: None  # the output wakes at once on play
        # the output thread's own state
        self._buffer = _SILENCE
        self._tempo: Tempo | None = None
        self._ended = False
        self.latencies: list[float] = []  # seconds from play to the first sample handed out

    # ------------------------------------------------------------ the screen's side

    @property
    def position(self) -> float:
        return self._shared.position

    @property
    def playing(self) -> bool:
        return self._shared.playing

    @property
    def speed(self) -> float:
        return self._shared.speed

    def play(self) -> None:
        with self._lock:
            shared = self._shared
            if shared.position >= self.duration - 0.01:  # at the end: play from the start
                shared.position, shared.seek = 0.0, 0.0
            shared.playing = True
            shared.requested_at = time.perf_counter()
            shared.commands += 1
        self.wake()

    def pause(self) -> None:
        with self._lock:
            self._shared.playing = False
            self._shared.stop_at = None
            self._shared.commands += 1

    def toggle(self) -> bool:
        """Play or pause; True when it now plays."""
        if self.playing:
            self.pause()
            return False
        self.play()
        return True

    def seek(self, seconds: float) -> float:
        """Go to `seconds` of the recording (clamped to it); the position shows it at once."""
        target = min(max(0.0, seconds), self.duration)
        with self._lock:
            self._shared.position = target
            self._shared.seek = target
            self._shared.commands += 1
        self.wake()
        return target

    def set_speed(self, speed: float) -> float:
        speed = round(min(max(speed, MIN_SPEED), MAX_SPEED), 2)
        with self._lock:
            self._shared.speed = speed
            self._shared.commands += 1
        return speed

    def play_range(self, start: float, end: float) -> None:
        """Play from `start` and stop by itself at `end`."""
        self.seek(start)
        with self._lock:
            self._shared.stop_at = min(end, self.duration)
        self.play()

    # ------------------------------------------------------------ the output's side

    def pull(self, frames: int) -> np.ndarray:
        """Exactly `frames` samples for the output: sound while playing, silence otherwise."""
        with self._lock:
            shared = self._shared
            seek, shared.seek = shared.seek, None
            playing, speed, stop_at = shared.playing, shared.speed, shared.stop_at
            position, commands, requested = shared.position, shared.commands, shared.requested_at
        if seek is not None:
            self._restart(seek, speed)
            position = seek
        elif (self._tempo.speed if self._tempo is not None else 1.0) != speed:
            self._restart(position, speed)
        if not playing:
            return np.zeros(frames, dtype=np.float32)
        out, position, stopped = self._take(frames, position, speed, stop_at)
        with self._lock:
            shared = self._shared
            if shared.commands == commands:  # no newer command from the screen meanwhile
                shared.position = position
                if stopped:
                    shared.playing, shared.stop_at = False, None
            if requested is not None and shared.requested_at == requested and len(out):
                self.latencies.append(time.perf_counter() - requested)
                shared.requested_at = None
        if len(out) < frames:
            out = np.concatenate([out, np.zeros(frames - len(out), dtype=np.float32)])
        return out

    def close(self) -> None:
        self._decoder.close()

    def _restart(self, seconds: float, speed: float) -> None:
        self._decoder.seek(seconds)
        self._buffer = _SILENCE
        self._tempo = None if speed == 1.0 else Tempo(speed, self.rate)
        self._ended = False

    def _take(
        self, frames: int, position: float, speed: float, stop_at: float | None
    ) -> tuple[np.ndarray, float, bool]:
        self._fill(frames)
        out, self._buffer = self._buffer[:frames], self._buffer[frames:]
        advance = len(out) * speed / self.rate
        if stop_at is not None and position + advance >= stop_at:
            keep = max(0, int((stop_at - position) / speed * self.rate))
            return out[:keep], stop_at, True
        if self._ended and not len(self._buffer) and len(out) < frames:
            return out, self.duration, True
        return out, min(position + advance, self.duration), False

    def _fill(self, frames: int) -> None:
        parts = [self._buffer]
        have = len(self._buffer)
        while have < frames and not self._ended:
            chunk = self._decoder.read()
            if chunk is None:
                self._ended = True
                tail = self._tempo.flush() if self._tempo is not None else _SILENCE
                parts.append(tail)
                have += len(tail)
                break
            samples = chunk.samples if self._tempo is None else self._tempo.process(chunk.samples)
            parts.append(samples)
            have += len(samples)
        if len(parts) > 1:
            self._buffer = np.concatenate(parts)
