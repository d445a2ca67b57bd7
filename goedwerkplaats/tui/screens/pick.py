"""A small choice by one key: which speaker, which stelling."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class PickScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Annuleren", id="kies.annuleren")]
    DEFAULT_CSS = """
    PickScreen { align: center middle; }
    PickScreen Vertical { width: 64; max-width: 100%; height: auto; max-height: 100%;
                          border: round $accent; padding: 0 1; background: $surface; }
    """

    def __init__(self, title: str, options: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.options = options

    def compose(self) -> ComposeResult:
        lines = "\n".join(f"[b]{key}[/b]  {label}" for key, label in self.options)
        with Vertical():
            yield Static(f"[b]{self.title_text}[/b]\n\n{lines}\n\n[dim]Esc: annuleren[/dim]")

    def on_key(self, event: events.Key) -> None:
        keys = {key: key for key, _ in self.options}
        if event.character and event.character in keys:
            event.stop()
            self.dismiss(event.character)

    def action_cancel(self) -> None:
        self.dismiss(None)
