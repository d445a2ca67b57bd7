"""`goedwerkplaats opname`: link a session's recording, or find it again after a move."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.messages import shown_path
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.media.errors import MediaError
from goedwerkplaats.model.changes import SetMeta
from goedwerkplaats.model.timecode import format_time
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.audit import append_audit


def register(commands: Commands) -> None:
    command = commands.add_parser(
        "opname",
        help="koppel de opname (audio of video) aan een sessie, of zoek een verplaatste terug",
        description="Met BESTAND: koppel die opname aan de sessie (het bestand blijft waar het "
        "staat). Zonder BESTAND: toon de gekoppelde opname en zoek haar terug als ze is "
        "verplaatst.",
    )
    command.add_argument(
        *flags("--sessie"), dest="session", required=True, metavar="ID", help="de sessie"
    )
    command.add_argument("file", nargs="?", type=Path, metavar="BESTAND", help="de opname")
    command.add_argument(
        *flags("--zoek"),
        dest="zoek",
        type=Path,
        action="append",
        default=[],
        metavar="MAP",
        help="zoek een verplaatste opname ook in deze map (ook onder een andere naam)",
    )
    command.set_defaults(handler=cmd_recording)


def cmd_recording(args: argparse.Namespace) -> int:
    from goedwerkplaats.cli.commands_project import project_of
    from goedwerkplaats.media.link import make_link, shorter_than_transcript  # PyAV: only here

    project = project_of(args)
    loaded = project.load_session(args.session)  # a wrong id is reported before any work
    if args.file is None:
        return _show_or_find(project, args)
    link = make_link(args.file)
    with project.open_session(args.session) as store:
        store.apply(SetMeta(dataclasses.replace(store.session.meta, recording=link)))
        warning = shorter_than_transcript(store.session, link)
    append_audit(project.session_folder(args.session), "opname gekoppeld", Path(link.path).name)
    print(
        f"opname gekoppeld aan sessie '{args.session}': {shown_path(link.path)} "
        f"(duur {format_time(link.duration)})"
    )
    if loaded.session.meta.recording_offset is None:
        print("de opname-start is niet gezet: sessietijd en opnametijd worden gelijk genomen")
    if warning:
        print(warning, file=sys.stderr)
    return 0


def _show_or_find(project: Project, args: argparse.Namespace) -> int:
    session = project.load_session(args.session).session
    link = session.meta.recording
    if link is None:
        raise GwpError(
            f"sessie '{args.session}' heeft nog geen opname; koppel er een met "
            f"'goedwerkplaats opname --sessie {args.session} BESTAND'"
        )
    from goedwerkplaats.media.link import locate

    try:
        found = locate(link, project.root, args.zoek)
    except MediaError as error:
        hint = "" if args.zoek else "; of zoek in een map met --zoek MAP"
        raise MediaError(f"{error}{hint}") from None
    if found.moved:
        moved = dataclasses.replace(link, path=str(found.path))
        with project.open_session(args.session) as store:
            store.apply(SetMeta(dataclasses.replace(store.session.meta, recording=moved)))
        append_audit(project.session_folder(args.session), "opname teruggevonden", found.path.name)
        print(
            f"de opname was verplaatst; teruggevonden en opnieuw gekoppeld: "
            f"{shown_path(found.path)} (was {link.path})"
        )
        return 0
    print(f"opname van sessie '{args.session}': {shown_path(found.path)}")
    print(f"duur {format_time(link.duration)}, {link.size / 1_000_000:.1f} MB")
    return 0
