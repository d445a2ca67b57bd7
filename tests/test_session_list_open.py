"""The session list: Enter opens what the session is for, l/c choose, Home/End jump; the
slow reads behind erasing and the audit trail stay off the event loop."""

from __future__ import annotations

import asyncio
import json
import threading

from textual.pilot import Pilot
from textual.widgets import DataTable

from goedwerkplaats.model.session import KIND_TRANSCRIPT
from goedwerkplaats.privacy import erasure
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage import audit
from goedwerkplaats.storage.snapshot_cache import SUMMARY_FILE
from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.coding import CodingScreen
from goedwerkplaats.tui.screens.confirm import TypedConfirmScreen
from goedwerkplaats.tui.screens.help import HelpScreen
from goedwerkplaats.tui.screens.live import LiveScreen
from goedwerkplaats.tui.screens.opening import OpeningScreen
from goedwerkplaats.tui.screens.session_list import SessionListScreen
from goedwerkplaats.tui.screens.session_screen import SessionScreen
from tests.helpers import FakeClock, new_session, segment
from tests.live_driver import settle, type_text


def two_sessions(project) -> None:  # type: ignore[no-untyped-def]
    """gwp-1 was led live; gwp-2 holds an imported transcript."""
    live = new_session(project, "gwp-1")
    live.apply(segment(1))
    live.close()
    imported = new_session(project, "gwp-2")
    imported.apply(segment(1, kind=KIND_TRANSCRIPT), segment(2, kind=KIND_TRANSCRIPT))
    imported.close()


async def press_on(pilot: Pilot, session_id: str, key: str) -> SessionScreen:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    table = pilot.app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(session_id))
    await pilot.press(key)
    await settle(pilot)  # the session opens in a worker, then its screen comes
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen), f"{key} opened {screen!r}"
    return screen


async def back_to_list(pilot: Pilot, screen: SessionScreen) -> None:
    screen.close_and_dismiss()
    await settle(pilot)
    assert isinstance(pilot.app.screen, SessionListScreen)


async def test_enter_codes_an_imported_transcript_and_leads_the_rest_live(project) -> None:
    two_sessions(project)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        screen = await press_on(pilot, "gwp-2", "enter")
        assert isinstance(screen, CodingScreen)
        await back_to_list(pilot, screen)
        screen = await press_on(pilot, "gwp-1", "enter")
        assert isinstance(screen, LiveScreen)
        await back_to_list(pilot, screen)


async def test_l_always_leads_live_and_c_always_codes(project) -> None:
    two_sessions(project)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        screen = await press_on(pilot, "gwp-2", "l")
        assert isinstance(screen, LiveScreen)
        await back_to_list(pilot, screen)
        screen = await press_on(pilot, "gwp-1", "c")
        assert isinstance(screen, CodingScreen)
        await back_to_list(pilot, screen)


async def test_home_and_end_jump_to_the_first_and_last_session(project) -> None:
    for number in (1, 2, 3):
        new_session(project, f"gwp-{number}").close()
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        table = pilot.app.screen.query_one(DataTable)
        await pilot.press("end")
        assert table.cursor_row == 2
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("end")
        screen = await press_on(pilot, "gwp-3", "enter")  # Enter opens the row End chose
        assert screen.session_id == "gwp-3"
        await back_to_list(pilot, screen)


async def test_refreshing_keeps_the_cursor_on_the_same_session(project) -> None:
    """A session added elsewhere sorts in above the cursor: r must not open another one."""
    new_session(project, "gwp-1").close()
    new_session(project, "gwp-3").close()
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        table = pilot.app.screen.query_one(DataTable)
        await pilot.press("end")
        new_session(project, "gwp-2").close()
        await pilot.press("r")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert table.row_count == 3
        screen = await press_on_current(pilot, "enter")
        assert screen.session_id == "gwp-3"


async def press_on_current(pilot: Pilot, key: str) -> SessionScreen:
    await pilot.press(key)
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    await settle(pilot)
    return screen


