"""The bottom line: what just happened on the left, whether it is saved on the right."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from goedwerkplaats.storage.save_queue import SaveStatus
from goedwerkplaats.tui.keys import key_for


class StatusLine(Horizontal):
    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; }
    StatusLine #message { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    StatusLine #saved { width: auto; padding: 0 0 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._saved_text = ""

    def compose(self) -> ComposeResult:
        yield Static(id="message")
        yield Static(id="saved")

    def say(self, message: str, style: str = "") -> None:
        # one line (see the CSS): a long message ends in "…", not cut off mid-word unseen
        self.query_one("#message", Static).update(Text(message, style=style), layout=False)

    def warn(self, message: str) -> None:
        self.say(message, "bold red")

    def show_saved(self, status: SaveStatus) -> None:
        if status.error:
            retry = key_for(self.app, "live.opnieuw_opslaan")
            text = Text(f"⚠ {status.pending} niet opgeslagen {retry}", style="bold red")
        elif status.pending:
            text = Text("● opslaan…", style="yellow")
        else:
            text = Text("✓ opgeslagen", style="green")
        # a new width only when the kind of message changes: no relayout on every save
        relayout = len(text) != len(self._saved_text)
        self._saved_text = text.plain
        self.query_one("#saved", Static).update(text, layout=relayout)
