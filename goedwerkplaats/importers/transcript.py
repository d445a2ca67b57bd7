"""What every transcript reader produces: utterances and stelling marks, in file order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from goedwerkplaats.files.problems import Problem
from goedwerkplaats.model.timecode import format_time

FORMAT_WEBVTT = "WebVTT"
FORMAT_SRT = "SRT"
FORMAT_TEXT = "tekst"
FORMAT_DOCX = "Word"

UNIT_LINE = "regel"
UNIT_PARAGRAPH = "alinea"

# Line ends as editors count them; str.splitlines() would also split on \x0b, \x85 and the
# like and so shift the line numbers we report.
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Utterance:
    """One stretch of speech as the file gives it; times are recording seconds."""

    line: int
    text: str
    speaker: str | None = None
    start: float | None = None
    end: float | None = None
    # (line, text) of each source line the text came from, to point at a bad code precisely
    parts: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class StatementMark:
    """A line such as `!stelling 2` or `Stelling 2`: the stelling for what follows."""

    line: int
    statement: str
    explicit: bool  # written with '!': an unknown id is then an error, not text
    text: str  # the line as written, kept in case it turns out to be speech
    rest: str = ""  # what follows the mark on its line ("Stelling 2: <rest>")


Item = Utterance | StatementMark


@dataclass(frozen=True)
class Transcript:
    """A transcript file read into items, with what was noticed on the way."""

    source: Path
    format: str
    items: tuple[Item, ...]
    encoding: str | None = None
    warnings: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()  # neutral facts for the report (skipped title, empty cues)
    unit: str = UNIT_LINE

    @property
    def utterances(self) -> list[Utterance]:
        return [item for item in self.items if isinstance(item, Utterance)]

    @property
    def timed(self) -> bool:
        return any(u.start is not None for u in self.utterances)


@dataclass
class Findings:
    """Problems and notes collected while reading one file."""

    source: Path
    unit: str = UNIT_LINE
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def problem(self, line: int | None, message: str, warning: bool = False) -> Problem:
        """A problem at a line; Word files count paragraphs, so they say 'alinea N'."""
        if line is not None and self.unit != UNIT_LINE:
            return Problem(self.source, None, f"{self.unit} {line}: {message}", warning)
        return Problem(self.source, line, message, warning)

    def error(self, line: int | None, message: str) -> None:
        self.errors.append(self.problem(line, message))

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(self.problem(line, message, warning=True))


def split_lines(text: str) -> list[str]:
    return _LINE_END.split(text.removeprefix("\ufeff"))


class TimeOrder:
    """Warns when a start time goes back before the previous one; the time is kept."""

    MAX_LISTED = 5

    def __init__(self, findings: Findings) -> None:
        self._findings = findings
        self._last: float | None = None
        self._count = 0

    def check(self, line: int, start: float | None) -> None:
        if start is None:
            return
        if self._last is not None and start < self._last:
            self._count += 1
            if self._count <= self.MAX_LISTED:
                before = format_time(self._last)
                self._findings.warn(
                    line,
                    f"de tijd {format_time(start)} ligt vóór de vorige ({before}); "
                    "het fragment is gehouden en staat in de sessie op zijn eigen tijd",
                )
        self._last = start

    def finish(self) -> None:
        extra = self._count - self.MAX_LISTED
        if extra > 0:
            self._findings.warn(None, f"nog {extra} keer ging de tijd terug (niet alle getoond)")
