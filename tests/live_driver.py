"""Driving the live screen from tests: open a session and wait for what was saved."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed

from goedwerkplaats.model.timing import ClockState
from goedwerkplaats.tui.screens.live import LiveScreen


async def open_live(pilot: Pilot, session_id: str = "gwp-1", start: bool = True) -> LiveScreen:
    """From the session list: choose the session, press Enter, wait until it is open; with
    `start`, a session not yet started is started (F5), as a facilitator does at the begin."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    table = pilot.app.screen.query_one("DataTable")
    table.move_cursor(row=table.get_row_index(session_id))
    await pilot.press("enter")
    await settle(pilot)  # the session opens in a worker, then its screen comes
    screen = pilot.app.screen
    assert isinstance(screen, LiveScreen)
    if start and screen.clock_state is ClockState.NOT_STARTED:
        await pilot.press("f5")
        await settle(pilot)
    return screen


async def settle(pilot: Pilot) -> None:
    """Let workers and the save thread finish, then let the UI take in their messages."""
    await workers_finished(pilot)
    await pilot.pause()  # keys still queued are handled now: they may submit changes
    for screen in pilot.app.screen_stack:  # the session screen lies under any dialog
        saver = getattr(screen, "saver", None)
        if saver is not None:
            assert saver.wait_idle(10)
    await pilot.pause()
    await pilot.pause()


KEY_NAMES = {" ": "space", "#": "number_sign", "@": "at", "*": "asterisk"}


async def type_text(pilot: Pilot, text: str) -> None:
    """Type `text` as a fast typist does: the keys reach the app in one burst, as they do
    from a terminal (the screens must take them in order; see test_dialog_bursts). Then wait
    until they are taken in: the first pause lets the app hand every key to the focused
    widget, the second lets that widget and the screen handle them. (Pressing key by key
    waits for the app to go idle after every key: some 20 ms each, most of the suite's time.)
    """
    for character in text:
        pilot.app.post_message(events.Key(KEY_NAMES.get(character, character), character))
    await pilot.pause()
    await pilot.pause()


async def workers_finished(pilot: Pilot, expected: tuple[type[Exception], ...] = ()) -> None:
    """Wait for every worker. A worker that closes its own screen (saved, then dismissed) is
    cancelled with that screen just after its work is done; `wait_for_complete` re-raises
    that while the manager still holds the worker, so a bare wait passes or fails by timing.
    Such a worker is left to go and the wait goes on; so is an `expected` failure."""
    for _ in range(100):
        try:
            await pilot.app.workers.wait_for_complete()
            return
        except (WorkerCancelled, *expected):
            await pilot.pause()
    raise AssertionError("workers kept failing or being cancelled")


async def workers_done(pilot: Pilot) -> None:
    """Wait for every worker, also one that fails on purpose (the screen reports such a
    failure itself)."""
    await workers_finished(pilot, expected=(WorkerFailed,))
