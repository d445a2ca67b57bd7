"""The project's own keys (`toetsen.yaml`): binding id → key, for users who remap keys."""

from __future__ import annotations

import re
from pathlib import Path

from goedwerkplaats.checker import Checker, did_you_mean
from goedwerkplaats.problems import Problem, ProblemsError
from goedwerkplaats.yamlio import LineIndex, parse_yaml

KEYMAP_FILE = "toetsen.yaml"
_KEY = re.compile(r"^[a-z0-9_+,]+$")


def load_keymap(project_root: Path, known_ids: list[str]) -> dict[str, str]:
    """The remapped keys; none when there is no file. ProblemsError names file and line."""
    path = project_root / KEYMAP_FILE
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ProblemsError([Problem(path, None, f"niet te lezen als UTF-8 ({error})")]) from None
    data = parse_yaml(text, path) or {}
    check = Checker(path, LineIndex(text))
    top = check.mapping(data, (), KEYMAP_FILE) or {}
    keymap: dict[str, str] = {}
    for binding_id, key in top.items():
        if binding_id not in known_ids:
            check.error(
                (str(binding_id),),
                f"onbekend toets-id '{binding_id}'"
                f"{did_you_mean(str(binding_id), known_ids)}; zie de lijst in de README",
            )
        elif not isinstance(key, str | int) or not _KEY.match(str(key).lower()):
            check.error(
                (str(binding_id),), f"'{key}' is geen toets; schrijf bijv. f2, ctrl+y of een letter"
            )
        else:
            keymap[str(binding_id)] = str(key).lower()
    if check.has_errors:
        raise ProblemsError(check.problems)
    return keymap
