"""What every screen that edits a session shares: built from the opened session, saving every
change through the save queue, undo, retry after a failed save, and closing it cleanly."""

from __future__ import annotations

from textual import work
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker

from goedwerkplaats.coding.editing import NothingToUndo, SessionEditor
from goedwerkplaats.model.changes import Change
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.draft import Draft
from goedwerkplaats.storage.save_queue import SaveQueue, SaveStatus, needs_compaction
from goedwerkplaats.storage.session_store import SessionStore
from goedwerkplaats.tui.keys import key_for
from goedwerkplaats.tui.screens.opening import OpenedSession
from goedwerkplaats.tui.widgets.status_line import StatusLine
from goedwerkplaats.tui.worker_errors import ReportsWorkerErrors


class SaveStatusChanged(Message):
    def __init__(self, status: SaveStatus) -> None:
        super().__init__()
        self.status = status


class SessionScreen(ReportsWorkerErrors, Screen[None]):
    """Built from a session already open (see screens/opening.py): the editor and the store
    are there from the start. Subclasses compose a StatusLine, call `session_ready` from
    their on_mount and implement `on_session_ready` and `after_undo`."""

    def __init__(self, project: Project, guide: Guide, opened: OpenedSession) -> None:
        super().__init__()
        self.project = project
        self.guide = guide
        self.store: SessionStore = opened.store
        self.session_id = opened.store.session.meta.id
        self.opened = opened
        self.editor = SessionEditor(opened.store.session, self.submit_changes)
        # None once the session is closed: nothing may be saved after that
        self.saver: SaveQueue | None = SaveQueue(opened.store, self.post_save_status)

    def key(self, binding_id: str, where: type[DOMNode] | None = None) -> str:
        """A key as messages name it: the project's own from toetsen.yaml, else the default
        of its binding (in `where` when two classes bind the id to different keys)."""
        return key_for(self.app, binding_id, where)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    # ------------------------------------------------------------ opening

    def session_ready(self) -> None:
        """Called on mount: show the session (the focus at once, so no key goes astray), then
        what was wrong in its files."""
        self.on_session_ready(self.opened.draft)
        for problem in self.store.problems:
            self.app.notify(str(problem), severity="warning", timeout=15)

    def on_session_ready(self, draft: Draft | None) -> None:
        raise NotImplementedError

    def post_save_status(self, status: SaveStatus) -> None:
        self.post_message(SaveStatusChanged(status))

    # ------------------------------------------------------------ saving

    def submit_changes(self, changes: list[Change]) -> None:
        assert self.saver is not None, "a change after the session was closed"
        self.saver.submit(changes)
        self.status.show_saved(self.saver.status)
        if needs_compaction(self.store) and not self.saver.compaction_pending:
            # the journal stays long until the queued fold has run: one is enough
            self.saver.compact(self.editor.session.snapshot())

    def on_save_status_changed(self, message: SaveStatusChanged) -> None:
        self.status.show_saved(message.status)
        if message.status.error:
            self.status.warn(f"Opslaan mislukt: {message.status.error}")
            self.app.bell()

    def action_retry_save(self) -> None:
        if self.saver is not None:
            self.saver.retry()
            self.status.say("Opnieuw proberen op te slaan…")

    def action_undo(self) -> None:
        try:
            label = self.editor.undo()
        except NothingToUndo:
            self.status.warn("Er is niets om ongedaan te maken.")
            return
        self.after_undo()
        self.status.say(f"Ongedaan gemaakt: {label}.")

    def after_undo(self) -> None:
        raise NotImplementedError

    def save_draft(self) -> None:
        """Screens with unfinished typing keep it here before closing."""

    # ------------------------------------------------------------ closing

    def close_and_dismiss(self) -> None:
        self.save_draft()
        if self.saver is None:
            self.dismiss(None)
            return
        self.status.say("Opslaan en sluiten…")
        self.close_in_thread(self.saver, self.editor.session.snapshot())

    @work(thread=True, exclusive=True, exit_on_error=False, group="sessie-sluiten")
    def close_in_thread(self, saver: SaveQueue, snapshot: object) -> None:
        status = saver.close(snapshot)  # type: ignore[arg-type]
        self.app.call_from_thread(self.closed, status)

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        """Closing broke unexpectedly (the user was told): leave the screen rather than edit
        a session that is half closed."""
        if worker.group == "sessie-sluiten":
            self.saver = None
            self.dismiss(None)

    def closed(self, status: SaveStatus) -> None:
        if status.pending:
            self.app.notify(unsaved_message(status, self.session_id), severity="error", timeout=60)
        self.saver = None
        self.dismiss(None)

    def close_now(self) -> SaveStatus | None:
        """For quitting the app: save, fold and release, waiting for it (called once)."""
        if self.saver is None:
            return None
        self.save_draft()
        status = self.saver.close(self.editor.session.snapshot())
        self.saver = None
        return status


def unsaved_message(status: SaveStatus, session_id: str) -> str:
    where = (
        f"Ze staan in {status.rescued}; zet ze terug met 'goedwerkplaats recover "
        f"{status.rescued} --sessie {session_id}' zodra opslaan weer kan."
        if status.rescued
        else "Ook een noodkopie lukte niet; noteer wat u invoerde."
    )
    return f"{status.pending} wijziging(en) konden niet worden opgeslagen ({status.error}). {where}"
