"""Durable sessions: journal, snapshot, lock, and what happens when the disk says no."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap

import pytest

from goedwerkplaats.files.problems import ProblemsError
from goedwerkplaats.model.changes import DeleteSegment, PutStance
from goedwerkplaats.model.session import Stance
from goedwerkplaats.storage import journal as journal_module
from goedwerkplaats.storage.lock import SessionInUse
from goedwerkplaats.storage.session_store import (
    JOURNAL_FILE,
    SNAPSHOT_FILE,
    SaveError,
    SessionStore,
    load_session,
)
from tests.conftest import REPO
from tests.helpers import new_session, segment


def test_changes_survive_without_closing(project) -> None:
    store = new_session(project)
    store.apply(segment(1, themes=("klant",)), segment(2), DeleteSegment("s2"))
    store.apply(PutStance(Stance("1", "P1", "begin", 4)))
    # no close: as if the process died right here
    loaded = project.load_session("gwp-1").session
    assert [s.id for s in loaded.segments] == ["s1"]
    assert loaded.segments.get("s1").themes == ("klant",)
    assert loaded.stances[("1", "P1", "begin")].value == 4
    assert loaded.participants["P1"].name == "Tom Bakker"
    store.close()


def test_one_change_appends_one_line_and_does_not_rewrite_the_snapshot(project) -> None:
    store = new_session(project)
    store.apply(*[segment(n) for n in range(1, 200)])
    store.compact()
    folder = project.session_folder("gwp-1")
    before = (folder / SNAPSHOT_FILE).stat().st_mtime_ns, (folder / SNAPSHOT_FILE).read_bytes()
    store.apply(segment(5, text="bewerkt"))
    assert (
        (folder / SNAPSHOT_FILE).stat().st_mtime_ns,
        (folder / SNAPSHOT_FILE).read_bytes(),
    ) == before
    assert len((folder / JOURNAL_FILE).read_bytes().splitlines()) == 1
    store.close()


def test_closing_folds_the_journal_into_readable_yaml(project) -> None:
    store = new_session(project)
    store.apply(segment(1, text="Regel een\nregel twee", themes=("klant", "vertrouwen")))
    store.close()
    folder = project.session_folder("gwp-1")
    assert (folder / JOURNAL_FILE).read_bytes() == b""
    text = (folder / SNAPSHOT_FILE).read_text("utf-8")
    assert "  tekst: |-\n    Regel een\n    regel twee\n" in text
    assert "  themas: [klant, vertrouwen]\n" in text
    assert text.index("deelnemers:") < text.index("segmenten:")
    assert project.load_session("gwp-1").session.segments.get("s1").text == "Regel een\nregel twee"


def test_torn_last_record_is_dropped_with_a_warning(project) -> None:
    store = new_session(project)
    store.apply(segment(1))
    store.apply(segment(2))
    store.close(compact=False)
    journal = project.session_folder("gwp-1") / JOURNAL_FILE
    data = journal.read_bytes()
    journal.write_bytes(data[: len(data) - 25])  # power loss in the middle of the last record
    loaded = project.load_session("gwp-1")
    assert [s.id for s in loaded.session.segments] == ["s1"]
    assert any("half geschreven" in str(p) for p in loaded.problems)
    reopened = project.open_session("gwp-1")  # and writing on continues cleanly
    reopened.apply(segment(3))
    reopened.close(compact=False)
    assert [s.id for s in project.load_session("gwp-1").session.segments] == ["s1", "s3"]


def test_crash_between_snapshot_and_journal_reset_applies_nothing_twice(project) -> None:
    store = new_session(project)
    store.apply(segment(1))
    folder = project.session_folder("gwp-1")
    journal_bytes = (folder / JOURNAL_FILE).read_bytes()
    store.compact()
    (folder / JOURNAL_FILE).write_bytes(journal_bytes)  # the reset never happened
    store.close(compact=False)
    loaded = project.load_session("gwp-1")
    assert [s.id for s in loaded.session.segments] == ["s1"]
    assert loaded.problems == []


def test_disk_full_leaves_the_journal_clean_and_the_change_unsaved(project, monkeypatch) -> None:
    store = new_session(project)
    store.apply(segment(1))
    real_write = os.write

    def full_disk(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data[:7]))  # a partial write, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal_module.os, "write", full_disk)
    with pytest.raises(SaveError, match="de schijf is vol"):
        store.apply(segment(2))
    monkeypatch.undo()
    assert "s2" not in store.session.segments
    store.apply(segment(2, text="opnieuw"))  # offered again once there is room
    store.close(compact=False)
    loaded = project.load_session("gwp-1")
    assert loaded.problems == []
    assert loaded.session.segments.get("s2").text == "opnieuw"


def test_a_second_writer_is_refused_with_who_has_it(project) -> None:
    store = new_session(project)
    with pytest.raises(SessionInUse, match=r"in gebruik door .* op .* \(proces"):
        SessionStore.open(project.session_folder("gwp-1"))
    store.close()
    SessionStore.open(project.session_folder("gwp-1")).close()


def test_a_writer_in_another_process_is_refused(project) -> None:
    store = new_session(project)
    code = textwrap.dedent(f"""
        from pathlib import Path
        from goedwerkplaats.storage.session_store import SessionStore
        SessionStore.open(Path({str(project.session_folder("gwp-1"))!r}))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert "SessionInUse" in result.stderr and "in gebruik door" in result.stderr
    store.close()


