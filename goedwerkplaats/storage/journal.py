"""An append-only journal of changes: one checksummed JSON record per line, fsynced."""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goedwerkplaats.files.problems import Problem
from goedwerkplaats.storage.atomic import fsync_dir


def encode_record(record: dict[str, Any]) -> bytes:
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"%08x %s\n" % (zlib.crc32(body), body)


# Several changes that belong together (an import, an erasure, a split) are one record: one
# line with one checksum, so a kill or a full disk leaves all of them or none.
BATCH_OP = "reeks"


def numbered_records(first: int, bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records to append for changes numbered from `first`: one record, or one batch."""
    if len(bodies) == 1:
        return [{"n": first, **bodies[0]}]
    return [{"n": first, "op": BATCH_OP, "d": bodies}]


def expand_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per change, numbered; a batch becomes its changes n, n+1, …"""
    result: list[dict[str, Any]] = []
    for record in records:
        if record.get("op") == BATCH_OP and isinstance(record.get("d"), list):
            first = record.get("n")
            for offset, body in enumerate(record["d"]):
                numbered = {**body, "n": first + offset} if isinstance(first, int) else body
                result.append(numbered if isinstance(body, dict) else {"n": first, "d": body})
        else:
            result.append(record)
    return result


def _decode_line(line: bytes) -> dict[str, Any] | None:
    """The record on a complete line, or None when it is damaged."""
    if len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        record = json.loads(body)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


@dataclass
class JournalContents:
    records: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    valid_size: int = 0
    torn_tail: bool = False
    damaged: list[bytes] = field(default_factory=list)  # unreadable lines, kept in quarantine


def read_journal(path: Path) -> JournalContents:
    """Every intact record; a torn last record (power loss mid-write) is dropped with a warning."""
    result = JournalContents()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return result
    offset = 0
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        complete = line.endswith(b"\n")
        # a journal copied through Windows tools ends its lines in CRLF: the same records
        record = _decode_line(line[:-1].removesuffix(b"\r")) if complete else None
        is_last = offset + len(line) == len(data)
        if record is not None:
            result.records.append(record)
            offset += len(line)
            result.valid_size = offset
            continue
        result.damaged.append(line if complete else line + b"\n")
        if is_last:
            result.torn_tail = True
            result.problems.append(
                Problem(
                    path,
                    number,
                    "de laatste wijziging (of reeks wijzigingen die bij elkaar horen, zoals "
                    "een import of een wissing) is half geschreven (stroomuitval of crash) "
                    "en is in zijn geheel weggelaten; alles daarvoor is bewaard",
                    warning=True,
                )
            )
        else:
            result.problems.append(
                Problem(
                    path,
                    number,
                    "deze regel is beschadigd en is overgeslagen (bij het openen van de "
                    "sessie wordt hij bewaard in journaal.beschadigd.jsonl); de wijzigingen "
                    "ervoor en erna zijn bewaard",
                    warning=True,
                )
            )
        offset += len(line)
    return result


class JournalWriter:
    """Appends records durably. A failed append is rolled back, so the file stays clean."""

    def __init__(self, path: Path, valid_size: int | None = None) -> None:
        self.path = path
        existed = path.exists()
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        self._size = os.fstat(self._fd).st_size if valid_size is None else valid_size
        if os.fstat(self._fd).st_size != self._size:
            os.ftruncate(self._fd, self._size)
            os.fsync(self._fd)
        if not existed:
            fsync_dir(path.parent)

    @property
    def size(self) -> int:
        return self._size

    def append(self, records: list[dict[str, Any]]) -> None:
        """Write and fsync; on any error the journal is cut back to where it was."""
        data = b"".join(encode_record(r) for r in records)
        try:
            if os.fstat(self._fd).st_size != self._size:
                os.ftruncate(self._fd, self._size)  # a rollback that failed earlier
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view) :]
            os.fsync(self._fd)
        except OSError:
            self._roll_back()
            raise
        self._size += len(data)

    def _roll_back(self) -> None:
        try:
            os.ftruncate(self._fd, self._size)
            os.fsync(self._fd)
        except OSError:
            pass  # the next open drops the torn tail by its checksum

    def reset(self) -> None:
        """Empty the journal after its records went into a snapshot."""
        os.ftruncate(self._fd, 0)
        os.fsync(self._fd)
        self._size = 0

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
