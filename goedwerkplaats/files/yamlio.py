"""YAML in and out: the fast C loader and dumper where present, line numbers when needed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from goedwerkplaats.files.problems import Problem, ProblemsError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

PathKey = tuple[str | int, ...]


class FlowList(list[Any]):
    """A list written on one line: `themas: [vertrouwen, caseload]`."""


class _Dumper(_BaseDumper):  # type: ignore[misc, valid-type]
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_flow_list(dumper: yaml.SafeDumper, value: FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(FlowList, _represent_flow_list)


def dump_yaml(data: Any) -> str:
    """Readable YAML: keys in the order given, long text as `|` blocks, UTF-8 as is."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )


def parse_yaml(text: str, file: Path | str) -> Any:
    """Parse YAML, turning syntax errors into a Dutch problem with the line.

    Aliases (`*naam`) are refused: our files never need them, and a few nested ones in a
    kilobyte expand to gigabytes for whatever walks the data (an "alias bomb")."""
    try:
        if "&" in text and "*" in text:  # no anchor or no alias: nothing to look for
            _refuse_aliases(text, file)
        return yaml.load(text, Loader=_BaseLoader)  # a safe loader (CSafeLoader)
    except yaml.YAMLError as error:
        raise ProblemsError([_syntax_problem(error, file, text)]) from None


def _refuse_aliases(text: str, file: Path | str) -> None:
    for token in yaml.scan(text, Loader=_BaseLoader):
        if isinstance(token, yaml.AliasToken):
            raise ProblemsError(
                [
                    Problem(
                        file,
                        token.start_mark.line + 1,
                        f"een YAML-verwijzing (*{token.value}) wordt niet gelezen; schrijf de "
                        "waarde hier voluit",
                    )
                ]
            )


# What libyaml (or PyYAML's pure-Python parser, whose wording differs) says, matched on its
# problem and context text, and what a user can do about it. The first match wins.
_EXPLANATIONS: list[tuple[str, str]] = [
    (
        r"mapping values are not allowed",
        "hier staat een dubbele punt waar er geen mag staan; zet tekst met een dubbele punt "
        "tussen aanhalingstekens, of laat de regel niet verder inspringen dan de regel erboven",
    ),
    (
        r"unknown escape character",
        "een backslash (\\) tussen dubbele aanhalingstekens moet dubbel (\\\\); of zet de "
        "tekst tussen enkele aanhalingstekens",
    ),
    (
        r"while scanning a quoted scalar",
        "een aanhalingsteken wordt niet gesloten; zet aan het eind van de tekst hetzelfde "
        "aanhalingsteken (' of \") als aan het begin",
    ),
    (
        r"could not find expected ':'",
        "hier ontbreekt de dubbele punt na een sleutel (sleutel: waarde), of een tekst loopt "
        "onbedoeld door op de volgende regel; zet lange tekst tussen aanhalingstekens",
    ),
    (
        r"while parsing a flow sequence",
        "een lijst die met [ begint, wordt niet gesloten met ]; sluit hem, of zet tekst die "
        "met [ begint tussen aanhalingstekens",
    ),
    (
        r"while parsing a flow mapping",
        "wat met { begint, wordt niet gesloten met }; sluit het, of zet tekst die met { begint "
        "tussen aanhalingstekens",
    ),
    (
        r"expected '-' indicator|<block end>, but found '(\?|-|<block (sequence|mapping) start>)'",
        "de inspringing klopt hier niet: regels van dezelfde lijst of hetzelfde blok moeten "
        "even ver inspringen (met spaties)",
    ),
    (
        r"did not find expected key|<block end>, but found",
        "hier staat tekst die niet past: controleer de inspringing; staat er tekst na een "
        "afsluitend aanhalingsteken, zet dan de hele waarde tussen aanhalingstekens",
    ),
    (
        r"undefined alias|while scanning an alias",
        "een waarde die met * begint, is in YAML een verwijzing; zet de tekst tussen "
        "aanhalingstekens",
    ),
    (
        r"while scanning an anchor",
        "een waarde die met & begint, heeft in YAML een betekenis; zet de tekst tussen "
        "aanhalingstekens",
    ),
    (
        r"constructor for the tag",
        "een waarde die met ! begint, heeft in YAML een betekenis; zet de tekst tussen "
        "aanhalingstekens",
    ),
    (
        r"while scanning a block scalar",
        "na | of > mag op dezelfde regel niets staan; zet de tekst op de regels eronder, "
        "ingesprongen",
    ),
    (
        r"found another document",
        "een regel met --- begint een tweede document, en een bestand mag er maar één "
        "hebben; haal de --- weg",
    ),
    (
        r"(control|special) characters are not allowed",
        "het bestand bevat een onzichtbaar stuurteken; haal het weg (typ de tekst eromheen "
        "opnieuw)",
    ),
]
# Where the user should look: at the opening quote or bracket, not at the end of the file.
_AT_CONTEXT = re.compile(r"quoted scalar|flow sequence|flow mapping|simple key")


