"""Help on '?', and keys a project remaps in toetsen.yaml."""

from __future__ import annotations

from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.help import HelpScreen
from goedwerkplaats.tui.screens.live import LiveScreen
from tests.helpers import FakeClock, new_session
from tests.live_driver import open_live, settle, type_text


async def test_question_mark_helps_on_an_empty_line_but_is_text_in_a_quote(project) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        await type_text(pilot, "Wie begint?")
        assert live.input.value == "Wie begint?"


async def test_a_remapped_key_works_and_a_wrong_file_is_named(project) -> None:
    new_session(project).close()
    (project.root / "toetsen.yaml").write_text("live.markering: f2\n", "utf-8")
    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert live.editor.session.segments[0].is_marker
        await pilot.press("f1")
        help_rows = dict(pilot.app.screen.rows)
        assert help_rows["F2"].startswith("markering") and "^B" not in help_rows
    (project.root / "toetsen.yaml").write_text("live.markring: f2\n", "utf-8")
    async with build_app(project, FakeClock()).run_test() as pilot:
        await pilot.pause()
        messages = [n.message for n in pilot.app._notifications]
        assert any(
            "toetsen.yaml:1: onbekend toets-id 'live.markring' (bedoelde u 'live.markering'" in m
            for m in messages
        ), messages
        assert not isinstance(pilot.app.screen, LiveScreen)


def test_keys_are_named_as_the_help_writes_them() -> None:
    from goedwerkplaats.tui.keys import key_display

    assert key_display("ctrl+y,f5") == "^Y / F5"
    assert key_display("pagedown") == "PgDn"
    assert key_display("x") == "x"


def test_every_mistake_in_toetsen_yaml_is_named_with_its_line(project) -> None:
    from goedwerkplaats.project.keymap_file import check_keymap
    from goedwerkplaats.tui.keys import known_binding_ids

    (project.root / "toetsen.yaml").write_text(
        "live.markering: ctrl+banana\n"
        "live.opname: f5\n"
        "live.posities: f5\n"
        "coderen.volgende_open: v\n"
        'lijst.citaat: "*"\n',
        "utf-8",
    )
    keymap, problems = check_keymap(project.root, known_binding_ids(), project.load_guide())
    messages = [str(p).replace(str(project.root) + "/", "") for p in problems]
    assert messages == [
        "toetsen.yaml:1: 'ctrl+banana' is geen toets; schrijf bijv. f2, ctrl+y, een letter of "
        "een cijfer (meer toetsen met komma's: f2,ctrl+y)",
        "toetsen.yaml:3: toets 'f5' is op hetzelfde scherm al gekozen voor 'live.opname'; "
        "kies een andere toets",
        "toetsen.yaml:4: toets 'v' is in het codeboek al thema 'Vertrouwen' "
        "(stellingen.yaml); kies een andere toets of een andere codeboektoets",
    ]
    assert keymap["lijst.citaat"] == "asterisk"  # a sign may be written as itself


def test_check_names_toetsen_yaml_and_the_app_shows_a_codebook_clash(project, capsys) -> None:
    from goedwerkplaats.cli import main

    new_session(project).close()
    (project.root / "toetsen.yaml").write_text("coderen.zoeken: k\n", "utf-8")
    assert main(["--project", str(project.root), "check"]) == 1
    out = capsys.readouterr().out
    assert "toetsen.yaml:1: toets 'k' is in het codeboek al thema" in out
    assert "1 fout(en) gevonden; nagekeken: de leidraad, toetsen.yaml, 1 sessie(s)" in out
    (project.root / "toetsen.yaml").write_text("coderen.zoeken: f4\n", "utf-8")
    assert main(["--project", str(project.root), "check"]) == 0


async def test_the_session_list_names_a_remapped_key_that_a_thema_has(project) -> None:
    new_session(project).close()
    (project.root / "toetsen.yaml").write_text("taggen.klaar: enter,h\n", "utf-8")
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        hint = str(pilot.app.screen.query_one("#empty-hint").render())
        assert "1 sessie(s) in sessions/" in hint
        assert "toetsen.yaml:1: toets 'h' is in het codeboek al thema" in hint


def test_the_readme_lists_every_key_id() -> None:
    from pathlib import Path

    from goedwerkplaats.tui.keys import known_binding_ids

    readme = " ".join((Path(__file__).parents[1] / "README.md").read_text("utf-8").split())
    for binding_id in known_binding_ids():
        screen, action = binding_id.split(".", 1)
        listed = readme.split(f"`{screen}.`", 1)[1].split("`", 1)[0]
        assert action in [word.strip(",;.") for word in listed.split()], binding_id


async def test_hints_on_screen_name_the_remapped_key(project) -> None:
    new_session(project).close()
    (project.root / "toetsen.yaml").write_text("live.opname: ctrl+b\n", "utf-8")
    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)
        live.show_timers()
        timers = str(live.query_one("#timers").render())
        assert "opname – (^B)" in timers and "^R" not in timers