async def test_the_list_and_the_coding_screen_give_the_same_percentage(project) -> None:
    """The facilitator's lines and markers are not there to be coded, in either count."""
    store = new_session(project)
    store.apply(
        segment(1, speaker="GL", kind=KIND_TRANSCRIPT),
        segment(2, speaker="P1", kind=KIND_TRANSCRIPT, themes=("klant",)),
        segment(3, speaker="P2", kind=KIND_TRANSCRIPT),
        segment(4, speaker="P2", kind=KIND_TRANSCRIPT),
    )
    store.close()
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        table = pilot.app.screen.query_one(DataTable)
        assert table.get_row("gwp-1")[4] == "1/3 (33%)"
        screen = await press_on(pilot, "gwp-1", "c")
        assert "totaal 1/3 (33%)" in str(screen.query_one("#progress").render())


def test_an_older_summary_cache_without_the_transcript_flag_is_counted_again(project) -> None:
    two_sessions(project)
    assert project.summary("gwp-2").has_transcript
    assert not project.summary("gwp-1").has_transcript
    cache = project.session_folder("gwp-2") / SUMMARY_FILE
    old = json.loads(cache.read_text("utf-8"))
    del old["formaat"], old["samenvatting"]["transcript"]  # as the previous version wrote it
    cache.write_text(json.dumps(old), "utf-8")
    assert project.summary("gwp-2").has_transcript
    assert json.loads(cache.read_text("utf-8"))["samenvatting"]["transcript"] is True
    cache.write_text("{kapot", "utf-8")
    assert project.summary("gwp-2").segments == 2


async def test_erasure_plan_and_audit_trail_are_read_in_a_worker(project, monkeypatch) -> None:
    store = new_session(project)
    store.apply(segment(1, speaker="P1"))
    store.close()
    threads: dict[str, str] = {}
    real_plan, real_audit = erasure.plan_erasure, audit.read_audit

    def plan_erasure(*args):  # type: ignore[no-untyped-def]
        threads["plan"] = threading.current_thread().name
        return real_plan(*args)

    def read_audit(*args):  # type: ignore[no-untyped-def]
        threads["audit"] = threading.current_thread().name
        return real_audit(*args)

    monkeypatch.setattr(erasure, "plan_erasure", plan_erasure)
    monkeypatch.setattr(audit, "read_audit", read_audit)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("a")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape", "w")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("1")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, TypedConfirmScreen)
        assert "1 segment(en) van P1 verdwijnen" in pilot.app.screen.text
    main = threading.main_thread().name
    assert threads["plan"] != main and threads["audit"] != main


async def test_the_list_fits_80_columns_with_the_clock_and_every_key(project) -> None:
    from textual.widgets import Footer

    from tests.helpers import FakeClock as Clock

    store = new_session(project)
    store.close()
    async with build_app(project, Clock()).run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        table = pilot.app.screen.query_one(DataTable)
        assert table.get_row("gwp-1")[2] == "niet gestart"
        footer = " ".join(
            str(item.render()) for item in pilot.app.screen.query_one(Footer).query("FooterKey")
        )
        for key in ("l", "c", "n", "i", "e", "p", "a", "w", "?"):
            assert f"{key} " in footer, key
        assert pilot.app.screen.query_one(Footer).virtual_size.width <= 80
        hint = str(pilot.app.screen.query_one("#empty-hint").render())
        assert hint.strip() == (
            "1 sessie(s) · Enter = openen · t = uit de opname · r = vernieuwen · q = stop"
        )


class SlowOpening:
    """Project.open_session on a disk that takes its time, until the test lets it go."""

    def __init__(self, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        self.release = threading.Event()
        real = Project.open_session

        def slow(project: Project, session_id: str):  # type: ignore[no-untyped-def]
            self.release.wait(10)
            return real(project, session_id)

        monkeypatch.setattr(Project, "open_session", slow)


async def choose(pilot: Pilot, session_id: str, key: str) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    table = pilot.app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(session_id))
    await pilot.press(key)


