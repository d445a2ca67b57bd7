"""Project commands: init, check, sessions, new-session, and opening the app."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.guide.loader import GUIDE_FILE
from goedwerkplaats.model.session import FORMS, SessionMeta
from goedwerkplaats.privacy.mask_terms import MASK_FILE
from goedwerkplaats.project.folder import Project, init_project
from goedwerkplaats.project.keymap_file import KEYMAP_FILE


def register(commands: Commands) -> None:
    init = commands.add_parser(
        "init", help="maak een nieuw project met de leidraad van het SAM-onderzoek"
    )
    init.add_argument("map", type=Path, metavar="MAP", help="de map van het nieuwe project")
    init.add_argument(
        *flags("--leeg"),
        dest="leeg",
        action="store_true",
        help="een lege leidraad voor een eigen onderzoek in plaats van die van het SAM-onderzoek",
    )
    init.set_defaults(handler=cmd_init)

    check = commands.add_parser("check", help="controleer de leidraad en alle sessies")
    check.set_defaults(handler=cmd_check)

    sessions = commands.add_parser("sessions", help="toon de sessies van het project")
    sessions.add_argument(*flags("--json"), action="store_true", help="als JSON, voor scripts")
    sessions.set_defaults(handler=cmd_sessions)

    new = commands.add_parser("new-session", help="maak een nieuwe sessie")
    new.add_argument("id", metavar="ID", help="kort id, bijv. gwp-1 (wordt de mapnaam)")
    new.add_argument(
        *flags("--titel"), dest="titel", required=True, help="titel van de bijeenkomst"
    )
    new.add_argument(
        *flags("--datum"), dest="datum", required=True, type=_date, metavar="JJJJ-MM-DD"
    )
    new.add_argument(
        *flags("--vorm"),
        dest="vorm",
        type=_form,
        default=None,
        metavar="VORM",
        help="video of 'op locatie'",
    )
    new.add_argument(*flags("--locatie"), dest="locatie", default="", help="plaats of platform")
    new.add_argument(
        *flags("--gespreksleider"),
        dest="gespreksleider",
        default="",
        help="naam van de gespreksleider",
    )
    new.set_defaults(handler=cmd_new_session)


def _date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum als JJJJ-MM-DD") from None


def _form(text: str) -> str:
    normal = text.strip().lower().replace("-", " ").replace("_", " ")
    if normal not in FORMS:
        raise argparse.ArgumentTypeError(f"'{text}': kies video of 'op locatie'")
    return normal


def project_of(args: argparse.Namespace) -> Project:
    return Project.at(args.project)


def open_app(args: argparse.Namespace) -> int:
    project = project_of(args)
    from goedwerkplaats.tui.app import run_app

    return run_app(project)


def cmd_init(args: argparse.Namespace) -> int:
    # here, not at the top: opening the app goes through this module and needs neither
    from goedwerkplaats.report.outline_file import OUTLINE_FILE

    root = args.map.expanduser()
    existed = (root / GUIDE_FILE).exists()
    had_outline = (root / OUTLINE_FILE).exists()
    project = init_project(args.map, empty=args.leeg)
    guide = "lege leidraad" if args.leeg else "leidraad van het SAM-onderzoek"
    if existed:
        guide = "bestaande leidraad blijft staan"
    files = [f"{GUIDE_FILE} ({guide})"]
    if not had_outline and (project.root / OUTLINE_FILE).exists():
        files.append(f"{OUTLINE_FILE} (opzet van het rapport: hoofdstuk 5-7 van het onderzoek)")
    print(f"project gemaakt in {project.root}: {', '.join(files)}, sessions/, exports/")
    print(f"start met: goedwerkplaats --project {project.root}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from goedwerkplaats.project.session_check import check_project
    from goedwerkplaats.report.outline_file import OUTLINE_FILE
    from goedwerkplaats.survey.mapping_file import SURVEY_FILE

    project = project_of(args)
    problems = check_project(project)
    for problem in problems:
        print(problem)
    errors = [p for p in problems if not p.warning]
    sessions = len(project.session_ids())
    files = [
        name
        for name in (KEYMAP_FILE, MASK_FILE, OUTLINE_FILE, SURVEY_FILE)
        if (project.root / name).exists()
    ]
    checked = ", ".join(["de leidraad", *files, f"{sessions} sessie(s)"])
    if errors:
        print(f"{len(errors)} fout(en) gevonden; nagekeken: {checked}")
        return 1
    print(f"alles in orde: {checked}")
    return 0


def cmd_sessions(args: argparse.Namespace) -> int:
    summaries = project_of(args).summaries()
    if args.json:
        rows = [
            {
                "id": s.id,
                "title": s.title,
                "date": s.date,
                "segments": s.segments,
                "coded": s.coded,
                "problem": s.problem or None,
            }
            for s in summaries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not summaries:
        print(
            "nog geen sessies; maak er een met 'goedwerkplaats new-session ID --titel ... "
            "--datum JJJJ-MM-DD'"
        )
        return 0
    print(f"{'id':<16} {'datum':<10} {'segmenten':>9} {'gecodeerd':>9}  titel")
    for s in summaries:
        if s.problem:
            print(f"{s.id:<16} {'':<10} {'':>9} {'':>9}  KAPOT: {s.problem}")
        else:
            print(f"{s.id:<16} {s.date:<10} {s.segments:>9} {s.coded:>9}  {s.title}")
    return 0


def cmd_new_session(args: argparse.Namespace) -> int:
    project = project_of(args)
    meta = SessionMeta(
        id=args.id,
        title=args.titel.strip(),
        date=args.datum,
        form=args.vorm or "",
        location=args.locatie.strip(),
        facilitator=args.gespreksleider.strip(),
    )
    if not meta.title:
        raise GwpError("de titel is leeg; geef een titel op met --titel")
    project.create_session(meta, via="via de opdrachtregel")
    print(f"sessie '{meta.id}' gemaakt in {project.session_folder(meta.id)}")
    return 0
