"""The bottom line: what just happened on the left, whether it is saved on the right."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from goedwerkplaats.tui.saver import SaveStatus


class StatusLine(Horizontal):
    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; }
    StatusLine #message { width: 1fr; }
    StatusLine #saved { width: 30; text-align: right; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="message")
        yield Static(id="saved")

    def say(self, message: str, style: str = "") -> None:
        self.query_one("#message", Static).update(Text(message, style=style), layout=False)

    def warn(self, message: str) -> None:
        self.say(message, "bold red")

    def show_saved(self, status: SaveStatus) -> None:
        saved = self.query_one("#saved", Static)
        if status.error:
            saved.update(
                Text(f"⚠ {status.pending} niet opgeslagen (^S opnieuw)", style="bold red"),
                layout=False,
            )
        elif status.pending:
            saved.update(Text("● opslaan…", style="yellow"), layout=False)
        else:
            saved.update(Text("✓ opgeslagen", style="green"), layout=False)
