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
    StatusLine { height: auto; max-height: 2; padding: 0 1; }
    StatusLine #message { width: 1fr; height: auto; max-height: 2; text-overflow: ellipsis; }
    StatusLine #saved { width: auto; padding: 0 0 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._saved_text = ""
        self._two_lines = False

    def compose(self) -> ComposeResult:
        yield Static(id="message")
        yield Static(id="saved")

    def say(self, message: str, style: str = "") -> None:
        """One line; a message too long for it (80 columns) wraps onto a second, and only
        then is the screen laid out again (not on every message). Longer still ends in "…"."""
        shown = self.query_one("#message", Static)
        two_lines = len(message) > shown.size.width
        relayout = two_lines != self._two_lines
        self._two_lines = two_lines
        shown.update(Text(message, style=style), layout=relayout)

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
