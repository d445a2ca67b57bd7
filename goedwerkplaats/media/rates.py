"""Sample rates, apart from the decoder so that naming one does not load PyAV and numpy
(the command line's `transcribe` options are built on every command's start)."""

from __future__ import annotations

PLAYBACK_RATE = 48_000
SPEECH_RATE = 16_000  # what speech recognition listens at
