"""Reading and validating `stellingen.yaml`, the guide a user edits by hand."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

from goedwerkplaats.files.checker import Checker, check_text_file, parse_checked
from goedwerkplaats.files.problems import Problem, ProblemsError
from goedwerkplaats.model.guide import (
    FREE_CHARACTERISTICS,
    SUGGESTIBLE,
    Arena,
    Characteristic,
    Guide,
    Statement,
    Theme,
)

GUIDE_FILE = "stellingen.yaml"
EMPTY_GUIDE_FILE = "stellingen-leeg.yaml"
TOP_KEYS = ("titel", "bron", "suggesties", "stellingen", "themas", "arenas", "kenmerken")
CHARACTERISTIC_KEYS = ("id", "label", "omschrijving", "waarden", "vrij")
STATEMENT_KEYS = ("id", "tekst", "toelichting", "doorvragen", "minuten")
THEME_KEYS = ("id", "label", "omschrijving", "toets", "onder")
ARENA_KEYS = ("id", "label", "omschrijving", "toets")

CODE_ID = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
STATEMENT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,19}$")
SHORTCUT = re.compile(r"^[a-z1-9]$")


def default_guide_text(*, empty: bool = False) -> str:
    """The guide `init` writes: the SAM study's, or an empty one for a new study."""
    name = EMPTY_GUIDE_FILE if empty else GUIDE_FILE
    return resources.files("goedwerkplaats.data").joinpath(name).read_text("utf-8")


def load_guide(path: Path) -> Guide:
    """The guide at `path`; a ProblemsError lists everything wrong with it."""
    guide, problems = check_guide(path)
    if guide is None:
        raise ProblemsError(problems)
    return guide


def check_guide(path: Path) -> tuple[Guide | None, list[Problem]]:
    """The guide (None when it has errors) and every problem found, warnings included."""
    if not path.exists():
        return None, [
            Problem(
                path,
                None,
                "het bestand bestaat niet; maak een project met "
                "'goedwerkplaats init MAP' of geef de projectmap op met --project MAP",
            )
        ]
    return check_text_file(path, parse_guide)


def parse_guide(text: str, file: Path | str) -> tuple[Guide | None, list[Problem]]:
    return parse_checked(text, file, _read_guide)


def _read_guide(data: Any, check: Checker) -> Guide:
    top = check.mapping(data, (), "de leidraad") if data is not None else None
    if top is None:
        if data is None:
            check.error(
                (),
                "het bestand is leeg; zet er 'titel:', 'stellingen:', 'themas:' "
                "en 'arenas:' in (zie 'goedwerkplaats init')",
            )
        return Guide(title="")
    check.known_keys(top, TOP_KEYS, (), "de leidraad")
    statements = _read_statements(top, check)
    themes = _read_themes(top, check)
    arenas = _read_arenas(top, check)
    _check_code_ids(themes, arenas, check)
    _check_shortcuts(themes, arenas, check)
    _check_parents(themes, check)
    title = check.text(top, "titel", (), "de leidraad") or "Goed Werk Plaats"
    return Guide(
        title,
        tuple(s for s, _ in statements),
        tuple(t for t, _ in themes),
        tuple(a for a, _ in arenas),
        source=check.text(top, "bron", (), "de leidraad"),
        suggested=_read_suggestions(top, check),
        characteristics=_read_characteristics(top, check),
    )


def _read_characteristics(top: dict[str, Any], check: Checker) -> tuple[Characteristic, ...]:
    """The participant characteristics; a guide without 'kenmerken:' keeps free text for
    function and organisation, as before the key existed."""
    if "kenmerken" not in top:
        return FREE_CHARACTERISTICS
    result: list[Characteristic] = []
    seen: set[str] = set()
    items = check.sequence(top.get("kenmerken"), ("kenmerken",), "'kenmerken'")
    for index, item in enumerate(items):
        path = ("kenmerken", index)
        entry = check.mapping(item, path, f"kenmerk {index + 1}")
        if entry is None:
            continue
        check.known_keys(entry, CHARACTERISTIC_KEYS, path, f"kenmerk {entry.get('id', index + 1)}")
        code_id = _code(entry, path, f"kenmerk {index + 1}", check)
        what = f"kenmerk '{code_id}'"
        if code_id in seen:
            check.error((*path, "id"), f"{what} komt twee keer voor; geef elk kenmerk een eigen id")
        seen.add(code_id)
        values = check.texts(entry, "waarden", path, what)
        _check_values(values, path, what, check)
        free = _yes_no(entry.get("vrij", False), (*path, "vrij"), what, check)
        if not values and not free:
            check.error(
                path,
                f"{what} heeft geen 'waarden'; geef de toegestane waarden of zet 'vrij: ja' "
                "voor vrije tekst",
            )
        result.append(
            Characteristic(
                id=code_id,
                label=check.text(entry, "label", path, what) or code_id,
                values=values,
                free=free,
                description=check.text(entry, "omschrijving", path, what),
            )
        )
    return tuple(result)


