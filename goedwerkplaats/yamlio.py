"""YAML in and out: the fast C loader and dumper where present, line numbers when needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from goedwerkplaats.problems import Problem, ProblemsError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

PathKey = tuple[str | int, ...]


class FlowList(list):
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
    """Parse YAML, turning syntax errors into a Dutch problem with the line."""
    try:
        return yaml.load(text, Loader=_BaseLoader)  # a safe loader (CSafeLoader)
    except yaml.YAMLError as error:
        raise ProblemsError([_syntax_problem(error, file)]) from None


def _syntax_problem(error: yaml.YAMLError, file: Path | str) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    what = getattr(error, "problem", None) or str(error)
    return Problem(
        file,
        line,
        f"ongeldige YAML ({what}); controleer inspringing, dubbele punten en aanhalingstekens",
    )


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
                node = yaml.compose(self._text, Loader=_BaseLoader)
            except yaml.YAMLError:
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
