"""Privacy commands: erase a participant, show or export a session's audit trail."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from goedwerkplaats.cli.commands_project import project_of
from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.messages import shown_path
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.exporters.output import output_path, record_export
from goedwerkplaats.files.csv_cells import safe_row
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.privacy.erasure import ErasurePlan, erase_participant
from goedwerkplaats.storage.atomic import write_atomic
from goedwerkplaats.storage.audit import read_audit


def register(commands: Commands) -> None:
    erase = commands.add_parser(
        "erase-participant",
        help="wis een deelnemer die de toestemming introk (segmenten, posities, naam)",
    )
    erase.add_argument(*flags("--sessie"), dest="session", required=True, metavar="ID")
    erase.add_argument("participant", metavar="PSEUDONIEM", help="bijv. P3")
    erase.add_argument(
        *flags("--ja"), dest="yes", action="store_true", help="niet om bevestiging vragen"
    )
    erase.add_argument(
        *flags("--exports"),
        action="store_true",
        help="verwijder ook eerdere exports van deze sessie in exports/",
    )
    erase.set_defaults(handler=cmd_erase)

    audit = commands.add_parser("audit", help="het logboek van een sessie: wie deed wat wanneer")
    audit.add_argument(*flags("--sessie"), dest="session", required=True, metavar="ID")
    audit.add_argument(*flags("--csv"), action="store_true", help="als CSV (UTF-8 met BOM)")
    audit.add_argument(
        *flags("--uitvoer", "-o"),
        dest="output",
        type=Path,
        metavar="PAD",
        help="schrijf naar een bestand (in exports/) in plaats van het scherm",
    )
    audit.set_defaults(handler=cmd_audit)


def cmd_erase(args: argparse.Namespace) -> int:
    project = project_of(args)
    refused = False

    def confirm(plan: ErasurePlan) -> bool:  # asked only once the session is locked for us
        nonlocal refused
        print(plan.describe())
        refused = not args.yes and not _confirmed(plan.participant.id)
        return not refused

    plan = erase_participant(
        project, args.session, args.participant, delete_exports=args.exports, confirm=confirm
    )
    if refused:
        print("niets gewist")
        return 1
    erased = plan.participant.id if plan else args.participant.strip().upper()
    print(f"{erased} is gewist uit sessie {args.session}.")
    return 0


def _confirmed(pseudonym: str) -> bool:
    if not sys.stdin.isatty():
        raise GwpError("bevestig het wissen met --ja (er is geen toetsenbord om te vragen)")
    answer = input(f"Typ {pseudonym} om te bevestigen: ").strip()
    return answer.upper() == pseudonym.upper()


def cmd_audit(args: argparse.Namespace) -> int:
    project = project_of(args)
    project.load_session(args.session)  # a clear error for an unknown session
    entries = read_audit(project.session_folder(args.session))
    rows = [(e.when, e.who, e.action, e.detail) for e in entries]
    if args.csv or (args.output and args.output.suffix.lower() == ".csv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(("wanneer", "wie", "wat", "details"))
        writer.writerows(safe_row(row) for row in rows)
        text, suffix = "\ufeff" + buffer.getvalue(), ".csv"
    else:
        text = "".join(
            f"{when}  {who:<12} {what:<14} {detail}\n" for when, who, what, detail in rows
        )
        suffix = ".txt"
    if args.output is None:
        sys.stdout.write(text.lstrip("\ufeff") or "het logboek is leeg\n")
        return 0
    target = output_path(project, f"logboek-{args.session}", suffix, args.output)
    write_atomic(target, text.encode("utf-8"))
    record_export(project, [args.session], target, "logboek")  # it names files and people
    print(f"logboek geschreven naar {shown_path(target)}")
    return 0
