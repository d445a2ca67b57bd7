"""The `transcribe` command: a first transcript from the recording, made on this machine."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from goedwerkplaats.cli.commands_import import (
    add_offset_argument,
    ask_to_double,
    confirm_doubling,
)
from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.importers import ImportOptions, apply_import
from goedwerkplaats.model.session import Session
from goedwerkplaats.project.folder import Project
from goedwerkplaats.speech import (
    DEFAULT_MODEL,
    check_not_transcribed,
    describe_speech,
    doubling_before_listening,
    load_model,
    plan_speech,
    recognise,
    recording_hash,
)
from goedwerkplaats.speech.progress import Eta, bar, describe_progress

INTERRUPTED = "afgebroken; er is niets aan de sessie toegevoegd"


def register(commands: Commands) -> None:
    command = commands.add_parser(
        "transcribe",
        help="maak een eerste transcript uit de opname (spraakherkenning op deze computer)",
        description="Herkent de spraak in de opname op deze computer (er gaat niets over het "
        "netwerk) en leest het resultaat in de sessie in zoals 'import' dat doet: tijden, "
        "stellingen, gekoppelde live citaten. Sprekers worden voorgesteld uit de live opname; "
        "onzekere woorden worden gemarkeerd. Ctrl-C breekt af zonder iets op te slaan.",
    )
    command.add_argument(
        "file",
        type=Path,
        nargs="?",
        metavar="BESTAND",
        help="de opname (geluid of video); standaard de opname die aan de sessie gekoppeld is",
    )
    command.add_argument(
        *flags("--sessie"), dest="session", required=True, metavar="ID", help="de sessie"
    )
    command.add_argument(
        *flags("--model"),
        default=DEFAULT_MODEL,
        metavar="NAAM|MAP",
        help=f"het spraakmodel: een naam (tiny, base, small, medium, large-v3; standaard "
        f"{DEFAULT_MODEL}, eenmalig gedownload) of een map met een model",
    )
    command.add_argument(
        *flags("--taal"),
        dest="taal",
        default="nl",
        metavar="TAAL",
        help="de taal van het gesprek (standaard nl)",
    )
    add_offset_argument(command)
    command.add_argument(
        *flags("--proef"),
        dest="dry_run",
        action="store_true",
        help="toon wat er binnen zou komen, zonder iets op te slaan",
    )
    command.add_argument(
        *flags("--ja"),
        dest="yes",
        action="store_true",
        help="importeer ook als de sessie al een transcript van dezelfde tijd heeft, zonder "
        "te vragen; zonder --ja vraagt transcribe het woord 'dubbel' (vóór het luisteren als "
        "de tijd van de opname dat al zegt), of weigert zonder toetsenbord",
    )
    command.set_defaults(handler=cmd_transcribe)


def cmd_transcribe(args: argparse.Namespace) -> int:
    from goedwerkplaats.cli.commands_project import project_of

    project = project_of(args)
    guide = project.load_guide()
    options = ImportOptions(recording_offset=args.offset)
    loaded = project.load_session(args.session)
    path = recording_of(project, loaded.session, args.file)
    sha256 = recording_hash(path)
    check_not_transcribed(loaded.session, path, sha256)  # before minutes of listening
    # a transcript of the same time: asked now, not after the listening (--proef shows it)
    doubling = doubling_before_listening(loaded.session, path, args.offset)
    refused = f"{path.name} is niet beluisterd en niet geïmporteerd"
    yes = args.yes or (not args.dry_run and ask_to_double(doubling, refused))
    print(f"model '{args.model}' laden…", file=sys.stderr)
    try:
        model = load_model(args.model)
        recognition = recognise(path, model, args.taal, ProgressLine(sys.stderr))
    except KeyboardInterrupt:
        print(f"\n{INTERRUPTED}", file=sys.stderr)
        return 130
    print(file=sys.stderr)
    speech = plan_speech(loaded.session, guide, recognition, sha256, options)
    if args.dry_run:
        print("\n".join(describe_speech(speech, applied=False)))
        return 0
    yes = yes or confirm_doubling(speech.plan)  # what could not be known before listening
    with project.open_session(args.session) as store:
        if store.version != loaded.version:  # written in between: plan on what is there now
            check_not_transcribed(store.session, path, sha256)
            speech = plan_speech(store.session, guide, recognition, sha256, options)
            yes = yes or confirm_doubling(speech.plan)
        late = apply_import(store, speech.plan)
    print("\n".join(describe_speech(speech)))
    for warning in late:
        print(warning, file=sys.stderr)
    return 0


def recording_of(project: Project, session: Session, file: Path | None) -> Path:
    """The file given, else the recording linked to the session (found again if moved)."""
    if file is not None:
        if not file.is_file():
            raise GwpError(f"{file} bestaat niet of is geen bestand; controleer de naam en de map")
        return file
    link = session.meta.recording
    if link is None:
        raise GwpError(
            f"sessie '{session.id}' heeft geen gekoppelde opname; geef het bestand op "
            f"(goedwerkplaats transcribe --session {session.id} BESTAND) of koppel het eerst "
            f"(goedwerkplaats opname --sessie {session.id} BESTAND)"
        )
    from goedwerkplaats.media.link import locate

    return locate(link, project.root).path


class ProgressLine:
    """A bar with the time left, redrawn in place on a terminal, every tenth otherwise."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.eta = Eta()
        self.live = out.isatty()
        self._last_tenth = -1

    def __call__(self, done: float, total: float) -> None:
        text = f"{bar(done, total)} {describe_progress(done, total, self.eta.left(done, total))}"
        if self.live:
            self.out.write("\r" + text.ljust(78)[:78])
            self.out.flush()
            return
        tenth = int(10 * done / total) if total > 0 else 0
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            print(text, file=self.out, flush=True)
