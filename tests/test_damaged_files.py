"""Issue 14.10: what cannot be read is kept and reported, never silently dropped."""

from __future__ import annotations

from goedwerkplaats.cli import main
from goedwerkplaats.storage.session_store import JOURNAL_FILE, SNAPSHOT_FILE
from goedwerkplaats.storage.snapshot_cache import CACHE_FILE
from tests.helpers import new_session, segment

QUARANTINE = "journaal.beschadigd.jsonl"


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def _journalled(project):  # type: ignore[no-untyped-def]
    store = new_session(project)
    for number in range(1, 6):
        store.apply(segment(number, text=f"uitspraak {number}"))
    store.close(compact=False)
    return project.session_folder("gwp-1")


def test_a_journal_converted_to_crlf_loses_nothing(project) -> None:
    folder = _journalled(project)
    journal = folder / JOURNAL_FILE
    journal.write_bytes(journal.read_bytes().replace(b"\n", b"\r\n"))
    loaded = project.load_session("gwp-1")
    assert [s.id for s in loaded.session.segments] == ["s1", "s2", "s3", "s4", "s5"]
    assert loaded.problems == []


def test_a_damaged_line_is_kept_in_quarantine_and_reported(project, capsys) -> None:
    folder = _journalled(project)
    journal = folder / JOURNAL_FILE
    lines = journal.read_bytes().splitlines(keepends=True)
    damaged = lines[2].replace(b"uitspraak 2", b"uitspraak X")
    journal.write_bytes(b"".join([*lines[:2], damaged, *lines[3:]]))
    project.open_session("gwp-1").close()  # the journal is folded into sessie.yaml here
    assert (folder / QUARANTINE).read_bytes() == damaged
    assert run(project, "check") == 0
    out = capsys.readouterr().out
    assert QUARANTINE in out and "bewaard" in out
    loaded = project.load_session("gwp-1")  # the app shows these problems too
    assert any(QUARANTINE in str(p) for p in loaded.problems)


def test_a_session_without_its_yaml_is_rebuilt_from_the_journal(project, capsys) -> None:
    folder = _journalled(project)
    (folder / SNAPSHOT_FILE).unlink()
    assert project.session_ids() == ["gwp-1"]
    loaded = project.load_session("gwp-1")
    assert [s.id for s in loaded.session.segments] == ["s1", "s2", "s3", "s4", "s5"]
    assert any("opgebouwd uit het journaal" in p.message for p in loaded.problems)
    assert run(project, "check") == 0
    assert "opgebouwd uit het journaal" in capsys.readouterr().out
    project.open_session("gwp-1").close()
    assert (folder / SNAPSHOT_FILE).exists()


def test_an_edited_cache_with_the_right_key_is_not_trusted(project) -> None:
    new_session(project).close()
    folder = project.session_folder("gwp-1")
    project.load_session("gwp-1")
    cache = folder / CACHE_FILE
    text = cache.read_text("utf-8")
    assert "Tom Bakker" in text
    cache.write_text(text.replace("Tom Bakker", "Iemand Anders"), "utf-8")
    session = project.load_session("gwp-1").session
    assert session.participants["P1"].name == "Tom Bakker"


def test_a_reader_during_a_fold_sees_every_change(project, monkeypatch) -> None:
    """Issue 14.9: the fold lands between reading sessie.yaml and reading the journal."""
    from goedwerkplaats.storage import session_store

    store = new_session(project)
    store.compact()
    for number in range(1, 4):
        store.apply(segment(number))
    real_read = session_store.read_journal
    folds = []

    def fold_first(path):  # type: ignore[no-untyped-def]
        if not folds:
            folds.append(True)
            store.compact()  # the app closes the session right now
        return real_read(path)

    monkeypatch.setattr(session_store, "read_journal", fold_first)
    loaded = session_store.load_session(project.session_folder("gwp-1"))
    store.close()
    assert folds and [s.id for s in loaded.session.segments] == ["s1", "s2", "s3"]