def _yes_no(raw: Any, path: tuple[str | int, ...], what: str, check: Checker) -> bool:
    text = str(raw).strip().lower()
    if isinstance(raw, bool) or text in ("ja", "nee"):
        return raw is True or text == "ja"
    check.error(path, f"'vrij' van {what} is '{raw}'; kies ja of nee")
    return False


def _check_values(
    values: tuple[str, ...], path: tuple[str | int, ...], what: str, check: Checker
) -> None:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if not value or value.casefold() in seen:
            reason = "is leeg" if not value else f"'{value}' staat er twee keer in"
            check.error((*path, "waarden", index), f"een waarde van {what} {reason}")
        seen.add(value.casefold())


def _read_suggestions(top: dict[str, Any], check: Checker) -> frozenset[str]:
    """Which parts of each stelling are this tool's suggestion, not the source study's."""
    parts = check.texts(top, "suggesties", (), "'suggesties'")
    for index, part in enumerate(parts):
        if part not in SUGGESTIBLE:
            check.error(
                ("suggesties", index),
                f"'{part}' onder 'suggesties' is onbekend; gebruik {', '.join(SUGGESTIBLE)}",
            )
    return frozenset(p for p in parts if p in SUGGESTIBLE)


def _read_statements(top: dict[str, Any], check: Checker) -> list[tuple[Statement, int]]:
    items = check.sequence(top.get("stellingen"), ("stellingen",), "'stellingen'")
    if not items and "stellingen" in top:
        check.error(("stellingen",), "er staat geen enkele stelling onder 'stellingen'")
    elif "stellingen" not in top:
        check.error((), "de leidraad heeft geen 'stellingen:'; voeg minstens één stelling toe")
    result: list[tuple[Statement, int]] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        path = ("stellingen", index)
        what = f"stelling {index + 1}"
        entry = check.mapping(item, path, what)
        if entry is None:
            continue
        check.known_keys(entry, STATEMENT_KEYS, path, what)
        statement_id = _statement_id(entry.get("id"), index, path, check)
        if statement_id in seen:
            check.error(
                (*path, "id"),
                f"stelling-id '{statement_id}' komt twee keer voor (ook op "
                f"regel {seen[statement_id]}); geef elke stelling een eigen id",
            )
        seen.setdefault(statement_id, check.index.line((*path, "id")) or 0)
        statement = Statement(
            id=statement_id,
            text=check.text(entry, "tekst", path, f"stelling {statement_id}", required=True),
            explanation=check.text(entry, "toelichting", path, f"stelling {statement_id}"),
            follow_ups=check.texts(entry, "doorvragen", path, f"stelling {statement_id}"),
            minutes=check.positive_int(entry, "minuten", path, f"stelling {statement_id}"),
        )
        result.append((statement, index))
    return result


def _statement_id(value: Any, index: int, path: tuple[str | int, ...], check: Checker) -> str:
    if value is None:
        return str(index + 1)
    text = str(value).strip().lower()
    if isinstance(value, bool) or not STATEMENT_ID.match(text):
        check.error(
            (*path, "id"),
            f"stelling-id '{value}' is ongeldig; gebruik een getal of een "
            "kort woord van kleine letters, cijfers en streepjes",
        )
    return text


def _code(entry: dict[str, Any], path: tuple[str | int, ...], what: str, check: Checker) -> str:
    raw = entry.get("id")
    code_id = "" if raw is None else str(raw).strip()
    if not code_id:
        check.error(path, f"{what} heeft geen 'id'; vul een kort woord in, zoals 'id: vertrouwen'")
    elif not CODE_ID.match(code_id):
        check.error(
            (*path, "id"),
            f"id '{code_id}' van {what} is ongeldig; begin met een kleine "
            "letter en gebruik alleen kleine letters, cijfers, '-' en '_'",
        )
    return code_id


