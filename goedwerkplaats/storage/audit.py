"""A session's audit trail: who did what and when (created, imported, exported, erased).

Each session keeps its own trail (`logboek.jsonl` in its folder). An export writes one record
for the whole export, listing its sessions, in the trail of exports next to the session folders
(`sessions/logboek-exports.jsonl`): one append and one disk flush however many sessions it
holds. `read_audit` gives a session's own lines with the export records that list it, in time
order; export lines that older versions wrote into each session's own trail read as before.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.storage.atomic import append_durably, write_atomic

AUDIT_FILE = "logboek.jsonl"
EXPORTS_AUDIT_FILE = "logboek-exports.jsonl"  # in the folder that holds the session folders
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


def _line(entry: AuditEntry, sessions: Sequence[str] = ()) -> str:
    data: dict[str, object] = {
        "wanneer": entry.when,
        "wie": entry.who,
        "wat": entry.action,
        "details": entry.detail,
    }
    if entry.sha256:
        data["sha256"] = entry.sha256
    if entry.path:
        data["bestand"] = entry.path
    if sessions:
        data["sessies"] = list(sessions)
    return json.dumps(data, ensure_ascii=False) + "\n"


def append_export_record(
    sessions_dir: Path,
    session_ids: Sequence[str],
    action: str,
    detail: str = "",
    sha256: str = "",
    path: str = "",
) -> AuditEntry:
    """One record for one export of several sessions, durably, under the lock of the trail of
    exports in `sessions_dir` (the folder holding the session folders)."""
    entry = AuditEntry(now_iso(), current_user(), action, detail, sha256, path)
    if not session_ids:
        return entry
    _append_durably(sessions_dir, EXPORTS_AUDIT_FILE, _line(entry, session_ids))
    return entry


def append_audit(
    folder: Path, action: str, detail: str = "", sha256: str = "", path: str = ""
) -> AuditEntry:
    """Add one line, durably, under the audit lock."""
    entry = AuditEntry(now_iso(), current_user(), action, detail, sha256, path)
    _append_durably(folder, AUDIT_FILE, _line(entry))
    return entry


def _append_durably(folder: Path, name: str, line: str) -> None:
    with audit_locked(folder):
        append_durably(folder / name, line.encode("utf-8"))


def rewrite_audit(folder: Path, rewrite: Callable[[str], str], name: str = AUDIT_FILE) -> None:
    """Replace each line by `rewrite(line)`, atomically and under the lock appends take
    (`name`: the trail in `folder`, the session's own or, in the sessions folder, the trail
    of exports)."""
    path = folder / name
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


def export_record_lines(folder: Path) -> list[str]:
    """The lines of the trail of exports that list the session in `folder`."""
    session_id = folder.name
    found = []
    for line in _lines(folder.parent / EXPORTS_AUDIT_FILE):
        try:
            sessions = json.loads(line).get("sessies")
        except (ValueError, AttributeError):
            continue
        if isinstance(sessions, list) and session_id in sessions:
            found.append(line)
    return found


def read_audit(folder: Path) -> list[AuditEntry]:
    """The session's trail: its own lines, with the export records that list it in time order."""
    own = _entries(_lines(folder / AUDIT_FILE))
    exported = _entries(export_record_lines(folder))
    return _merged(own, exported) if exported else own


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _entries(lines: list[str]) -> list[AuditEntry]:
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


def _merged(own: list[AuditEntry], exported: list[AuditEntry]) -> list[AuditEntry]:
    """Each export record before the first own line that is later; the own lines keep their
    order (a line with an unreadable time stays where it is)."""
    result: list[AuditEntry] = []
    waiting = list(exported)
    for entry in own:
        when = _moment(entry.when)
        while waiting and when is not None and _earlier(waiting[0].when, when):
            result.append(waiting.pop(0))
        result.append(entry)
    return result + waiting


def _moment(when: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(when)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.astimezone()


def _earlier(when: str, than: dt.datetime) -> bool:
    moment = _moment(when)
    return moment is not None and moment < than
