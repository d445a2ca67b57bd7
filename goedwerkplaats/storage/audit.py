"""A session's audit trail: who did what and when (created, imported, exported, erased)."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from dataclasses import dataclass
from pathlib import Path

AUDIT_FILE = "logboek.jsonl"


@dataclass(frozen=True)
class AuditEntry:
    when: str
    who: str
    action: str
    detail: str = ""


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def append_audit(folder: Path, action: str, detail: str = "") -> AuditEntry:
    """Add one line; O_APPEND keeps lines whole even when two programs write at once."""
    entry = AuditEntry(now_iso(), current_user(), action, detail)
    line = (
        json.dumps(
            {"wanneer": entry.when, "wie": entry.who, "wat": entry.action, "details": entry.detail},
            ensure_ascii=False,
        )
        + "\n"
    )
    fd = os.open(folder / AUDIT_FILE, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return entry


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
                )
            )
        except (ValueError, KeyError, TypeError):
            continue  # a torn last line after a crash
    return entries
