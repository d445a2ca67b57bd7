"""The save queue folds the journal once, however many changes ask for it while it waits."""

from __future__ import annotations

import threading
from pathlib import Path

from goedwerkplaats.model.changes import Change
from goedwerkplaats.model.session import Session, SessionMeta
from goedwerkplaats.storage.save_queue import SaveQueue, SaveStatus
from goedwerkplaats.storage.session_store import SaveError
from tests.helpers import segment


class SlowStore:
    """Stands in for a SessionStore: writing waits for the test, folds are counted."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.session = Session(SessionMeta(id="gwp-1", title="Test", date="2026-11-28"))
        self.gate = threading.Event()
        self.compactions = 0
        self.fail_compaction = False

    def persist(self, changes: list[Change]) -> None:
        assert self.gate.wait(10)

    def compact(self, session: Session | None = None) -> None:
        self.compactions += 1
        if self.fail_compaction:
            raise SaveError("de schijf is vol")

    def close(self, compact: bool = True) -> None:
        pass


def queue_on(tmp_path: Path) -> tuple[SaveQueue, SlowStore, list[SaveStatus]]:
    store = SlowStore(tmp_path)
    statuses: list[SaveStatus] = []
    return SaveQueue(store, statuses.append), store, statuses  # type: ignore[arg-type]


def test_only_one_compaction_waits_at_a_time(tmp_path: Path) -> None:
    queue, store, _ = queue_on(tmp_path)
    queue.submit([segment(1)])  # the saving thread is now busy with this change
    assert queue.compact(store.session.snapshot())
    for number in range(2, 6):  # a busy session keeps asking while the journal is long
        queue.submit([segment(number)])
        assert not queue.compact(store.session.snapshot())
    assert queue.compaction_pending
    store.gate.set()
    assert queue.wait_idle(10)
    assert store.compactions == 1
    assert not queue.compaction_pending
    assert queue.status.saved == 5
    assert queue.compact(store.session.snapshot())  # after it ran, the next one may come
    assert queue.wait_idle(10)
    assert store.compactions == 2
    queue.close(None)


def test_a_failed_compaction_is_reported_and_may_be_asked_for_again(tmp_path: Path) -> None:
    queue, store, statuses = queue_on(tmp_path)
    store.gate.set()
    store.fail_compaction = True
    assert queue.compact(store.session.snapshot())
    assert queue.wait_idle(10)
    assert statuses[-1].error == "de schijf is vol"
    assert not queue.compaction_pending
    queue.retry()  # the journal holds everything: the failed fold is not redone on its own
    queue.submit([segment(1)])
    assert queue.wait_idle(10)
    assert store.compactions == 1 and queue.status.saved == 1
    store.fail_compaction = False
    assert queue.compact(store.session.snapshot())
    assert queue.wait_idle(10)
    assert store.compactions == 2


def test_closing_folds_even_behind_a_waiting_compaction(tmp_path: Path) -> None:
    queue, store, _ = queue_on(tmp_path)
    queue.submit([segment(1)])
    assert queue.compact(store.session.snapshot())
    queue.submit([segment(2)])
    store.gate.set()
    status = queue.close(store.session)
    assert status.pending == 0
    assert store.compactions == 2  # the last fold holds the change made after the first
