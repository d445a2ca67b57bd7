"""`goedwerkplaats export KIND`: one subcommand per export kind of the registry
(`exporters.kinds`), its flags derived from the options the kind takes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.messages import report_written
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.exporters.export_form import (
    DEFAULT_BY,
    OPTION_AGAINST,
    OPTION_BY,
    OPTION_FILTERS,
    OPTION_SEPARATOR,
    OPTION_SESSION,
    OPTION_SESSIONS,
    OPTION_SINGLING_OUT,
    OPTION_SOURCES,
    ExportForm,
)
from goedwerkplaats.exporters.kinds import (
    KINDS,
    ExportKind,
    kind_named,
    run_export,
    unmasked_in_export,
)
from goedwerkplaats.exporters.output import leaves_project, requested_path
from goedwerkplaats.exporters.selection import SELECT_CODED, SELECTIONS, parse_ids
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.privacy.singling_out import CHOICES as SINGLING_OUT_CHOICES
from goedwerkplaats.project.folder import Project


def register(commands: Commands) -> None:
    export = commands.add_parser(
        "export",
        help="exporteer naar Word, CSV, JSON, Markdown of REFI-QDA (standaard in exports/)",
    )
    kinds = export.add_subparsers(
        dest="kind", metavar="SOORT", title="soorten", parser_class=type(export), required=True
    )
    for kind in KINDS:
        _register_kind(kinds, kind)


def _register_kind(kinds: Commands, kind: ExportKind) -> None:
    parser = kinds.add_parser(kind.id, aliases=kind.aliases, help=kind.description)
    if OPTION_SESSION in kind.options:
        parser.add_argument(
            *flags("--sessie"), dest="session", required=True, metavar="ID", help="de sessie"
        )
    if kind.formats:
        parser.add_argument(
            *flags("--formaat"),
            dest="format",
            choices=kind.formats,
            default=kind.formats[0],
            help=f"standaard: {kind.formats[0]}",
        )
    if OPTION_BY in kind.options:
        parser.add_argument(
            *flags("--indeling"),
            dest="by",
            default=DEFAULT_BY,
            metavar="INDELING",
            help="hoofdstukken, paragrafen en subparagrafen: één tot drie van stelling, thema, "
            f"arena, in elke volgorde (standaard: {DEFAULT_BY})",
        )
    if OPTION_AGAINST in kind.options:
        parser.add_argument(
            *flags("--tegen"),
            dest="tegen",
            default="sessie",
            metavar="SESSIE|KENMERK",
            help="de kolommen: 'sessie' (standaard) of een kenmerk-id uit stellingen.yaml "
            "(zoals functie, organisatie)",
        )
    if OPTION_FILTERS in kind.options:
        add_filter_arguments(parser)
    elif OPTION_SESSIONS in kind.options:
        _sessions_argument(parser)
    if OPTION_SOURCES in kind.options:
        _source_arguments(parser, kind)
    if OPTION_SINGLING_OUT in kind.options:
        parser.add_argument(
            *flags("--herkenbaar"),
            dest="herkenbaar",
            choices=SINGLING_OUT_CHOICES,
            default=None,
            help="als kenmerken één deelnemer herkenbaar maken: 'grof' (een waarde van één "
            "deelnemer wordt 'anders') of 'weglaten' (geen kenmerken bij die deelnemer)",
        )
    if OPTION_SEPARATOR in kind.options:
        parser.add_argument(
            *flags("--scheiding"),
            dest="sep",
            choices=(",", ";"),
            default=",",
            metavar="TEKEN",
            help="scheidingsteken in CSV: ',' (standaard) of ';' voor Excel met Nederlandse "
            "instellingen",
        )
    add_output_arguments(parser, names=kind.names_allowed)
    parser.set_defaults(handler=cmd_export, export_kind=kind.id)


def _sessions_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        *flags("--sessies"),
        dest="sessies",
        type=parse_ids,
        default=(),
        metavar="ID,ID",
        help="alleen deze sessies",
    )


def _source_arguments(parser: argparse.ArgumentParser, kind: ExportKind) -> None:
    default = f"standaard: {kind.default_source}" if kind.default_source else "standaard: "
    if not kind.default_source:
        default += "zoals rapport.yaml zegt"
    sources = parser.add_mutually_exclusive_group()
    sources.add_argument(
        *flags("--bron"),
        dest="bron",
        choices=kind.sources,
        default=None,
        help=f"bronvermelding onder elk citaat ({default})",
    )
    sources.add_argument(
        *flags("--geen-bronnen"),
        dest="no_sources",
        action="store_true",
        help="geen bronvermelding onder de citaten",
    )


def add_output_arguments(parser: argparse.ArgumentParser, names: bool = True) -> None:
    """-o, --overschrijven, and (for exports that can carry participants) --namen."""
    parser.add_argument(
        *flags("--uitvoer", "-o"),
        dest="output",
        type=Path,
        metavar="PAD",
        help="bestandsnaam (in exports/) of een pad, ook buiten het project",
    )
    parser.add_argument(
        *flags("--overschrijven"),
        dest="force",
        action="store_true",
        help="overschrijf een bestaand bestand (anders: een genummerde naam)",
    )
    if not names:
        return
    parser.add_argument(
        *flags("--namen"),
        dest="names",
        action="store_true",
        help="neem echte namen op in plaats van pseudoniemen (let op: privacy)",
    )
    parser.add_argument(
        *flags("--namen-naar-buiten"),
        dest="names_outside",
        action="store_true",
        help="bevestigt dat een export met --namen buiten de projectmap mag (zonder toetsenbord)",
    )


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        *flags("--selectie"),
        dest="selectie",
        choices=SELECTIONS,
        default=SELECT_CODED,
        help="citaat: alleen gemarkeerde citaten; gecodeerd: met minstens één "
        "thema (standaard); alles",
    )
    _sessions_argument(parser)
    parser.add_argument(
        *flags("--sessie"), dest="session", default=None, metavar="ID", help="alleen deze sessie"
    )
    parser.add_argument(
        *flags("--stelling"), dest="stelling", type=parse_ids, default=(), metavar="ID,ID"
    )
    parser.add_argument(
        *flags("--thema"),
        dest="thema",
        type=parse_ids,
        default=(),
        metavar="ID,ID",
        help="thema('s); een hoofdthema neemt zijn subthema's mee",
    )
    parser.add_argument(*flags("--arena"), type=parse_ids, default=(), metavar="ID,ID")


def form_from_args(args: argparse.Namespace, kind: ExportKind) -> ExportForm:
    """The command line's answers as the one request every export kind takes."""
    sessions = _ids(args, "sessies")
    if OPTION_FILTERS in kind.options and args.session:
        sessions += (args.session,)
    source = "geen" if getattr(args, "no_sources", False) else _text(args, "bron")
    return ExportForm(
        kind=kind.id,
        session=_text(args, "session") if OPTION_SESSION in kind.options else "",
        format=_text(args, "format"),
        by=_text(args, "by", DEFAULT_BY),
        selection=_text(args, "selectie", SELECT_CODED),
        sessions=",".join(sessions),
        statements=",".join(_ids(args, "stelling")),
        themes=",".join(_ids(args, "thema")),
        arenas=",".join(_ids(args, "arena")),
        sources=source,
        singling_out=_text(args, "herkenbaar"),
        against=_text(args, "tegen") if OPTION_AGAINST in kind.options else "",
        separator=_text(args, "sep", ","),
        names=bool(getattr(args, "names", False)),
        output=str(args.output) if args.output else "",
        force=bool(args.force),
    )


