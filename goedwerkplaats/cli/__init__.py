"""The `goedwerkplaats` command: thin commands over the same functions the app uses."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.parser import build_parser, run_command

# Options whose value may start with '-' (a time before the recording): argparse would take
# '-00:00:30' or '-inf' for an option, so the value is glued on as '--opname-start=-00:00:30'.
_SIGNED_VALUE_OPTIONS = tuple(flags("--opname-start"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(_glue_signed_values(list(sys.argv[1:] if argv is None else argv)))
    return run_command(args)


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