def _shortcut(
    entry: dict[str, Any], path: tuple[str | int, ...], what: str, check: Checker
) -> str | None:
    raw = entry.get("toets")
    if raw is None:
        return None
    key = str(raw).strip()
    if isinstance(raw, bool) or not SHORTCUT.match(key):
        check.error(
            (*path, "toets"),
            f"toets '{raw}' van {what} is ongeldig; kies één kleine "
            "letter (a-z) of één cijfer (1-9)",
        )
        return None
    return key


def _read_themes(top: dict[str, Any], check: Checker) -> list[tuple[Theme, int]]:
    result: list[tuple[Theme, int]] = []
    for index, item in enumerate(check.sequence(top.get("themas"), ("themas",), "'themas'")):
        path = ("themas", index)
        entry = check.mapping(item, path, f"thema {index + 1}")
        if entry is None:
            continue
        check.known_keys(entry, THEME_KEYS, path, f"thema {entry.get('id', index + 1)}")
        code_id = _code(entry, path, f"thema {index + 1}", check)
        what = f"thema '{code_id}'"
        parent = entry.get("onder")
        theme = Theme(
            id=code_id,
            label=check.text(entry, "label", path, what) or code_id,
            description=check.text(entry, "omschrijving", path, what),
            key=_shortcut(entry, path, what, check),
            parent=None if parent is None else str(parent).strip(),
        )
        result.append((theme, index))
    return result


def _read_arenas(top: dict[str, Any], check: Checker) -> list[tuple[Arena, int]]:
    result: list[tuple[Arena, int]] = []
    for index, item in enumerate(check.sequence(top.get("arenas"), ("arenas",), "'arenas'")):
        path = ("arenas", index)
        entry = check.mapping(item, path, f"arena {index + 1}")
        if entry is None:
            continue
        check.known_keys(entry, ARENA_KEYS, path, f"arena {entry.get('id', index + 1)}")
        code_id = _code(entry, path, f"arena {index + 1}", check)
        what = f"arena '{code_id}'"
        arena = Arena(
            id=code_id,
            label=check.text(entry, "label", path, what) or code_id,
            description=check.text(entry, "omschrijving", path, what),
            key=_shortcut(entry, path, what, check),
        )
        result.append((arena, index))
    return result


def _check_code_ids(
    themes: list[tuple[Theme, int]], arenas: list[tuple[Arena, int]], check: Checker
) -> None:
    seen: dict[str, str] = {}
    codes = [(t.id, "thema", ("themas", i)) for t, i in themes]
    codes += [(a.id, "arena", ("arenas", i)) for a, i in arenas]
    for code_id, kind, path in codes:
        if not code_id:
            continue
        if code_id in seen:
            check.error(
                (*path, "id"),
                f"id '{code_id}' van {kind} is al in gebruik ({seen[code_id]});"
                " elk thema en elke arena heeft een eigen id nodig",
            )
        else:
            seen[code_id] = f"{kind} op regel {check.index.line((*path, 'id'))}"


def _check_shortcuts(
    themes: list[tuple[Theme, int]], arenas: list[tuple[Arena, int]], check: Checker
) -> None:
    seen: dict[str, str] = {}
    codes = [(t.key, f"thema '{t.id}'", ("themas", i)) for t, i in themes]
    codes += [(a.key, f"arena '{a.id}'", ("arenas", i)) for a, i in arenas]
    for key, what, path in codes:
        if key is None:
            continue
        if key in seen:
            check.error(
                (*path, "toets"),
                f"toets '{key}' van {what} is al in gebruik bij "
                f"{seen[key]}; kies een andere letter of een ander cijfer",
            )
        else:
            seen[key] = f"{what} (regel {check.index.line((*path, 'toets'))})"


def _check_parents(themes: list[tuple[Theme, int]], check: Checker) -> None:
    by_id = {t.id: t for t, _ in themes}
    for theme, index in themes:
        if theme.parent is None:
            continue
        path = ("themas", index, "onder")
        parent = by_id.get(theme.parent)
        if parent is None:
            options = [t.id for t, _ in themes if t.parent is None and t.id != theme.id]
            check.error(
                path,
                f"thema '{theme.id}' hangt onder '{theme.parent}', maar dat thema "
                f"bestaat niet; gebruik één van: {', '.join(options) or '(geen)'}",
            )
        elif parent.id == theme.id:
            check.error(path, f"thema '{theme.id}' kan niet onder zichzelf hangen")
        elif parent.parent is not None:
            check.error(
                path,
                f"thema '{theme.id}' hangt onder '{parent.id}', dat zelf al onder "
                f"'{parent.parent}' hangt; er is maar één niveau van nesting",
            )
