"""Erasing a participant and reading the audit trail from the app."""

from __future__ import annotations

from goedwerkplaats.storage.audit import append_audit
from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.confirm import TypedConfirmScreen
from goedwerkplaats.tui.screens.help import HelpScreen
from tests.helpers import FakeClock, new_session, segment
from tests.live_driver import type_text


async def test_erase_from_the_app_states_what_goes_and_asks_to_type_it(project) -> None:
    store = new_session(project)
    store.apply(segment(1, speaker="P1", text="Iets van Tom"), segment(2, speaker="P2"))
    store.close()
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("w")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("1")
        await pilot.app.workers.wait_for_complete()  # the plan is made in a worker
        await pilot.pause()
        confirm = pilot.app.screen
        assert isinstance(confirm, TypedConfirmScreen)
        assert "1 segment(en) van P1 verdwijnen" in confirm.text
        await type_text(pilot, "P2")  # the wrong word: nothing happens
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        assert "P1" in project.load_session("gwp-1").session.participants
        await pilot.press("w")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("1")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await type_text(pilot, "P1")
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    session = project.load_session("gwp-1").session
    assert "P1" not in session.participants
    assert [s.speaker for s in session.segments] == ["P2"]


async def test_the_audit_trail_is_shown(project) -> None:
    new_session(project).close()
    append_audit(project.session_folder("gwp-1"), "geïmporteerd", "zoom.vtt (12 segmenten)")
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("a")
        await pilot.app.workers.wait_for_complete()  # the trail is read in a worker
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, HelpScreen)
        assert any("geïmporteerd zoom.vtt (12 segmenten)" in text for _, text in screen.rows)
