"""Collects problems in a parsed YAML file, each with the line it is on."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from goedwerkplaats.files.problems import Problem, ProblemsError
from goedwerkplaats.files.yamlio import LineIndex, PathKey, duplicate_key_problems, parse_yaml

T = TypeVar("T")
YES_WORDS = ("ja", "yes", "true", "aan")
NO_WORDS = ("nee", "no", "false", "uit")
Checked = tuple[T | None, list[Problem]]


def suggest(word: str, options: Sequence[str], limit: int = 3) -> list[str]:
    """The known options nearest to `word`: close spellings first, then shared prefixes."""
    close = difflib.get_close_matches(word, list(options), n=limit, cutoff=0.6)
    if close or not word:
        return close
    return [o for o in options if o.startswith(word[:3])][:limit]


def did_you_mean(word: str, options: Sequence[str]) -> str:
    near = suggest(word, options)
    if not near:
        return ""
    return " (bedoelde u " + " of ".join(f"'{n}'" for n in near) + "?)"


class Checker:
    """Walks parsed YAML data and notes what is wrong, with file and line."""

    def __init__(self, file: Path | str, index: LineIndex) -> None:
        self.file = file
        self.index = index
        self.problems: list[Problem] = []

    def error(self, path: PathKey, message: str) -> None:
        self.problems.append(Problem(self.file, self.index.line(path), message))

    def warn(self, path: PathKey, message: str) -> None:
        self.problems.append(Problem(self.file, self.index.line(path), message, warning=True))

    @property
    def has_errors(self) -> bool:
        return any(not p.warning for p in self.problems)

    def mapping(self, value: Any, path: PathKey, what: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.error(path, f"{what} moet een lijst van sleutels met waarden zijn (sleutel: waarde)")
        return None

    def sequence(self, value: Any, path: PathKey, what: str) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, list):
            return value
        self.error(
            path, f"{what} moet een lijst zijn, met elk item op een regel die met '- ' begint"
        )
        return []

    def known_keys(
        self, data: dict[str, Any], allowed: Sequence[str], path: PathKey, what: str
    ) -> None:
        for key in data:
            if key not in allowed:
                self.error(
                    (*path, str(key)),
                    f"onbekende sleutel '{key}' bij {what}{did_you_mean(str(key), allowed)}; "
                    f"toegestaan zijn: {', '.join(allowed)}",
                )

    def text(
        self, data: dict[str, Any], key: str, path: PathKey, what: str, required: bool = False
    ) -> str:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.error(path, f"{what} heeft geen '{key}'; vul '{key}: …' in")
            return ""
        if isinstance(value, bool | dict | list):
            self.error((*path, key), f"'{key}' van {what} moet tekst zijn")
            return ""
        return str(value).strip()

    def texts(self, data: dict[str, Any], key: str, path: PathKey, what: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),)
        if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
            return tuple(str(v).strip() for v in value)
        hint = ""
        if isinstance(value, list) and any(isinstance(v, dict) for v in value):
            hint = (
                "; een regel met ': ' erin wordt als sleutel gelezen, zet zo'n tekst "
                "tussen aanhalingstekens"
            )
        self.error((*path, key), f"'{key}' van {what} moet een lijst van teksten zijn{hint}")
        return ()

    def flag(self, data: dict[str, Any], key: str, path: PathKey, default: bool = False) -> bool:
        """A yes/no value (ja/nee, yes/no, aan/uit, true/false); `default` when absent."""
        raw = data.get(key)
        if raw is None:
            return default
        if isinstance(raw, bool):
            return raw
        value = str(raw).strip().lower()
        if value in YES_WORDS:
            return True
        if value not in NO_WORDS:
            self.error((*path, key), f"'{key}' moet ja of nee zijn (niet '{raw}')")
            return default
        return False

    def positive_int(self, data: dict[str, Any], key: str, path: PathKey, what: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            self.error((*path, key), f"'{key}' van {what} moet een heel getal groter dan 0 zijn")
            return None
        return value


def check_text_file(path: Path, parse: Callable[[str, Path], Checked[T]]) -> Checked[T]:
    """Read one of the project's YAML files and `parse` it; unreadable text is a problem."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        return None, [
            Problem(path, None, f"het bestand is niet te lezen als UTF-8-tekst ({error})")
        ]
    return parse(text, path)


def parse_checked(text: str, file: Path | str, read: Callable[[Any, Checker], T]) -> Checked[T]:
    """Parse YAML text and `read` it with a Checker: the result (None when an error was
    found) and every problem, syntax and duplicate keys included, each with its line."""
    try:
        data = parse_yaml(text, file)
    except ProblemsError as error:
        return None, error.problems
    index = LineIndex(text)
    check = Checker(file, index)
    check.problems.extend(duplicate_key_problems(index, file))
    result = read(data, check)
    return (None if check.has_errors else result), check.problems
