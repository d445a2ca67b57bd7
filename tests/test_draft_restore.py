"""Nothing a facilitator types may be lost: a restored or parked quote comes back with the
cursor at its end, nothing selected, so the next key adds to it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from goedwerkplaats.model.timing import ClockState
from goedwerkplaats.tui.app import build_app
from tests.conftest import REPO
from tests.helpers import FakeClock, new_session
from tests.live_driver import open_live, settle, type_text

HALF = "Wat ik merk is dat de klant"


def assert_cursor_at_end(live) -> None:  # type: ignore[no-untyped-def]
    assert live.input.cursor_position == len(live.input.value)
    assert live.input.selection.is_empty


async def test_a_draft_after_leaving_comes_back_and_the_next_key_adds_to_it(project) -> None:
    new_session(project).close()
    clock = FakeClock()
    async with build_app(project, clock).run_test(size=(80, 24)) as pilot:
        await open_live(pilot)
        await pilot.press("2")
        await type_text(pilot, HALF)
        await pilot.press("f10", "v")  # leave at once, before the pause that keeps a draft
        await settle(pilot)
        live = await open_live(pilot)
        assert live.input.value == HALF and live.speaker == "P2"
        assert_cursor_at_end(live)
        message = str(live.status.query_one("#message").render())
        assert "half getypte citaat staat er weer" in message
        await type_text(pilot, " zich")
        assert live.input.value == HALF + " zich"
        await pilot.press("enter")
        await settle(pilot)
    saved = project.load_session("gwp-1").session.segments[0]
    assert (saved.speaker, saved.text) == ("P2", HALF + " zich")


async def test_a_quote_being_typed_survives_a_dialog(project) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        await pilot.press("1")
        await type_text(pilot, HALF)
        for key in ("ctrl+g", "f1", "ctrl+o", "f2"):  # a dialog and back: focus returns
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert live.input.has_focus, key
            assert_cursor_at_end(live)
        await pilot.press("x")
        assert live.input.value == HALF + "x"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
async def test_a_killed_process_gives_back_the_half_quote_and_typing_continues_it(
    project,
) -> None:
    new_session(project).close()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    typist = subprocess.Popen(
        [sys.executable, "-m", "tests.live_typist", str(project.root), "3", HALF],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert typist.stdout is not None
        assert typist.stdout.readline().strip() == "concept bewaard"
    finally:
        typist.send_signal(signal.SIGKILL)  # the laptop dies: nothing is closed
        typist.wait(30)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        assert live.input.value == HALF and live.speaker == "P3"
        assert_cursor_at_end(live)
        message = str(live.status.query_one("#message").render())
        assert "Hervat" in message and "ook het half getypte citaat" in message
        # the clock ran when the process died: said so, and F9 lets the facilitator stop it
        assert live.clock_state is ClockState.RUNNING
        assert "De klok liep door en staat op " in message and "; F9 pauzeert." in message
        await pilot.press("x")  # a key adds; it never replaces the restored quote
        assert live.input.value == HALF + "x"
        await pilot.press("f9")
        assert live.clock_state is ClockState.PAUSED
        await pilot.press("backspace", "enter")
        await settle(pilot)
    saved = project.load_session("gwp-1").session.segments[0]
    assert (saved.speaker, saved.text) == ("P3", HALF)
