"""Argument parsing in Dutch, and running a command with errors turned into messages."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import NoReturn, TypeAlias

from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.messages import describe_os_error, is_explained
from goedwerkplaats.files.crash_log import log_crash
from goedwerkplaats.files.problems import GwpError

_TRANSLATIONS = [
    (r"the following arguments are required: (.*)", r"deze argumenten ontbreken: \1"),
    (r"unrecognized arguments: (.*)", r"onbekende argumenten: \1"),
    (
        r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
        r"argument \1: ongeldige keuze \2 (kies uit \3)",
    ),
    (r"argument (\S+): expected one argument", r"argument \1: verwacht een waarde"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"argument \1: ongeldige waarde \3"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"ongeldige keuze \1 (kies uit \2)"),
]


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        for pattern, replacement in _TRANSLATIONS:
            message = re.sub(pattern, replacement, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


# What `register(commands)` receives: the sub-command list of a DutchParser.
Commands: TypeAlias = "argparse._SubParsersAction[DutchParser]"


def build_parser() -> argparse.ArgumentParser:
    from goedwerkplaats.cli import (
        commands_export,
        commands_import,
        commands_names,
        commands_participants,
        commands_privacy,
        commands_project,
        commands_recording,
        commands_recover,
        commands_report,
        commands_speech,
        commands_survey,
    )

    parser = DutchParser(
        prog="goedwerkplaats",
        description="Goed Werk Plaats-focusgroepen leiden, transcriberen, coderen en exporteren. "
        "Zonder opdracht opent het programma.",
    )
    parser.add_argument(
        *flags("--project"),
        type=Path,
        default=Path("."),
        metavar="MAP",
        help="de projectmap (standaard: de huidige map)",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="OPDRACHT", title="opdrachten", parser_class=DutchParser
    )
    commands_project.register(commands)
    commands_participants.register(commands)
    commands_import.register(commands)
    commands_speech.register(commands)
    commands_export.register(commands)
    commands_privacy.register(commands)
    commands_names.register(commands)
    commands_recording.register(commands)
    commands_recover.register(commands)
    commands_report.register(commands)
    commands_survey.register(commands)
    parser.set_defaults(handler=commands_project.open_app)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Run the chosen command; user errors become a Dutch message and exit code 1."""
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, not as a traceback at exit
        return code
    except GwpError as error:
        # a SaveError promises the app keeps what was typed; a command ends here instead
        plain = getattr(error, "without_promise", None)
        shown = f"{plain}; niets van deze opdracht is opgeslagen" if plain else str(error)
        print(f"fout: {shown}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `goedwerkplaats sessions | head -1`: the reader has had enough
        _silence_stdout()
        return 1
    except OSError as error:  # permission denied, disk full, a file where a folder should be
        message = describe_os_error(error, _path_of(args))
        if not is_explained(error):
            message += f". De technische details staan in {log_crash()}"
        print(f"fout: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("afgebroken", file=sys.stderr)
        return 130
    except Exception:
        log = log_crash()
        print(
            "fout: er ging iets onverwachts mis; er is niets verloren gegaan dat al was "
            f"opgeslagen. De technische details staan in {log}; stuur die mee als u het "
            "probleem meldt.",
            file=sys.stderr,
        )
        return 70


def _silence_stdout() -> None:
    """Point stdout at the null device, so the flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (tests, embedding)
        pass


def _path_of(args: argparse.Namespace) -> Path | None:
    """For errors that name no file (a full disk shows while writing, not when opening): the
    project, where every command reads and writes."""
    return getattr(args, "project", None)
