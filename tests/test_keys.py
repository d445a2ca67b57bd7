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
