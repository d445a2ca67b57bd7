"""An erasure is written down before it starts, so a crash or a full disk halfway cannot leave
it half done: whoever opens the session next finishes it, and `check` reports it until then.

The intent holds everything the erasure still has to do, already worked out (the changes, the
audit lines to rewrite, the draft, the exports to delete), so finishing needs no name rules.
It holds the name only as long as `sessie.yaml` does, and is deleted when all is done.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from goedwerkplaats.storage.atomic import fsync_dir, write_atomic
from goedwerkplaats.storage.draft import DRAFT_FILE

INTENT_FILE = ".wissing.json"


@dataclass(frozen=True)
class ErasureIntent:
    participant: str
    when: str
    changes: list[dict[str, Any]]  # journal record bodies: the erasure as one batch
    audit_lines: dict[str, str] = field(default_factory=dict)  # line -> line without the name
    draft: str | None = None  # "weg" (delete), new JSON text, or None (leave it)
    exports: dict[str, str] = field(default_factory=dict)  # path -> sha256 when written
    audit_detail: str = ""


def write_intent(folder: Path, intent: ErasureIntent) -> None:
    write_atomic(folder / INTENT_FILE, json.dumps(asdict(intent), ensure_ascii=False).encode())


def read_intent(folder: Path) -> ErasureIntent | None:
    """The unfinished erasure, or None. A damaged intent file counts as one (with no steps
    known), so it is reported rather than ignored."""
    path = folder / INTENT_FILE
    try:
        data = json.loads(path.read_bytes())
        return ErasureIntent(**data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError):
        return ErasureIntent(participant="?", when="", changes=[])


def clear_intent(folder: Path) -> None:
    (folder / INTENT_FILE).unlink(missing_ok=True)
    fsync_dir(folder)


def finish_side_files(folder: Path, intent: ErasureIntent) -> None:
    """The steps after the session itself: draft, audit lines, verified exports."""
    from goedwerkplaats.storage.audit import EXPORTS_AUDIT_FILE, rewrite_audit

    draft = folder / DRAFT_FILE
    if intent.draft == "weg":
        draft.unlink(missing_ok=True)
    elif intent.draft is not None and draft.exists():
        write_atomic(draft, intent.draft.encode("utf-8"))
    if intent.audit_lines:
        rewrite_audit(folder, _line_rewriter(intent.audit_lines))
        # the export records that list the session, in the trail next to the session folders
        rewrite_audit(folder.parent, _line_rewriter(intent.audit_lines), EXPORTS_AUDIT_FILE)
    for path, sha256 in intent.exports.items():
        delete_if_unchanged(Path(path), sha256)


def _line_rewriter(replacements: dict[str, str]) -> Callable[[str], str]:
    def rewrite(line: str) -> str:
        body = line.rstrip("\n")
        return replacements[body] + line[len(body) :] if body in replacements else line

    return rewrite


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def delete_if_unchanged(path: Path, sha256: str) -> bool:
    """Delete a file the project wrote, only while it is still exactly what was written."""
    if not sha256 or path.is_symlink() or not path.is_file():
        return False
    with contextlib.suppress(OSError):
        if file_sha256(path) == sha256:
            path.unlink()
            return True
    return False
