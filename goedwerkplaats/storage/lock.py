"""One writer per session: an OS file lock, released by the OS when the holder dies."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.files.problems import GwpError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


LOCK_FILE = ".vergrendeling"


class SessionInUse(GwpError):
    """Another process has the session open for writing."""


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: str

    @classmethod
    def me(cls) -> LockOwner:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = "onbekend"
        since = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        return cls(user, socket.gethostname(), os.getpid(), since)

    def describe(self) -> str:
        return f"{self.user} op {self.host} (proces {self.pid}, sinds {self.since})"


class SessionLock:
    """Held while a session is open for writing; `stale_owner` names a crashed previous holder."""

    def __init__(self, folder: Path, session_id: str) -> None:
        self.path = folder / LOCK_FILE
        self.session_id = session_id
        self.stale_owner: LockOwner | None = None
        self._fd = -1

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            owner = _read_owner(fd)
            os.close(fd)
            who = owner.describe() if owner else "een ander programma"
            raise SessionInUse(
                f"sessie '{self.session_id}' is in gebruik door {who}; sluit de sessie daar "
                "eerst af. Exporteren kan intussen wel"
            )
        self.stale_owner = _read_owner(fd)
        try:
            _write_owner(fd, LockOwner.me())
        except OSError:
            os.close(fd)  # a full disk: let go, or the session stays "in gebruik" until exit
            raise
        self._fd = fd

    def release(self) -> None:
        if self._fd < 0:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        os.close(self._fd)  # closing releases the OS lock
        self._fd = -1

    @property
    def held(self) -> bool:
        return self._fd >= 0


def _read_owner(fd: int) -> LockOwner | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = os.read(fd, 4096)
        data = json.loads(raw.decode("utf-8")) if raw else None
        return (
            LockOwner(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
            if data
            else None
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_owner(fd: int, owner: LockOwner) -> None:
    data = json.dumps(owner.__dict__).encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)
