"""A table of segments (time, speaker, text, codes) that updates one row at a time."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Segment, Session
from goedwerkplaats.tui.widgets.labels import (
    code_keys,
    codes_label,
    marks_label,
    segment_text,
    shown_time,
    speaker_label,
)

TIME, MARKS, CODES = 9, 3, 6


class SegmentTable(DataTable[str | Text]):
    """With `codes_column` the codes show as their shortcut keys in a narrow column of their own,
    so a coder sees them at any width; without, they follow the text in full."""

    DEFAULT_CSS = """
    SegmentTable { height: 1fr; }
    """

    def __init__(
        self,
        guide: Guide,
        *,
        show_names: bool = True,
        row_height: int = 1,
        codes_column: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.guide = guide
        self.show_names = show_names
        self.row_height = row_height
        self.codes_column = codes_column
        self.session: Session | None = None
        self._widths: tuple[int, int] = (0, 0)
        self.speaker_width = 8 if show_names else 3

    def on_mount(self) -> None:
        self.add_column("Tijd", width=TIME, key="tijd")
        self.add_column("Wie", width=self.speaker_width, key="wie")
        self.add_column("", width=MARKS, key="tekens")
        if self.codes_column:
            self.add_column("Codes", width=CODES, key="codes")
        self.add_column("Tekst", width=30, key="tekst")

    def on_resize(self) -> None:
        """Give the text what the fixed columns leave; the codes column shrinks when narrow."""
        columns = 5 if self.codes_column else 4
        codes = CODES if self.codes_column else 0
        fixed = TIME + self.speaker_width + MARKS + codes
        text = max(16, self.size.width - 2 * columns - fixed - 1)
        if (text, codes) == self._widths:
            return
        self._widths = (text, codes)
        self.columns["tekst"].width = text  # type: ignore[index]
        self._require_update_dimensions = True  # DataTable has no public resize
        self._clear_caches()
        self.refresh()

    def show_all(self, session: Session, segments: list[Segment] | None = None) -> None:
        self.session = session
        keep = self.current_key()
        self.clear()
        for segment in session.segments if segments is None else segments:
            self.add_segment(segment)
        if keep is not None and keep in self.rows:  # type: ignore[operator]
            self.move_cursor(row=self.get_row_index(keep))

    def add_segment(self, segment: Segment) -> None:
        self.add_row(*self._cells(segment), key=segment.id, height=self.row_height)

    def update_segment(self, segment: Segment) -> None:
        """Refresh one row in place: fast enough for every key press on 2,500 rows."""
        keys = (
            ("tijd", "wie", "tekens", "codes", "tekst")
            if self.codes_column
            else ("tijd", "wie", "tekens", "tekst")
        )
        for column, value in zip(keys, self._cells(segment), strict=False):
            self.update_cell(segment.id, column, value)

    def current_key(self) -> str | None:
        if self.row_count == 0:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except CellDoesNotExist:
            return None
        return None if key.value is None else str(key.value)

    def move_to(self, segment_id: str) -> None:
        if segment_id in self.rows:  # type: ignore[operator]
            self.move_cursor(row=self.get_row_index(segment_id), scroll=True)

    def _cells(self, segment: Segment) -> tuple[str | Text, ...]:
        assert self.session is not None
        codes = codes_label(segment, self.guide)
        head = (
            shown_time(self.session, segment),
            speaker_label(self.session, segment.speaker, self.show_names),
            marks_label(segment),
        )
        if self.codes_column:
            return (
                *head,
                Text(code_keys(segment, self.guide), style="bold cyan"),
                segment_text(segment),
            )
        text = Text(segment_text(segment))
        if codes:
            text.append("  " + codes, style="cyan")
        return (*head, text)
