"""What recognises a recording after it moved: its size and a hash of its start."""

from __future__ import annotations

import hashlib
from pathlib import Path

HEAD_BYTES = 1 << 20  # the first MiB: cheap to read, and differs between any two recordings


def head_sha256(path: Path) -> str:
    """The SHA-256 of the file's first MiB (the whole file when it is smaller)."""
    with path.open("rb") as handle:
        return hashlib.sha256(handle.read(HEAD_BYTES)).hexdigest()
