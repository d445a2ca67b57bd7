"""`namen`: likely personal names that exports would not mask, for review before an export."""

from __future__ import annotations

import argparse

from goedwerkplaats.cli.commands_project import project_of
from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.privacy.mask_terms import MASK_FILE, add_mask_terms
from goedwerkplaats.privacy.name_candidates import NameCandidate, session_candidates


def register(commands: Commands) -> None:
    names = commands.add_parser(
        "namen",
        help="mogelijke namen in de tekst die exports nog niet maskeren (bekijk vóór exporteren)",
    )
    names.add_argument(*flags("--sessie"), dest="session", metavar="ID", default=None)
    names.add_argument(
        *flags("--maskeer"),
        dest="mask",
        action="append",
        default=[],
        metavar="WOORD",
        help=f"zet WOORD in {MASK_FILE}, zodat elke export het vervangt (mag vaker)",
    )
    names.set_defaults(handler=cmd_names)


def cmd_names(args: argparse.Namespace) -> int:
    project = project_of(args)
    if args.mask:
        added = add_mask_terms(project.root, args.mask)
        shown = ", ".join(added) if added else "niets nieuws (stond er al)"
        print(f"in {MASK_FILE} gezet: {shown}")
        return 0
    ids = [args.session] if args.session else project.session_ids()
    total = 0
    for session_id, found in session_candidates(project, ids):
        total += len(found)
        print(f"{session_id}: {len(found)} mogelijke naam/namen")
        for candidate in found:
            print(f"  {describe(candidate)}")
    if total:
        print(
            "Exports vervangen deze woorden niet. Is het een naam, zet hem dan in "
            f"{MASK_FILE}: goedwerkplaats namen --maskeer WOORD"
        )
    else:
        print("geen mogelijke namen gevonden die exports niet al maskeren")
    return 0


def describe(candidate: NameCandidate) -> str:
    how = ", stelt zich voor" if candidate.introduced else ""
    return f"{candidate.word} ({candidate.count}×{how}): {candidate.example}"
