"""One registry of export kinds: the command line, the app's form and the README all offer
exactly the kinds of `exporters.kinds`, by id and by Dutch label."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import RadioSet

from goedwerkplaats.cli import main
from goedwerkplaats.cli.parser import build_parser
from goedwerkplaats.exporters.export_form import ExportForm
from goedwerkplaats.exporters.kinds import KINDS, kind_named, run_export
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.tui.app import build_app
from tests.helpers import FakeClock

README = Path(__file__).resolve().parent.parent / "README.md"


def test_ids_and_labels_are_unique() -> None:
    names = [k.id for k in KINDS] + [k.label for k in KINDS if k.label != k.id]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("kind", KINDS, ids=[k.id for k in KINDS])
def test_the_command_line_takes_each_kind_by_id_and_by_label(kind) -> None:  # type: ignore[no-untyped-def]
    session = ["--sessie", "gwp-1"] if "session" in kind.options else []
    for name in (kind.id, kind.label):
        args = build_parser().parse_args(["export", name, *session])
        assert args.export_kind == kind.id
        if kind.formats:
            assert args.format == kind.formats[0]  # the default is the registry's first


def test_the_readme_names_every_kind_and_no_other() -> None:
    text = README.read_text("utf-8")
    commands = set(re.findall(r"`goedwerkplaats export (\w[\w-]*)", text))
    assert {kind_named(c).id for c in commands} == {k.id for k in KINDS}
    for kind in KINDS:
        assert f"| `{kind.id}` | {kind.label} | {kind.description} |" in text


def test_an_unknown_kind_or_format_is_a_dutch_message(project) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(GwpError, match="onbekende export 'boek'; kies uit transcript, synthese"):
        run_export(project, ExportForm(kind="boek"))
    with pytest.raises(GwpError, match="formaat 'pdf' kan niet voor citaten; kies uit docx"):
        run_export(project, ExportForm(kind="citaten", format="pdf"))


def test_the_codebook_by_cli_and_by_form_is_the_same_file(project) -> None:  # type: ignore[no-untyped-def]
    assert main(["--project", str(project.root), "export", "codebook", "-o", "cli.csv"]) == 0
    run_export(project, ExportForm(kind="codeboek-csv", output="form.csv"))
    cli, form = (project.exports_dir / n for n in ("cli.csv", "form.csv"))
    assert cli.read_bytes() == form.read_bytes()


async def test_the_form_offers_every_kind_with_its_dutch_label(project) -> None:  # type: ignore[no-untyped-def]
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        buttons = list(pilot.app.screen.query_one(RadioSet).query("RadioButton"))
        assert [b.name for b in buttons] == [k.id for k in KINDS]
        assert [str(b.label).split(":")[0] for b in buttons] == [k.label for k in KINDS]


async def test_the_source_field_follows_the_kinds_default_until_the_user_types(project) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    from tests.test_export_screen import choose, open_export

    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_export(pilot)
        sources = screen.query_one("#sources", Input)
        assert sources.value == "sessie"  # the synthesis's default
        choose(screen, "rapport")
        await pilot.pause()
        assert sources.value == ""  # the report: as rapport.yaml says
        assert sources.placeholder == "geen / pseudoniem / sessie / kenmerken"
        sources.value = "kenmerken"
        choose(screen, "synthese")
        await pilot.pause()
        assert sources.value == "kenmerken"  # what the user typed stays
