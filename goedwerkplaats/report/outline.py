"""The report outline: chapters, sections and how quotes are shown, as value objects.

The outline is separate from the guide: the guide says what is asked and coded, the outline
says how the report is built from it (chapter order, titles, which themes go where).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from goedwerkplaats.model.guide import Guide

ATTRIBUTION_NONE = "geen"
ATTRIBUTION_PSEUDONYM = "pseudoniem"
ATTRIBUTION_SESSION = "sessie"
ATTRIBUTION_ATTRIBUTES = "kenmerken"
ATTRIBUTIONS = (
    ATTRIBUTION_NONE,
    ATTRIBUTION_PSEUDONYM,
    ATTRIBUTION_SESSION,
    ATTRIBUTION_ATTRIBUTES,
)

ARENAS_NO = "nee"
ARENAS_YES = "ja"
ARENAS_AUTO = "auto"
ARENA_MODES = (ARENAS_NO, ARENAS_YES, ARENAS_AUTO)

DEFAULT_QUOTE_MARKS = ("\u2018", "\u2019")  # ‘ ’ as the SAM study prints its quotes
DEFAULT_QUOTE_DASH = "\u2014"  # — before each quote, as in the study
PROSE_DIR = "rapport"
CLOSING_KEY = "slot"
INTRO_KEY = "inleiding"


DIMENSION_SESSION = "sessie"  # a cross-table's columns: the sessions, or a characteristic id


def dimensions(guide: Guide) -> tuple[str, ...]:
    """What a cross-table can set themes against: the sessions, or a characteristic."""
    return (DIMENSION_SESSION, *(c.id for c in guide.characteristics))


@dataclass(frozen=True)
class CrossTableSpec:
    """A cross-table the outline asks for in a section (`kruistabel:`): themes against the
    sessions or a characteristic, counting participants (see `report.crosstab`)."""

    against: str = DIMENSION_SESSION  # 'sessie' or a characteristic id
    themes: tuple[str, ...] = ()  # empty: the section's themes (prose-only: the chapter's)
    singling_out: str = ""  # 'grof' or 'weglaten' when a column would point at one person


@dataclass(frozen=True)
class Section:
    """A numbered section: a theme's quotes (sub-sections for its children), or prose only."""

    key: str  # the theme id, or a word made from the title for a prose-only section
    title: str
    theme: str | None = None
    arenas: str = ARENAS_NO
    breadth: bool = False
    prose: str = ""  # path of the prose file, relative to the project
    also: tuple[str, ...] = ()  # more themes whose fragments come here (without their children)
    subtitles: tuple[tuple[str, str], ...] = ()  # (child theme or arena id, heading)
    cross_tables: tuple[CrossTableSpec, ...] = ()

    def subtitle(self, key: str, default: str) -> str:
        """The heading of a sub-section (child theme or arena): the outline's, or `default`."""
        return dict(self.subtitles).get(key, default)

    def themes(self, children: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Every theme whose fragments this section holds: its own, its children, `also`."""
        return (self.theme, *children, *self.also) if self.theme else ()


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    statements: tuple[str, ...] = ()  # empty: fragments of every stelling
    sections: tuple[Section, ...] = ()
    closing: str = ""  # title of the closing section ('Concluderend'); empty: none
    prose: str = ""
    closing_prose: str = ""
    stances: bool = True

    def draws_on(self, statement: str | None) -> bool:
        return not self.statements or statement in self.statements


@dataclass(frozen=True)
class Outline:
    title: str
    chapters: tuple[Chapter, ...] = ()
    subtitle: str = ""
    first_chapter: int = 1
    attribution: str = ATTRIBUTION_NONE
    quote_marks: tuple[str, str] = DEFAULT_QUOTE_MARKS
    quote_dash: str = DEFAULT_QUOTE_DASH
    account: bool = True
    notes: bool = False
    see_also: bool = True
    table_of_contents: bool = True
    singling_out: str = ""  # grof | weglaten: what the report does where a value points at one
    from_file: bool = False
    children: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    def chapter_number(self, index: int) -> int:
        return self.first_chapter + index

    def section_number(self, chapter_index: int, section_index: int) -> str:
        return f"{self.chapter_number(chapter_index)}.{section_index + 1}"

    @cached_property
    def slots(self) -> dict[tuple[int, str], tuple[int, int]]:
        """(chapter index, theme id) → (chapter index, section index); a parent section
        holds its child themes too."""
        places: dict[tuple[int, str], tuple[int, int]] = {}
        for c, chapter in enumerate(self.chapters):
            for s, section in enumerate(chapter.sections):
                for theme in section.themes(self.children.get(section.theme or "", ())):
                    places.setdefault((c, theme), (c, s))
        return places

    def section_themes(self, section: Section) -> set[str]:
        """The themes a section's fragments (and its breadth counts) come from."""
        return set(section.themes(self.children.get(section.theme or "", ())))

    def theme_order(self) -> dict[str, int]:
        """Themes in the order the outline first places them (for 'first of its themes')."""
        order: dict[str, int] = {}
        for (_, theme), _place in self.slots.items():
            order.setdefault(theme, len(order))
        return order
