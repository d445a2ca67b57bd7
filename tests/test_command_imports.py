"""Every command builds the whole command line first: that must not load PyAV and numpy, which
only speech recognition and playback need (they cost an export ~0.15 s of its start)."""

from __future__ import annotations

import subprocess
import sys

PROBE = (
    "import sys\n"
    "from goedwerkplaats.cli.parser import build_parser\n"
    "build_parser()\n"
    "print(sorted(m for m in ('av', 'numpy') if m in sys.modules))\n"
)


def test_building_the_command_line_loads_no_audio_libraries() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"
