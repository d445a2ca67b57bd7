"""`export` subcommands for the word formats: transcript, synthesis and quotes."""

from __future__ import annotations

import argparse

from goedwerkplaats.cli.commands_export import (
    add_filter_arguments,
    add_output_arguments,
    confirm_names_outside,
    filter_from_args,
)
from goedwerkplaats.cli.messages import report_written
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.exporters.selection import example_note
from goedwerkplaats.project.folder import Project
from goedwerkplaats.report.outline import ATTRIBUTIONS

TRANSCRIPT_FORMATS = ("docx", "txt")
QUOTE_FORMATS = ("docx", "csv", "md", "json")
SOURCES = ("sessie", "kenmerken")


def register(kinds: Commands) -> None:
    """Adds the word export subcommands."""
    _transcript(kinds)
    _synthesis(kinds)
    _report(kinds)
    _quotes(kinds)


def _transcript(kinds: Commands) -> None:
    parser = kinds.add_parser(
        "transcript",
        help="het gecodeerde transcript van één sessie (Word, of tekst voor QDA-pakketten)",
    )
    parser.add_argument("--session", required=True, metavar="ID", help="de sessie")
    parser.add_argument(
        "--format",
        choices=TRANSCRIPT_FORMATS,
        default="docx",
        help="docx (standaard) of txt: regels '[UU:MM:SS] Spreker: tekst'",
    )
    add_output_arguments(parser)
    parser.set_defaults(handler=cmd_transcript)


def _synthesis(kinds: Commands) -> None:
    parser = kinds.add_parser(
        "synthesis",
        help="de synthese over alle sessies in hoofdstukken, met citaten en tabellen (Word)",
    )
    parser.add_argument(
        "--by",
        default="stelling,thema,arena",
        metavar="INDELING",
        help="hoofdstukken, paragrafen en subparagrafen: één tot drie van stelling, thema, "
        "arena, in elke volgorde (standaard: stelling,thema,arena)",
    )
    add_filter_arguments(parser)
    sources = parser.add_mutually_exclusive_group()
    sources.add_argument(
        "--bron",
        choices=SOURCES,
        default="sessie",
        help="bronvermelding onder elk citaat: sessie (sessie, spreker, tijd; standaard) of "
        "kenmerken (kenmerken van de spreker)",
    )
    sources.add_argument(
        "--no-bronnen", action="store_true", help="geen bronvermelding onder de citaten"
    )
    add_output_arguments(parser)
    parser.set_defaults(handler=cmd_synthesis)


def _report(kinds: Commands) -> None:
    parser = kinds.add_parser(
        "rapport",
        help="het rapport: hoofdstukken uit rapport.yaml, eigen tekst uit rapport/, elk citaat "
        "één keer (Word)",
    )
    add_filter_arguments(parser)
    parser.add_argument(
        "--bron",
        choices=ATTRIBUTIONS,
        default=None,
        help="bronvermelding onder elk citaat; standaard zoals rapport.yaml zegt (daar: geen)",
    )
    add_output_arguments(parser)
    parser.set_defaults(handler=cmd_report)


def _quotes(kinds: Commands) -> None:
    parser = kinds.add_parser(
        "quotes", help="een platte verzameling citaten (Word, CSV, Markdown of JSON)"
    )
    parser.add_argument("--format", choices=QUOTE_FORMATS, default="docx", help="standaard: docx")
    add_filter_arguments(parser)
    parser.add_argument(
        "--sep",
        choices=(",", ";"),
        default=",",
        metavar="TEKEN",
        help="scheidingsteken in CSV: ',' (standaard) of ';' voor Excel met Nederlandse "
        "instellingen (dan ook decimale komma's)",
    )
    add_output_arguments(parser)
    parser.set_defaults(handler=cmd_quotes)


def cmd_transcript(args: argparse.Namespace) -> int:
    from goedwerkplaats.exporters.transcript import TranscriptOptions, export_transcript

    project = Project.at(args.project)
    confirm_names_outside(args, project)
    options = TranscriptOptions(
        session=args.session,
        format=args.format,
        names=args.names,
        output=args.output,
        force=args.force,
    )
    return report_written(export_transcript(project, options), names=args.names)


def cmd_synthesis(args: argparse.Namespace) -> int:
    from goedwerkplaats.exporters.synthesis import SynthesisOptions, export_synthesis
    from goedwerkplaats.exporters.synthesis_groups import parse_dimensions

    project = Project.at(args.project)
    confirm_names_outside(args, project)
    options = SynthesisOptions(
        by=parse_dimensions(args.by),
        quote_filter=filter_from_args(args),
        sources="geen" if args.no_bronnen else args.bron,
        names=args.names,
        output=args.output,
        force=args.force,
    )
    written = export_synthesis(project, options)
    note = example_note(project, options.quote_filter.sessions)
    return report_written(written, names=args.names, note=note)


def cmd_report(args: argparse.Namespace) -> int:
    from goedwerkplaats.exporters.report import ReportOptions, export_report, plan_report

    project = Project.at(args.project)
    options = ReportOptions(
        quote_filter=filter_from_args(args),
        attribution=args.bron,
        names=args.names,
        output=args.output,
        force=args.force,
    )
    plan = plan_report(project, options.quote_filter)
    target = export_report(project, options, plan=plan)
    outside = len(plan.placement.unplaced)
    if outside:
        print(
            f"let op: {outside} geselecteerde fragment(en) vallen buiten de opzet (hun stelling "
            "of thema heeft geen paragraaf in rapport.yaml); zie de bijlage Verantwoording"
        )
    return report_written(target, names=args.names)


def cmd_quotes(args: argparse.Namespace) -> int:
    from goedwerkplaats.exporters.quotes import QuoteExportOptions, export_quotes

    project = Project.at(args.project)
    confirm_names_outside(args, project)
    options = QuoteExportOptions(
        format=args.format,
        quote_filter=filter_from_args(args),
        separator=args.sep,
        names=args.names,
        output=args.output,
        force=args.force,
    )
    written = export_quotes(project, options)
    note = example_note(project, options.quote_filter.sessions)
    return report_written(written, names=args.names, note=note)
