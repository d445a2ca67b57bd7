"""`rapport` commands: the report outline (rapport.yaml) and the prose files under rapport/."""

from __future__ import annotations

import argparse

from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.messages import shown_path
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.project.folder import Project


def register(commands: Commands) -> None:
    report = commands.add_parser(
        "rapport", help="de opzet van het rapport (rapport.yaml) en de eigen teksten (rapport/)"
    )
    actions = report.add_subparsers(
        dest="action", metavar="ACTIE", title="acties", parser_class=type(report), required=True
    )
    init = actions.add_parser(
        "init",
        help="schrijf rapport.yaml uit de leidraad en de gecodeerde fragmenten, en een leeg "
        "tekstbestand per hoofdstuk en paragraaf",
    )
    init.add_argument(
        *flags("--opnieuw"),
        dest="opnieuw",
        action="store_true",
        help="overschrijf een bestaande rapport.yaml (eigen tekstbestanden blijven altijd staan)",
    )
    init.set_defaults(handler=cmd_init)


def cmd_init(args: argparse.Namespace) -> int:
    from goedwerkplaats.exporters.selection import load_sessions
    from goedwerkplaats.report.init import init_report
    from goedwerkplaats.report.outline_file import OUTLINE_FILE

    project = Project.at(args.project)
    guide = project.load_guide()
    result = init_report(project.root, guide, load_sessions(project), force=args.opnieuw)
    if result.outline is None:
        print(f"{OUTLINE_FILE} bestond al en blijft staan (--opnieuw schrijft een nieuwe)")
    else:
        print(f"geschreven: {shown_path(result.outline)}")
    print(
        f"tekstbestanden: {len(result.created)} nieuw onder rapport/, "
        f"{result.kept} bestonden al en zijn niet aangeraakt"
    )
    print("pas de opzet aan, schrijf de teksten en exporteer met: goedwerkplaats export rapport")
    return 0
