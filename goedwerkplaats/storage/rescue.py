"""When a session must close with changes that could not be saved (disk full, read-only),
they go to a rescue file outside the project; `goedwerkplaats recover` puts them back."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from goedwerkplaats.model.changes import Change
from goedwerkplaats.problems import GwpError
from goedwerkplaats.storage.journal import encode_record, read_journal
from goedwerkplaats.storage.session_format import change_from_record, change_to_record


def rescue_folders() -> list[Path]:
    """The home folder first; a temporary folder when that disk is the full one."""
    return [
        Path.home() / "goedwerkplaats-noodkopie",
        Path(tempfile.gettempdir()) / "goedwerkplaats-noodkopie",
    ]


def write_rescue(session_id: str, changes: list[Change]) -> Path | None:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    data = b"".join(
        encode_record({"n": n, **change_to_record(c)}) for n, c in enumerate(changes, start=1)
    )
    for folder in rescue_folders():
        path = folder / f"{session_id}-{stamp}.jsonl"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            continue
        return path
    return None


def read_rescue(path: Path) -> list[Change]:
    contents = read_journal(path)
    if not path.exists():
        raise GwpError(f"{path} bestaat niet")
    try:
        return [change_from_record(record) for record in contents.records]
    except (KeyError, TypeError, ValueError) as error:
        raise GwpError(f"{path} is geen noodkopie van goedwerkplaats ({error})") from None
