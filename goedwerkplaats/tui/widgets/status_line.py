"""The bottom line: what just happened on the left, whether it is saved on the right."""

from __future__ import annotations

from rich.text import Text
from textual import events
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
        self._status: SaveStatus | None = None  # none shown before the first save status
        self._saved_text = ""
        self._short = False  # "✓" for "✓ opgeslagen": the message needs the room
        self._two_lines = False
        self._said: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="message")
        yield Static(id="saved")

    def say(self, message: str, style: str = "") -> None:
        """One line. A message too long beside "✓ opgeslagen" (80 columns) shortens that to
        "✓"; still too long, it wraps onto a second line. Only a change between those asks
        for a new layout, not every message. Longer than two lines ends in "…"."""
        self._said = (message, style)
        status = self._status
        room = self.size.width - 2 - 1  # padding, and the space before the saved mark
        full = len(self._label(status, short=False))
        short = len(message) > room - full and not (status and status.error)
        two_lines = len(message) > room - len(self._label(status, short))
        relayout = two_lines != self._two_lines
        self._two_lines = two_lines
        if short != self._short:
            self._short = short
            if status is not None:
                self.show_saved(status)
        self.query_one("#message", Static).update(Text(message, style=style), layout=relayout)

    def on_resize(self, _event: events.Resize) -> None:
        """Fit the message again to the width now known: said while the screen was still
        being laid out (width 0), or the terminal changed size."""
        if self._said is not None:
            self.say(*self._said)

    def warn(self, message: str) -> None:
        self.say(message, "bold red")

    def show_saved(self, status: SaveStatus) -> None:
        self._status = status
        text = self._label(status, self._short)
        # a new width only when the kind of message changes: no relayout on every save
        relayout = len(text) != len(self._saved_text)
        self._saved_text = text.plain
        self.query_one("#saved", Static).update(text, layout=relayout)

    def _label(self, status: SaveStatus | None, short: bool) -> Text:
        if status is None:
            return Text("")
        if status.error:  # never shortened: this one must be read
            retry = key_for(self.app, "live.opnieuw_opslaan")
            return Text(f"⚠ {status.pending} niet opgeslagen {retry}", style="bold red")
        if status.pending:
            return Text("●" if short else "● opslaan…", style="yellow")
        return Text("✓" if short else "✓ opgeslagen", style="green")
