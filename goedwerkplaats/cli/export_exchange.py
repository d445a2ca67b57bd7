"""`export` subcommands for the exchange formats: qdpx, qdc, codebook."""

from __future__ import annotations

import argparse
from pathlib import Path

from goedwerkplaats.cli.commands_export import add_output_arguments
from goedwerkplaats.cli.commands_project import project_of


def register(kinds: argparse._SubParsersAction) -> None:
    """Adds the exchange export subcommands."""
    qdpx = kinds.add_parser(
        "qdpx",
        help="REFI-QDA-project (.qdpx) voor MAXQDA, ATLAS.ti, NVivo, QualCoder…",
        description="Schrijft een REFI-QDA-project: per sessie het transcript als tekstbron, "
        "het codeboek, de gecodeerde fragmenten, deelnemers als cases en notities. "
        "Standaard met pseudoniemen.",
    )
    qdpx.add_argument(
        "--sessies", type=_ids, default=(), metavar="ID,ID", help="alleen deze sessies"
    )
    add_output_arguments(qdpx)
    qdpx.set_defaults(handler=cmd_qdpx)

    qdc = kinds.add_parser("qdc", help="alleen het codeboek als REFI-QDA-codeboek (.qdc)")
    _add_file_arguments(qdc)
    qdc.set_defaults(handler=cmd_qdc)

    codebook = kinds.add_parser(
        "codebook", help="het codeboek als CSV (tag, description), zoals Taguette het inleest"
    )
    codebook.add_argument(
        "--format", choices=("csv",), default="csv", metavar="csv", help="csv (standaard)"
    )
    codebook.add_argument(
        "--sep",
        choices=(",", ";"),
        default=",",
        metavar="TEKEN",
        help="scheidingsteken: ',' (standaard; Taguette leest alleen dit) of ';' (Excel)",
    )
    _add_file_arguments(codebook)
    codebook.set_defaults(handler=cmd_codebook)


def _add_file_arguments(parser: argparse.ArgumentParser) -> None:
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


def _ids(text: str) -> tuple[str, ...]:
    return tuple(part.strip().lower() for part in text.split(",") if part.strip())


def cmd_qdpx(args: argparse.Namespace) -> int:
    from goedwerkplaats.exporters.refiqda import QdpxOptions, export_qdpx

    project = project_of(args)
    options = QdpxOptions(
        sessions=tuple(args.sessies), names=args.names, output=args.output, force=args.force
    )
    target = export_qdpx(project, options)
    print(f"REFI-QDA-project geschreven: {target}")
    if args.names:
        print("let op: dit bestand bevat echte namen")
    return 0


def cmd_qdc(args: argparse.Namespace) -> int:
    from goedwerkplaats.exporters.refiqda import QdcOptions, export_qdc

    target = export_qdc(project_of(args), QdcOptions(output=args.output, force=args.force))
    print(f"REFI-QDA-codeboek geschreven: {target}")
    return 0


def cmd_codebook(args: argparse.Namespace) -> int:
    from goedwerkplaats.exporters.codebook_csv import CodebookCsvOptions, export_codebook_csv

    options = CodebookCsvOptions(separator=args.sep, output=args.output, force=args.force)
    target = export_codebook_csv(project_of(args), options)
    print(f"codeboek (CSV) geschreven: {target}")
    return 0
