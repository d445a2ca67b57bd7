"""The numbers in a synthesis: quotes per theme × arena, and how participants took position."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from goedwerkplaats.exporters.dutch import NO_ARENA, NO_THEME
from goedwerkplaats.exporters.quote_records import QuoteRecord
from goedwerkplaats.exporters.synthesis_groups import ARENA, THEME, Grouper
from goedwerkplaats.model.percentages import whole_percentages
from goedwerkplaats.model.session import MOMENTS, Session
from goedwerkplaats.storage.session_format import SCALE

SCALE_POINTS = tuple(sorted(SCALE))
MOMENT_LABELS = {"begin": "Begin van het gesprek", "eind": "Eind van het gesprek"}


@dataclass(frozen=True)
class CountTable:
    """Rows are themes, columns arenas; the last row and column are totals."""

    columns: list[str]
    rows: list[tuple[str, list[int]]]
    totals: list[int]


def count_table(quotes: Sequence[QuoteRecord], grouper: Grouper) -> CountTable:
    """Quotes per theme (rows, guide order) and arena (columns: every arena of the guide)."""
    arena_keys: list[str | None] = [a.id for a in grouper.guide.arenas]
    if any(q.arena not in arena_keys for q in quotes):
        arena_keys.append(None)  # 'Zonder arena', also for arenas the guide no longer knows
    column = {key: index for index, key in enumerate(arena_keys)}
    width = len(arena_keys) + 1
    cells: dict[str | None, list[int]] = {}
    totals = [0] * width
    for quote in quotes:
        index = column.get(quote.arena, column.get(None, 0))
        totals[index] += 1
        totals[-1] += 1
        for theme in grouper.theme_keys(quote):
            row = cells.setdefault(theme, [0] * width)
            row[index] += 1
            row[-1] += 1
    ordered = sorted(cells, key=lambda k: grouper.order(THEME, k))
    rows = [(_theme_row_label(grouper, key), cells[key]) for key in ordered]
    columns = [grouper.label(ARENA, key) if key else NO_ARENA for key in arena_keys]
    return CountTable([*columns, "Totaal"], rows, totals)


def _theme_row_label(grouper: Grouper, key: str | None) -> str:
    if key is None:
        return NO_THEME
    theme = grouper.guide.theme(key)
    prefix = "\u2013 " if theme is not None and theme.parent else ""  # a sub-theme, indented
    return prefix + grouper.label(THEME, key)


@dataclass(frozen=True)
class Distribution:
    """Positions on one stelling at one moment: counts per scale point, n.v.t. apart."""

    moment: str
    counts: tuple[int, ...]
    not_applicable: int

    @property
    def n(self) -> int:
        return sum(self.counts)

    def percentages(self) -> list[int]:
        return whole_percentages(self.counts)


def distributions(sessions: Iterable[Session], statement: str) -> list[Distribution]:
    """One distribution per moment at which positions on `statement` were recorded."""
    counts = {moment: [0] * len(SCALE_POINTS) for moment in MOMENTS}
    not_applicable = dict.fromkeys(MOMENTS, 0)
    seen: set[str] = set()
    for session in sessions:
        for stance in session.stances.values():
            if stance.statement != statement or stance.moment not in counts:
                continue
            seen.add(stance.moment)
            if stance.value is None:
                not_applicable[stance.moment] += 1
            elif stance.value in SCALE:
                counts[stance.moment][SCALE_POINTS.index(stance.value)] += 1
    return [
        Distribution(moment, tuple(counts[moment]), not_applicable[moment])
        for moment in MOMENTS
        if moment in seen
    ]


def statements_with_stances(sessions: Iterable[Session]) -> set[str]:
    return {stance.statement for session in sessions for stance in session.stances.values()}
