"""Problems found in user files, and the errors that carry them to the user in Dutch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file: where, and what to do about it."""

    file: Path | str
    line: int | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        prefix = "waarschuwing: " if self.warning else ""
        return f"{where}: {prefix}{self.message}"


class GwpError(Exception):
    """An error with a message meant for the user (Dutch, says what to do)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ProblemsError(GwpError):
    """A file could not be used because of the problems listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = [p for p in problems if not p.warning] or problems
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path | str, base: Path | None = None) -> str:
    """A path as short as it can be shown: relative to `base` where it lies below it."""
    path = Path(path)
    if base is not None:
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            pass
    return str(path)
