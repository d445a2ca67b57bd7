"""`recover`: put changes from a rescue file back into their session."""

from __future__ import annotations

import argparse
from pathlib import Path

from goedwerkplaats.cli.commands_project import project_of
from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.storage.audit import append_audit
from goedwerkplaats.storage.rescue import read_rescue


def register(commands: Commands) -> None:
    recover = commands.add_parser(
        "recover", help="zet wijzigingen uit een noodkopie terug in hun sessie"
    )
    recover.add_argument("file", type=Path, metavar="NOODKOPIE", help="het .jsonl-bestand")
    recover.add_argument(*flags("--sessie"), dest="session", required=True, metavar="ID")
    recover.set_defaults(handler=cmd_recover)


def cmd_recover(args: argparse.Namespace) -> int:
    project = project_of(args)
    changes = read_rescue(args.file, args.session)
    with project.open_session(args.session) as store:
        store.apply(*changes)
    append_audit(
        project.session_folder(args.session),
        "hersteld",
        f"{len(changes)} wijziging(en) uit een noodkopie",
    )
    print(
        f"{len(changes)} wijziging(en) teruggezet in sessie {args.session}; de noodkopie "
        f"{args.file} mag nu weg"
    )
    return 0
