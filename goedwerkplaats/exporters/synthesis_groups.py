"""Grouping quotes into chapters, sections and sub-sections along stelling, thema and arena.

Any order of the three dimensions works, with one, two or three levels. Groups follow guide
order, with the group for quotes without a stelling, theme or arena last; a group without
quotes does not exist. A quote with two themes is placed under both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from goedwerkplaats.exporters.dutch import NO_ARENA, NO_STATEMENT, NO_THEME, statement_title
from goedwerkplaats.exporters.quote_records import QuoteRecord
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.guide import Guide

STATEMENT = "stelling"
THEME = "thema"
ARENA = "arena"
DIMENSIONS = (STATEMENT, THEME, ARENA)
_ALIASES = {
    "stelling": STATEMENT,
    "stellingen": STATEMENT,
    "thema": THEME,
    "themas": THEME,
    "thema's": THEME,
    "arena": ARENA,
    "arenas": ARENA,
    "arena's": ARENA,
}
_LAST = 1_000_000


@dataclass
class Group:
    """A chapter, section or sub-section: either sub-groups or quotes."""

    dimension: str
    key: str | None
    label: str
    intro: str = ""
    children: list[Group] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)

    def placements(self) -> int:
        """Quotes shown under this group, counting a quote once per place it appears."""
        return len(self.quotes) + sum(child.placements() for child in self.children)


def parse_dimensions(value: str | Sequence[str]) -> tuple[str, ...]:
    """'thema,arena' → ('thema', 'arena'); unknown or repeated names are an error."""
    parts = value.split(",") if isinstance(value, str) else list(value)
    names = [p.strip().lower() for p in parts if p.strip()]
    dimensions = []
    for name in names:
        dimension = _ALIASES.get(name)
        if dimension is None:
            raise GwpError(f"onbekende indeling '{name}'; kies uit {', '.join(DIMENSIONS)}")
        if dimension in dimensions:
            raise GwpError(f"'{dimension}' staat twee keer in de indeling")
        dimensions.append(dimension)
    if not dimensions:
        raise GwpError(f"geef minstens één indeling: {', '.join(DIMENSIONS)}")
    return tuple(dimensions)


class Grouper:
    """Keys, order and labels of each dimension, for one guide and theme filter."""

    def __init__(self, guide: Guide, theme_filter: set[str] | None = None) -> None:
        self.guide = guide
        self._theme_filter = theme_filter or set()
        self._arena_order = {a.id: i for i, a in enumerate(guide.arenas)}
        self._theme_order = {t.id: i for i, t in enumerate(guide.themes_in_tree_order())}
        self._keys: dict[str, Callable[[QuoteRecord], Sequence[str | None]]] = {
            STATEMENT: lambda q: (q.statement,),
            THEME: self.theme_keys,
            ARENA: lambda q: (q.arena,),
        }

    def theme_keys(self, quote: QuoteRecord) -> Sequence[str | None]:
        """The themes a quote is shown under; with a theme filter only the filtered ones."""
        themes = list(dict.fromkeys(quote.themes))
        if self._theme_filter:
            themes = [t for t in themes if t in self._theme_filter]
        return themes or [None]

    def order(self, dimension: str, key: str | None) -> tuple[int, str]:
        if key is None:
            return (_LAST + 1, "")
        if dimension == STATEMENT:
            return (self.guide.statement_index(key), key)
        if dimension == THEME:
            return (self._theme_order.get(key, _LAST), key)
        return (self._arena_order.get(key, _LAST), key)

    def label(self, dimension: str, key: str | None) -> str:
        if dimension == STATEMENT:
            return statement_title(self.guide, key) if key else NO_STATEMENT
        if dimension == THEME:
            return self.guide.theme_label(key) if key else NO_THEME
        return self.guide.arena_label(key) if key else NO_ARENA

    def intro(self, dimension: str, key: str | None) -> str:
        if key is None:
            return ""
        if dimension == STATEMENT:
            statement = self.guide.statement(key)
            return statement.explanation if statement else ""
        if dimension == THEME:
            theme = self.guide.theme(key)
            return theme.description if theme else ""
        arena = self.guide.arena(key)
        return arena.description if arena else ""

    def group(self, quotes: Sequence[QuoteRecord], dimensions: Sequence[str]) -> list[Group]:
        """The groups of the first dimension, each holding groups of the next, and so on."""
        if not dimensions:
            return []
        dimension, rest = dimensions[0], dimensions[1:]
        buckets: dict[str | None, list[QuoteRecord]] = {}
        keys_of = self._keys[dimension]
        for quote in quotes:
            for key in keys_of(quote):
                buckets.setdefault(key, []).append(quote)
        groups = []
        for key in sorted(buckets, key=lambda k: self.order(dimension, k)):
            group = Group(dimension, key, self.label(dimension, key), self.intro(dimension, key))
            if rest:
                group.children = self.group(buckets[key], rest)
            else:
                group.quotes = buckets[key]
            groups.append(group)
        return groups