def _syntax_problem(error: yaml.YAMLError, file: Path | str, text: str) -> Problem:
    problem = str(getattr(error, "problem", None) or getattr(error, "reason", None) or error)
    context = str(getattr(error, "context", None) or "")
    return Problem(
        file,
        _error_line(error, context, text),
        "ongeldige YAML: " + _explain(problem, context, _char_at(error, text)),
    )


def _explain(problem: str, context: str, char: str) -> str:
    if char == "\t" or "tab character" in problem or "'\\t'" in problem:
        return "tab-tekens zijn niet toegestaan; gebruik spaties om in te springen"
    if "cannot start any token" in problem:
        return (
            f"een waarde mag niet beginnen met {char or 'dit teken'}; zet de tekst tussen "
            "aanhalingstekens"
        )
    said = f"{context} {problem}".strip()
    for pattern, explanation in _EXPLANATIONS:
        if re.search(pattern, said):
            return explanation
    return (
        "controleer inspringing, dubbele punten en aanhalingstekens op deze regel en de regel "
        f"erboven ({said})"
    )


def _error_line(error: yaml.YAMLError, context: str, text: str) -> int | None:
    if isinstance(error, yaml.reader.ReaderError):  # no mark, only a position
        return _reader_line(error.position, text)
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    mark = context_mark if context_mark and _AT_CONTEXT.search(context) else problem_mark
    mark = mark or context_mark
    return mark.line + 1 if mark is not None else None


def _reader_line(position: int, text: str) -> int:
    before = text[:position]
    if _BaseLoader is not yaml.SafeLoader:  # libyaml counts bytes of UTF-8, not characters
        before = text.encode("utf-8")[:position].decode("utf-8", "ignore")
    return before.count("\n") + 1


def _char_at(error: yaml.YAMLError, text: str) -> str:
    """The character the parser stopped at (libyaml does not name it)."""
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return ""
    lines = text.split("\n")
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return str(lines[mark.line][mark.column])


class LineIndex:
    """Line numbers of the keys and items in a YAML text, composed only when asked for."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: dict[PathKey, int] | None = None
        self._duplicates: list[tuple[PathKey, str, int]] = []

    def line(self, path: PathKey) -> int | None:
        """The line of `path`, or of its nearest ancestor that exists."""
        lines = self._index()
        for end in range(len(path), -1, -1):
            found = lines.get(path[:end])
            if found is not None:
                return found
        return None

    def duplicate_keys(self) -> list[tuple[PathKey, str, int]]:
        self._index()
        return list(self._duplicates)

    def _index(self) -> dict[PathKey, int]:
        if self._lines is None:
            self._lines = {}
            try:
                if "&" in self._text and "*" in self._text:
                    _refuse_aliases(self._text, "")  # walking an alias bomb never ends
                node = yaml.compose(self._text, Loader=_BaseLoader)
            except (yaml.YAMLError, ProblemsError):
                node = None
            if node is not None:
                self._walk(node, ())
        return self._lines

    def _walk(self, node: yaml.Node, path: PathKey) -> None:
        assert self._lines is not None
        self._lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = str(key_node.value)
                if key in seen:
                    self._duplicates.append((path, key, key_node.start_mark.line + 1))
                seen.add(key)
                self._lines.setdefault((*path, key), key_node.start_mark.line + 1)
                self._walk(value_node, (*path, key))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self._walk(item, (*path, index))


def duplicate_key_problems(index: LineIndex, file: Path | str) -> list[Problem]:
    return [
        Problem(file, line, f"de sleutel '{key}' staat hier dubbel; haal één van beide weg")
        for _path, key, line in index.duplicate_keys()
    ]
