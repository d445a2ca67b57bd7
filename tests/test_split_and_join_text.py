"""Splitting and merging segment text reads naturally."""

from __future__ import annotations

from goedwerkplaats.editing import join_text, split_text


def test_punctuation_after_the_cursor_stays_with_the_head() -> None:
    assert split_text("Ja , maar nee.", 2) == ("Ja,", "maar nee.")
    assert split_text("Eerst dit. Dan dat.", 10) == ("Eerst dit.", "Dan dat.")
    assert split_text("Wat?! Echt.", 3) == ("Wat?!", "Echt.")


def test_merging_puts_no_space_before_punctuation() -> None:
    assert join_text("Bij ons", ", en verder") == "Bij ons, en verder"
    assert join_text("Bij ons,", "en verder") == "Bij ons, en verder"
    assert join_text("", "alleen dit") == "alleen dit"
