"""The live draft (concept.json): written and read in one place, a damaged one ignored."""

from __future__ import annotations

from pathlib import Path

from goedwerkplaats.storage.draft import DRAFT_FILE, Draft, read_draft, write_draft


def test_a_draft_comes_back_as_it_was_written(tmp_path: Path) -> None:
    draft = Draft("Ik vind dat de wijk", speaker="P2", start=61.5, statement="2")
    write_draft(tmp_path, draft)
    assert read_draft(tmp_path) == draft
    write_draft(tmp_path, None)
    assert not (tmp_path / DRAFT_FILE).exists() and read_draft(tmp_path) is None


def test_a_damaged_or_empty_draft_is_no_draft(tmp_path: Path) -> None:
    for text in ("{half", "[]", '{"tekst": ""}', '{"spreker": "P1"}', "\xff"):
        (tmp_path / DRAFT_FILE).write_text(text, "utf-8")
        assert read_draft(tmp_path) is None, text


def test_odd_fields_are_dropped_and_the_text_kept(tmp_path: Path) -> None:
    (tmp_path / DRAFT_FILE).write_text(
        '{"tekst": "Wie begint", "spreker": 3, "start": true, "stelling": null}', "utf-8"
    )
    assert read_draft(tmp_path) == Draft("Wie begint")


def test_the_save_queue_writes_and_removes_the_draft(project) -> None:
    from goedwerkplaats.storage.save_queue import SaveQueue
    from tests.helpers import new_session

    store = new_session(project)
    queue = SaveQueue(store, lambda _status: None)
    queue.save_draft(Draft("half af", speaker="P1"))
    assert queue.wait_idle(10)
    assert read_draft(store.folder) == Draft("half af", speaker="P1")
    queue.save_draft(None)
    assert queue.wait_idle(10)
    assert read_draft(store.folder) is None
    queue.close(None)
