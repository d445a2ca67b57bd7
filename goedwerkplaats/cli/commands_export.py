"""The `export` commands; each format family registers its own subcommands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.exporters.output import leaves_project, requested_path
from goedwerkplaats.exporters.selection import SELECT_CODED, SELECTIONS, QuoteFilter, parse_ids
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.project.folder import Project


def register(commands: Commands) -> None:
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
        help="bestandsnaam (in exports/) of een pad, ook buiten het project",
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
    parser.add_argument(
        "--namen-naar-buiten",
        dest="names_outside",
        action="store_true",
        help="bevestigt dat een export met --names buiten de projectmap mag (zonder toetsenbord)",
    )


def confirm_names_outside(args: argparse.Namespace, project: Project) -> None:
    """Real names leaving the project folder need an explicit yes; pseudonymised exports may
    go anywhere (the audit trail records where)."""
    if not args.names or args.names_outside or not leaves_project(project, args.output):
        return
    where = requested_path(project, args.output)
    if not sys.stdin.isatty():
        raise GwpError(
            f"{where} ligt buiten de projectmap en de export bevat echte namen; bevestig met "
            "--namen-naar-buiten, of exporteer zonder --names"
        )
    answer = input(
        f"Deze export bevat echte namen en komt buiten het project: {where}. Typ 'namen' om "
        "te bevestigen: "
    )
    if answer.strip().lower() != "namen":
        raise GwpError("niet geëxporteerd: de echte namen blijven in het project")


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
