"""The quote being typed live (`concept.json`): kept apart so a crash mid-sentence loses
nothing. Its name, its keys and their reading live here only."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.storage.atomic import write_atomic_text

DRAFT_FILE = "concept.json"


@dataclass(frozen=True)
class Draft:
    text: str
    speaker: str | None = None
    start: float | None = None  # session seconds when the typing began
    statement: str | None = None  # the stelling that held then

    def to_data(self) -> dict[str, object]:
        return {
            "tekst": self.text,
            "spreker": self.speaker,
            "start": self.start,
            "stelling": self.statement,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_data(), ensure_ascii=False)

    @classmethod
    def from_data(cls, data: object) -> Draft | None:
        """None for anything that is no draft with text (a damaged file is no reason to
        stop: the journal holds everything that was saved)."""
        if not isinstance(data, dict):
            return None
        text, speaker, start, statement = (
            data.get(k) for k in ("tekst", "spreker", "start", "stelling")
        )
        if not isinstance(text, str) or not text:
            return None
        return cls(
            text,
            speaker if isinstance(speaker, str) else None,
            float(start)
            if isinstance(start, int | float) and not isinstance(start, bool)
            else None,
            statement if isinstance(statement, str) else None,
        )


def read_draft(folder: Path) -> Draft | None:
    try:
        data = json.loads((folder / DRAFT_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return Draft.from_data(data)


def write_draft(folder: Path, draft: Draft | None) -> None:
    """Atomically; None removes it. A failure is ignored: the draft is a courtesy, the
    journal is the record."""
    path = folder / DRAFT_FILE
    with contextlib.suppress(OSError):
        if draft is None:
            path.unlink(missing_ok=True)
        else:
            write_atomic_text(path, draft.to_json())
