"""The first screen: the project's sessions, with their progress or what is broken."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from goedwerkplaats.project import Project, SessionSummary


class SessionListScreen(Screen[None]):
    BINDINGS = [
        Binding("r", "refresh", "Vernieuwen", id="sessies.vernieuwen"),
        Binding("q", "app.quit", "Afsluiten", id="app.afsluiten"),
    ]

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.summaries: list[SessionSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Sessies worden geladen…", id="empty-hint")
        table: DataTable[str] = DataTable(id="session-table", cursor_type="row", zebra_stripes=True)
        table.add_columns("Sessie", "Datum", "Titel", "Segmenten", "Gecodeerd", "Status")
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        self.load_summaries()

    @work(thread=True, exclusive=True, exit_on_error=False, group="sessielijst")
    def load_summaries(self) -> None:
        summaries = self.project.summaries()
        self.app.call_from_thread(self.show_summaries, summaries)

    def show_summaries(self, summaries: list[SessionSummary]) -> None:
        self.summaries = summaries
        table = self.query_one(DataTable)
        table.clear()
        for s in summaries:
            status = f"kapot: {s.problem}" if s.problem else _progress(s)
            table.add_row(s.id, s.date, s.title, str(s.segments), str(s.coded), status, key=s.id)
        hint = self.query_one("#empty-hint", Static)
        if summaries:
            hint.update(f"{len(summaries)} sessie(s) in {self.project.sessions_dir}")
        else:
            hint.update("Nog geen sessies. Maak er een met 'goedwerkplaats new-session'.")
        table.focus()


def _progress(summary: SessionSummary) -> str:
    if not summary.segments:
        return "leeg"
    return f"{round(100 * summary.coded / summary.segments)}% gecodeerd"
