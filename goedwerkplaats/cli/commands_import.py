"""The `import` command: read a transcript into a session."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.importers import (
    DOUBLE_WORD,
    ImportOptions,
    ImportPlan,
    apply_import,
    describe_plan,
    overlap_warning,
    plan_import,
)
from goedwerkplaats.model.timecode import parse_offset as offset_seconds


def register(commands: Commands) -> None:
    command = commands.add_parser(
        "import",
        help="lees een transcript (WebVTT, SRT, tekst of Word) in een sessie in",
        description="Leest een transcript in een sessie in: WebVTT (.vtt), SRT (.srt), tekst "
        "(.txt) of Word (.docx), herkend aan de inhoud. Sprekers worden deelnemers "
        "(P1, P2…; de gespreksleider GL), stellingen en #thema/@arena-codes worden "
        "overgenomen en live citaten worden aan hun plek in het transcript gekoppeld. "
        "Bij een fout wordt niets opgeslagen.",
    )
    command.add_argument("file", type=Path, metavar="BESTAND", help="het transcript")
    command.add_argument(
        *flags("--sessie"), dest="session", required=True, metavar="ID", help="de sessie"
    )
    command.add_argument(
        *flags("--gespreksleider"),
        dest="facilitators",
        action="append",
        default=[],
        metavar="NAAM",
        help="de naam van de gespreksleider zoals in het bestand (mag vaker); "
        "'Gespreksleider', 'Interviewer', 'Moderator' en 'Facilitator' herkent het zelf",
    )
    merge = command.add_mutually_exclusive_group()
    merge.add_argument(
        *flags("--samenvoegen"),
        dest="merge",
        action="store_true",
        default=None,
        help="voeg opeenvolgende uitspraken van dezelfde spreker samen "
        "(standaard bij .vtt en .srt)",
    )
    merge.add_argument(
        *flags("--niet-samenvoegen"),
        dest="merge",
        action="store_false",
        help="houd elke uitspraak apart (standaard bij tekst en Word)",
    )
    add_offset_argument(command)
    command.add_argument(
        *flags("--proef"),
        dest="dry_run",
        action="store_true",
        help="toon wat er geïmporteerd zou worden, zonder iets op te slaan",
    )
    command.add_argument(
        *flags("--ja"),
        dest="yes",
        action="store_true",
        help="importeer ook een tweede transcript van dezelfde opname (tijden die een eerder "
        "geïmporteerd transcript al beslaat) zonder te vragen; zonder --ja vraagt import het "
        "woord 'dubbel', of weigert zonder toetsenbord",
    )
    command.set_defaults(handler=cmd_import)


def add_offset_argument(command: argparse.ArgumentParser) -> None:
    """`--opname-start`, as `import` and `transcribe` both take it."""
    command.add_argument(
        *flags("--opname-start"),
        dest="offset",
        type=parse_offset,
        default=None,
        metavar="TIJD",
        help="waar in de sessie de opname begon (UU:MM:SS of seconden), als de sessie dat "
        "nog niet weet",
    )


def parse_offset(text: str) -> float:
    """The argparse type for a recording start (also used by `transcribe`)."""
    try:
        return offset_seconds(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def cmd_import(args: argparse.Namespace) -> int:
    from goedwerkplaats.cli.commands_project import project_of

    project = project_of(args)
    guide = project.load_guide()
    options = ImportOptions(
        merge=args.merge,
        facilitators=tuple(args.facilitators),
        recording_offset=args.offset,
    )
    if not args.file.is_file():
        raise GwpError(f"{args.file} bestaat niet of is geen bestand; controleer de naam en de map")
    # Plan on a read-only copy first: a bad file then leaves the session folder untouched
    # (not even a lock file or an empty journal).
    loaded = project.load_session(args.session)
    plan = plan_import(loaded.session, guide, args.file, options)
    if args.dry_run:
        print("\n".join(describe_plan(plan, applied=False)))
        return 0
    yes = args.yes or confirm_doubling(plan)
    with project.open_session(args.session) as store:
        if store.version != loaded.version:  # written in between: plan on what is there now
            plan = plan_import(store.session, guide, args.file, options)
            yes = yes or confirm_doubling(plan)
        late = apply_import(store, plan)
    print("\n".join(describe_plan(plan)))
    for warning in late:
        print(warning, file=sys.stderr)
    return 0


def confirm_doubling(plan: ImportPlan) -> bool:
    """A second transcript of the same recording (`plan.overlaps`) is imported only when the
    user types DOUBLE_WORD at the keyboard, or gave --ja; without a keyboard it is refused.
    True when asked and confirmed, False when there was nothing to ask."""
    return ask_to_double(overlap_warning(plan), f"{plan.source.name} is niet geïmporteerd")


def ask_to_double(warning: list[str], refused: str) -> bool:
    """Ask for DOUBLE_WORD after `warning` (overlap_warning's shape: a sentence, then lines);
    without a keyboard, or with another answer, a GwpError that starts with `refused` (what
    was not done). True when asked and confirmed, False when there was nothing to ask."""
    if not warning:
        return False
    first, *rest = warning
    if not sys.stdin.isatty():
        raise GwpError(
            f"{refused} (er is niets gewijzigd): {first}\n"
            + "\n".join(rest)
            + "\nBekijk het met --proef; is het toch de bedoeling, importeer dan met --ja"
        )
    print(f"LET OP: {first}\n" + "\n".join(rest))
    answer = input(f"Typ {DOUBLE_WORD} om het toch te importeren (Enter = niet): ").strip()
    if answer.lower() != DOUBLE_WORD:
        raise GwpError(f"{refused}; er is niets gewijzigd")
    return True
