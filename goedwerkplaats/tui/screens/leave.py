"""Leaving the live screen: with the clock running on or paused, ending the session, or staying.

The choices say what happens to the clock, as it stands now."""

from __future__ import annotations

from enum import Enum

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from goedwerkplaats.model.timing import ClockState
from goedwerkplaats.tui.key_order import keep_key_order
from goedwerkplaats.tui.keys import key_for


class LeaveChoice(Enum):
    LEAVE = "verlaten"
    PAUSE = "pauzeren"
    END = "beëindigen"


class LeaveScreen(ModalScreen[LeaveChoice | None]):
    BINDINGS = [
        Binding("v,enter", "choose('verlaten')", "Verlaten", id="verlaten.verlaten"),
        Binding("p", "choose('pauzeren')", "Pauzeren", id="verlaten.pauzeren"),
        Binding("b", "choose('beëindigen')", "Beëindigen", id="verlaten.beeindigen"),
        Binding("escape", "choose('')", "Blijven", id="verlaten.blijven"),
    ]
    DEFAULT_CSS = """
    LeaveScreen { align: center middle; }
    LeaveScreen Vertical { width: 70; max-width: 100%; height: auto; border: round $accent;
                           padding: 1 2; background: $surface; }
    """

    def __init__(self, state: ClockState = ClockState.RUNNING, can_pause: bool = True) -> None:
        super().__init__()
        self.state = state
        self.can_pause = can_pause and state is ClockState.RUNNING

    def compose(self) -> ComposeResult:
        leave = {
            ClockState.RUNNING: "verlaten; de klok loopt door",
            ClockState.PAUSED: "verlaten; de klok blijft gepauzeerd",
            ClockState.NOT_STARTED: "verlaten; de sessie is nog niet gestart",
            ClockState.ENDED: "verlaten; de sessie is beëindigd",
        }[self.state]
        choices = [("verlaten.verlaten", leave)]
        if self.can_pause:
            choices.append(("verlaten.pauzeren", "pauzeren en verlaten; de klok staat stil"))
        if self.state in (ClockState.RUNNING, ClockState.PAUSED):
            choices.append(("verlaten.beeindigen", "beëindigen; de klok stopt"))
        choices.append(("verlaten.blijven", "blijven"))
        keys = [key_for(self.app, binding_id) for binding_id, _text in choices]
        width = max(len(key) for key in keys)
        lines = [
            f"[b]{key:<{width}}[/b]  {text}" for key, (_id, text) in zip(keys, choices, strict=True)
        ]
        with Vertical():
            yield Static("[b]Sessie verlaten?[/b]\n\nAlles is opgeslagen.\n\n" + "\n".join(lines))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("pauzeren",):
            return self.can_pause
        if action == "choose" and parameters == ("beëindigen",):
            return self.state in (ClockState.RUNNING, ClockState.PAUSED)
        return True

    def action_choose(self, choice: str) -> None:
        self.dismiss(LeaveChoice(choice) if choice else None)

    async def on_key(self, event: events.Key) -> None:
        await keep_key_order(self, event)
