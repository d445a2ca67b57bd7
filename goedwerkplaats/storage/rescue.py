"""When a session must close with changes that could not be saved (disk full, read-only),
they go to a rescue file outside the project; `goedwerkplaats recover` puts them back."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.changes import Change
from goedwerkplaats.storage.journal import encode_record, read_journal
from goedwerkplaats.storage.session_format import change_from_record, change_to_record

HEADER = "noodkopie_van"


def rescue_folders() -> list[Path]:
    """The home folder first; a temporary folder when that disk is the full one."""
    return [
        Path.home() / "goedwerkplaats-noodkopie",
        Path(tempfile.gettempdir()) / "goedwerkplaats-noodkopie",
    ]


def write_rescue(session_id: str, changes: list[Change]) -> Path | None:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    # the first record names the session, so recover cannot put it into another one
    data = encode_record({"n": 0, HEADER: session_id}) + b"".join(
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


def read_rescue(path: Path, session_id: str) -> list[Change]:
    """The changes in a rescue file of `session_id`; GwpError when it is of another session,
    holds nothing or is no rescue file at all."""
    if not path.exists():
        raise GwpError(f"{path} bestaat niet")
    records = read_journal(path).records
    written_for = _session_of(path, records)
    if written_for != session_id:
        raise GwpError(
            f"{path} is een noodkopie van sessie '{written_for}', niet van '{session_id}'; "
            f"gebruik --sessie {written_for}"
            if written_for
            else f"{path} is geen noodkopie van goedwerkplaats (geen sessie erin of in de naam)"
        )
    try:
        changes = [change_from_record(r) for r in records if HEADER not in r]
    except (KeyError, TypeError, ValueError) as error:
        raise GwpError(f"{path} is geen noodkopie van goedwerkplaats ({error})") from None
    if not changes:
        raise GwpError(f"{path} bevat geen wijzigingen; er valt niets terug te zetten")
    return changes


def _session_of(path: Path, records: list[dict[str, object]]) -> str | None:
    """From the first record; files from before it was written there: from the name."""
    if records and HEADER in records[0]:
        return str(records[0][HEADER])
    match = re.fullmatch(r"(.+)-\d{8}-\d{6}\.jsonl", path.name)
    return match.group(1) if match else None