def _text(args: argparse.Namespace, name: str, default: str = "") -> str:
    value = getattr(args, name, None)
    return default if value is None else str(value)


def _ids(args: argparse.Namespace, name: str) -> tuple[str, ...]:
    return tuple(getattr(args, name, None) or ())


def cmd_export(args: argparse.Namespace) -> int:
    kind = kind_named(args.export_kind)
    project = Project.at(args.project)
    if kind.names_allowed:
        confirm_names_outside(args, project)
    form = form_from_args(args, kind)
    with project.sessions_kept():  # the name check reads the sessions the export just read
        exported = run_export(project, form)
        code = report_written(exported.path, kind.written, form.names, exported.notes)
        _warn_unmasked_names(project, form)
    return code


def _warn_unmasked_names(project: Project, form: ExportForm) -> None:
    """Names nobody entered (a transcript without speakers) are not masked: say so."""
    from goedwerkplaats.privacy.name_candidates import names_note

    try:
        note = names_note(unmasked_in_export(project, form))
    except GwpError:
        return  # the export itself already said what is wrong
    if note:
        print(f"let op: {note}")


def confirm_names_outside(args: argparse.Namespace, project: Project) -> None:
    """Real names leaving the project folder need an explicit yes; pseudonymised exports may
    go anywhere (the audit trail records where)."""
    if not args.names or args.names_outside or not leaves_project(project, args.output):
        return
    where = requested_path(project, args.output)
    if not sys.stdin.isatty():
        raise GwpError(
            f"{where} ligt buiten de projectmap en de export bevat echte namen; bevestig met "
            "--namen-naar-buiten, of exporteer zonder --namen"
        )
    answer = input(
        f"Deze export bevat echte namen en komt buiten het project: {where}. Typ 'namen' om "
        "te bevestigen: "
    )
    if answer.strip().lower() != "namen":
        raise GwpError("niet geëxporteerd: de echte namen blijven in het project")
