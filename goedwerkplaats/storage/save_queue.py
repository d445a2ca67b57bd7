"""Saving off the event loop: one thread writes changes in order and reports back.

A failed write (disk full, read-only folder) keeps every change waiting in order, in memory,
until `retry()`; nothing later overtakes it.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.changes import Change
from goedwerkplaats.model.session import Session
from goedwerkplaats.storage.draft import Draft, write_draft
from goedwerkplaats.storage.rescue import write_rescue
from goedwerkplaats.storage.session_store import COMPACT_AFTER, SessionStore


@dataclass(frozen=True)
class SaveStatus:
    saved: int  # changes on disk since the session was opened
    pending: int  # changes accepted but not yet on disk
    error: str | None = None
    rescued: Path | None = None  # where unsaved changes went when the session had to close


@dataclass(frozen=True)
class _Changes:
    changes: list[Change]


@dataclass(frozen=True)
class _Compact:
    session: Session


class SaveQueue:
    def __init__(self, store: SessionStore, notify: Callable[[SaveStatus], None]) -> None:
        self.store = store
        self._notify = notify
        self._items: deque[_Changes | _Compact] = deque()
        self._draft: Draft | None = None
        self._draft_dirty = False
        self._pending = 0
        self._saved = 0
        self._error: str | None = None
        self._compaction_queued = False  # one fold waiting is enough; see compact()
        self._closing = False
        self._wake = threading.Condition()
        self._idle = threading.Event()
        self._idle.set()
        self._thread = threading.Thread(
            target=self._run, name="goedwerkplaats-opslaan", daemon=True
        )
        self._thread.start()

    # ------------------------------------------------------------ called from the UI

    def submit(self, changes: list[Change]) -> None:
        with self._wake:
            self._pending += len(changes)
            self._enqueue(_Changes(changes))

    def compact(self, session: Session) -> bool:
        """Fold the journal into the snapshot, with a copy taken now (after earlier changes).

        The journal stays long until the fold has run, so a busy session would ask again with
        every change; while one fold waits, another is refused (False). Changes after the
        waiting fold simply stay in the new journal.
        """
        with self._wake:
            if self._compaction_queued:
                return False
            self._compaction_queued = True
            self._enqueue(_Compact(session))
        return True

    @property
    def compaction_pending(self) -> bool:
        with self._wake:
            return self._compaction_queued

    def _enqueue(self, item: _Changes | _Compact) -> None:
        """Called holding the lock."""
        self._items.append(item)
        self._idle.clear()
        self._wake.notify()

    def save_draft(self, draft: Draft | None) -> None:
        """Keep the text being typed, so a crash mid-sentence loses nothing; None removes it."""
        with self._wake:
            self._draft, self._draft_dirty = draft, True
            self._idle.clear()
            self._wake.notify()

    def retry(self) -> None:
        with self._wake:
            self._error = None
            self._wake.notify()

    @property
    def status(self) -> SaveStatus:
        with self._wake:
            return SaveStatus(self._saved, self._pending, self._error)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """True when everything submitted is on disk (or waits for a retry)."""
        return self._idle.wait(timeout)

    def close(self, session: Session | None, timeout: float = 30.0) -> SaveStatus:
        """Write what is waiting, fold the journal (if `session`), release the session."""
        with self._wake:
            if session is not None:  # fold on close: the next open reads one YAML file only
                # always, even behind a waiting fold: that one misses the latest changes
                self._enqueue(_Compact(session.snapshot()))
            self._closing = True
            self._wake.notify()
        self._thread.join(timeout)
        status = self.status
        if not self._thread.is_alive():
            self.store.close(compact=False)
            if status.pending:
                status = dataclasses.replace(status, rescued=self._rescue())
        return status

    def _rescue(self) -> Path | None:
        """Changes that could not be saved go to a rescue file elsewhere, never nowhere."""
        changes = [c for item in self._items if isinstance(item, _Changes) for c in item.changes]
        return write_rescue(self.store.session.id, changes)

    # ------------------------------------------------------------ the saving thread

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._has_work():
                    if self._closing and (not self._items or self._error):
                        return
                    self._idle.set()
                    self._wake.wait()
                item = self._items[0] if self._items and not self._error else None
                draft, draft_dirty = self._draft, self._draft_dirty
                self._draft_dirty = False
            if draft_dirty:
                write_draft(self.store.folder, draft)
            if item is not None:
                self._process(item)

    def _has_work(self) -> bool:
        return self._draft_dirty or (bool(self._items) and self._error is None)

    def _process(self, item: _Changes | _Compact) -> None:
        try:
            if isinstance(item, _Changes):
                self.store.persist(item.changes)
            else:
                self.store.compact(item.session)
        except GwpError as error:
            with self._wake:
                self._error = str(error)
                if isinstance(item, _Compact):
                    # the journal still holds everything: drop this fold (its copy only ages)
                    # and let the next change ask for a fresh one
                    self._items.popleft()
                    self._compaction_queued = False
            self._notify(self.status)
            return
        with self._wake:
            self._items.popleft()
            if isinstance(item, _Changes):
                self._pending -= len(item.changes)
                self._saved += len(item.changes)
            else:
                self._compaction_queued = False
        self._notify(self.status)


def needs_compaction(store: SessionStore) -> bool:
    return store.journal_records >= COMPACT_AFTER
