"""A recording as a stream of mono float32 samples: decoded packet by packet, never whole.

PyAV (FFmpeg in the wheel) reads every container people have (Zoom/Teams .m4a/.mp4, phone
.aac, .mp3, .wav, .ogg/.opus, .webm); the resampler turns any layout and rate into mono at
the rate asked for (the player's output rate, 16 kHz for speech recognition).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av
import numpy as np
from av.audio.resampler import AudioResampler

from goedwerkplaats.media.errors import MediaError, missing_file, no_audio, not_a_file, undecodable
from goedwerkplaats.media.rates import PLAYBACK_RATE, SPEECH_RATE

# seek this far before the target and skip to it: some formats (mp3) land after the keyframe
# asked for, and decoding half a second costs a millisecond or two
SEEK_MARGIN = 0.5


@dataclass(frozen=True)
class AudioInfo:
    """What the recording is: its length and its sound as stored."""

    duration: float
    sample_rate: int
    channels: int
    codec: str


@dataclass(frozen=True)
class Chunk:
    """Decoded samples starting at `time` (seconds of the recording)."""

    time: float
    samples: np.ndarray  # float32, mono

    @property
    def end(self) -> float:
        return self.time + len(self.samples) / self.rate

    rate: int = PLAYBACK_RATE


def open_container(path: Path) -> Any:
    """The opened file, or a MediaError saying in Dutch why it cannot be used."""
    if not path.exists():
        raise missing_file(path)
    if not path.is_file():
        raise not_a_file(path)
    try:
        return av.open(str(path), mode="r")
    except av.FFmpegError as error:
        raise undecodable(path, _reason(error)) from None
    except OSError as error:
        raise MediaError(f"{path}: kan niet geopend worden ({error.strerror or error})") from None


_REASONS = {
    "Invalid data found when processing input": "geen herkenbaar formaat",
    "Decoder not found": "de codec wordt niet ondersteund",
    "Function not implemented": "de codec wordt niet ondersteund",
}


def _reason(error: Exception) -> str:
    text = str(getattr(error, "strerror", "") or "").strip()
    return _REASONS.get(text, text)


class AudioDecoder:
    """The first audio track of a recording, decoded as a stream, with seeking.

    Not thread-safe: one thread (the player's output, or a recognition worker) owns it.
    """

    def __init__(self, path: Path, rate: int = PLAYBACK_RATE) -> None:
        self.path = path
        self.rate = rate
        self._container = open_container(path)
        if not self._container.streams.audio:
            self._container.close()
            raise no_audio(path)
        self._stream = self._container.streams.audio[0]
        codec = self._stream.codec_context
        if codec is None or not getattr(codec, "name", ""):
            self._container.close()
            raise undecodable(path, "onbekende codec")
        self.info = AudioInfo(
            duration=self._duration(),
            sample_rate=int(codec.sample_rate or 0),
            channels=int(codec.channels or 0),
            codec=str(codec.name),
        )
        self._reset(0.0)

    @property
    def duration(self) -> float:
        return self.info.duration

    def _duration(self) -> float:
        stream = self._stream
        if stream.duration is not None and stream.time_base is not None:
            return float(stream.duration * stream.time_base)
        if self._container.duration is not None:
            return float(self._container.duration) / 1_000_000
        return 0.0

    def close(self) -> None:
        self._container.close()

    def __enter__(self) -> AudioDecoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ seeking

    def seek(self, seconds: float) -> None:
        """The next chunk starts at `seconds` (to the sample, after the keyframe before it)."""
        target = max(0.0, seconds)
        stream = self._stream
        before = max(0.0, target - SEEK_MARGIN)
        timestamp = int(before / stream.time_base) + int(stream.start_time or 0)
        try:
            self._container.seek(timestamp, stream=stream, backward=True, any_frame=False)
        except av.FFmpegError:  # some streams cannot seek: read from the start and skip
            self._container.seek(0)
        self._reset(target)

    def _reset(self, skip_until: float) -> None:
        self._frames = self._decoded_frames()
        self._resampler = AudioResampler(format="flt", layout="mono", rate=self.rate)
        self._skip_until = skip_until
        self._clock: float | None = None  # the time of the next sample handed out

    # ------------------------------------------------------------ reading

    def read(self) -> Chunk | None:
        """The next block of samples, or None at the end of the recording."""
        for frame in self._frames:
            if self._clock is None:
                start = frame.time if frame.time is not None else self._skip_until
                self._clock = max(0.0, float(start))
            samples = self._resample(frame)
            if not len(samples):
                continue
            chunk = self._after_skip(samples)
            if chunk is not None:
                return chunk
        tail = self._resample(None)
        if len(tail):
            chunk = self._after_skip(tail)
            if chunk is not None:
                return chunk
        return None

    def chunks(self) -> Iterator[Chunk]:
        while (chunk := self.read()) is not None:
            yield chunk

    def _after_skip(self, samples: np.ndarray) -> Chunk | None:
        assert self._clock is not None
        time = self._clock
        self._clock = time + len(samples) / self.rate
        if self._clock <= self._skip_until:
            return None
        if time < self._skip_until:
            drop = round((self._skip_until - time) * self.rate)
            samples = samples[drop:]
            time = self._skip_until
        return Chunk(time, samples, self.rate)

    def _resample(self, frame: Any) -> np.ndarray:
        try:
            frames = self._resampler.resample(frame)
        except (av.FFmpegError, ValueError):
            return np.zeros(0, dtype=np.float32)
        if not frames:
            return np.zeros(0, dtype=np.float32)
        parts = [f.to_ndarray().reshape(-1) for f in frames]
        return np.concatenate(parts).astype(np.float32, copy=False)

    def _decoded_frames(self) -> Iterator[Any]:
        """Frames of the audio track; a damaged packet is skipped, not fatal."""
        try:
            for packet in self._container.demux(self._stream):
                try:
                    yield from packet.decode()
                except av.FFmpegError:
                    continue
        except av.FFmpegError as error:
            raise undecodable(self.path, _reason(error)) from None


def mono_samples(
    path: Path, rate: int = SPEECH_RATE, start: float = 0.0, end: float | None = None
) -> Iterator[Chunk]:
    """The recording from `start` to `end` as mono float32 chunks at `rate` (16 kHz for
    speech recognition), streamed: a two-hour file is never held in memory whole."""
    with AudioDecoder(path, rate) as decoder:
        if start > 0:
            decoder.seek(start)
        for chunk in decoder.chunks():
            if end is not None and chunk.time >= end:
                return
            if end is not None and chunk.end > end:
                keep = round((end - chunk.time) * rate)
                yield Chunk(chunk.time, chunk.samples[:keep], rate)
                return
            yield chunk


def probe(path: Path) -> AudioInfo:
    """Length and sound of a recording, or a MediaError (missing, no audio, undecodable)."""
    with AudioDecoder(path) as decoder:
        if decoder.read() is None:
            raise undecodable(path, "er is geen geluid uit te lezen")
        return decoder.info
