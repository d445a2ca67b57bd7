"""Time spent per stelling and in total, from the session's timeline and clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Session

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
    """Seconds since the session started; frozen at its end; 0 before it started."""
    started = parse_moment(session.meta.started_at)
    if started is None:
        return 0.0
    ended = parse_moment(session.meta.ended_at)
    until = ended if ended is not None and ended < now else now
    return max(0.0, (until - started).total_seconds())


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


def current_statement(session: Session, guide: Guide) -> str | None:
    if session.timeline:
        return session.timeline[-1].statement
    return guide.statements[0].id if guide.statements else None
