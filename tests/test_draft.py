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
