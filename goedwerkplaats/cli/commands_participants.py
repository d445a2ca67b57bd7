"""`participants`: add participants before the session starts, or list them."""

from __future__ import annotations

import argparse

from goedwerkplaats.cli.commands_project import project_of
from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.coding.participants import ATTRIBUTE_FIELDS, new_participant
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.changes import PutParticipant
from goedwerkplaats.storage.audit import append_audit


def register(commands: Commands) -> None:
    participants = commands.add_parser(
        "participants", help="deelnemers van een sessie toevoegen (vooraf) of tonen"
    )
    participants.add_argument(*flags("--sessie"), dest="session", required=True, metavar="ID")
    actions = participants.add_subparsers(
        dest="action", metavar="ACTIE", title="acties", required=True
    )
    add = actions.add_parser("add", help="een deelnemer toevoegen; krijgt het volgende pseudoniem")
    add.add_argument("naam", metavar="NAAM", help="de naam (blijft op deze computer)")
    for field in ATTRIBUTE_FIELDS:
        add.add_argument(*flags(f"--{field}"), dest=field, default="", metavar=field.upper())
    add.add_argument(
        *flags("--kenmerk"),
        dest="kenmerk",
        action="append",
        default=[],
        metavar="ID=WAARDE",
        help="een kenmerk uit 'kenmerken' van de leidraad (waarde of nummer; zie 'kenmerken')",
    )
    add.set_defaults(handler=cmd_add)
    values = actions.add_parser(
        "kenmerken", help="de kenmerken uit de leidraad met hun toegestane waarden"
    )
    values.set_defaults(handler=cmd_characteristics)
    listing = actions.add_parser("list", help="de deelnemers met pseudoniem, naam en kenmerken")
    listing.set_defaults(handler=cmd_list)


def cmd_add(args: argparse.Namespace) -> int:
    project = project_of(args)
    guide = project.load_guide()
    with project.open_session(args.session) as store:
        attributes = [(field, getattr(args, field)) for field in ATTRIBUTE_FIELDS]
        attributes += [_pair(text) for text in args.kenmerk]
        participant = new_participant(
            store.session, args.naam, attributes, characteristics=guide.characteristics
        )
        store.apply(PutParticipant(participant))
    # the audit trail names no one: the pseudonym says enough
    append_audit(project.session_folder(args.session), "deelnemer toegevoegd", participant.id)
    print(f"{participant.id} toegevoegd aan sessie {args.session}")
    return 0


def _pair(text: str) -> tuple[str, str]:
    key, sign, value = text.partition("=")
    if not sign or not key.strip():
        raise GwpError(f"--kenmerk '{text}': schrijf ID=WAARDE, bijv. --kenmerk functie=3")
    return key.strip(), value


def cmd_characteristics(args: argparse.Namespace) -> int:
    guide = project_of(args).load_guide()
    if not guide.characteristics:
        print("de leidraad heeft geen kenmerken ('kenmerken:' in stellingen.yaml)")
    for characteristic in guide.characteristics:
        free = " (of vrije tekst)" if characteristic.free else ""
        print(f"{characteristic.id}: {characteristic.label}{free}")
        for number, value in enumerate(characteristic.values, start=1):
            print(f"  {number:>2}. {value}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    session = project_of(args).load_session(args.session).session
    people = session.ordered_participants()
    if not people:
        print(f"sessie {args.session} heeft nog geen deelnemers; voeg toe met 'participants add'")
        return 0
    for person in people:
        role = "gespreksleider" if person.facilitator else ""
        details = ", ".join(f"{key}: {value}" for key, value in person.attributes)
        print(
            "  ".join(
                part for part in (f"{person.id:<4}", person.name or "-", role, details) if part
            )
        )
    return 0
