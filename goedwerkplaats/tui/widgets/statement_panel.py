"""The current stelling, large, with its toelichting, follow-up questions and timers."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.widgets import Static

from goedwerkplaats.model.guide import Statement
from goedwerkplaats.model.timecode import format_duration, format_time
from goedwerkplaats.model.timing import ClockState
from goedwerkplaats.tui.keys import key_for


class FollowUps(Static):
    """One follow-up question per line, cut with "…" to fit; "(+N)" says how many are hidden
    when the screen is too low for all of them (F2 shows the whole stelling)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.questions: tuple[str, ...] = ()

    def show(self, questions: tuple[str, ...]) -> None:
        self.questions = questions
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.questions)

    def render(self) -> Text:
        width, height = self.size.width, max(1, self.size.height)
        shown = [f"• {q}" for q in self.questions[:height]]
        hidden = len(self.questions) - len(shown)
        lines = [_fit(line, width) for line in shown]
        if hidden:
            more = f" (+{hidden}, {key_for(self.app, 'live.stelling')})"
            lines[-1] = _fit(shown[-1], width - len(more)) + more
        return Text("\n".join(lines))


def _fit(line: str, width: int) -> str:
    return line if len(line) <= width else line[: max(0, width - 1)].rstrip() + "…"


class StatementPanel(Vertical):
    DEFAULT_CSS = """
    StatementPanel { height: auto; max-height: 9; border: round $accent; padding: 0 1; }
    StatementPanel #statement-top { height: 1; }
    StatementPanel #statement-number { width: 14; color: $accent; text-style: bold; }
    StatementPanel #timers { width: 1fr; text-align: right; }
    StatementPanel #statement-text { text-style: bold; color: $text; }
    StatementPanel #statement-explanation { color: $text-muted; max-height: 2; }
    StatementPanel #statement-followups { color: $text-muted; max-height: 3; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="statement-top"):
            yield Static(id="statement-number")
            yield Static(id="timers")
        yield Static(id="statement-text")
        yield Static(id="statement-explanation")
        yield FollowUps(id="statement-followups")

    def show_statement(self, statement: Statement | None, index: int, total: int) -> None:
        number = self.query_one("#statement-number", Static)
        if statement is None:
            number.update("Geen stellingen in de leidraad")
            return
        number.update(f"Stelling {index + 1}/{total}")
        self.query_one("#statement-text", Static).update(statement.text)
        self.query_one("#statement-explanation", Static).update(statement.explanation)
        self.query_one(FollowUps).show(tuple(statement.follow_ups))

    def show_timers(
        self,
        spent: float,
        budget: float | None,
        total: float,
        planned: float | None,
        recording: float | None,
        state: ClockState = ClockState.RUNNING,
    ) -> None:
        text = Text()
        if state is ClockState.NOT_STARTED:
            start = key_for(self.app, "live.starten")
            text.append(f"klok staat stil: {start} = start", style="bold yellow")
        elif state is ClockState.PAUSED:
            text.append("⏸ ", style="bold yellow")  # short: the status line says the rest
        elif state is ClockState.ENDED:
            text.append("■ ", style="bold yellow")
        if state is not ClockState.NOT_STARTED:
            self._append_times(text, spent, budget, total, planned)
        text.append(" · opname ")
        if recording is None:
            text.append(f"– ({key_for(self.app, 'live.opname')})", style="yellow")
        else:
            text.append(format_time(recording), style="bold green")
        self.query_one("#timers", Static).update(text, layout=False)  # every second

    @staticmethod
    def _append_times(
        text: Text, spent: float, budget: float | None, total: float, planned: float | None
    ) -> None:
        text.append("stelling ")
        text.append(_against(spent, budget), style="bold red" if _over(spent, budget) else "bold")
        text.append(" · totaal ")
        text.append(_against(total, planned), style="bold red" if _over(total, planned) else "")


def _against(spent: float, budget: float | None) -> str:
    """Both sides in one format, so 1:22 is not read against 1:20:00 as almost over time."""
    if not budget:
        return format_duration(spent)
    hours = max(spent, budget) >= 3600
    return f"{format_duration(spent, hours)}/{format_duration(budget, hours)}"


def _over(spent: float, budget: float | None) -> bool:
    return budget is not None and spent > budget
