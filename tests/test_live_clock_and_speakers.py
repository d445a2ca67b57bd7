"""The facilitator starts the clock, pauses it honestly, and digits never silently change the
speaker or eat text."""

from __future__ import annotations

from goedwerkplaats.model.changes import SwitchStatement
from goedwerkplaats.model.session import StatementSwitch
from goedwerkplaats.model.timing import ClockState
from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.leave import LeaveScreen
from tests.helpers import FakeClock, new_session
from tests.live_driver import open_live, settle, type_text


def message(live) -> str:  # type: ignore[no-untyped-def]
    return str(live.status.query_one("#message").render())


def timers(live) -> str:  # type: ignore[no-untyped-def]
    return str(live.query_one("#timers").render())


async def test_preparing_early_costs_stelling_1_nothing_and_f5_starts_the_clock(project) -> None:
    new_session(project).close()
    clock = FakeClock()
    async with build_app(project, clock).run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot, start=False)
        assert live.clock_state is ClockState.NOT_STARTED
        assert "F5 = start" in timers(live) and "F5 start de klok" in message(live)
        await pilot.press("ctrl+g")  # participants, a quarter of an hour early
        await pilot.pause()
        await pilot.press("ctrl+n")
        await type_text(pilot, "Fatima")
        await pilot.press("escape")
        clock.advance(900)
        live.show_timers()
        assert live.now() == 0.0
        await pilot.press("f5")
        await settle(pilot)
        clock.advance(30)
        assert live.now() == 30.0 and live.clock_state is ClockState.RUNNING
        live.show_timers()
        assert "stelling 0:30/25:00" in timers(live)
    session = project.load_session("gwp-1").session
    assert session.participants["P3"].name == "Fatima"
    assert session.meta.started_at == "2026-11-28T10:15:00+01:00"


async def test_pausing_on_leave_stops_the_clock_until_the_facilitator_resumes(project) -> None:
    new_session(project).close()
    clock = FakeClock()
    async with build_app(project, clock).run_test(size=(80, 24)) as pilot:
        await open_live(pilot)
        clock.advance(600)
        await pilot.press("f10")
        await pilot.pause()
        assert "pauzeren en verlaten" in str(pilot.app.screen.query_one("Static").render())
        await pilot.press("p")
        await settle(pilot)
    clock.advance(1200)  # the break
    async with build_app(project, clock).run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        assert live.clock_state is ClockState.PAUSED and live.now() == 600.0
        assert "Gepauzeerd op 00:10:00" in message(live) and "⏸ stelling" in timers(live)
        await pilot.press("f9")
        await settle(pilot)
        clock.advance(60)
        assert live.now() == 660.0  # on where it stood: the break is no session time


async def test_leaving_with_the_clock_running_says_so_on_return(project) -> None:
    new_session(project).close()
    clock = FakeClock()
    async with build_app(project, clock).run_test(size=(80, 24)) as pilot:
        await open_live(pilot)
        await pilot.press("f10", "v")
        await settle(pilot)
    clock.advance(300)
    async with build_app(project, clock).run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        assert live.now() == 300.0
        assert "De klok loopt: 00:05:00" in message(live) and "F9 pauzeert" in message(live)
        await pilot.press("f9")  # the facilitator chooses: pause now
        await settle(pilot)
        clock.advance(100)
        assert live.now() == 300.0


async def test_an_ended_session_does_not_offer_a_running_clock_on_leaving(project) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await open_live(pilot)
        await pilot.press("f10", "b")
        await settle(pilot)
        live = await open_live(pilot)
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LeaveScreen)
        text = str(pilot.app.screen.query_one("Static").render())
        assert "de sessie is beëindigd" in text and "loopt door" not in text
        await pilot.press("p")  # no pause on an ended session: nothing happens
        assert isinstance(pilot.app.screen, LeaveScreen)
        await pilot.press("escape")
        assert live.clock_state is ClockState.ENDED