async def test_keys_typed_while_a_session_opens_go_to_its_quote_line_not_the_list(
    project, monkeypatch
) -> None:
    two_sessions(project)
    opening = SlowOpening(monkeypatch)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await choose(pilot, "gwp-1", "enter")
        dialog = pilot.app.screen
        assert isinstance(dialog, OpeningScreen)
        assert "gwp-1 wordt geopend" in str(dialog.query_one("#opening").render())
        # a second Enter and an arrow would open or pick another session from the list
        await pilot.press("enter", "down", "enter", "2")
        await type_text(pilot, "Goed gezegd")
        opening.release.set()
        await settle(pilot)
        live = pilot.app.screen
        assert isinstance(live, LiveScreen) and live.session_id == "gwp-1"
        assert [type(s) for s in pilot.app.screen_stack[1:]] == [SessionListScreen, LiveScreen]
        assert live.speaker == "P2" and live.input.value == "Goed gezegd"
        assert live.input.has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert live.editor.session.segments.get("s1") is not None  # the earlier quote
        said = [s for s in live.editor.session.segments if s.text == "Goed gezegd"]
        assert [s.speaker for s in said] == ["P2"]


async def test_keys_typed_while_coding_opens_code_nothing(project, monkeypatch) -> None:
    two_sessions(project)
    opening = SlowOpening(monkeypatch)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await choose(pilot, "gwp-2", "enter")
        dialog = pilot.app.screen
        assert isinstance(dialog, OpeningScreen)
        assert "toetsen werken zodra hij open is" in str(dialog.query_one("#opening").render())
        await pilot.press("v", "1", "asterisk", "enter", "down")  # codes for a row not yet seen
        opening.release.set()
        await settle(pilot)
        coding = pilot.app.screen
        assert isinstance(coding, CodingScreen) and coding.session_id == "gwp-2"
        assert [type(s) for s in pilot.app.screen_stack[1:]] == [SessionListScreen, CodingScreen]
        segments = list(coding.editor.session.segments)
        assert [(s.themes, s.arena, s.flags) for s in segments] == [((), None, ())] * 2


async def test_a_session_that_cannot_open_leaves_the_list_usable(project, monkeypatch) -> None:
    two_sessions(project)
    holder = project.open_session("gwp-1")  # open elsewhere: this app may not have it
    try:
        async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
            await choose(pilot, "gwp-1", "enter")
            await settle(pilot)
            assert isinstance(pilot.app.screen, SessionListScreen)
            assert any("in gebruik door" in n.message for n in pilot.app._notifications)
            screen = await press_on(pilot, "gwp-2", "enter")  # the list still opens the next
            assert isinstance(screen, CodingScreen)
    finally:
        holder.close()


async def test_quitting_while_a_session_opens_closes_it_cleanly(project, monkeypatch) -> None:
    two_sessions(project)
    opening = SlowOpening(monkeypatch)
    app = build_app(project, FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await choose(pilot, "gwp-1", "enter")
        dialog = pilot.app.screen
        assert isinstance(dialog, OpeningScreen)
        # the quit waits for the opening, and so would a Pilot press of it: press it aside and
        # look at the dialog (well within the slowed disk's own 10 s time-out)
        quitting = asyncio.create_task(pilot.press("ctrl+q"))
        for _ in range(300):
            if "wordt daarna netjes gesloten" in str(dialog.query_one("#opening").render()):
                break
            await asyncio.sleep(0.01)
        assert "wordt daarna netjes gesloten" in str(dialog.query_one("#opening").render())
        assert not quitting.done()  # still waiting for the session to be open
        opening.release.set()
        await quitting
        await settle(pilot)
    assert app.return_code == 0
    store = project.open_session("gwp-1")  # not "in gebruik": the lock was released
    try:
        assert store.lock.stale_owner is None  # closed cleanly, not as after a crash
    finally:
        store.close()
