"""The codebook with its one-key shortcuts, marking the codes of the segment in hand.

It flows into as many columns as its height needs, so it fits in an 80×24 terminal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Segment


@dataclass(frozen=True)
class _Entry:
    key: str
    mark: str
    label: str
    on: bool


class CodebookPanel(Static):
    DEFAULT_CSS = """
    CodebookPanel { height: 1fr; border: round $secondary; padding: 0 1; }
    CodebookPanel.-active { border: double $accent; }
    """

    def __init__(self, guide: Guide, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.guide = guide
        self._segment: Segment | None = None

    def show(self, segment: Segment | None) -> None:
        self._segment = segment
        self._render_entries()

    def on_resize(self) -> None:
        self._render_entries()

    def _render_entries(self) -> None:
        entries = self._entries(self._segment)
        rows = max(1, self.content_size.height or len(entries))
        columns = max(1, math.ceil(len(entries) / rows))
        rows = math.ceil(len(entries) / columns)
        table = Table.grid(padding=(0, 1), expand=True)
        for _ in range(columns):
            table.add_column(width=1)
            table.add_column(width=1)
            table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        for row in range(rows):
            cells: list[Text | str] = []
            for column in range(columns):
                index = column * rows + row
                cells.extend(self._cells(entries[index]) if index < len(entries) else ["", "", ""])
            table.add_row(*cells)
        self.update(table, layout=False)  # fixed size: no layout pass per key

    @staticmethod
    def _cells(entry: _Entry) -> list[Text | str]:
        return [
            Text(entry.key, style="bold cyan"),
            entry.mark,
            Text(entry.label, style="bold green" if entry.on else ""),
        ]

    def _entries(self, segment: Segment | None) -> list[_Entry]:
        themes = set(segment.themes) if segment else set()
        entries = [
            _Entry(
                t.key or " ",
                "✓" if t.id in themes else "",
                ("· " if t.parent else "") + t.label,
                t.id in themes,
            )
            for t in self.guide.themes_in_tree_order()
        ]
        for arena in self.guide.arenas:
            on = segment is not None and segment.arena == arena.id
            entries.append(_Entry(arena.key or " ", "●" if on else "○", arena.label, on))
        quote = segment is not None and segment.is_quote
        entries.append(_Entry("*", "★" if quote else " ", "citaat voor rapport", quote))
        return entries
