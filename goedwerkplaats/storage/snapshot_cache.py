"""A JSON copy of each parsed snapshot, so loading a session skips the slow YAML constructor.

The YAML file stays the truth: the copy is used only when it was made from exactly the same
bytes (a hash of them is its key), so a hand edit simply makes it stale. Losing or tearing it
costs nothing but one slow load; it is therefore written without fsync.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

CACHE_FILE = ".sessie.cache.json"


def snapshot_key(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def read_cached(folder: Path, key: str) -> Any | None:
    """The parsed snapshot, when the copy was made from these YAML bytes (`key`) and its own
    content is still what was written (a hash of it is in its first line): an edited copy
    is not trusted over the YAML."""
    try:
        header, _newline, body = (folder / CACHE_FILE).read_bytes().partition(b"\n")
        stamp = json.loads(header)
        if not isinstance(stamp, dict) or stamp.get("sleutel") != key:
            return None
        if stamp.get("inhoud") != snapshot_key(body):
            return None
        return json.loads(body)
    except (OSError, ValueError):
        return None


def write_cached(folder: Path, key: str, data: Any) -> None:
    """Best effort: a read-only folder or a full disk only means the next load is slower."""
    path = folder / CACHE_FILE
    tmp = path.with_name(f"{CACHE_FILE}.{os.getpid()}.tmp")
    body = json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
    header = json.dumps({"sleutel": key, "inhoud": snapshot_key(body)}).encode("utf-8")
    with contextlib.suppress(OSError):
        tmp.write_bytes(header + b"\n" + body)
        os.replace(tmp, path)
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)


SUMMARY_FILE = ".samenvatting.json"
# raised when the summary gains a field: an older file is then counted again, not misread
SUMMARY_FORMAT = 3


def read_summary(folder: Path, key: str) -> dict[str, Any] | None:
    """The session list's counts, when the session has not changed since they were taken."""
    try:
        cached = json.loads((folder / SUMMARY_FILE).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(cached, dict) or cached.get("formaat") != SUMMARY_FORMAT:
        return None
    if cached.get("sleutel") != key:
        return None
    summary = cached.get("samenvatting")
    return summary if isinstance(summary, dict) else None


def write_summary(folder: Path, key: str, summary: dict[str, Any]) -> None:
    path = folder / SUMMARY_FILE
    tmp = path.with_name(f"{SUMMARY_FILE}.{os.getpid()}.tmp")
    with contextlib.suppress(OSError):
        body = {"formaat": SUMMARY_FORMAT, "sleutel": key, "samenvatting": summary}
        tmp.write_text(json.dumps(body), encoding="utf-8")
        os.replace(tmp, path)
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)
