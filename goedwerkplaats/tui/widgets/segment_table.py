"""A table of segments (time, speaker, text, codes) that updates one row at a time."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Segment, Session
from goedwerkplaats.tui.widgets.labels import (
    clip_lines,
    code_keys,
    marks_label,
    segment_text,
    short_time,
    speaker_label,
)

TIME, CODES = 7, 6  # time as 4:05 or 1:02:03, right-aligned
COLUMNS = ("tijd", "wie", "codes", "tekst")


class SegmentTable(DataTable[str | Text]):
    """Codes show as their shortcut keys beside the marks (★ citaat, ✎ note) in one narrow
    column, so they stay visible at 80 columns, however long the quote."""

    DEFAULT_CSS = """
    SegmentTable { height: 1fr; }
    """

    def __init__(
        self,
        guide: Guide,
        *,
        show_names: bool = True,
        row_height: int = 1,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.guide = guide
        self.show_names = show_names
        self.row_height = row_height
        self.session: Session | None = None
        self._text_width = 0
        self.speaker_width = 8 if show_names else 3

    def on_mount(self) -> None:
        self.add_column(Text("Tijd", justify="right"), width=TIME, key="tijd")
        self.add_column("Wie", width=self.speaker_width, key="wie")
        self.add_column("Codes", width=CODES, key="codes")
        self.add_column("Tekst", width=30, key="tekst")

    def fit_to_width(self) -> None:
        """Hook: a subclass may change row height or speaker column for its width."""

    def on_resize(self) -> None:
        """Give the text what the fixed columns leave."""
        self.fit_to_width()
        fixed = TIME + self.speaker_width + CODES
        text = max(16, self.size.width - 2 * 4 - fixed - 1)
        if text == self._text_width and self.columns["wie"].width == self.speaker_width:  # type: ignore[index]
            return
        self._text_width = text
        self.columns["wie"].width = self.speaker_width  # type: ignore[index]
        self.columns["tekst"].width = text  # type: ignore[index]
        self._require_update_dimensions = True  # DataTable has no public resize
        self._clear_caches()
        if self.session is not None:  # the "…" of a long quote moves with the width
            self.show_all(self.session, self.shown_segments())
        self.refresh()

    def shown_segments(self) -> list[Segment]:
        assert self.session is not None
        found = (self.session.segments.get(str(key.value)) for key in self.rows)
        return [segment for segment in found if segment is not None]

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
        for column, value in zip(
            ("tijd", "wie", "codes", "tekst"), self._cells(segment), strict=True
        ):
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
        codes = Text(marks_label(segment), style="yellow")
        codes.append(code_keys(segment, self.guide), style="bold cyan")
        return (
            Text(short_time(self.session, segment), justify="right"),
            speaker_label(self.session, segment.speaker, self.show_names),
            codes,
            clip_lines(segment_text(segment), self._text_width, self.row_height),
        )
