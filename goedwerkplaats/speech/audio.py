"""Reading a recording as mono float32 samples, a block at a time (never the whole file).

PyAV (FFmpeg in the wheel) decodes every container people have (.m4a, .mp4, .mp3, .wav,
.ogg/.opus, .webm) and resamples to the rate the recogniser wants.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from goedwerkplaats.files.problems import GwpError

if TYPE_CHECKING:
    import numpy as np

SAMPLE_RATE = 16_000  # what Whisper listens at


def recording_duration(path: Path) -> float:
    """The length of the recording's sound in seconds (0.0 when the file does not say)."""
    with _open(path) as container:
        stream = _audio_stream(container, path)
        if stream.duration is not None and stream.time_base is not None:
            return float(stream.duration * stream.time_base)
        if container.duration is not None:
            return float(container.duration) / 1_000_000  # microseconds (av.time_base)
    return 0.0


def decode_mono(path: Path, rate: int = SAMPLE_RATE) -> Iterator[np.ndarray]:
    """The recording's first sound track as mono float32 blocks at `rate` samples a second."""
    import av
    import numpy as np

    with _open(path) as container:
        stream = _audio_stream(container, path)
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    yield np.ascontiguousarray(out.to_ndarray().reshape(-1), dtype=np.float32)
            for out in resampler.resample(None):
                yield np.ascontiguousarray(out.to_ndarray().reshape(-1), dtype=np.float32)
        except av.FFmpegError as error:
            raise GwpError(
                f"{path}: de opname is niet verder te lezen ({error}); is het bestand "
                "beschadigd of nog niet helemaal gekopieerd?"
            ) from None


def _open(path: Path):  # type: ignore[no-untyped-def]
    import av

    if not path.exists():
        raise GwpError(f"{path} bestaat niet; controleer de naam en de map")
    if path.is_dir():
        raise GwpError(f"{path} is een map; geef het opnamebestand zelf op")
    try:
        return av.open(str(path))
    except av.FFmpegError:
        raise GwpError(
            f"{path} is geen opname die te lezen is (geen geluid of video in een bekend "
            "formaat); kies het .m4a-, .mp4-, .mp3-, .wav-, .ogg- of .webm-bestand"
        ) from None
    except OSError as error:
        raise GwpError(f"{path} is niet te lezen: {error.strerror or error}") from None


def _audio_stream(container, path: Path):  # type: ignore[no-untyped-def]
    if not container.streams.audio:
        raise GwpError(f"{path} heeft geen geluidsspoor; kies het bestand met het geluid")
    return container.streams.audio[0]
