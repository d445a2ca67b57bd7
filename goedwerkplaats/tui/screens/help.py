"""All keys of a screen, grouped by mode."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from goedwerkplaats.tui.key_order import keep_key_order


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q,question_mark", "dismiss", "Sluiten", id="hulp.sluiten")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen VerticalScroll { width: 76; max-width: 100%; height: 90%;
                                border: round $accent; padding: 0 1; background: $surface; }
    """

    def __init__(
        self,
        rows: list[tuple[str, str]],
        title: str = "Toetsen  (Esc sluit)",
        body: RenderableType | None = None,
    ) -> None:
        """`rows` are (key, text), a row without key a heading; or a `body` of running text."""
        super().__init__()
        self.rows = rows
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(self.title_text, style="bold"))
            yield Static(self.body if self.body is not None else self.key_table())

    def key_table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for key, text in self.rows:
            if key:
                table.add_row(key, text)
            else:
                table.add_row("", "")
                table.add_row(Text(text, style="bold underline"), "")
        return table

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)

    async def on_key(self, event: events.Key) -> None:
        await keep_key_order(self, event)
