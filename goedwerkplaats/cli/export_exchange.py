"""`export` subcommands for the exchange formats: qdpx, qdc, codebook."""

from __future__ import annotations

import argparse

from goedwerkplaats.cli.commands_export import add_output_arguments, confirm_names_outside
from goedwerkplaats.cli.commands_project import project_of
from goedwerkplaats.cli.messages import report_written
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.exporters.selection import parse_ids


def register(kinds: Commands) -> None:
    """Adds the exchange export subcommands."""
    qdpx = kinds.add_parser(
        "qdpx",
        help="REFI-QDA-project (.qdpx) voor MAXQDA, ATLAS.ti, NVivo, QualCoder…",
        description="Schrijft een REFI-QDA-project: per sessie het transcript als tekstbron, "
        "het codeboek, de gecodeerde fragmenten, deelnemers als cases en notities. "
        "Standaard met pseudoniemen.",
    )
    qdpx.add_argument(
        "--sessies", type=parse_ids, default=(), metavar="ID,ID", help="alleen deze sessies"
    )
    add_output_arguments(qdpx)
    qdpx.set_defaults(handler=cmd_qdpx)

    qdc = kinds.add_parser("qdc", help="alleen het codeboek als REFI-QDA-codeboek (.qdc)")
    add_output_arguments(qdc, names=False)
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
    add_output_arguments(codebook, names=False)
    codebook.set_defaults(handler=cmd_codebook)


def cmd_qdpx(args: argparse.Namespace) -> int:
    from goedwerkplaats.exporters.refiqda import QdpxOptions, export_qdpx
    from goedwerkplaats.exporters.selection import example_note

    project = project_of(args)
    confirm_names_outside(args, project)
    options = QdpxOptions(
        sessions=tuple(args.sessies), names=args.names, output=args.output, force=args.force
    )
    written = export_qdpx(project, options)
    note = example_note(project, options.sessions)
    return report_written(written, "REFI-QDA-project", args.names, note)


def cmd_qdc(args: argparse.Namespace) -> int:
    from goedwerkplaats.exporters.refiqda import QdcOptions, export_qdc

    target = export_qdc(project_of(args), QdcOptions(output=args.output, force=args.force))
    return report_written(target, "REFI-QDA-codeboek")


def cmd_codebook(args: argparse.Namespace) -> int:
    from goedwerkplaats.exporters.codebook_csv import CodebookCsvOptions, export_codebook_csv

    options = CodebookCsvOptions(separator=args.sep, output=args.output, force=args.force)
    return report_written(export_codebook_csv(project_of(args), options), "codeboek (CSV)")
