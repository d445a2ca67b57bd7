"""Recordings made for tests with PyAV: silence or a soft tone with loud clicks at known times."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np

CODECS = {
    ".wav": "pcm_s16le",
    ".m4a": "aac",
    ".mp4": "aac",
    ".mp3": "libmp3lame",
    ".opus": "libopus",
    ".webm": "libopus",
}
CLICK_SECONDS = 0.005


def samples_with_clicks(duration: float, clicks: Sequence[float], rate: int) -> np.ndarray:
    """A quiet 220 Hz tone with a 5 ms full-scale click at each time in `clicks`."""
    count = int(duration * rate)
    t = np.arange(count) / rate
    samples = (0.05 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    width = int(CLICK_SECONDS * rate)
    for click in clicks:
        at = int(click * rate)
        samples[at : at + width] = 0.9
    return samples


def make_recording(
    path: Path,
    duration: float = 4.0,
    clicks: Sequence[float] = (),
    rate: int = 48_000,
    bit_rate: int | None = None,
) -> Path:
    """Encode a mono recording (codec by suffix) with clicks at the given seconds."""
    samples = samples_with_clicks(duration, clicks, rate)
    codec = CODECS[path.suffix]
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream(codec, rate=rate)
        stream.layout = "mono"
        if bit_rate:
            stream.bit_rate = bit_rate
        _encode(container, stream, samples, rate)
    return path


def _encode(container: Any, stream: Any, samples: np.ndarray, rate: int) -> None:
    block = 1024 * 8
    fmt = "s16" if stream.codec_context.name.startswith("pcm_s16") else "fltp"
    for offset in range(0, len(samples), block):
        part = samples[offset : offset + block]
        data = (part * 32767).astype(np.int16) if fmt == "s16" else part
        frame = av.AudioFrame.from_ndarray(data.reshape(1, -1), format=fmt, layout="mono")
        frame.sample_rate = rate
        frame.pts = offset
        frame.time_base = Fraction(1, rate)
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode(None):
        container.mux(packet)


def make_silent_video(path: Path, seconds: float = 1.0) -> Path:
    """An .mp4 with pictures and no sound at all."""
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for index in range(int(seconds * 10)):
            image = np.full((48, 64, 3), index * 20 % 255, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def first_click(samples: np.ndarray, rate: int, threshold: float = 0.5) -> float | None:
    """Seconds into `samples` where the first click begins, or None."""
    loud = np.flatnonzero(np.abs(samples) > threshold)
    return None if not len(loud) else float(loud[0]) / rate
