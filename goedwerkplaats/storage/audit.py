"""A session's audit trail: who did what and when (created, imported, exported, erased)."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.storage.atomic import write_atomic

AUDIT_FILE = "logboek.jsonl"
EXPORTED = "geëxporteerd"  # the action of an export line
# Appends and the erasure's rewrite take this lock, so no line appended meanwhile is lost
# (a rewrite replaces the file: an append to the old one would vanish with it).
AUDIT_LOCK_FILE = ".logboek.vergrendeling"


@dataclass(frozen=True)
class AuditEntry:
    when: str
    who: str
    action: str
    detail: str = ""
    sha256: str = ""  # of the file an export wrote: an erasure deletes only what still matches
    path: str = ""  # the file an export wrote (relative to the project when inside it)


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@contextlib.contextmanager
def audit_locked(folder: Path) -> Iterator[None]:
    """Hold the audit trail's lock (an OS lock, released when the holder dies)."""
    fd = os.open(folder / AUDIT_LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _lock(fd)
        yield
    finally:
        os.close(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)


def _line(entry: AuditEntry) -> str:
    data: dict[str, str] = {
        "wanneer": entry.when,
        "wie": entry.who,
        "wat": entry.action,
        "details": entry.detail,
    }
    if entry.sha256:
        data["sha256"] = entry.sha256
    if entry.path:
        data["bestand"] = entry.path
    return json.dumps(data, ensure_ascii=False) + "\n"


def append_audit_many(
    folders: Sequence[Path], action: str, detail: str = "", sha256: str = "", path: str = ""
) -> AuditEntry:
    """The same line in the trails of several sessions (one export of many), durably.

    Each line is appended under its session's lock; then all files are fsynced at once, from
    threads, so the file system commits them together: an export of 40 sessions waits for
    about one disk flush instead of 40 in a row. (A rewrite that replaces a file meanwhile
    took the line along, under the lock, and flushed its own new file.)"""
    entry = AuditEntry(now_iso(), current_user(), action, detail, sha256, path)
    data = _line(entry).encode("utf-8")
    fds: list[int] = []
    try:
        for folder in folders:
            with audit_locked(folder):
                fd = os.open(folder / AUDIT_FILE, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
                fds.append(fd)
                os.write(fd, data)
        if len(fds) == 1:
            os.fsync(fds[0])
        elif fds:
            with ThreadPoolExecutor(max_workers=min(16, len(fds))) as pool:
                list(pool.map(os.fsync, fds))
    finally:
        for fd in fds:
            os.close(fd)
    return entry


def append_audit(
    folder: Path, action: str, detail: str = "", sha256: str = "", path: str = ""
) -> AuditEntry:
    """Add one line, durably, under the audit lock."""
    entry = AuditEntry(now_iso(), current_user(), action, detail, sha256, path)
    line = _line(entry)
    with audit_locked(folder):
        fd = os.open(folder / AUDIT_FILE, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
    return entry


def rewrite_audit(folder: Path, rewrite: Callable[[str], str]) -> None:
    """Replace each line by `rewrite(line)`, atomically and under the lock appends take."""
    path = folder / AUDIT_FILE
    with audit_locked(folder):
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            return
        new = "".join(rewrite(line) for line in text.splitlines(keepends=True))
        if new != text:
            write_atomic(path, new.encode("utf-8"))


def _legacy_path(data: dict[str, object]) -> str:
    """Export lines written before 'bestand' existed name the file as 'what: path'."""
    detail = str(data.get("details", ""))
    if data.get("wat") != EXPORTED or ": " not in detail:
        return ""
    return detail.split(": ", 1)[1]


def read_audit(folder: Path) -> list[AuditEntry]:
    try:
        lines = (folder / AUDIT_FILE).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    entries = []
    for line in lines:
        try:
            data = json.loads(line)
            entries.append(
                AuditEntry(
                    str(data["wanneer"]),
                    str(data["wie"]),
                    str(data["wat"]),
                    str(data.get("details", "")),
                    str(data.get("sha256", "")),
                    str(data.get("bestand", "")) or _legacy_path(data),
                )
            )
        except (ValueError, KeyError, TypeError):
            continue  # a torn last line after a crash
    return entries
