"""Issue 14.2: a batch of changes (an import, a split, an erasure) is on disk whole or not at
all, whatever moment a kill or a full disk strikes."""

from __future__ import annotations

from pathlib import Path

from goedwerkplaats.cli import main
from goedwerkplaats.importers import ImportOptions, apply_import, plan_import
from goedwerkplaats.model.session import SessionMeta
from goedwerkplaats.storage.session_store import JOURNAL_FILE
from tests.helpers import new_session, segment

CUES = 3000


def _big_vtt(path: Path) -> Path:
    lines = ["WEBVTT", ""]
    for n in range(CUES):
        start, end = n * 2, n * 2 + 1
        lines += [
            f"{_clock(start)}.000 --> {_clock(end)}.500",
            f"Spreker {n % 4}: uitspraak nummer {n} over het werk",
            "",
        ]
    path.write_text("\n".join(lines), "utf-8")
    return path


def _clock(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def test_an_import_cut_off_midway_leaves_nothing_and_can_be_imported_again(
    project, tmp_path, capsys
) -> None:
    project.create_session(SessionMeta(id="gwp-1", title="T", date="2026-03-14"))
    vtt = _big_vtt(tmp_path / "groot.vtt")
    options = ImportOptions(merge=False)
    store = project.open_session("gwp-1")  # as in the app, the session stays open
    apply_import(store, plan_import(store.session, project.load_guide(), vtt, options))
    store.close(compact=False)
    journal = project.session_folder("gwp-1") / JOURNAL_FILE
    whole = journal.read_bytes()
    assert whole, "the import stays in the journal until the session is folded"
    for cut in (len(whole) // 3, len(whole) * 2 // 3, len(whole) - 2):
        journal.write_bytes(whole[:cut])  # killed (or the disk filled up) while writing
        loaded = project.load_session("gwp-1")
        assert len(loaded.session.segments) == 0, cut
        assert loaded.session.imports == []
        assert any("in zijn geheel weggelaten" in p.message for p in loaded.problems)
        assert run(project, "check") == 0  # a warning, not an error
        assert "half geschreven" in capsys.readouterr().out
    assert run(project, "import", str(vtt), "--session", "gwp-1", "--no-merge") == 0
    loaded = project.load_session("gwp-1").session
    assert len(loaded.segments) == CUES and len(loaded.imports) == 1
    assert run(project, "import", str(vtt), "--session", "gwp-1", "--no-merge") == 1
    assert "al geïmporteerd" in capsys.readouterr().err


def test_a_multi_change_edit_is_one_record(project) -> None:
    store = new_session(project)
    store.apply(segment(1))
    store.apply(segment(1, text="eerste helft"), segment(2, text="tweede helft"))  # a split
    store.close(compact=False)
    journal = project.session_folder("gwp-1") / JOURNAL_FILE
    data = journal.read_bytes()
    journal.write_bytes(data[:-10])
    loaded = project.load_session("gwp-1").session
    assert [(s.id, s.text) for s in loaded.segments] == [("s1", "tekst 1")]
