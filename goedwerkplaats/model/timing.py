"""Time spent per stelling and in total, from the session's timeline and clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Session, SessionMeta

Clock = Callable[[], dt.datetime]


def parse_moment(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.astimezone()


def now_moment() -> dt.datetime:
    return dt.datetime.now().astimezone()


def session_time(session: Session, now: dt.datetime) -> float:
    """Seconds since the session started, pauses left out; frozen while paused and at its
    end; 0 before it started."""
    meta = session.meta
    started = parse_moment(meta.started_at)
    if started is None:
        return 0.0
    stopped = parse_moment(meta.ended_at) or parse_moment(meta.paused_at)
    until = stopped if stopped is not None and stopped < now else now
    return max(0.0, (until - started).total_seconds() - meta.paused_seconds)


class ClockState(Enum):
    NOT_STARTED = "niet gestart"
    RUNNING = "loopt"
    PAUSED = "gepauzeerd"
    ENDED = "beëindigd"


def clock_state(meta: SessionMeta) -> ClockState:
    if meta.ended_at:
        return ClockState.ENDED
    if not meta.started_at:
        return ClockState.NOT_STARTED
    return ClockState.PAUSED if meta.paused_at else ClockState.RUNNING


class ClockRefused(ValueError):
    """A clock change that would make the times wrong; the message says why, in Dutch."""


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def started(meta: SessionMeta, now: dt.datetime) -> SessionMeta:
    """The first stelling's clock starts now (the facilitator said so)."""
    if meta.started_at:
        raise ClockRefused("de sessie is al gestart")
    return replace(meta, started_at=_stamp(now))


def paused(meta: SessionMeta, now: dt.datetime) -> SessionMeta:
    """The clock stands still until resumed; the time in between is no session time.

    Not once the recording start is marked: the recording runs on, so its times would shift.
    """
    if clock_state(meta) is not ClockState.RUNNING:
        raise ClockRefused(f"de klok {clock_state(meta).value} en kan niet pauzeren")
    if meta.recording_offset is not None:
        raise ClockRefused(
            "de opname loopt: met een pauze zouden de tijden niet meer bij de opname passen"
        )
    return replace(meta, paused_at=_stamp(now))


def resumed(meta: SessionMeta, now: dt.datetime) -> SessionMeta:
    """Run the clock again. After a pause it goes on where it stood; after the end the time in
    between counts (a recording that kept running stays in step)."""
    state = clock_state(meta)
    if state is ClockState.ENDED:
        return replace(meta, ended_at=None)
    if state is ClockState.PAUSED:
        stopped = parse_moment(meta.paused_at)
        pause = max(0.0, (now - stopped).total_seconds()) if stopped else 0.0
        return replace(meta, paused_at=None, paused_seconds=meta.paused_seconds + pause)
    raise ClockRefused(f"de klok {state.value}")


def ended(meta: SessionMeta, now: dt.datetime) -> SessionMeta:
    """The session is over: the clock stops now (or where it was paused)."""
    if not meta.started_at:
        raise ClockRefused("de sessie is nog niet gestart")
    return replace(meta, ended_at=meta.paused_at or _stamp(now), paused_at=None)


@dataclass(frozen=True)
class StatementTime:
    statement: str
    spent: float
    budget: float | None

    @property
    def over(self) -> bool:
        return self.budget is not None and self.spent > self.budget


def time_per_statement(session: Session, guide: Guide, now_seconds: float) -> dict[str, float]:
    """Seconds each stelling was the current one, up to `now_seconds` of session time."""
    spent = {s.id: 0.0 for s in guide.statements}
    switches = session.timeline
    for index, switch in enumerate(switches):
        end = switches[index + 1].time if index + 1 < len(switches) else now_seconds
        spent[switch.statement] = spent.get(switch.statement, 0.0) + max(0.0, end - switch.time)
    return spent


def planned_total(guide: Guide) -> float | None:
    budgets = [s.seconds for s in guide.statements if s.seconds is not None]
    return float(sum(budgets)) if budgets else None


def current_statement(session: Session, guide: Guide, now: float) -> str | None:
    """The stelling in effect at `now` (session seconds): what the live screen shows and new
    quotes get. Not the last switch by time: an imported timeline lies ahead of a clock that
    has not started, and the facilitator's own switch (made at `now`) must win over it. Among
    switches at the same moment the one made last counts (the timeline is sorted stably).
    Before the first switch: the stelling the timeline starts with, else the guide's first."""
    in_effect = session.statement_at(now)
    if in_effect is not None:
        return in_effect
    if session.timeline:
        return session.timeline[0].statement
    return guide.statements[0].id if guide.statements else None
