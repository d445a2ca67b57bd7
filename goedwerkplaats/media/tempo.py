"""Playing faster or slower without changing the pitch: FFmpeg's atempo filter."""

from __future__ import annotations

from fractions import Fraction

import av
import numpy as np

MIN_SPEED = 0.5
MAX_SPEED = 2.0


class Tempo:
    """Mono float32 samples in, the same sound at `speed` out (fewer samples when faster)."""

    def __init__(self, speed: float, rate: int) -> None:
        if not MIN_SPEED <= speed <= MAX_SPEED:
            raise ValueError(f"speed {speed} outside {MIN_SPEED}-{MAX_SPEED}")
        self.speed = speed
        self.rate = rate
        self._time_base = Fraction(1, rate)
        self._pts = 0
        self._graph = av.filter.Graph()
        source = self._graph.add_abuffer(
            sample_rate=rate, format="flt", layout="mono", time_base=self._time_base
        )
        tempo = self._graph.add("atempo", f"{speed:.4f}")
        sink = self._graph.add("abuffersink")
        source.link_to(tempo)
        tempo.link_to(sink)
        self._graph.configure()

    def process(self, samples: np.ndarray) -> np.ndarray:
        frame = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(samples, dtype=np.float32).reshape(1, -1),
            format="flt",
            layout="mono",
        )
        frame.sample_rate = self.rate
        frame.pts = self._pts
        frame.time_base = self._time_base
        self._pts += len(samples)
        self._graph.push(frame)
        return self._drain()

    def flush(self) -> np.ndarray:
        """What the filter still holds at the end of the recording."""
        self._graph.push(None)
        return self._drain()

    def _drain(self) -> np.ndarray:
        parts = []
        while True:
            try:
                frame = self._graph.pull()
            except (av.BlockingIOError, av.EOFError):
                break
            parts.append(frame.to_ndarray().reshape(-1))
        if not parts:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate(parts).astype(np.float32, copy=False)
