"""The project's list of extra terms to mask in exports (`maskeren.yaml`)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.files.checker import Checker
from goedwerkplaats.files.problems import Problem, ProblemsError
from goedwerkplaats.files.yamlio import LineIndex, parse_yaml

MASK_FILE = "maskeren.yaml"
DEFAULT_SUBSTITUTE = "[…]"
EXAMPLE = """\
# Termen die in elke export worden vervangen: de naam van een gemeente, een werkgever,
# een burger over wie het ging. Namen van deelnemers hoeven hier niet in: die worden
# altijd door hun pseudoniem (P1, P2…) vervangen.
vervanging: "[…]"
termen: []
#  - Zwolle
#  - term: Bakkerij Jansen
#    door: "[werkgever]"
"""


@dataclass(frozen=True)
class MaskTerm:
    term: str
    substitute: str


@dataclass(frozen=True)
class MaskList:
    terms: tuple[MaskTerm, ...] = ()


def load_mask_terms(project_root: Path) -> MaskList:
    """The terms to mask; an absent file means none. ProblemsError when the file is wrong."""
    path = project_root / MASK_FILE
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return MaskList()
    except (OSError, UnicodeDecodeError) as error:
        raise ProblemsError([Problem(path, None, f"niet te lezen als UTF-8 ({error})")]) from None
    data = parse_yaml(text, path) or {}
    check = Checker(path, LineIndex(text))
    top = check.mapping(data, (), MASK_FILE)
    terms: list[MaskTerm] = []
    if top is not None:
        check.known_keys(top, ("vervanging", "termen"), (), MASK_FILE)
        default = str(top.get("vervanging") or DEFAULT_SUBSTITUTE)
        for index, item in enumerate(check.sequence(top.get("termen"), ("termen",), "'termen'")):
            terms.extend(_term(item, default, ("termen", index), check))
    if check.has_errors:
        raise ProblemsError(check.problems)
    return MaskList(tuple(terms))


def _term(
    item: object, default: str, path: tuple[str | int, ...], check: Checker
) -> list[MaskTerm]:
    if isinstance(item, str | int | float) and str(item).strip():
        return [MaskTerm(str(item).strip(), default)]
    if isinstance(item, dict) and str(item.get("term") or "").strip():
        check.known_keys(item, ("term", "door"), path, "een term")
        return [MaskTerm(str(item["term"]).strip(), str(item.get("door") or default))]
    check.error(path, "een term is tekst, of 'term:' met eventueel 'door:' (de vervanging)")
    return []


def add_mask_terms(project_root: Path, words: list[str]) -> list[str]:
    """Add `words` to maskeren.yaml (created from the example if absent), keeping its comments;
    returns the words that were new. ProblemsError when the file is wrong before or after."""
    from goedwerkplaats.storage.atomic import write_atomic_text

    path = project_root / MASK_FILE
    known = {t.term.lower() for t in load_mask_terms(project_root).terms}
    new = [w.strip() for w in dict.fromkeys(words) if w.strip() and w.strip().lower() not in known]
    if not new:
        return []
    text = path.read_text("utf-8-sig") if path.exists() else EXAMPLE
    lines = "".join(f"  - {json.dumps(word, ensure_ascii=False)}\n" for word in new)
    if re.search(r"^termen:\s*\[\]\s*$", text, re.M):
        text = re.sub(r"^termen:\s*\[\]\s*$", "termen:\n" + lines.rstrip("\n"), text, flags=re.M)
    elif re.search(r"^termen:\s*$", text, re.M):
        text = re.sub(r"^termen:\s*$", "termen:\n" + lines.rstrip("\n"), text, count=1, flags=re.M)
    else:
        text = text.rstrip("\n") + "\ntermen:\n" + lines
    before = path.read_bytes() if path.exists() else None
    write_atomic_text(path, text)
    try:
        load_mask_terms(project_root)
    except ProblemsError:
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)
        raise
    return new
