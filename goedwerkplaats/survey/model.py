"""The survey mapping as value objects: scales, items (columns) and the tables they form."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_TITLE_ONE = "Antwoordverdeling in percentages op een stelling"
DEFAULT_TITLE_MANY = "Antwoordverdeling in percentages op stellingen"


@dataclass(frozen=True)
class ScalePoint:
    """One answer on a scale: its label (as printed) and the raw values that mean it."""

    label: str
    values: tuple[str, ...] = ()  # besides the label itself, e.g. "1" or LimeSurvey's "A1"


@dataclass(frozen=True)
class Scale:
    id: str
    points: tuple[ScalePoint, ...]
    excluded: tuple[str, ...] = ()  # answers that are not on the scale: "N.v.t.", not in n

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(p.label for p in self.points)


@dataclass(frozen=True)
class Item:
    """One survey question (a column of the export) and the row label it gets."""

    column: str
    text: str = ""  # empty: the column's own header
    line: int | None = None  # where it is in the mapping file, for messages


@dataclass(frozen=True)
class SurveyTable:
    """A table in the report: items that share a scale, placed in a chapter or section."""

    title: str
    scale: Scale
    items: tuple[Item, ...]
    section: str = ""  # a section of the report outline (its theme id or key)
    chapter: str = ""  # a chapter id of the outline
    statement: str = ""  # a stelling id: the chapter that draws on it
    chart: bool = False
    line: int | None = None  # where the table is in the mapping file, for messages

    def caption(self, n_values: list[int]) -> str:
        """The title with the number of valid answers: '(n = 235)' or '(n = 206–235)'."""
        low, high = (min(n_values), max(n_values)) if n_values else (0, 0)
        n = f"{low}" if low == high else f"{low}\u2013{high}"
        return f"{self.title} (n = {n})"


@dataclass(frozen=True)
class SurveyMapping:
    """`enquete.yaml`: which file, how to read it, and the tables."""

    file: str  # relative to the project, as written in the mapping
    tables: tuple[SurveyTable, ...]
    sheet: str = ""  # .xlsx: the worksheet; empty: the first
    header_rows: int | None = None  # None: detect (1, or 3 for a Qualtrics export)
    file_line: int | None = None  # the line of 'bestand', for messages
