"""The first screen: the project's sessions, with their progress or what is broken."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import Worker

from goedwerkplaats.files.problems import GwpError, Problem
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Participant, SessionMeta
from goedwerkplaats.model.timing import Clock, now_moment
from goedwerkplaats.project.folder import Project, SessionSummary
from goedwerkplaats.project.keymap_file import KEYMAP_FILE
from goedwerkplaats.storage.draft import Draft, read_draft
from goedwerkplaats.storage.session_store import SessionStore
from goedwerkplaats.tui.keys import help_rows, key_for, project_keymap
from goedwerkplaats.tui.screens.opening import OpenedSession, OpeningScreen
from goedwerkplaats.tui.widgets.labels import participant_line
from goedwerkplaats.tui.worker_errors import ReportsWorkerErrors

# the title last: on 80 columns it is cut at the right edge, never the columns after it
COLUMNS = ("Sessie", "Datum", "Klok", "Segm.", "Gecodeerd", "Titel")


class SessionListScreen(ReportsWorkerErrors, Screen[None]):
    BINDINGS = [
        # the table turns Enter into RowSelected (see on_data_table_row_selected); this
        # binding is there for a project that gives "openen" another key in toetsen.yaml
        Binding(
            "enter",
            "open",
            "Openen",
            tooltip="openen: coderen als er een transcript is, anders live",
            id="sessies.openen",
        ),
        Binding("l", "live", "Live", tooltip="de gekozen sessie live leiden", id="sessies.live"),
        Binding(
            "c",
            "code",
            "Coderen",
            tooltip="de gekozen sessie coderen (transcript)",
            id="sessies.coderen",
        ),
        Binding("n", "new", "Nieuw", tooltip="nieuwe sessie", id="sessies.nieuw"),
        Binding(
            "i",
            "import",
            "Import",
            tooltip="een transcript importeren in de gekozen sessie",
            id="sessies.importeren",
        ),
        Binding(
            "t",
            "transcribe",
            "Uit de opname",
            show=False,
            tooltip="een eerste transcript uit de opname maken (spraakherkenning)",
            id="sessies.spraak",
        ),
        Binding(
            "e",
            "export",
            "Export",
            tooltip="exporteren: transcript, synthese, citaten, REFI-QDA, codeboek",
            id="sessies.exporteren",
        ),
        Binding(
            "p",
            "report",
            "Rapport",
            tooltip="het rapport: opzet, citaten per paragraaf, eigen tekst",
            id="sessies.rapport",
        ),
        Binding(
            "a",
            "audit",
            "Logboek",
            tooltip="het logboek van de gekozen sessie",
            id="sessies.logboek",
        ),
        Binding(
            "w",
            "erase",
            "Wissen",
            tooltip="een deelnemer wissen die de toestemming introk",
            id="sessies.wissen",
        ),
        # r, t and q are named in the line above the list (count_line): the footer holds
        # the rest on 80 columns
        Binding(
            "r", "refresh", "Vernieuwen", show=False, tooltip="vernieuwen", id="sessies.vernieuwen"
        ),
        Binding("question_mark,f1", "help", "Hulp", tooltip="deze hulp", id="sessies.hulp"),
        Binding(
            "q", "app.quit", "Stop", show=False, tooltip="afsluiten (^Q ook)", id="app.afsluiten"
        ),
        # priority: the table's own Home/End only scroll sideways in a row cursor
        Binding(
            "home",
            "first",
            "Eerste",
            show=False,
            priority=True,
            tooltip="naar de eerste sessie",
            id="sessies.eerste",
        ),
        Binding(
            "end",
            "last",
            "Laatste",
            show=False,
            priority=True,
            tooltip="naar de laatste sessie",
            id="sessies.laatste",
        ),
    ]

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.guide: Guide | None = None
        self.summaries: list[SessionSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Sessies worden geladen…", id="empty-hint")
        table: DataTable[str] = DataTable(id="session-table", cursor_type="row", zebra_stripes=True)
        table.add_columns(*COLUMNS)
        yield table
        # compact, ^P in the help (F1 / ?): every key fits on 80 columns
        yield Footer(compact=True, show_command_palette=False)

    def on_screen_resume(self) -> None:
        """Also on first showing: the list is read again whenever the user comes back to it."""
        self.action_refresh()

    def action_refresh(self) -> None:
        self.load_summaries()

    @work(thread=True, exclusive=True, exit_on_error=False, group="sessielijst")
    def load_summaries(self) -> None:
        from goedwerkplaats.guide.loader import check_guide
        from goedwerkplaats.project.keymap_file import check_keymap

        guide, problems = check_guide(self.project.guide_path)
        # with the guide at hand: a remapped key that is also a thema's key is named here
        problems += check_keymap(self.project.root, guide)[1]
        summaries = self.project.summaries()
        self.app.call_from_thread(self.show_summaries, guide, problems, summaries)

    def show_summaries(
        self, guide: Guide | None, problems: list[Problem], summaries: list[SessionSummary]
    ) -> None:
        self.guide = guide
        unchanged = summaries == self.summaries and self.query_one(DataTable).row_count
        self.summaries = summaries
        self.query_one("#empty-hint", Static).update(self.hint(problems, summaries))
        if unchanged:
            return
        table = self.query_one(DataTable)
        current = table.cursor_row
        was_on = self.selected()
        rows = [_row(s) for s in summaries]
        # widths set from the cells at once: sized later, when idle, a busy machine could
        # draw the first rows cut to the width of their headings
        table.clear(columns=True)
        for index, label in enumerate(COLUMNS):
            table.add_column(label, width=max([len(label), *(len(r[index]) for r in rows)]))
        for s, row in zip(summaries, rows, strict=True):
            table.add_row(*row, key=s.id)
        # a new session sorts in above the one the cursor was on: stay on that session
        ids = [s.id for s in summaries]
        if was_on is not None and was_on.id in ids:
            table.move_cursor(row=ids.index(was_on.id))
        elif summaries:
            table.move_cursor(row=min(current, len(summaries) - 1))
        table.focus()

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        """Reading the list broke: replace "worden geladen…" by what happened; opening a
        session broke: back to the list (the user was told)."""
        if worker.group == "sessie-openen" and (opening := self.opening()) is not None:
            opening.finish(None)
        elif worker.group == "sessielijst":
            hint = f"De sessies konden niet worden gelezen: {reason}. r = opnieuw proberen."
            self.query_one("#empty-hint", Static).update(Text(hint, style="red"))

    def hint(self, problems: list[Problem], summaries: list[SessionSummary]) -> str:
        keys_problems = [p for p in problems if Path(p.file).name == KEYMAP_FILE]
        errors = [p for p in problems if not p.warning and p not in keys_problems]
        if keys_problems and not errors:
            lines = "\n".join(escape(str(p)) for p in keys_problems[:5])
            return f"{self.count_line(summaries)}\n[b red]Toetsen:[/] {lines}"
        if errors:
            lines = "\n".join(str(p) for p in errors[:5])
            return (
                f"[b red]De leidraad heeft fouten; herstel ze eerst:[/]\n{lines}\n"
                "Na het opslaan: r = vernieuwen."
            )
        return self.count_line(summaries)

    def key_of(self, binding_id: str) -> str:
        # from this screen's own bindings: all screens' would import every screen at start
        return key_for(self.app, binding_id, SessionListScreen)

    def count_line(self, summaries: list[SessionSummary]) -> str:
        """The count, and the keys the footer has no room for on 80 columns."""
        if not summaries:
            return f"Nog geen sessies. {self.key_of('sessies.nieuw')} = nieuwe sessie."
        # Enter opens whatever toetsen.yaml says: the table selects its row with it
        keys = " · ".join(
            f"{self.key_of(key) if key else 'Enter'} = {what}"
            for key, what in (
                ("", "openen"),
                ("sessies.spraak", "uit de opname"),
                ("sessies.vernieuwen", "vernieuwen"),
                ("app.afsluiten", "stop"),
            )
        )
        return f"{len(summaries)} sessie(s) · {keys}"

    def selected(self) -> SessionSummary | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((s for s in self.summaries if s.id == key), None)

    def usable_guide(self) -> Guide | None:
        if self.guide is None:
            self.notify("De leidraad (stellingen.yaml) heeft fouten; zie boven.", severity="error")
        return self.guide

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        """An imported transcript is there to be coded; a session without one is led live."""
        summary = self.openable()
        if summary is None:
            return
        if summary.has_transcript:
            self.open_coding(summary.id)
        else:
            self.open_live(summary.id)

    def action_live(self) -> None:
        summary = self.openable()
        if summary is not None:
            self.open_live(summary.id)

    def action_code(self) -> None:
        summary = self.openable()
        if summary is not None:
            self.open_coding(summary.id)

    def open_live(self, session_id: str) -> None:
        self.open_session(session_id, live=True)

    def open_coding(self, session_id: str) -> None:
        self.open_session(session_id, live=False)

    def open_session(self, session_id: str, live: bool) -> None:
        """Open the session in a worker behind a dialog that takes the keys typed meanwhile;
        its screen comes complete (see screens/opening.py)."""
        self.app.push_screen(OpeningScreen(session_id, keeps_typing=live))
        self.open_in_thread(session_id, live)

    @work(thread=True, exclusive=True, exit_on_error=False, group="sessie-openen")
    def open_in_thread(self, session_id: str, live: bool) -> None:
        try:
            store = self.project.open_session(session_id)
        except GwpError as error:
            self.app.call_from_thread(self.open_failed, str(error))
            return
        draft = read_draft(store.folder) if live else None
        self.app.call_from_thread(self.session_opened, store, draft, live)

    def opening(self) -> OpeningScreen | None:
        return next((s for s in self.app.screen_stack if isinstance(s, OpeningScreen)), None)

    def session_opened(self, store: SessionStore, draft: Draft | None, live: bool) -> None:
        opening = self.opening()
        assert opening is not None and self.guide is not None  # openable() checked the guide
        if opening.quitting:  # the app closes it (see OpeningScreen.open_for_quitting)
            opening.finish(None, store)
            return
        opened = OpenedSession(store, draft, opening.typed)
        if live:
            from goedwerkplaats.tui.screens.live import LiveScreen

            opening.finish(LiveScreen(self.project, self.guide, opened, self.clock()))
        else:
            from goedwerkplaats.tui.screens.coding import CodingScreen

            opening.finish(CodingScreen(self.project, self.guide, opened))

    def open_failed(self, message: str) -> None:
        self.app.notify(message, title="Sessie niet geopend", severity="error", timeout=15)
        if (opening := self.opening()) is not None:
            opening.finish(None)

    def action_first(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            table.move_cursor(row=0)

    def action_last(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            table.move_cursor(row=table.row_count - 1)

    def openable(self) -> SessionSummary | None:
        summary, guide = self.selected(), self.usable_guide()
        if summary is None or guide is None:
            return None
        if summary.problem:
            self.notify(f"Deze sessie is kapot: {summary.problem}", severity="error", timeout=10)
            return None
        return summary

    def action_new(self) -> None:
        from goedwerkplaats.tui.screens.new_session import NewSessionScreen

        if self.usable_guide() is None:
            return
        self.app.push_screen(
            NewSessionScreen(self.project, self.project.session_ids()), self.create_session
        )

    def create_session(self, meta: SessionMeta | None) -> None:
        if meta is not None:
            self.create_in_thread(meta)

    @work(thread=True, exclusive=True, exit_on_error=False, group="sessie-maken")
    def create_in_thread(self, meta: SessionMeta) -> None:
        try:
            self.project.create_session(meta, via="in het programma")
        except GwpError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self.open_new, meta.id)

    def open_new(self, session_id: str) -> None:
        self.open_live(session_id)

    def clock(self) -> Clock:
        return getattr(self.app, "clock", now_moment)

    def action_import(self) -> None:
        from pathlib import Path

        from goedwerkplaats.tui.screens.import_transcript import ImportScreen

        summary = self.openable()
        if summary is None or self.guide is None:
            return

        def imported(summary_line: str | None) -> None:
            if summary_line:
                self.notify(summary_line, title="Geïmporteerd", timeout=10)
            self.action_refresh()

        self.app.push_screen(
            ImportScreen(self.project, self.guide, summary.id, Path.cwd()), imported
        )

    def action_transcribe(self) -> None:
        from goedwerkplaats.tui.screens.transcribe import TranscribeScreen

        summary = self.openable()
        if summary is None or self.guide is None:
            return

        def done(summary_line: str | None) -> None:
            if summary_line:
                self.notify(summary_line, title="Uit de opname", timeout=10)
            self.action_refresh()

        self.app.push_screen(TranscribeScreen(self.project, self.guide, summary.id), done)

    def action_export(self) -> None:
        from goedwerkplaats.tui.screens.export import ExportScreen

        summary = self.selected()
        self.app.push_screen(
            ExportScreen(self.project, summary.id if summary else None),
            lambda _result: self.action_refresh(),
        )

    def action_report(self) -> None:
        from goedwerkplaats.tui.screens.report import ReportScreen

        self.app.push_screen(ReportScreen(self.project), lambda _result: self.action_refresh())

    def action_audit(self) -> None:
        summary = self.selected()
        if summary is not None:
            self.audit_in_thread(summary.id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="logboek")
    def audit_in_thread(self, session_id: str) -> None:
        """A long audit trail is read off the event loop, like every other file."""
        from goedwerkplaats.storage.audit import read_audit

        entries = read_audit(self.project.session_folder(session_id))
        rows = [("", f"Logboek van {session_id}")]
        rows += [
            (e.when.replace("T", " ")[:16], f"{e.who}: {e.action} {e.detail}".strip())
            for e in entries
        ] or [("", "(leeg)")]
        self.app.call_from_thread(self.show_audit, rows)

    def show_audit(self, rows: list[tuple[str, str]]) -> None:
        from goedwerkplaats.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(rows, title="Logboek  (Esc sluit)"))

    def action_erase(self) -> None:
        summary = self.openable()
        if summary is None:
            return
        self.load_participants(summary.id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="wissen")
    def load_participants(self, session_id: str) -> None:
        try:
            session = self.project.load_session(session_id).session
        except GwpError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        participants = session.ordered_participants()
        self.app.call_from_thread(self.ask_whom, session_id, participants)

    def ask_whom(self, session_id: str, participants: list[Participant]) -> None:
        from goedwerkplaats.tui.screens.pick import PickScreen, speaker_keys

        options = [(p.id, participant_line(p)) for p in participants]

        def chosen(participant_id: str | None) -> None:
            if participant_id is not None:
                self.confirm_erasure(session_id, participant_id)

        self.app.push_screen(
            PickScreen("Welke deelnemer wissen?", options, speaker_keys(participants)), chosen
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="wissen")
    def confirm_erasure(self, session_id: str, participant_id: str) -> None:
        """The plan reads the session and looks for exports: off the event loop."""
        from goedwerkplaats.privacy.erasure import plan_erasure

        try:
            plan = plan_erasure(self.project, session_id, participant_id)
        except GwpError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(
            self.ask_confirmation, session_id, participant_id, plan.describe()
        )

    def ask_confirmation(self, session_id: str, participant_id: str, description: str) -> None:
        from goedwerkplaats.tui.screens.confirm import TypedConfirmScreen

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.erase_in_thread(session_id, participant_id)
            else:
                self.notify("Niets gewist.")

        self.app.push_screen(TypedConfirmScreen(description, participant_id), confirmed)

    @work(thread=True, exclusive=True, exit_on_error=False, group="wissen")
    def erase_in_thread(self, session_id: str, participant_id: str) -> None:
        from goedwerkplaats.privacy.erasure import erase_participant

        try:
            erase_participant(self.project, session_id, participant_id)
        except GwpError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=15)
            return
        self.app.call_from_thread(self.notify, f"{participant_id} is gewist uit {session_id}.")
        self.app.call_from_thread(self.action_refresh)

    def action_help(self) -> None:
        from goedwerkplaats.tui.screens.help import HelpScreen

        rows: list[tuple[str, str] | type[DOMNode]] = [
            SessionListScreen,
            ("^P", "alle opdrachten zoeken"),
        ]
        self.app.push_screen(
            HelpScreen(help_rows(project_keymap(self.app), [("Sessielijst", rows)]))
        )


def _row(summary: SessionSummary) -> tuple[str, ...]:
    if summary.problem:
        return (summary.id, "", "", "", "", f"kapot: {summary.problem}")
    # as the coding screen counts: participants' words, not the facilitator's or markers
    share = round(100 * summary.codable_coded / summary.codable) if summary.codable else 0
    coded = f"{summary.codable_coded}/{summary.codable} ({share}%)" if summary.codable else "-"
    title = f"{summary.title} (voorbeeld)" if summary.example else summary.title
    return (summary.id, summary.date, summary.clock, str(summary.segments), coded, title)
