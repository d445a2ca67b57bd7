"""The `goedwerkplaats` command: thin commands over the same functions the app uses."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.parser import build_parser, run_command

# Options whose value may start with '-' (a time before the recording): argparse would take
# '-00:00:30' or '-inf' for an option, so the value is glued on as '--opname-start=-00:00:30'.
_SIGNED_VALUE_OPTIONS = tuple(flags("--opname-start"))


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    app = _app_arguments(arguments)
    if app is not None:  # no command: open the app without loading every command's modules
        return run_command(app)
    args = build_parser().parse_args(_glue_signed_values(arguments))
    return run_command(args)


def _app_arguments(arguments: list[str]) -> argparse.Namespace | None:
    """The arguments when they only open the app (`[--project MAP]`), else None."""
    if any(a in ("-h", "--help") for a in arguments):
        return None
    only_project = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    only_project.add_argument(*flags("--project"), type=Path, default=Path("."))
    known, rest = only_project.parse_known_args(arguments)
    if rest:
        return None
    from goedwerkplaats.cli.commands_project import open_app

    return argparse.Namespace(project=known.project, command=None, handler=open_app)


def _glue_signed_values(argv: list[str]) -> list[str]:
    result: list[str] = []
    index = 0
    while index < len(argv):
        token = argv[index]
        following = argv[index + 1] if index + 1 < len(argv) else ""
        if token in _SIGNED_VALUE_OPTIONS and following.startswith("-"):
            result.append(f"{token}={following}")
            index += 2
            continue
        result.append(token)
        index += 1
    return result
