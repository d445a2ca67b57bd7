"""A confirmation that asks the user to type a word, for what cannot be undone."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from goedwerkplaats.tui.key_order import keep_key_order
from goedwerkplaats.tui.keys import key_for


class TypedConfirmScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "cancel", "Annuleren", id="bevestigen.annuleren")]
    DEFAULT_CSS = """
    TypedConfirmScreen { align: center middle; }
    TypedConfirmScreen Vertical { width: 80; max-width: 100%; height: auto; max-height: 100%;
                                  border: round $error; padding: 0 1; background: $surface; }
    TypedConfirmScreen Input { margin: 1 0 0 0; }
    """

    def __init__(self, text: str, word: str) -> None:
        super().__init__()
        self.text = text
        self.word = word

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.text)
            yield Input(
                placeholder=f"typ {self.word} en Enter om door te gaan; "
                f"{key_for(self.app, 'bevestigen.annuleren')} = niets doen",
                compact=True,
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip().upper() == self.word.upper())

    def action_cancel(self) -> None:
        self.dismiss(False)

    async def on_key(self, event: events.Key) -> None:
        await keep_key_order(self, event)
