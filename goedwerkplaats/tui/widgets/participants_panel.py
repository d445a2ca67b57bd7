"""Participation at a glance: quotes per participant, time since they last spoke, stances."""

from __future__ import annotations

from collections import Counter

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from goedwerkplaats.model.session import MOMENTS, Participant, Session
from goedwerkplaats.model.timecode import format_duration
from goedwerkplaats.tui.keys import key_for
from goedwerkplaats.tui.widgets.labels import digit_of

QUIET_AFTER = 10 * 60  # seconds without a quote before a participant is shown as quiet
SCALE_HEADINGS = ("−−", "−", "0", "+", "++", "nvt")


class ParticipantsPanel(Static):
    DEFAULT_CSS = """
    ParticipantsPanel { width: 28; height: 1fr; border: round $primary; padding: 0 1; }
    """

    def show(self, session: Session, now: float, statement: str | None) -> None:
        stances = stance_table(session, statement)
        key = key_for(self.app, "live.deelnemers")  # as toetsen.yaml has it
        room = self.content_size.height
        people = max(1, len(session.participants))
        if not room or people + 1 + STANCE_ROWS <= room:
            self.update(Group(participation_table(session, now, key=key), Text(""), stances))
        else:  # a small terminal or a big group: the stances stay whole, the list is cut
            rows = participation_table(session, now, room - STANCE_ROWS, key)
            self.update(Group(stances, rows))


STANCE_ROWS = 4  # title, scale, begin, end


def participation_table(
    session: Session, now: float, room: int | None = None, key: str = "^G"
) -> Table:
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(width=1)
    table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column(justify="right", width=3)
    table.add_column(justify="right", width=5)
    counts, last = _activity(session)
    shown = session.ordered_participants()
    hidden = 0
    if room is not None and len(shown) > room:
        hidden, shown = len(shown) - max(0, room - 1), shown[: max(0, room - 1)]
    for participant in shown:
        # a quote typed just now may start a moment "later" than the clock read for drawing
        since = max(0.0, now - last[participant.id]) if participant.id in last else None
        style = _style(participant, since, now)
        table.add_row(
            digit_of(participant),
            Text(_name(participant), style=style),
            str(counts[participant.id]),
            Text("—" if since is None else format_duration(since), style=style),
        )
    if hidden:  # the facilitator, last in the order, is the first to go out of sight
        table.add_row("", Text(f"… nog {hidden} ({key})", style="dim"), "", "")
    if not session.participants:
        table.add_row("", Text(f"nog geen deelnemers ({key})", style="dim"), "", "")
    return table


def _name(participant: Participant) -> str:
    first = participant.name.split()[0] if participant.name else ""
    return f"{participant.id} {first}".strip()


def _style(participant: Participant, since: float | None, now: float) -> str:
    """The quiet ones stand out, so the facilitator can invite them in."""
    if participant.facilitator:
        return "dim"
    quiet = (since is None and now > QUIET_AFTER / 2) or (since or 0) > QUIET_AFTER
    return "bold yellow" if quiet else ""


def _activity(session: Session) -> tuple[Counter[str], dict[str, float]]:
    counts: Counter[str] = Counter()
    last: dict[str, float] = {}
    for segment in session.segments:
        if segment.speaker is None or segment.is_marker:
            continue
        counts[segment.speaker] += 1
        last[segment.speaker] = max(last.get(segment.speaker, 0.0), segment.start)
    return counts, last


def stance_counts(session: Session, statement: str | None, moment: str) -> Counter[int | None]:
    return Counter(
        s.value for s in session.stances.values() if s.statement == statement and s.moment == moment
    )


def stance_table(session: Session, statement: str | None) -> Table:
    """How many stood where on the five-point scale, at the begin and the end."""
    table = Table.grid(padding=(0, 0), expand=True)
    table.title, table.title_justify, table.title_style = "posities", "left", "bold"
    table.add_column(width=6)
    for _ in SCALE_HEADINGS:
        table.add_column(justify="right", ratio=1)
    table.add_row("", *(Text(h, style="dim") for h in SCALE_HEADINGS))
    for moment in MOMENTS:
        counts = stance_counts(session, statement, moment)
        if not counts:
            table.add_row(Text(moment, style="dim"), *(Text("·", style="dim") for _ in range(6)))
            continue
        values = [counts[v] for v in (1, 2, 3, 4, 5, None)]
        table.add_row(moment, *(Text(str(v), style="bold" if v else "dim") for v in values))
    return table
