"""Where the samples go: the sound card (miniaudio) or, without one, a real-time clock.

Both run in their own thread and pull from the engine; neither ever runs on the screen's
event loop. Without a sound device (SSH, a server, CI) the clock hands the samples to
nobody at the pace of real time, so the position, following and transcription still work.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
import time
from collections.abc import Generator
from typing import Any, Protocol

from goedwerkplaats.media.engine import PlaybackEngine

SILENT_ENV = "GOEDWERKPLAATS_GEEN_GELUID"  # set (to anything) to play on the clock only
NO_DEVICE = (
    "Geen geluidsapparaat gevonden: de opname loopt stil mee op de klok (positie, volgen en "
    "transcriberen werken gewoon)."
)
BUFFER_MS = 20


class Output(Protocol):
    def close(self) -> None: ...


class ClockOutput:
    """Pulls as many samples as real time allows, every few milliseconds, and drops them."""

    TICK = 0.01

    def __init__(self, engine: PlaybackEngine) -> None:
        self._engine = engine
        self._stop = threading.Event()
        self._wake = threading.Event()
        engine.wake = self._wake.set
        self._thread = threading.Thread(target=self._run, name="opname-klok", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        last = time.perf_counter()
        owed = 0.0
        while not self._stop.is_set():
            self._wake.wait(self.TICK)
            self._wake.clear()
            now = time.perf_counter()
            owed += (now - last) * self._engine.rate
            last = now
            frames = int(owed)
            if frames:
                owed -= frames
                self._engine.pull(frames)

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=1)


class DeviceOutput:
    """The sound card through miniaudio, which calls back from its own audio thread."""

    def __init__(self, engine: PlaybackEngine) -> None:
        import miniaudio

        self._engine = engine
        self._device = miniaudio.PlaybackDevice(
            output_format=miniaudio.SampleFormat.FLOAT32,
            nchannels=1,
            sample_rate=engine.rate,
            buffersize_msec=BUFFER_MS,
            backends=_real_backends(miniaudio),
            app_name="goedwerkplaats",
        )
        generator = self._samples()
        next(generator)
        self._device.start(generator)

    def _samples(self) -> Generator[bytes, int, None]:
        frames = yield b""
        while True:
            frames = yield self._engine.pull(frames).tobytes()

    def close(self) -> None:
        self._device.close()


def _real_backends(miniaudio: Any) -> list[Any]:
    """Sound systems that reach a loudspeaker; never the null backend that only pretends.
    JACK is left out on Linux: without a JACK server it prints to the terminal."""
    if sys.platform.startswith("linux"):
        return [miniaudio.Backend.PULSEAUDIO, miniaudio.Backend.ALSA]
    return [
        b for b in miniaudio.Backend if b not in (miniaudio.Backend.NULL, miniaudio.Backend.JACK)
    ]


def open_output(engine: PlaybackEngine, device: bool = True) -> tuple[Output, str | None]:
    """The sound card when there is one, else the silent clock and the note to show once."""
    if device and not os.environ.get(SILENT_ENV):
        _quiet_alsa()
        try:
            return DeviceOutput(engine), None
        except Exception:  # miniaudio raises its own error for every missing piece
            pass
    return ClockOutput(engine), NO_DEVICE if device else None


_ALSA_HANDLER: Any = None


def _quiet_alsa() -> None:
    """ALSA writes its complaints (no sound card) straight to the terminal, through the app's
    screen; a handler that ignores them keeps the screen whole."""
    global _ALSA_HANDLER
    if _ALSA_HANDLER is not None or not sys.platform.startswith("linux"):
        return
    try:
        asound = ctypes.cdll.LoadLibrary("libasound.so.2")
    except OSError:
        return
    handler_type = ctypes.CFUNCTYPE(
        None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
    )
    _ALSA_HANDLER = handler_type(lambda *_args: None)
    asound.snd_lib_error_set_handler(_ALSA_HANDLER)
