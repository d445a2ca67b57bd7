"""A fast list of segments for the coding screen, drawn line by line (Textual's line API).

Each row is drawn once per version of its segment (segments are immutable, so a changed one
is a new object); a key press redraws only the rows it touched. A DataTable redraws every
visible row on any cell change, which is too slow for 2,500 segments at typing speed.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment as RichSegment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Segment, Session
from goedwerkplaats.tui.key_order import run_binding_now
from goedwerkplaats.tui.widgets.labels import code_keys, marks_label, segment_text, short_time

TIME, SPEAKER, MARKS, CODES = 7, 4, 3, 7  # time as 4:05 or 1:02:03, right-aligned


class SegmentList(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1)", "Omhoog", show=False),
        Binding("down", "move(1)", "Omlaag", show=False),
        Binding("pageup", "page(-1)", "Pagina omhoog", show=False),
        Binding("pagedown", "page(1)", "Pagina omlaag", show=False),
        Binding("home", "jump(0)", "Begin", show=False),
        Binding("end", "jump(-1)", "Eind", show=False),
        Binding("enter", "select", "Bewerken", tooltip="tekst bewerken", id="lijst.bewerken"),
    ]
    COMPONENT_CLASSES = {"segment-list--cursor", "segment-list--header"}
    DEFAULT_CSS = """
    SegmentList { height: 1fr; overflow-x: hidden; }
    SegmentList > .segment-list--cursor { background: $accent 40%; text-style: bold; }
    SegmentList:focus > .segment-list--cursor { background: $accent; color: $text; }
    SegmentList > .segment-list--header { text-style: bold; background: $boost; }
    """

    cursor_row: reactive[int] = reactive(0, always_update=False, repaint=False)

    class Highlighted(Message):
        def __init__(self, segment_id: str | None) -> None:
            super().__init__()
            self.segment_id = segment_id

    class Selected(Message):
        def __init__(self, segment_id: str) -> None:
            super().__init__()
            self.segment_id = segment_id

    def __init__(self, guide: Guide, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.guide = guide
        self.session: Session | None = None
        self._rows: list[Segment] = []
        self._index: dict[str, int] = {}
        self._cache: dict[tuple[int, int, bool, bool], Strip] = {}
        # The screen's coding keys run here, in key order: a key that bubbled up to the screen
        # would be handled after keys the list already took (a letter, then space, then ...).
        self.key_handler: Callable[[events.Key], bool] | None = None

    # ------------------------------------------------------------ content

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def keys(self) -> list[str]:
        return [s.id for s in self._rows]

    def rows(self) -> list[Segment]:
        """The segments as shown, in order (the filter applied): not to be changed."""
        return self._rows

    def show_all(self, session: Session, segments: list[Segment]) -> None:
        keep = self.current_key()
        was_at = self._rows[self.cursor_row].start if keep else None
        self.session = session
        self._rows = list(segments)
        self._index = {s.id: i for i, s in enumerate(self._rows)}
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self._rows) + 1)
        self.move_cursor(max(0, self._row_near(keep, was_at)))
        self.refresh()

    def _row_near(self, key: str | None, start: float | None) -> int:
        """The same segment; when a filter hid it, the first one shown from its time on."""
        if key in self._index:
            return self._index[key]
        if start is None:
            return 0
        later = (i for i, s in enumerate(self._rows) if s.start >= start)
        return next(later, len(self._rows) - 1)

    def update_segment(self, segment: Segment) -> None:
        index = self._index.get(segment.id)
        if index is None:
            return
        self._rows[index] = segment
        self.refresh_line(index + 1)

    def shows(self, segment_id: str) -> bool:
        """Whether the segment is in the list as filtered now."""
        return segment_id in self._index

    def current_key(self) -> str | None:
        if not self._rows or not 0 <= self.cursor_row < len(self._rows):
            return None
        return self._rows[self.cursor_row].id

    def key_after(self, segment_id: str) -> str | None:
        """The segment shown just below this one, or None at the end."""
        row = self._index.get(segment_id)
        if row is None or row + 1 >= len(self._rows):
            return None
        return self._rows[row + 1].id

    def move_to(self, segment_id: str) -> None:
        if segment_id in self._index:
            self.move_cursor(self._index[segment_id])

    def move_cursor(self, row: int, scroll: bool = True) -> None:
        if not self._rows:
            self.cursor_row = 0
            self.post_message(self.Highlighted(None))
            return
        row = max(0, min(row, len(self._rows) - 1))
        old = self.cursor_row
        self.cursor_row = row
        self.refresh_line(old + 1)
        self.refresh_line(row + 1)
        if scroll:
            self._scroll_to_cursor()
        self.post_message(self.Highlighted(self.current_key()))

    def _scroll_to_cursor(self) -> None:
        height = max(1, self.size.height - 1)  # the first line is the header
        top = round(self.scroll_offset.y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + height:
            self.scroll_to(y=self.cursor_row - height + 1, animate=False, immediate=True)

    # ------------------------------------------------------------ keys

    async def on_key(self, event: events.Key) -> None:
        if self.key_handler is not None and self.key_handler(event):
            event.stop()
            event.prevent_default()
        else:
            await run_binding_now(self, event)  # "k space k space" typed fast stays in order

    def action_move(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step * max(1, self.size.height - 2))

    def action_jump(self, row: int) -> None:
        self.move_cursor(row if row >= 0 else len(self._rows) - 1)

    def action_select(self) -> None:
        key = self.current_key()
        if key is not None:
            self.post_message(self.Selected(key))

    # ------------------------------------------------------------ drawing

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self._rows) + 1)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            return self._header(width)
        index = round(self.scroll_offset.y) + y - 1
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, self.rich_style)
        segment = self._rows[index]
        selected = index == self.cursor_row
        key = (id(segment), width, selected, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._draw(segment, width, selected)
            self._cache[key] = strip
        return strip

    def refresh_line(self, y: int) -> None:
        """Line y of the content (0 is the header), wherever it is scrolled to."""
        on_screen = y - round(self.scroll_offset.y) if y else 0
        if 0 <= on_screen < self.size.height:
            self.refresh(Region(0, on_screen, self.size.width, 1))

    def _header(self, width: int) -> Strip:
        style = self.get_component_rich_style("segment-list--header")
        text = Text.assemble(
            ("Tijd".rjust(TIME) + " "),
            ("Wie".ljust(SPEAKER + 1)),
            (" " * (MARKS + 1)),
            ("Codes".ljust(CODES + 1)),
            "Tekst",
        )
        return self._strip(text, width, style)

    def _draw(self, segment: Segment, width: int, selected: bool) -> Strip:
        assert self.session is not None
        speaker = segment.speaker or "?"
        if segment.speaker_suggested:
            speaker += "?"  # a suggestion from the live capture, not yet confirmed
        text = Text.assemble(
            short_time(self.session, segment).rjust(TIME) + " ",
            (
                speaker[:SPEAKER].ljust(SPEAKER + 1),
                "dim" if self.session.is_facilitator(segment.speaker) else "",
            ),
            marks_label(segment)[:MARKS].ljust(MARKS + 1),
            (code_keys(segment, self.guide)[:CODES].ljust(CODES + 1), "bold cyan"),
            segment_text(segment),
        )
        style = self.rich_style
        if selected:
            style += self.get_component_rich_style("segment-list--cursor")
        return self._strip(text, width, style)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = [
            RichSegment(s.text, style + s.style if s.style else style)
            for s in text.render(self.app.console)
        ]
        return Strip(segments, width).crop(0, width)
