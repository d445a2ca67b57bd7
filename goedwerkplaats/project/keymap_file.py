"""The project's own keys (`toetsen.yaml`): binding id → key, for users who remap keys."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from goedwerkplaats.files.checker import Checker, did_you_mean
from goedwerkplaats.files.problems import Problem, ProblemsError
from goedwerkplaats.files.yamlio import LineIndex, parse_yaml
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.project.key_table import CODING, DEFAULT_KEYS, KEYS_OF, TOGETHER

KEYMAP_FILE = "toetsen.yaml"

MODIFIERS = ("ctrl", "shift", "alt")
NAMED_KEYS = frozenset(
    "escape enter tab space backspace delete insert home end pageup pagedown up down left "
    "right plus minus asterisk slash question_mark full_stop exclamation_mark less_than_sign "
    "greater_than_sign left_square_bracket right_square_bracket left_curly_bracket "
    "right_curly_bracket".split()
)
# a sign typed as itself in the file, as the terminal reports it
SIGN_KEYS = {
    "+": "plus",
    "-": "minus",
    "*": "asterisk",
    "/": "slash",
    "?": "question_mark",
    "<": "less_than_sign",
    ">": "greater_than_sign",
    "[": "left_square_bracket",
    "]": "right_square_bracket",
    "{": "left_curly_bracket",
    "}": "right_curly_bracket",
}
SIGN_OF = {name: sign for sign, name in SIGN_KEYS.items()}
_FUNCTION_KEY = re.compile(r"^f([1-9]|1[0-9]|2[0-4])$")

CODING_SIGNS = {"*": "citaat", "0": "arena wissen"}


def load_keymap(project_root: Path) -> dict[str, str]:
    """The remapped keys; none when there is no file. ProblemsError names file and line."""
    keymap, problems = check_keymap(project_root)
    if any(not p.warning for p in problems):
        raise ProblemsError(problems)
    return keymap


def check_keymap(
    project_root: Path, guide: Guide | None = None
) -> tuple[dict[str, str], list[Problem]]:
    """The usable remaps and every problem in the file; with `guide`, also the keys that a
    thema or arena already has where codes are typed."""
    path = project_root / KEYMAP_FILE
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as error:
        return {}, [Problem(path, None, f"niet te lezen als UTF-8 ({error})")]
    try:
        data = parse_yaml(text, path) or {}
    except ProblemsError as error:
        return {}, error.problems
    check = Checker(path, LineIndex(text))
    keymap = _read_entries(check.mapping(data, (), KEYMAP_FILE) or {}, check)
    _check_shared_keys(keymap, check)
    if guide is not None:
        _check_codebook_keys(keymap, guide, check)
    return keymap, check.problems


def _read_entries(top: Mapping[str, Any], check: Checker) -> dict[str, str]:
    keymap: dict[str, str] = {}
    for binding_id, value in top.items():
        where = (str(binding_id),)
        if binding_id not in DEFAULT_KEYS:
            check.error(
                where,
                f"onbekend toets-id '{binding_id}'"
                f"{did_you_mean(str(binding_id), list(DEFAULT_KEYS))}; zie de lijst in de README",
            )
            continue
        keys = normal_keys(value)
        if keys is None:
            check.error(
                where,
                f"'{value}' is geen toets; schrijf bijv. f2, ctrl+y, een letter of een cijfer "
                "(meer toetsen met komma's: f2,ctrl+y)",
            )
        else:
            keymap[str(binding_id)] = ",".join(keys)
    return keymap


def normal_keys(value: object) -> list[str] | None:
    """The keys as Textual names them ('*' → 'asterisk'), or None when one is no key."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    keys = []
    for raw in str(value).split(","):
        key = SIGN_KEYS.get(raw.strip(), raw.strip().lower())
        *modifiers, base = key.split("+")
        if any(m not in MODIFIERS for m in modifiers) or not _is_key(base):
            return None
        keys.append("+".join([*modifiers, base]))
    return keys or None


def _is_key(base: str) -> bool:
    single = len(base) == 1 and (base.isascii() and base.isalnum())
    return single or base in NAMED_KEYS or bool(_FUNCTION_KEY.match(base))


def _ids_of(group: tuple[str, ...]) -> set[str]:
    """The ids of a screen and the part of it that has the focus (key_table)."""
    return {binding_id for name in group for binding_id in KEYS_OF[name]}


def _check_shared_keys(keymap: dict[str, str], check: Checker) -> None:
    """Two actions remapped to one key on the same screen: only one of them would work."""
    clashes: dict[tuple[str, str], str] = {}  # (id, key) → the id that had it first
    for together in TOGETHER:
        owner: dict[str, str] = {}
        active = _ids_of(together)
        for binding_id, keys in keymap.items():
            if binding_id not in active:
                continue
            for key in keys.split(","):
                if owner.setdefault(key, binding_id) != binding_id:
                    clashes[(binding_id, key)] = owner[key]
    for (binding_id, key), first in clashes.items():
        check.error(
            (binding_id,),
            f"toets '{key}' is op hetzelfde scherm al gekozen voor '{first}'; "
            "kies een andere toets",
        )


def _check_codebook_keys(keymap: dict[str, str], guide: Guide, check: Checker) -> None:
    """A letter that codes a thema where codes are typed cannot also start an action there."""
    coding = {i for group in CODING for i in _ids_of(group)}
    for binding_id, keys in keymap.items():
        if binding_id not in coding:
            continue
        for key in keys.split(","):
            character = SIGN_OF.get(key, key)
            code = guide.code_for_key(character)
            if code is not None:
                kind = "thema" if code in guide.themes else "arena"
                check.error(
                    (binding_id,),
                    f"toets '{character}' is in het codeboek al {kind} '{code.label}' "
                    "(stellingen.yaml); kies een andere toets of een andere codeboektoets",
                )
            elif character in CODING_SIGNS:
                check.error(
                    (binding_id,),
                    f"toets '{character}' is bij het coderen al de toets voor "
                    f"{CODING_SIGNS[character]}; kies een andere toets",
                )
