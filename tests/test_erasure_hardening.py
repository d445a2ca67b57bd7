"""Issue 14.3, 14.4, 14.11, 14.12: an erasure that is resumable and verifiable, deletes only
exports the project wrote, keeps concurrent log lines and leaves no name behind."""

from __future__ import annotations

import errno
import json
import threading

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.exporters.output import record_export
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.changes import AddImport
from goedwerkplaats.model.session import ImportRecord
from goedwerkplaats.privacy import erasure
from goedwerkplaats.storage import session_store
from goedwerkplaats.storage.audit import append_audit, read_audit
from tests.test_erasure import SECRET, project_bytes, seeded


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def _fail_the_fold(monkeypatch) -> None:
    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(session_store, "write_snapshot", disk_full)


def _leftovers(project) -> list[str]:
    everything = project_bytes(project)
    return [gone for gone in (SECRET, "Tom", "Bakker") if gone.encode() in everything]


def test_an_erasure_stopped_by_a_full_disk_is_reported_and_finished_by_a_retry(
    project, monkeypatch, capsys
) -> None:
    seeded(project).close()
    _fail_the_fold(monkeypatch)
    with pytest.raises(GwpError, match="schijf is vol"):
        erasure.erase_participant(project, "gwp-1", "P1")
    monkeypatch.undo()
    assert run(project, "check") == 1
    out = capsys.readouterr().out
    assert "wissing van P1 is niet afgemaakt" in out, out
    assert run(project, "erase-participant", "--session", "gwp-1", "P1", "--ja") == 0
    assert "P1 is gewist" in capsys.readouterr().out
    assert _leftovers(project) == []
    assert run(project, "check") == 0
    assert [e.action for e in read_audit(project.session_folder("gwp-1"))][-1] == "gewist"


def test_any_command_that_opens_the_session_finishes_an_unfinished_erasure(
    project, monkeypatch, capsys
) -> None:
    seeded(project).close()
    _fail_the_fold(monkeypatch)
    with pytest.raises(GwpError):
        erasure.erase_participant(project, "gwp-1", "P1")
    monkeypatch.undo()
    assert run(project, "export", "quotes", "--format", "json", "--selectie", "alles") == 0
    assert _leftovers(project) == []
    session = project.load_session("gwp-1").session
    assert "P1" not in session.participants and len(session.erasures) == 1


def test_the_names_in_the_import_record_and_a_speakerless_draft_go_too(project) -> None:
    store = seeded(project)
    record = ImportRecord("i1", "interview-Tom-Bakker.txt", "ab" * 32, "2026-11-28", 3)
    store.apply(AddImport(record))
    store.close()
    folder = project.session_folder("gwp-1")
    draft = {"tekst": "Tom vertelde net dat", "spreker": None, "start": 12.0}
    (folder / "concept.json").write_text(json.dumps(draft), "utf-8")
    erasure.erase_participant(project, "gwp-1", "P1")
    assert _leftovers(project) == []
    session = project.load_session("gwp-1").session
    assert session.imports[0].file == "interview-P1.txt"


def test_erase_exports_deletes_only_files_the_project_wrote_in_exports(project, tmp_path) -> None:
    seeded(project).close()
    folder = project.session_folder("gwp-1")
    ours = project.exports_dir / "citaten.csv"
    ours.write_text("P1: citaat")
    record_export(project, ["gwp-1"], ours, "quotes")
    outside = tmp_path / "elders.txt"
    outside.write_text("niet van ons")
    guide_before = project.guide_path.read_bytes()
    append_audit(folder, "geëxporteerd", f"quotes: {outside}")
    append_audit(folder, "geëxporteerd", "quotes: stellingen.yaml")
    changed = project.exports_dir / "handwerk.csv"
    changed.write_text("eerst")
    record_export(project, ["gwp-1"], changed, "quotes")
    changed.write_text("daarna met de hand veranderd")
    erasure.erase_participant(project, "gwp-1", "P1", delete_exports=True)
    assert not ours.exists()
    assert outside.exists() and changed.exists()
    assert project.guide_path.read_bytes() == guide_before


def test_the_audit_log_files_written_by_audit_o_are_exports_an_erasure_knows(
    project, capsys
) -> None:
    seeded(project).close()
    assert run(project, "audit", "--session", "gwp-1", "-o", "logboek.txt") == 0
    written = project.exports_dir / "logboek.txt"
    assert "tom-bakker" in written.read_text("utf-8")
    plan = erasure.plan_erasure(project, "gwp-1", "P1")
    assert written in plan.exports
    erasure.erase_participant(project, "gwp-1", "P1", delete_exports=True)
    assert not written.exists()


def test_log_lines_appended_during_the_scrub_are_kept(project) -> None:
    seeded(project).close()
    folder = project.session_folder("gwp-1")
    for n in range(300):
        append_audit(folder, "geëxporteerd", f"quotes: exports/Tom-{n}.csv")
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        n = 0
        while not stop.is_set():
            append_audit(folder, "geopend", f"regel {n}")
            written.append(n)
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        erasure.erase_participant(project, "gwp-1", "P1")
    finally:
        stop.set()
        thread.join()
    details = {e.detail for e in read_audit(folder)}
    missing = [n for n in written if f"regel {n}" not in details]
    assert written and missing == []
