"""The codebook as REFI-QDA codes: one tree for the .qdc, the .qdpx and the CSV codebook.

Shape (every QDA package shows it the same way, whether it keeps our order or sorts by name):

- "Thema's" (not codable) — the themes; a theme with `onder` sits under its parent theme,
  which stays codable itself.
- "Arena" (not codable) — one code per arena. REFI-QDA has no single-choice groups, so the
  rule "one arena per segment" lives in this folder, its description and our exports.
- "Stellingen" (not codable) — one code per stelling; the .qdpx codes each block of the
  transcript under a stelling with it (structural coding), so codes can be crossed with it.
- "Citaat voor rapport" (codable) — the citaat flag. A Set cannot hold selections, so a code
  is the only way to mark a passage that every package can filter on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from goedwerkplaats.exporters.refiqda_ids import Guids
from goedwerkplaats.exporters.refiqda_text import one_line, shorten, xml_safe
from goedwerkplaats.exporters.refiqda_xml import XmlWriter
from goedwerkplaats.model.guide import Arena, Guide, Statement, Theme

THEMES_NAME = "Thema's"
ARENAS_NAME = "Arena"
STATEMENTS_NAME = "Stellingen"
QUOTE_NAME = "Citaat voor rapport"

THEMES_DESCRIPTION = "De thema's van het codeboek. Een fragment kan meerdere thema's hebben."
ARENAS_DESCRIPTION = (
    "De setting waar een uitspraak over gaat. Elk fragment heeft hoogstens één arena "
    "(REFI-QDA kent geen keuzegroepen; houd dat bij het coderen zelf aan)."
)
STATEMENTS_DESCRIPTION = (
    "De centrale stellingen. In een REFI-QDA-project is elk deel van het transcript dat onder "
    "een stelling viel met die stelling gecodeerd."
)
QUOTE_DESCRIPTION = "Door de onderzoeker gemarkeerd als citaat voor het rapport."

# Distinct, readable on white; children share their parent's colour so families stay visible.
_THEME_COLORS = (
    "#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4", "#46B4C8",
    "#F032E6", "#9A6324", "#469990", "#800000", "#808000", "#000075",
)  # fmt: skip
_ARENA_COLORS = ("#1B9E77", "#D95F02", "#7570B3", "#E7298A", "#66A61E", "#E6AB02")
_STATEMENT_COLOR = "#A0A0A0"
_QUOTE_COLOR = "#FFC000"


@dataclass(frozen=True)
class Code:
    guid: str
    name: str
    codable: bool
    description: str = ""
    color: str | None = None
    children: tuple[Code, ...] = ()


@dataclass(frozen=True)
class Codebook:
    """The code tree, and the GUID of the code for each theme, arena and stelling id."""

    roots: tuple[Code, ...]
    themes: dict[str, str]
    arenas: dict[str, str]
    statements: dict[str, str]
    quote: str

    def walk(self) -> list[tuple[tuple[str, ...], Code]]:
        """Every code with the names of its ancestors, depth first, in codebook order."""
        found: list[tuple[tuple[str, ...], Code]] = []

        def visit(code: Code, path: tuple[str, ...]) -> None:
            found.append((path, code))
            for child in code.children:
                visit(child, (*path, code.name))

        for root in self.roots:
            visit(root, ())
        return found


Masker = Callable[[str], str]


def build_codebook(guide: Guide, guids: Guids, mask: Masker = lambda text: text) -> Codebook:
    names = _UniqueNames()
    themes = _theme_codes(guide, guids, mask, names)
    arenas = [_arena_code(a, i, guids, mask, names) for i, a in enumerate(guide.arenas)]
    statements = [_statement_code(s, guids, mask, names) for s in guide.statements]
    quote = Code(guids.of("code", "citaat"), names.take(QUOTE_NAME), True, QUOTE_DESCRIPTION)
    roots = (
        _group("themas", THEMES_NAME, THEMES_DESCRIPTION, themes, guids),
        _group("arenas", ARENAS_NAME, ARENAS_DESCRIPTION, arenas, guids),
        _group("stellingen", STATEMENTS_NAME, STATEMENTS_DESCRIPTION, statements, guids),
        dataclasses.replace(quote, color=_QUOTE_COLOR),
    )
    return Codebook(
        roots=tuple(root for root in roots if root.codable or root.children),
        themes={t.id: guids.of("code", "thema", t.id) for t in guide.themes},
        arenas={a.id: guids.of("code", "arena", a.id) for a in guide.arenas},
        statements={s.id: guids.of("code", "stelling", s.id) for s in guide.statements},
        quote=quote.guid,
    )


def _group(key: str, name: str, description: str, children: list[Code], guids: Guids) -> Code:
    return Code(guids.of("code", "groep", key), name, False, description, None, tuple(children))


def _theme_codes(guide: Guide, guids: Guids, mask: Masker, names: _UniqueNames) -> list[Code]:
    """Top themes with their children; a theme the guide nests deeper (which its loader
    refuses) goes to the top rather than missing, so every coding has its code."""
    known = {t.id for t in guide.themes}
    tops = [t for t in guide.themes if t.parent is None or t.parent not in known]
    nested = {c.id for t in tops for c in guide.children(t.id) if c.id != t.id}
    tops += [t for t in guide.themes if t not in tops and t.id not in nested]
    codes = []
    for index, theme in enumerate(tops):
        color = _THEME_COLORS[index % len(_THEME_COLORS)]
        code = _theme_code(theme, color, guids, mask, names)
        children = [
            _theme_code(child, color, guids, mask, names)
            for child in guide.children(theme.id)
            if child.id in nested
        ]
        codes.append(dataclasses.replace(code, children=tuple(children)))
    return codes


def _theme_code(theme: Theme, color: str, guids: Guids, mask: Masker, names: _UniqueNames) -> Code:
    name = names.take(_name(theme.label, mask) or theme.id, theme.id)
    guid = guids.of("code", "thema", theme.id)
    return Code(guid, name, True, _text(theme.description, mask), color)


def _arena_code(arena: Arena, index: int, guids: Guids, mask: Masker, names: _UniqueNames) -> Code:
    name = names.take(_name(arena.label, mask) or arena.id, arena.id)
    color = _ARENA_COLORS[index % len(_ARENA_COLORS)]
    return Code(
        guids.of("code", "arena", arena.id), name, True, _text(arena.description, mask), color
    )


def _statement_code(statement: Statement, guids: Guids, mask: Masker, names: _UniqueNames) -> Code:
    text = _name(statement.text, mask)
    name = names.take(
        shorten(f"Stelling {statement.id}: {text}" if text else f"Stelling {statement.id}", 80)
    )
    description = "\n\n".join(
        part for part in (_text(statement.text, mask), _text(statement.explanation, mask)) if part
    )
    guid = guids.of("code", "stelling", statement.id)
    return Code(guid, name, True, description, _STATEMENT_COLOR)


def _name(text: str, mask: Masker) -> str:
    return one_line(mask(text))


def _text(text: str, mask: Masker) -> str:
    return xml_safe(mask(text)).strip()


class _UniqueNames:
    """Code names must differ: QualCoder merges codes of the same name into one."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, name: str, code_id: str = "") -> str:
        candidate = name
        if candidate.casefold() in self._taken and code_id:
            candidate = f"{name} ({code_id})"
        number = 2
        while candidate.casefold() in self._taken:
            candidate = f"{name} ({number})"
            number += 1
        self._taken.add(candidate.casefold())
        return candidate


def write_codes(out: XmlWriter, codes: tuple[Code, ...]) -> None:
    """`Code` elements in the order both schemas require: Description, then child Codes."""
    for code in codes:
        attributes = [
            ("guid", code.guid),
            ("name", code.name),
            ("isCodable", "true" if code.codable else "false"),
        ]
        if code.color:
            attributes.append(("color", code.color))
        if not code.description and not code.children:
            out.empty("Code", *attributes)
            continue
        out.open("Code", *attributes)
        if code.description:
            out.text("Description", code.description)
        write_codes(out, code.children)
        out.close()
