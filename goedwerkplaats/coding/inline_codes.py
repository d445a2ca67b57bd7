"""Inline codes in typed or imported text: `#thema` adds a theme, `@arena` sets the arena,
`#!` flags the fragment as a citaat (a quote for the report)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from goedwerkplaats.files.checker import suggest
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.guide import Guide

# A code starts after whitespace, an opening bracket or the start; `\#` and `\@` stay text.
_CODE = re.compile(r"(?<![\w\\#@/.])([#@])([A-Za-z][\w-]*)")
_ESCAPED = re.compile(r"\\([#@])")
# `#!` on its own (not `\#!`, not inside a word): a transcriber marks a quote while typing
_QUOTE_FLAG = re.compile(r"(?<![\w\\#@/.])#!(?![\w!])")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([.,;:!?])")


@dataclass(frozen=True)
class InlineCodes:
    text: str
    themes: tuple[str, ...] = ()
    arena: str | None = None
    quote: bool = False  # the text held `#!`: a citaat


class InlineCodeError(GwpError):
    """An inline code that the guide does not know, or two arenas in one text."""

    def __init__(self, message: str, code: str = "", suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.suggestions = suggestions


def parse_inline_codes(text: str, guide: Guide) -> InlineCodes:
    """The text without its codes, and the themes and arena the codes name."""
    themes: list[str] = []
    arenas: list[str] = []
    for match in _CODE.finditer(text):
        sign, raw = match.group(1), match.group(2).rstrip("-_").lower()
        if sign == "#":
            _check_theme(raw, guide)
            if raw not in themes:
                themes.append(raw)
        else:
            _check_arena(raw, guide)
            arenas.append(raw)
    distinct = list(dict.fromkeys(arenas))
    if len(distinct) > 1:
        named = " en ".join(f"@{a}" for a in distinct)
        raise InlineCodeError(f"twee arena's in één fragment ({named}); kies er één")
    quote = _QUOTE_FLAG.search(text) is not None
    if quote:
        text = _QUOTE_FLAG.sub("", text)
    return InlineCodes(_strip_codes(text), tuple(themes), distinct[0] if distinct else None, quote)


def keep_as_text(text: str, earlier: str) -> str:
    """`text` with the codes that `earlier` already held as words escaped, so they stay words.

    Stored text holds '#MeToo' as typed with '\\#MeToo'; correcting a typo elsewhere in it
    must not turn it into a code, or refuse because no such thema exists."""
    words = {match.group(0) for match in _CODE.finditer(earlier)}
    return _CODE.sub(lambda m: "\\" + m.group(0) if m.group(0) in words else m.group(0), text)


def has_inline_codes(text: str) -> bool:
    return _CODE.search(text) is not None or _QUOTE_FLAG.search(text) is not None


def _strip_codes(text: str) -> str:
    stripped = _CODE.sub(lambda m: "" if m.group(2).rstrip("-_") else m.group(0), text)
    stripped = _ESCAPED.sub(r"\1", stripped)
    stripped = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", stripped))
    return "\n".join(line.strip() for line in stripped.splitlines()).strip()


def _check_theme(code: str, guide: Guide) -> None:
    if guide.theme(code):
        return
    if guide.arena(code):
        raise InlineCodeError(
            f"'{code}' is een arena; schrijf @{code} in plaats van #{code}", code, (code,)
        )
    theme_ids = [t.id for t in guide.themes]
    near = tuple(suggest(code, theme_ids))
    raise InlineCodeError(_unknown("thema", "#", code, near, theme_ids), code, near)


def _check_arena(code: str, guide: Guide) -> None:
    if guide.arena(code):
        return
    if guide.theme(code):
        raise InlineCodeError(
            f"'{code}' is een thema; schrijf #{code} in plaats van @{code}", code, (code,)
        )
    arena_ids = [a.id for a in guide.arenas]
    near = tuple(suggest(code, arena_ids)) or tuple(arena_ids[:3])
    raise InlineCodeError(_unknown("arena", "@", code, near, arena_ids), code, near)


def _unknown(kind: str, sign: str, code: str, near: tuple[str, ...], known: list[str]) -> str:
    if near:
        hint = "bedoelde u " + " of ".join(f"{sign}{n}" for n in near) + "?"
    else:
        hint = "bekend zijn: " + ", ".join(f"{sign}{k}" for k in known[:8])
    adjective = "onbekend" if kind == "thema" else "onbekende"  # het thema, de arena
    return f"{adjective} {kind} '{sign}{code}'; {hint} (zie stellingen.yaml)"


def completions(text_before_cursor: str, guide: Guide) -> tuple[str, list[str]]:
    """The partial code being typed at the cursor (e.g. '#ver') and the ids it may become."""
    match = re.search(r"(?:^|(?<=[\s(]))([#@])([\w-]*)$", text_before_cursor)
    if not match:
        return "", []
    sign, partial = match.group(1), match.group(2).lower()
    pool = [t.id for t in guide.themes] if sign == "#" else [a.id for a in guide.arenas]
    found = [c for c in pool if c.startswith(partial)]
    found += [c for c in pool if partial and partial in c and c not in found]
    return sign + partial, found
