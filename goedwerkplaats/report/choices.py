"""Which quotes a section shows and in which order: `rapport/keuze.yaml`.

The report screen writes this file; a researcher may edit it by hand. Per section (key
`<hoofdstuk-id>/<paragraaf>`): `volgorde`, fragments shown first in this order, and `weg`,
fragments left out. A fragment is `sessie/segment` (e.g. `gwp-1/s12`). Fragments not named keep
the default order: the ones marked ★ citaat first, then in time order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goedwerkplaats.files.checker import Checker
from goedwerkplaats.files.problems import Problem, ProblemsError
from goedwerkplaats.files.yamlio import LineIndex, dump_yaml, parse_yaml
from goedwerkplaats.report.outline import PROSE_DIR
from goedwerkplaats.storage.atomic import write_atomic_text

CHOICES_FILE = f"{PROSE_DIR}/keuze.yaml"
_HEADER = (
    "# Welke citaten per paragraaf en in welke volgorde (het rapportscherm schrijft dit bestand).\n"
    "# volgorde: deze fragmenten eerst, zo gerangschikt; weg: deze fragmenten niet tonen.\n"
)


@dataclass
class SectionChoice:
    order: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)


@dataclass
class Choices:
    sections: dict[str, SectionChoice] = field(default_factory=dict)

    def of(self, section_key: str) -> SectionChoice:
        return self.sections.get(section_key) or SectionChoice()

    def edit(self, section_key: str) -> SectionChoice:
        return self.sections.setdefault(section_key, SectionChoice())


def fragment_ref(session_id: str, segment_id: str) -> str:
    return f"{session_id}/{segment_id}"


def load_choices(root: Path) -> Choices:
    choices, problems = check_choices(root)
    if any(not p.warning for p in problems):
        raise ProblemsError(problems)
    return choices


def check_choices(root: Path) -> tuple[Choices, list[Problem]]:
    path = root / CHOICES_FILE
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Choices(), []
    except (OSError, UnicodeDecodeError) as error:
        return Choices(), [Problem(path, None, f"het bestand is niet te lezen ({error})")]
    try:
        data = parse_yaml(text, path)
    except ProblemsError as error:
        return Choices(), error.problems
    check = Checker(path, LineIndex(text))
    choices = Choices()
    top = check.mapping(data, (), "de keuze van citaten") if data is not None else {}
    for key, value in (top or {}).items():
        entry = check.mapping(value, (str(key),), f"paragraaf '{key}'")
        if entry is None:
            continue
        check.known_keys(entry, ("volgorde", "weg"), (str(key),), f"paragraaf '{key}'")
        choices.sections[str(key)] = SectionChoice(
            order=_refs(entry, "volgorde", str(key), check),
            excluded=_refs(entry, "weg", str(key), check),
        )
    return choices, check.problems


def _refs(entry: dict[str, Any], name: str, key: str, check: Checker) -> list[str]:
    refs = []
    for value in check.texts(entry, name, (key,), f"paragraaf '{key}'"):
        if value.count("/") != 1:
            check.error(
                (key, name),
                f"'{value}' bij paragraaf '{key}' is geen fragment; schrijf sessie/segment, "
                "zoals gwp-1/s12",
            )
            continue
        refs.append(value)
    return refs


def save_choices(root: Path, choices: Choices) -> None:
    data: dict[str, Any] = {}
    for key, choice in sorted(choices.sections.items()):
        entry: dict[str, Any] = {}
        if choice.order:
            entry["volgorde"] = list(choice.order)
        if choice.excluded:
            entry["weg"] = list(choice.excluded)
        if entry:
            data[key] = entry
    path = root / CHOICES_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic_text(path, _HEADER + (dump_yaml(data) if data else "{}\n"))


def toggle_excluded(choices: Choices, section: str, ref: str) -> bool:
    """Leave a fragment out of a section, or take it back in; True when it is now out."""
    choice = choices.edit(section)
    if ref in choice.excluded:
        choice.excluded.remove(ref)
        return False
    choice.excluded.append(ref)
    return True


def move(choices: Choices, section: str, shown: list[str], ref: str, step: int) -> list[str]:
    """Move `ref` one place up (-1) or down (+1) in the order `shown`; that order becomes the
    section's own order, so it stays as the researcher left it."""
    order = list(shown)
    index = order.index(ref)
    target = min(max(index + step, 0), len(order) - 1)
    order.insert(target, order.pop(index))
    choices.edit(section).order = order
    return order