def test_a_stale_lock_of_a_killed_process_is_taken_over(project) -> None:
    new_session(project).close()
    folder = project.session_folder("gwp-1")
    code = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from goedwerkplaats.storage.session_store import SessionStore
        store = SessionStore.open(Path({str(folder)!r}))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=False)
    store = SessionStore.open(folder)
    assert store.lock.stale_owner is not None  # recognised: the crashed holder is named
    store.close()


def test_a_broken_snapshot_names_file_and_line(project) -> None:
    store = new_session(project)
    store.apply(segment(1))
    store.close()
    snapshot = project.session_folder("gwp-1") / SNAPSHOT_FILE
    text = snapshot.read_text("utf-8").replace("  start: 10.0", "  start: tien")
    snapshot.write_text(text, "utf-8")
    with pytest.raises(ProblemsError) as caught:
        load_session(project.session_folder("gwp-1"))
    line = text.splitlines().index("  start: tien") + 1
    assert f"{snapshot}:{line}: segment s1: 'start' moet een aantal seconden zijn" in str(
        caught.value
    )


def test_the_json_copy_speeds_loading_but_a_hand_edit_wins(project) -> None:
    store = new_session(project)
    store.apply(segment(1, text="Oorspronkelijk"))
    store.close()
    folder = project.session_folder("gwp-1")
    cache = folder / ".sessie.cache.json"
    assert cache.exists()
    snapshot = folder / SNAPSHOT_FILE
    snapshot.write_text(
        snapshot.read_text("utf-8").replace("Oorspronkelijk", "Met de hand"), "utf-8"
    )
    assert project.load_session("gwp-1").session.segments.get("s1").text == "Met de hand"
    cache.write_text("{kapot", "utf-8")
    assert project.load_session("gwp-1").session.segments.get("s1").text == "Met de hand"


def test_the_session_list_counts_follow_every_change(project) -> None:
    store = new_session(project)
    store.apply(segment(1, themes=("klant",)))
    assert project.summary("gwp-1").coded == 1
    store.apply(segment(2, themes=("klant",)))  # only the journal changes
    assert (project.summary("gwp-1").segments, project.summary("gwp-1").coded) == (2, 2)
    store.close()
    assert project.summary("gwp-1").coded == 2
    snapshot = project.session_folder("gwp-1") / SNAPSHOT_FILE
    snapshot.write_text(snapshot.read_text("utf-8").replace("  themas: [klant]\n", "", 1), "utf-8")
    assert project.summary("gwp-1").coded == 1  # a hand edit is seen at once
