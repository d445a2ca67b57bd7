"""The `goedwerkplaats` command: thin commands over the same functions the app uses."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from goedwerkplaats.cli.parser import build_parser, run_command


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    return run_command(args)
