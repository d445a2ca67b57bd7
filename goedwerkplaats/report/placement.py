"""Where each fragment goes in the report: once, under its primary theme.

A fragment goes to the first chapter (outline order) that draws on its stelling and has a
section for one of its themes. Within those, its primary theme decides: the theme the
researcher chose (stored with the fragment), else the first of its themes in outline order.
Its other themes' sections get a "zie ook" reference instead of a second copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from goedwerkplaats.report.choices import Choices
from goedwerkplaats.report.fragments import Fragment
from goedwerkplaats.report.outline import Chapter, Outline, Section

Place = tuple[int, int]  # (chapter index, section index)


@dataclass(frozen=True)
class Placed:
    fragment: Fragment
    via: str  # the theme that brought it here (a child theme for a sub-section)
    excluded: bool = False
    chosen: bool = False  # in the section's own order (rapport/keuze.yaml)


@dataclass
class Placement:
    sections: dict[Place, list[Placed]] = field(default_factory=dict)
    see_also: dict[Place, dict[Place, int]] = field(default_factory=dict)
    unplaced: list[Fragment] = field(default_factory=list)
    where: dict[str, Place] = field(default_factory=dict)

    def shown(self, place: Place) -> list[Placed]:
        return [p for p in self.sections.get(place, []) if not p.excluded]

    def printed(self) -> list[Fragment]:
        """Every fragment the report prints (placed and not left out)."""
        return [p.fragment for placed in self.sections.values() for p in placed if not p.excluded]


def section_key(chapter: Chapter, section: Section) -> str:
    """The key of a section in rapport/keuze.yaml."""
    return f"{chapter.id}/{section.key}"


def place_fragments(
    outline: Outline, fragments: Sequence[Fragment], choices: Choices | None = None
) -> Placement:
    choices = choices or Choices()
    placement = Placement()
    rank = outline.theme_order()
    known: dict[tuple[str | None, tuple[str, ...]], list[tuple[Place, str]]] = {}
    for fragment in fragments:
        # few (stelling, themes) combinations recur across thousands of fragments
        combination = (fragment.statement, fragment.themes)
        slots = known.get(combination)
        if slots is None:
            slots = known[combination] = _slots(outline, fragment, rank)
        if not slots:
            placement.unplaced.append(fragment)
            continue
        primary = _primary(fragment, slots)
        place, via = primary
        placement.sections.setdefault(place, []).append(Placed(fragment, via))
        placement.where[fragment.ref] = place
        for other, _theme in slots:
            if other != place:
                refs = placement.see_also.setdefault(other, {})
                refs[place] = refs.get(place, 0) + 1
    for place, placed in placement.sections.items():
        chapter = outline.chapters[place[0]]
        choice = choices.of(section_key(chapter, chapter.sections[place[1]]))
        placement.sections[place] = _ordered(placed, choice.order, set(choice.excluded))
    return placement


def _slots(outline: Outline, fragment: Fragment, rank: dict[str, int]) -> list[tuple[Place, str]]:
    """(place, theme) for each theme of the fragment, in the first chapter that has any."""
    themes = fragment.themes
    if len(themes) > 1:
        themes = tuple(sorted(themes, key=lambda t: rank.get(t, len(rank))))
    for c, chapter in enumerate(outline.chapters):
        if not chapter.draws_on(fragment.statement):
            continue
        found = [(outline.slots[(c, t)], t) for t in themes if (c, t) in outline.slots]
        if len(found) == 1:
            return found
        if found:
            # one entry per section, keeping the first theme that leads there
            unique: dict[Place, str] = {}
            for place, theme in found:
                unique.setdefault(place, theme)
            return sorted(unique.items(), key=lambda item: item[0])
    return []


def _primary(fragment: Fragment, slots: list[tuple[Place, str]]) -> tuple[Place, str]:
    if fragment.primary is not None:
        for place, theme in slots:
            if theme == fragment.primary:
                return place, theme
    # the first of its themes in outline order; `slots` is sorted by place, which is that order
    return slots[0]


def _ordered(placed: list[Placed], order: list[str], excluded: set[str]) -> list[Placed]:
    """The section's own order first, then ★ citaat-flagged, then chronological (as given)."""
    position = {ref: i for i, ref in enumerate(order)}
    chosen = sorted(
        (p for p in placed if p.fragment.ref in position), key=lambda p: position[p.fragment.ref]
    )
    rest = [p for p in placed if p.fragment.ref not in position]
    rest = [p for p in rest if p.fragment.starred] + [p for p in rest if not p.fragment.starred]
    return [
        Placed(p.fragment, p.via, p.fragment.ref in excluded, p.fragment.ref in position)
        for p in (*chosen, *rest)
    ]
