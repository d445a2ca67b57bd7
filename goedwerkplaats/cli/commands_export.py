"""The `export` commands; each format family registers its own subcommands."""

from __future__ import annotations

import argparse
from pathlib import Path

from goedwerkplaats.exporters.selection import SELECT_CODED, SELECTIONS, QuoteFilter, parse_ids


def register(commands: argparse._SubParsersAction) -> None:
    from goedwerkplaats.cli import export_exchange, export_word

    export = commands.add_parser(
        "export",
        help="exporteer naar Word, CSV, JSON, Markdown of REFI-QDA (standaard in exports/)",
    )
    kinds = export.add_subparsers(
        dest="kind", metavar="SOORT", title="soorten", parser_class=type(export), required=True
    )
    export_word.register(kinds)
    export_exchange.register(kinds)


def add_output_arguments(parser: argparse.ArgumentParser, names: bool = True) -> None:
    """-o, --force, and (for exports that can carry participants) --names."""
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PAD",
        help="bestandsnaam (in exports/) of pad binnen het project",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="overschrijf een bestaand bestand (anders: een genummerde naam)",
    )
    if not names:
        return
    parser.add_argument(
        "--names",
        action="store_true",
        help="neem echte namen op in plaats van pseudoniemen (let op: privacy)",
    )


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--selectie",
        choices=SELECTIONS,
        default=SELECT_CODED,
        help="citaat: alleen gemarkeerde citaten; gecodeerd: met minstens één "
        "thema (standaard); alles",
    )
    parser.add_argument(
        "--sessies", type=parse_ids, default=(), metavar="ID,ID", help="alleen deze sessies"
    )
    parser.add_argument(
        "--session", dest="session", default=None, metavar="ID", help="alleen deze ene sessie"
    )
    parser.add_argument("--stelling", type=parse_ids, default=(), metavar="ID,ID")
    parser.add_argument(
        "--thema",
        type=parse_ids,
        default=(),
        metavar="ID,ID",
        help="thema('s); een hoofdthema neemt zijn subthema's mee",
    )
    parser.add_argument("--arena", type=parse_ids, default=(), metavar="ID,ID")


def filter_from_args(args: argparse.Namespace) -> QuoteFilter:
    sessions = tuple(args.sessies) + ((args.session,) if args.session else ())
    return QuoteFilter(
        selection=args.selectie,
        sessions=sessions,
        statements=tuple(args.stelling),
        themes=tuple(args.thema),
        arenas=tuple(args.arena),
    )
