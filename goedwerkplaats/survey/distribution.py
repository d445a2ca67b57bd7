"""The answer distribution per survey item: counts of valid answers on the scale, n, missing
and excluded (n.v.t.) answers apart, and every answer outside the scale named by its row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from goedwerkplaats.model.percentages import whole_percentages
from goedwerkplaats.survey.mapping_file import normal
from goedwerkplaats.survey.model import Scale, SurveyTable
from goedwerkplaats.survey.reader import Row


@dataclass(frozen=True)
class Outside:
    """An answer that is not on the scale: not counted, but reported with its row."""

    row: int
    value: str


@dataclass(frozen=True)
class ItemResult:
    label: str  # the row label: the item's text or its column header
    column: str  # the column's header, as in the file
    counts: tuple[int, ...]  # per scale point, in scale order
    missing: int = 0  # empty answers
    excluded: int = 0  # answers the scale says not to count ("N.v.t.")
    outside: tuple[Outside, ...] = ()

    @property
    def n(self) -> int:
        """The number of valid answers: the base of the percentages."""
        return sum(self.counts)

    def percentages(self) -> list[int]:
        return whole_percentages(self.counts)


@dataclass(frozen=True)
class TableResult:
    table: SurveyTable
    items: tuple[ItemResult, ...]

    @property
    def caption(self) -> str:
        return self.table.caption([item.n for item in self.items])

    @property
    def outside(self) -> int:
        return sum(len(item.outside) for item in self.items)


def item_result(
    scale: Scale, rows: Sequence[Row], index: int, label: str, column: str
) -> ItemResult:
    """Count the answers in column `index` of `rows` on `scale`."""
    point_of: dict[str, int] = {}
    for position, point in enumerate(scale.points):
        for value in (point.label, *point.values):
            point_of.setdefault(normal(value), position)
    excluded_values = {normal(v) for v in scale.excluded}
    counts = [0] * len(scale.points)
    missing = excluded = 0
    outside: list[Outside] = []
    for row in rows:
        raw = row.cells[index] if index < len(row.cells) else ""
        key = normal(raw)
        if not key:
            missing += 1
        elif key in point_of:
            counts[point_of[key]] += 1
        elif key in excluded_values:
            excluded += 1
        else:
            outside.append(Outside(row.number, raw))
    return ItemResult(label, column, tuple(counts), missing, excluded, tuple(outside))
