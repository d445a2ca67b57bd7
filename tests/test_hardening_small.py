"""Issue 14.5, 14.8, 14.14, 14.15, 14.16: CSV formulas, a lock after a full disk, REFI-QDA
dates, the Taguette separator, and the smaller things an audit found."""

from __future__ import annotations

import csv
import errno
import io
import json
import time
import zipfile

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.exporters.refiqda import QdpxOptions, export_qdpx
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.session import SessionMeta
from goedwerkplaats.project.folder import check_session_id
from goedwerkplaats.storage import lock as lock_module
from goedwerkplaats.storage import session_store
from goedwerkplaats.storage.audit import append_audit
from tests.conftest import REPO
from tests.helpers import new_session, segment

FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def _cells(path) -> list[str]:
    text = path.read_bytes().decode("utf-8-sig")
    separator = ";" if text.splitlines()[0].count(";") else ","
    return [cell for row in csv.reader(io.StringIO(text), delimiter=separator) for cell in row]


def test_csv_exports_neutralise_formulas(project, capsys) -> None:
    store = new_session(project)
    for number, text in enumerate(FORMULAS, start=1):
        store.apply(segment(number, text=text, themes=("klant",), note=text))
    store.close()
    append_audit(project.session_folder("gwp-1"), "geëxporteerd", "=cmd|' /C calc'!A0")
    assert run(project, "export", "quotes", "--format", "csv", "-o", "c.csv") == 0
    assert run(project, "audit", "--session", "gwp-1", "--csv", "-o", "a.csv") == 0
    guide = project.guide_path.read_text("utf-8")
    label = f"label: {project.load_guide().themes[0].label}"
    assert label in guide
    project.guide_path.write_text(guide.replace(label, "label: =1+1"))
    assert run(project, "export", "codebook", "--format", "csv", "-o", "k.csv") == 0
    for name in ("c.csv", "a.csv", "k.csv"):
        cells = _cells(project.exports_dir / name)
        dangerous = [
            c
            for c in cells
            if c[:1] in ("=", "+", "@", "\t", "\r")
            or (c.startswith("-") and not c.lstrip("-").replace(":", "").replace(".", "").isdigit())
        ]
        assert dangerous == [], (name, dangerous)
    cells = _cells(project.exports_dir / "c.csv")
    assert '\'=HYPERLINK("http://x")' in cells
    assert "'=1+1" in _cells(project.exports_dir / "k.csv")  # Taguette still reads the row


def test_a_full_disk_while_taking_the_lock_does_not_keep_the_session_in_use(
    project, monkeypatch
) -> None:
    new_session(project).close()

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(lock_module, "_write_owner", disk_full)
    with pytest.raises(GwpError, match="schijf is vol"):
        project.open_session("gwp-1")
    monkeypatch.undo()
    project.open_session("gwp-1").close()  # not "in gebruik"


def test_a_date_only_session_keeps_its_date_in_refi_qda(project, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    try:
        store = new_session(project, date="2020-05-01")
        store.apply(segment(1), segment(2, start=3 * 3600.0))
        store.close()
        path = export_qdpx(project, QdpxOptions())
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("project.qde").decode("utf-8")
    finally:
        monkeypatch.undo()
        time.tzset()
    import re

    dates = set(re.findall(r'(?:creationDateTime|modifiedDateTime)="(\d{4}-\d\d-\d\d)T', xml))
    session_dates = {d for d in dates if d.startswith("2020")}
    assert session_dates == {"2020-05-01"}, dates


def test_codebook_with_semicolons_warns_that_taguette_cannot_read_it(project, capsys) -> None:
    assert run(project, "export", "codebook", "--format", "csv", "--sep", ";") == 0
    out = capsys.readouterr().out
    assert "let op: Taguette leest alleen" in out and "','" in out


def test_new_session_on_a_full_disk_leaves_no_folder_behind(project, monkeypatch) -> None:
    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(session_store, "write_snapshot", disk_full)
    with pytest.raises((GwpError, OSError)):
        project.create_session(SessionMeta(id="gwp-1", title="T", date="2026-03-14"))
    monkeypatch.undo()
    assert not project.session_folder("gwp-1").exists()
    project.create_session(SessionMeta(id="gwp-1", title="T", date="2026-03-14"))


def test_a_session_id_with_a_trailing_newline_is_refused() -> None:
    with pytest.raises(GwpError, match="ongeldig sessie-id"):
        check_session_id("gwp-1\n")


def test_the_command_line_does_not_promise_to_keep_what_was_typed(
    project, monkeypatch, capsys
) -> None:
    new_session(project).close()

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(session_store.JournalWriter, "append", disk_full)
    vtt = REPO / "tests" / "data" / "import" / "zoom.vtt"
    assert run(project, "import", str(vtt), "--session", "gwp-1") == 1
    err = capsys.readouterr().err
    assert "schijf is vol" in err
    assert "blijft bewaard in het programma" not in err
    assert "niets van deze opdracht is opgeslagen" in err


def test_erase_refuses_a_session_in_use_before_showing_a_plan(project, capsys) -> None:
    store = new_session(project)
    store.apply(segment(1))
    try:
        assert run(project, "erase-participant", "--session", "gwp-1", "P1", "--ja") == 1
    finally:
        store.close()
    captured = capsys.readouterr()
    assert "in gebruik" in captured.err
    assert "wordt gewist" not in captured.out


def test_an_unreadable_journal_change_is_described_plainly(project) -> None:
    new_session(project).close()
    folder = project.session_folder("gwp-1")
    import zlib

    body = json.dumps({"n": 99, "op": "segment"}).encode()
    (folder / "journaal.jsonl").write_bytes(b"%08x %s\n" % (zlib.crc32(body), body))
    messages = [p.message for p in project.load_session("gwp-1").problems]
    assert any("het veld 'd' ontbreekt" in m for m in messages), messages
