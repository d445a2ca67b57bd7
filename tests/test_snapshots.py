"""Layouts at 80×24 and at a large size. Review a changed snapshot before updating it."""

from __future__ import annotations

from textual.widgets import Input

from goedwerkplaats.model.changes import PutStance, SwitchStatement
from goedwerkplaats.model.session import FLAG_QUOTE, Stance, StatementSwitch
from goedwerkplaats.tui.app import build_app
from tests.helpers import FakeClock, new_session, segment
from tests.live_driver import open_live, settle

QUOTES = [
    (1, "P1", "Klant vind ik een raar woord: je kunt nergens anders heen.", ("klant",), None),
    (2, "P2", "We moeten wel goede service verlenen, dat vind ik ook.", ("klant",), "spreekkamer"),
    (
        3,
        "P1",
        "Mijn caseload is zo groot dat ik mensen maar één keer per jaar zie.",
        ("caseload", "afstand"),
        "eigen-organisatie",
    ),
]


def prepared_project(project, **clock: str):  # type: ignore[no-untyped-def]
    """Three quotes in a session started at 10:00 (`clock`: other clock fields of the meta)."""
    store = new_session(project, title="Bijeenkomst Noord")
    import dataclasses

    from goedwerkplaats.model.changes import SetMeta

    started = {"started_at": "2026-11-28T10:00:00+01:00", **clock}
    store.apply(SetMeta(dataclasses.replace(store.session.meta, **started)))
    store.apply(SwitchStatement(StatementSwitch(0.0, "1")))
    for number, speaker, text, themes, arena in QUOTES:
        flags = (FLAG_QUOTE,) if number == 2 else ()
        store.apply(
            segment(
                number,
                speaker=speaker,
                text=text,
                themes=themes,
                arena=arena,
                flags=flags,
                start=60.0 * number,
            )
        )
    store.apply(PutStance(Stance("1", "P1", "begin", 4)), PutStance(Stance("1", "P2", "begin", 2)))
    store.close()
    return project


def live_app(project, **clock: str):  # type: ignore[no-untyped-def]
    now = FakeClock("2026-11-28T10:12:30+01:00")
    return build_app(prepared_project(project, **clock), now)


async def _open(pilot) -> None:  # type: ignore[no-untyped-def]
    await open_live(pilot)
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await settle(pilot)


def test_session_list_80x24(project, snap_compare) -> None:
    async def wait(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        # the table sizes its columns when idle after the rows came: on a busy machine that
        # takes more than a pause or two, so wait for the date column to fit its dates
        table = pilot.app.screen.query_one("DataTable")
        for _ in range(100):
            if "2026-11-28" in table.render_line(1).text:  # the first row, as it is drawn
                break
            await pilot.pause(0.02)
        await pilot.pause()

    assert snap_compare(live_app(project), terminal_size=(80, 24), run_before=wait)


def test_live_screen_80x24(project, snap_compare) -> None:
    assert snap_compare(live_app(project), terminal_size=(80, 24), run_before=_open)


def test_live_screen_160x50(project, snap_compare) -> None:
    assert snap_compare(live_app(project), terminal_size=(160, 50), run_before=_open)


def test_live_screen_paused_80x24(project, snap_compare) -> None:
    """Reopened while the clock stood still since 10:05: it still does, and says so."""
    app = live_app(project, paused_at="2026-11-28T10:05:00+01:00")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_open)


def test_live_screen_not_started_80x24(project, snap_compare) -> None:
    """Prepared early: participants in, the clock at 0 until F5."""
    new_session(project, title="Bijeenkomst Noord").close()
    app = build_app(project, FakeClock("2026-11-28T09:45:00+01:00"))

    async def not_started(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_live(pilot, start=False)
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=not_started)


def test_live_tagging_80x24(project, snap_compare) -> None:
    async def tagging(pilot) -> None:  # type: ignore[no-untyped-def]
        await _open(pilot)
        await pilot.press("up", "t")
        await pilot.pause()

    assert snap_compare(live_app(project), terminal_size=(80, 24), run_before=tagging)


def test_coding_screen_80x24(project, snap_compare) -> None:
    from tests.test_coding_screen import open_coding, transcript_session

    transcript_session(project, count=40)

    async def coding(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_coding(pilot)
        await pilot.press("k", "1", "space", "v")
        await settle(pilot)

    assert snap_compare(build_app(project, FakeClock()), terminal_size=(80, 24), run_before=coding)


def test_coding_screen_160x50(project, snap_compare) -> None:
    """A large terminal: one line per segment, the codebook's labels whole."""
    from tests.test_coding_screen import open_coding, transcript_session

    transcript_session(project, count=40)

    async def coding(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_coding(pilot)
        await pilot.press("k", "1")
        await settle(pilot)

    app = build_app(project, FakeClock())
    assert snap_compare(app, terminal_size=(160, 50), run_before=coding)
