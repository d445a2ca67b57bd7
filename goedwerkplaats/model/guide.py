"""The guide (leidraad): the stellingen and the codebook of thema's and arena's."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Statement:
    """A central stelling, shown to the group one at a time."""

    id: str
    text: str
    explanation: str = ""
    follow_ups: tuple[str, ...] = ()
    minutes: int | None = None

    @property
    def seconds(self) -> int | None:
        return None if self.minutes is None else self.minutes * 60


@dataclass(frozen=True)
class Theme:
    """A thema of the codebook; `parent` nests it one level under another thema."""

    id: str
    label: str
    description: str = ""
    key: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class Arena:
    """The setting a remark is about: spreekkamer, eigen organisatie, maatschappelijk veld."""

    id: str
    label: str
    description: str = ""
    key: str | None = None


@dataclass(frozen=True)
class Characteristic:
    """A participant characteristic a study records (kenmerk): a fixed list of values, free
    text only where the guide allows it."""

    id: str
    label: str
    values: tuple[str, ...] = ()
    free: bool = False
    description: str = ""

    def allowed(self, value: str) -> str | None:
        """The value as the guide spells it (also from its number, 1…), or None if not allowed."""
        text = " ".join(value.split())
        if text.isdigit() and self.values:  # a number picks from the list, also when free
            number = int(text)
            return self.values[number - 1] if 1 <= number <= len(self.values) else None
        same = next((v for v in self.values if v.casefold() == text.casefold()), None)
        if same is not None:
            return same
        return text if self.free and text else None


# What a guide without 'kenmerken:' records: function and organisation as free text.
FREE_CHARACTERISTICS = (
    Characteristic("functie", "Functie", free=True),
    Characteristic("organisatie", "Organisatie", free=True),
)

SUGGESTIBLE = ("doorvragen", "minuten", "toelichting")
"""Parts of a stelling a guide may mark as this tool's suggestion rather than its source's."""


@dataclass(frozen=True)
class Guide:
    title: str
    statements: tuple[Statement, ...] = ()
    themes: tuple[Theme, ...] = ()
    arenas: tuple[Arena, ...] = field(default=())
    source: str = ""
    suggested: frozenset[str] = frozenset()
    characteristics: tuple[Characteristic, ...] = FREE_CHARACTERISTICS

    def characteristic(self, characteristic_id: str) -> Characteristic | None:
        return next((c for c in self.characteristics if c.id == characteristic_id), None)

    def is_suggestion(self, part: str) -> bool:
        """True when `part` (one of SUGGESTIBLE) is ours, not the source study's."""
        return part in self.suggested

    @cached_property
    def _statements(self) -> dict[str, Statement]:
        return {s.id: s for s in self.statements}

    @cached_property
    def _themes(self) -> dict[str, Theme]:
        return {t.id: t for t in self.themes}

    @cached_property
    def _arenas(self) -> dict[str, Arena]:
        return {a.id: a for a in self.arenas}

    @cached_property
    def _keys(self) -> dict[str, Theme | Arena]:
        codes: tuple[Theme | Arena, ...] = (*self.themes, *self.arenas)
        return {c.key: c for c in codes if c.key}

    def statement(self, statement_id: str | None) -> Statement | None:
        return None if statement_id is None else self._statements.get(statement_id)

    def theme(self, theme_id: str) -> Theme | None:
        return self._themes.get(theme_id)

    def arena(self, arena_id: str | None) -> Arena | None:
        return None if arena_id is None else self._arenas.get(arena_id)

    def code_for_key(self, key: str) -> Theme | Arena | None:
        return self._keys.get(key)

    def statement_index(self, statement_id: str | None) -> int:
        """Position in guide order; unknown or missing stellingen sort last."""
        ids = list(self._statements)
        return ids.index(statement_id) if statement_id in self._statements else len(ids)

    def theme_index(self, theme_id: str) -> int:
        """Position in guide order, with children right after their parent."""
        ordered = [t.id for t in self.themes_in_tree_order()]
        return ordered.index(theme_id) if theme_id in self._themes else len(ordered)

    def children(self, theme_id: str) -> tuple[Theme, ...]:
        return tuple(t for t in self.themes if t.parent == theme_id)

    def themes_in_tree_order(self) -> list[Theme]:
        ordered: list[Theme] = []
        for theme in self.themes:
            if theme.parent is None:
                ordered.append(theme)
                ordered.extend(self.children(theme.id))
        orphans = [t for t in self.themes if t not in ordered]
        return ordered + orphans

    def theme_label(self, theme_id: str) -> str:
        theme = self.theme(theme_id)
        return theme.label if theme else theme_id

    def arena_label(self, arena_id: str | None) -> str:
        arena = self.arena(arena_id)
        return arena.label if arena else (arena_id or "")

    def code_ids(self) -> list[str]:
        return [*self._themes, *self._arenas]
