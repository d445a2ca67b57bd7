"""The command line speaks one language: every option is Dutch with its English alias (or a
word both languages share), the README's table lists them all, and old spellings still work."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from goedwerkplaats.cli import main
from goedwerkplaats.cli.flags import ENGLISH, OLD, SHARED
from goedwerkplaats.cli.parser import build_parser

README = Path(__file__).resolve().parent.parent / "README.md"


def parsers(parser: argparse.ArgumentParser, path: str = "") -> Iterator[tuple[str, object]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, f"{path} {name}".strip())


def long_options() -> Iterator[tuple[str, list[str]]]:
    for path, parser in parsers(build_parser()):
        for action in parser._actions:  # type: ignore[attr-defined]
            spellings = [o for o in action.option_strings if o.startswith("--")]
            if spellings:
                yield path, spellings


def test_every_option_is_dutch_with_its_english_alias() -> None:
    for path, spellings in long_options():
        dutch = spellings[0]
        if dutch in SHARED:
            assert spellings == [dutch], (path, spellings)
            continue
        assert dutch in ENGLISH, f"{path}: {dutch} staat niet in cli/flags.py"
        assert spellings == [dutch, ENGLISH[dutch], *OLD.get(dutch, ())], (path, spellings)


def test_the_readme_lists_every_flag_pair() -> None:
    text = README.read_text("utf-8")
    used = {spellings[0] for _path, spellings in long_options()}
    for dutch in used - SHARED:
        assert f"`{dutch}` | `{ENGLISH[dutch]}`" in text, dutch
    assert set(ENGLISH) <= used, set(ENGLISH) - used  # no pair in the table that nothing uses


def test_english_and_old_spellings_still_work(project) -> None:
    root = str(project.root)
    new = [
        "new-session",
        "gwp-1",
        "--title",
        "Eerste",
        "--date",
        "2026-11-20",
        "--facilitator",
        "An",
    ]
    assert main(["--project", root, *new]) == 0
    meta = project.load_session("gwp-1").session.meta
    assert (meta.title, meta.date, meta.facilitator) == ("Eerste", "2026-11-20", "An")
    codebook = ["export", "codebook", "--format", "csv", "--sep", ";", "--output", "cb.csv"]
    assert main(["--project", root, *codebook]) == 0
    assert main(["--project", root, *codebook, "--force"]) == 0
    assert sorted(p.name for p in project.exports_dir.iterdir()) == ["cb.csv"]  # overwritten
    assert ";" in (project.exports_dir / "cb.csv").read_text("utf-8-sig").splitlines()[0]
    old = build_parser().parse_args(["export", "synthesis", "--no-bronnen"])
    assert old.no_sources


def test_the_dutch_spellings_do_the_same(project) -> None:
    root = str(project.root)
    new = ["new-session", "gwp-1", "--titel", "Eerste", "--datum", "2026-11-20"]
    assert main(["--project", root, *new, "--gespreksleider", "An"]) == 0
    assert project.load_session("gwp-1").session.meta.facilitator == "An"
    codebook = ["export", "codeboek-csv", "--formaat", "csv", "--scheiding", ";"]
    assert main(["--project", root, *codebook, "--uitvoer", "cb.csv", "--overschrijven"]) == 0
    assert ";" in (project.exports_dir / "cb.csv").read_text("utf-8-sig").splitlines()[0]


def test_without_a_command_the_app_opens_and_with_one_the_command_runs() -> None:
    """`goedwerkplaats [--project MAP]` goes straight to the app, without loading every
    command's modules first; anything else goes through the full parser."""
    from goedwerkplaats.cli import _app_arguments
    from goedwerkplaats.cli.commands_project import open_app

    for arguments, project in (([], "."), (["--project", "p"], "p"), (["--project=p"], "p")):
        args = _app_arguments(arguments)
        assert args is not None and args.handler is open_app and str(args.project) == project
    for arguments in (["sessions"], ["--project", "p", "check"], ["--help"], ["--proj", "p"]):
        assert _app_arguments(arguments) is None
