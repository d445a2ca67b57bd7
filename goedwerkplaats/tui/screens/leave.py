"""Leaving the live screen: pause (the clock runs on), end the session, or stay."""

from __future__ import annotations

from enum import Enum

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from goedwerkplaats.tui.key_order import keep_key_order
from goedwerkplaats.tui.keys import key_for


class LeaveChoice(Enum):
    LEAVE = "verlaten"
    END = "beëindigen"


class LeaveScreen(ModalScreen[LeaveChoice | None]):
    BINDINGS = [
        Binding("v,enter", "choose('verlaten')", "Verlaten", id="verlaten.verlaten"),
        Binding("b", "choose('beëindigen')", "Beëindigen", id="verlaten.beeindigen"),
        Binding("escape", "choose('')", "Blijven", id="verlaten.blijven"),
    ]
    DEFAULT_CSS = """
    LeaveScreen { align: center middle; }
    LeaveScreen Vertical { width: 64; height: auto; border: round $accent; padding: 1 2;
                           background: $surface; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "[b]Sessie verlaten?[/b]\n\nAlles is opgeslagen.\n\n"
                f"[b]{key_for(self.app, 'verlaten.verlaten')}[/b]  verlaten; de klok loopt door, "
                "later hervatten kan\n"
                f"[b]{key_for(self.app, 'verlaten.beeindigen')}[/b]  beëindigen; de klok stopt nu\n"
                f"[b]{key_for(self.app, 'verlaten.blijven')}[/b]  blijven"
            )

    def action_choose(self, choice: str) -> None:
        self.dismiss(LeaveChoice(choice) if choice else None)

    async def on_key(self, event: events.Key) -> None:
        await keep_key_order(self, event)
