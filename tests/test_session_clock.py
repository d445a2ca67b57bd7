"""The session clock: started by the facilitator, paused and resumed, ended."""

from __future__ import annotations

import datetime as dt

import pytest

from goedwerkplaats.coding.editing import SessionEditor
from goedwerkplaats.model.guide import Guide, Statement
from goedwerkplaats.model.session import Session, SessionMeta, StatementSwitch
from goedwerkplaats.model.timing import (
    ClockRefused,
    ClockState,
    clock_state,
    current_statement,
    ended,
    paused,
    resumed,
    session_time,
    started,
)

T0 = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def test_the_clock_runs_only_between_start_and_pause_and_after_resume() -> None:
    session = Session(SessionMeta(id="s"))
    assert clock_state(session.meta) is ClockState.NOT_STARTED
    assert session_time(session, at(15)) == 0.0  # preparing 15 minutes early costs nothing
    session.meta = started(session.meta, at(15))
    assert clock_state(session.meta) is ClockState.RUNNING
    assert session_time(session, at(25)) == 600.0
    session.meta = paused(session.meta, at(25))
    assert clock_state(session.meta) is ClockState.PAUSED
    assert session_time(session, at(40)) == 600.0  # stands still
    session.meta = resumed(session.meta, at(40))
    assert session_time(session, at(41)) == 660.0  # goes on where it stood
    session.meta = ended(session.meta, at(50))
    assert clock_state(session.meta) is ClockState.ENDED
    assert session_time(session, at(90)) == 1200.0
    session.meta = resumed(session.meta, at(60))  # after the end, the time in between counts
    assert session_time(session, at(60)) == 1800.0


def test_ending_a_paused_session_keeps_the_time_where_it_stood() -> None:
    session = Session(started(SessionMeta(id="s"), at(0)))
    session.meta = paused(session.meta, at(10))
    session.meta = ended(session.meta, at(30))
    assert session_time(session, at(60)) == 600.0 and session.meta.paused_at is None


def test_clock_changes_that_would_make_times_wrong_are_refused() -> None:
    meta = SessionMeta(id="s")
    with pytest.raises(ClockRefused):
        paused(meta, at(0))
    with pytest.raises(ClockRefused):
        ended(meta, at(0))
    meta = started(meta, at(0))
    with pytest.raises(ClockRefused):
        started(meta, at(1))
    with pytest.raises(ClockRefused, match="opname"):
        paused(SessionMeta(id="s", started_at=meta.started_at, recording_offset=5.0), at(2))


def test_pause_and_example_marks_survive_saving_and_reading(project) -> None:
    meta = SessionMeta(
        id="gwp-1",
        title="T",
        started_at="2026-11-30T10:00:00+01:00",
        paused_at="2026-11-30T10:20:00+01:00",
        paused_seconds=120.0,
        example=True,
    )
    project.create_session(meta)
    assert project.load_session("gwp-1").session.meta == meta
    summary = project.summary("gwp-1")
    assert (summary.clock, summary.example) == ("gepauzeerd", True)


GUIDE = Guide("g", tuple(Statement(str(n), f"Stelling {n}") for n in (1, 2, 3)))


def test_the_current_stelling_is_the_one_in_effect_now_the_facilitators_switch_winning() -> None:
    # an imported transcript's timeline lies ahead of a clock that has not started
    session = Session(SessionMeta(id="s"), timeline=[StatementSwitch(30, "1")])
    editor = SessionEditor(session, lambda changes: None)
    assert current_statement(session, GUIDE, 0.0) == "1"  # before the first switch: its stelling
    editor.switch_statement(0.0, "2")  # PgDn before the start
    assert current_statement(session, GUIDE, 0.0) == "2"
    editor.switch_statement(0.0, "3")
    editor.switch_statement(0.0, "2")  # the last one made at the same moment counts
    assert current_statement(session, GUIDE, 0.0) == "2"
    assert current_statement(session, GUIDE, 30.0) == "1"  # the transcript's own switch
    assert current_statement(Session(SessionMeta(id="e")), GUIDE, 0.0) == "1"  # no timeline
