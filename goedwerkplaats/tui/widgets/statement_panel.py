"""The current stelling, large, with its toelichting, follow-up questions and timers."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from goedwerkplaats.model.guide import Statement
from goedwerkplaats.model.timecode import format_duration, format_time


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
        yield Static(id="statement-followups")

    def show_statement(self, statement: Statement | None, index: int, total: int) -> None:
        number = self.query_one("#statement-number", Static)
        if statement is None:
            number.update("Geen stellingen in de leidraad")
            return
        number.update(f"Stelling {index + 1}/{total}")
        self.query_one("#statement-text", Static).update(statement.text)
        self.query_one("#statement-explanation", Static).update(statement.explanation)
        followups = "  ".join(f"• {q}" for q in statement.follow_ups)
        self.query_one("#statement-followups", Static).update(followups)

    def show_timers(
        self,
        spent: float,
        budget: float | None,
        total: float,
        planned: float | None,
        recording: float | None,
    ) -> None:
        text = Text()
        text.append("stelling ")
        text.append(_against(spent, budget), style="bold red" if _over(spent, budget) else "bold")
        text.append(" · totaal ")
        text.append(_against(total, planned), style="bold red" if _over(total, planned) else "")
        text.append(" · opname ")
        if recording is None:
            text.append("– (^R)", style="yellow")
        else:
            text.append(format_time(recording), style="bold green")
        self.query_one("#timers", Static).update(text, layout=False)  # every second


def _against(spent: float, budget: float | None) -> str:
    return format_duration(spent) + (f"/{format_duration(budget)}" if budget else "")


def _over(spent: float, budget: float | None) -> bool:
    return budget is not None and spent > budget
