"""The cross-table screen (from the report screen): who raised which theme, per group or per
kind of participant, as `report.crosstab` counts it; computed in a worker.

A key cycles the columns (sessie, then each characteristic of the guide), one shows
fragments instead of people (labelled as such), one previews the singling-out choice an
export will ask for. The line under the table says the highlighted cell in words.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Session
from goedwerkplaats.privacy.singling_out import CHOICES as SINGLING_OUT_CHOICES
from goedwerkplaats.privacy.singling_out import OTHER
from goedwerkplaats.report.breadth import BreadthIndex
from goedwerkplaats.report.crosstab import UNKNOWN, CrossTable, cross_table
from goedwerkplaats.report.outline import DIMENSION_SESSION, dimensions
from goedwerkplaats.tui.keys import HelpItem, help_rows, key_for, project_keymap
from goedwerkplaats.tui.worker_errors import ReportsWorkerErrors, capitalised

HEADER_WIDTH = (10, 28)  # a column's name in the header; the line below the table has it whole
THEME_WIDTH = (26, 44)  # at 80 columns, from 120 on
WIDE = 120
NOBODY = "–"


class CrossTableScreen(ReportsWorkerErrors, Screen[None]):
    BINDINGS = [
        Binding(
            "escape,f10", "close", "Terug", tooltip="terug naar het rapport", id="kruistabel.terug"
        ),
        Binding("f1,question_mark", "help", "Hulp", tooltip="deze hulp", id="kruistabel.hulp"),
        Binding(
            "k",
            "against",
            "Tegen",
            tooltip="de kolommen: per sessie, dan per kenmerk uit de leidraad",
            id="kruistabel.tegen",
        ),
        Binding(
            "f",
            "fragments",
            "Fragmenten",
            tooltip="fragmenten tellen in plaats van deelnemers (ter info) en terug",
            id="kruistabel.fragmenten",
        ),
        Binding(
            "h",
            "protection",
            "Herkenbaar",
            tooltip="voorproef van wat een export met 'herkenbaar' doet: niets, grof, weglaten",
            id="kruistabel.herkenbaar",
        ),
    ]
    DEFAULT_CSS = """
    CrossTableScreen #crosstab-title { height: auto; padding: 0 1; }
    CrossTableScreen DataTable { height: 1fr; border: round $primary; }
    CrossTableScreen #crosstab-cell { height: 2; padding: 0 1; }
    CrossTableScreen #crosstab-status { height: 1; padding: 0 1; background: $boost; }
    """

    def __init__(self, guide: Guide, sessions: list[Session], index: BreadthIndex) -> None:
        super().__init__()
        self.guide = guide
        self.sessions = sessions
        self.index = index
        self.choices = dimensions(guide)
        self.against = DIMENSION_SESSION
        self.protection = ""
        self.fragments = False
        self.table: CrossTable | None = None
        self._widths = (0, 0)  # (theme column, header) the table was last built for

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="crosstab-title")
        yield DataTable(id="crosstab", cursor_type="cell", zebra_stripes=True)
        yield Static(id="crosstab-cell")
        yield Static("De kruistabel wordt berekend…", id="crosstab-status")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.title = "Kruistabel"
        self.compute(self.against, self.protection)
        self.query_one(DataTable).focus()

    # ------------------------------------------------------------ computing (worker)

    @work(thread=True, exclusive=True, exit_on_error=False, group="kruistabel")
    def compute(self, against: str, protection: str) -> None:
        table = cross_table(self.guide, self.sessions, self.index, against, protection=protection)
        self.app.call_from_thread(self.show, table)

    def worker_failed(self, worker, reason: str) -> None:  # type: ignore[no-untyped-def]
        self.say(capitalised(reason), "bold red")

    # ------------------------------------------------------------ showing

    def on_resize(self) -> None:
        # the header widths follow the terminal's: rebuild only when they change
        if self.table is not None and self.widths(self.table) != self._widths:
            self.show(self.table)

    def widths(self, table: CrossTable) -> tuple[int, int]:
        """(theme column, each header) for this terminal width."""
        theme_width = THEME_WIDTH[self.size.width >= WIDE]
        room = (self.size.width - theme_width - 24) // max(1, len(table.columns))
        return theme_width, max(HEADER_WIDTH[0], min(HEADER_WIDTH[1], room - 4))

    def show(self, table: CrossTable) -> None:
        self.table = table
        what = "fragmenten (ter info, geen mensen)" if self.fragments else "deelnemers"
        title = Text(f"Per {table.title.lower()}: ", style="bold")
        title.append(
            f"{what} die het thema noemden; een hoofdthema telt zijn subthema's mee. "
            f"Alleen woorden van deelnemers tellen.",
        )
        self.query_one("#crosstab-title", Static).update(title)
        grid = self.query_one(DataTable)
        grid.clear(columns=True)
        grid.add_column("Thema", key="thema")
        shared = _shared_start([c.key for c in table.columns if c.key not in (UNKNOWN, OTHER)])
        theme_width, header_width = self._widths = self.widths(table)
        for column in table.columns:
            name = column.key.removeprefix(shared)
            label = _short(name, header_width) + (" !" if column.alone else "")
            grid.add_column(label, key=column.key)
        grid.add_column("Totaal", key="totaal")
        grid.add_column("Groepen", key="groepen")
        grid.add_row(
            "Alle deelnemers",
            *(_count(c.people) for c in table.columns),
            _count(table.people),
            _count(table.sessions),
            key="",
        )
        for row in table.rows:
            cells = row.fragments if self.fragments else row.participants
            total = row.total.fragments if self.fragments else row.total.participants
            label = ("  " if row.sub else "") + _short(row.label, theme_width)
            grid.add_row(
                label,
                *(_count(n) for n in cells),
                _count(total),
                _count(row.total.sessions),
                key=row.theme,
            )
        self.say(self.status_text(table))
        self.show_cell()

    def status_text(self, table: CrossTable) -> str:
        against = key_for(self.app, "kruistabel.tegen", CrossTableScreen)
        if table.singled_out:
            protect = key_for(self.app, "kruistabel.herkenbaar", CrossTableScreen)
            return (
                f"! = één deelnemer: een export vraagt 'grof' of 'weglaten' ({protect}: voorproef)"
            )
        if table.hidden:
            return (
                f"{table.hidden} deelnemer(s) alleen in Totaal ({table.protection}): hun waarde "
                "zou hen herkenbaar maken"
            )
        if table.protection:
            return f"Herkenbaar: {table.protection}; niemand staat alleen."
        return f"{against}: andere kolommen ({', '.join(self.choices)})."

    @on(DataTable.CellHighlighted)
    def show_cell(self) -> None:
        """The highlighted cell in words, with the column's whole name."""
        table, grid = self.table, self.query_one(DataTable)
        line = self.query_one("#crosstab-cell", Static)
        if table is None or not table.rows:
            line.update("")
            return
        row_index, column_index = grid.cursor_coordinate
        if row_index == 0:
            line.update(Text("Alle deelnemers per kolom: wie meedeed, met of zonder thema.", "dim"))
            return
        row = table.rows[min(row_index - 1, len(table.rows) - 1)]
        counts = row.fragments if self.fragments else row.participants
        unit = "fragmenten" if self.fragments else "deelnemers"
        if 1 <= column_index <= len(table.columns):
            column = table.columns[column_index - 1]
            found = counts[column_index - 1]
            text = f"{row.label} × {column.key}: {found} {unit} (van {column.people} in deze kolom)"
            if column.alone:
                text += "; één deelnemer heeft deze waarde"
        else:
            total = row.total.fragments if self.fragments else row.total.participants
            text = (
                f"{row.label}: {total} {unit} van {table.people}, "
                f"in {row.total.sessions} van {table.sessions} groepen"
            )
        if row.parent:
            text += " — met de subthema's"
        line.update(Text(text))

    # ------------------------------------------------------------ keys

    def action_against(self) -> None:
        index = self.choices.index(self.against) if self.against in self.choices else -1
        self.against = self.choices[(index + 1) % len(self.choices)]
        self.say("De kruistabel wordt berekend…")
        self.compute(self.against, self.protection)

    def action_protection(self) -> None:
        order = ("", *SINGLING_OUT_CHOICES)
        self.protection = order[(order.index(self.protection) + 1) % len(order)]
        self.compute(self.against, self.protection)

    def action_fragments(self) -> None:
        self.fragments = not self.fragments
        if self.table is not None:
            self.show(self.table)

    def say(self, message: str, style: str = "") -> None:
        self.query_one("#crosstab-status", Static).update(Text(message, style=style))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        from goedwerkplaats.tui.screens.help import HelpScreen

        sections: list[tuple[str, list[HelpItem]]] = [
            (
                "Kruistabel",
                [
                    CrossTableScreen,
                    ("↑↓←→", "een cel kiezen; de regel onder de tabel zegt hem in woorden"),
                    ("!", "een waarde die maar één deelnemer heeft (zou die persoon aanwijzen)"),
                    ("–", "niemand"),
                ],
            )
        ]
        self.app.push_screen(HelpScreen(help_rows(project_keymap(self.app), sections)))


def _count(value: int) -> Text:
    return Text(str(value) if value else NOBODY, justify="right")


def _shared_start(names: list[str]) -> str:
    """The words all column names start with ('Professional '), left out of the headers so
    that narrow columns still differ; the line under the table names a column whole."""
    if len(names) < 2:
        return ""
    words = [name.split(" ") for name in names]
    shared: list[str] = []
    most = min(len(w) for w in words) - 1  # every name keeps a word of its own
    for group in list(zip(*words, strict=False))[:most]:
        if len(set(group)) != 1:
            break
        shared.append(group[0])
    return " ".join(shared) + " " if shared else ""


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