async def test_marking_the_recording_before_the_start_starts_the_clock(project) -> None:
    new_session(project).close()
    clock = FakeClock()
    async with build_app(project, clock).run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot, start=False)
        await pilot.press("ctrl+r")
        await settle(pilot)
        clock.advance(20)
        assert live.clock_state is ClockState.RUNNING and live.now() == 20.0
        assert live.editor.session.meta.recording_offset == 0.0
        await pilot.press("f9")  # no pause once the recording runs: its times would shift
        assert live.clock_state is ClockState.RUNNING and "opname loopt" in message(live)


async def test_a_digit_never_silently_changes_the_speaker_or_eats_text(project) -> None:
    new_session(project).close()  # P1, P2 and GL
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        assert "cijfer = spreker" in live.input.placeholder
        await pilot.press("1")
        await type_text(pilot, "Eerst dit")
        await pilot.press("enter")
        assert "cijfers zijn tekst" in live.input.placeholder  # the rule, on screen
        assert str(live.query_one("#speaker").render()).startswith("P1")
        await type_text(pilot, "2 keer per maand")  # P1 goes on: the 2 is text
        await pilot.press("enter")
        await pilot.press("backspace")  # another speaker
        assert str(live.query_one("#speaker").render()).startswith("spreker?")
        await type_text(pilot, "5 jaar geleden")  # no P5 (the next new one is P3): text
        assert live.input.value == "5 jaar geleden"
        assert "Geen deelnemer 5" in message(live)
        await pilot.press("enter")
        await pilot.press("2")
        await type_text(pilot, "40 mensen")  # a chosen speaker: digits are text at once
        await pilot.press("enter")
        await settle(pilot)
    saved = [(s.speaker, s.text) for s in project.load_session("gwp-1").session.segments]
    assert saved == [
        ("P1", "Eerst dit"),
        ("P1", "2 keer per maand"),
        (None, "5 jaar geleden"),
        ("P2", "40 mensen"),
    ]


async def test_at_80_columns_the_quote_gets_the_width_and_the_list_shows_it_whole(project) -> None:
    from goedwerkplaats.tui.widgets.participants_panel import ParticipantsPanel

    new_session(project).close()
    long = "Mijn caseload is zo groot dat ik mensen maar een keer per jaar zie en dan nog kort"
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        await pilot.press("1")
        await type_text(pilot, long)
        await pilot.press("enter", "ctrl+b")
        await settle(pilot)
        assert live.table.get_row_at(0)[1] == "P1"  # the pseudonym only: no name wrapping
        assert not live.query_one("#whole").display
        await pilot.press("up", "up")
        whole = str(live.query_one("#whole").render())
        assert live.query_one("#whole").display and long in whole  # whole, not cut
        await pilot.press("n")  # a note: the line says so, not the quote's hint
        assert live.input.placeholder.startswith("notitie")
        assert "notitie" in str(live.query_one("#speaker").render())
        await pilot.press("escape")
        panel = live.query_one(ParticipantsPanel)
        width = live.table.size.width
        await pilot.press("f4")  # the side panel folds away: the quotes get its room
        await pilot.pause()
        assert not panel.display and live.table.size.width > width
        await pilot.press("f4")
        await pilot.pause()
        assert panel.display


async def test_the_stances_dialog_shows_long_names_whole_at_80_columns(project) -> None:
    from textual.widgets import DataTable

    from goedwerkplaats.model.changes import PutParticipant
    from goedwerkplaats.model.session import Participant

    store = new_session(project)
    store.apply(PutParticipant(Participant("P3", name="Fatima El Amrani-Bouzid")))
    store.close()
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await open_live(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        table = pilot.app.screen.query_one(DataTable)
        row = table.get_row_index("P3")
        assert "P3 Fatima El Amrani-Bouzid" in table.render_line(row + 1).text  # header first


async def test_pgdn_before_the_start_moves_the_header_too_over_an_imported_timeline(
    project,
) -> None:
    store = new_session(project)
    store.apply(SwitchStatement(StatementSwitch(30.0, "1")))  # from an imported transcript
    store.close()
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot, start=False)
        await pilot.press("pagedown")
        await pilot.pause()
        assert message(live).startswith("Stelling 2")
        assert "Stelling 2/" in str(live.query_one("#statement-number").render())
        await type_text(pilot, "1 Daar gaat het om")
        await pilot.press("enter")
        await settle(pilot)
        assert [s.statement for s in live.editor.session.segments] == ["2"]
