"""Splitting and merging segment text reads naturally."""

from __future__ import annotations

from goedwerkplaats.coding.editing import join_text, split_text


def test_punctuation_after_the_cursor_stays_with_the_head() -> None:
    assert split_text("Ja , maar nee.", 2) == ("Ja,", "maar nee.")
    assert split_text("Eerst dit. Dan dat.", 10) == ("Eerst dit.", "Dan dat.")
    assert split_text("Wat?! Echt.", 3) == ("Wat?!", "Echt.")


def test_merging_puts_no_space_before_punctuation() -> None:
    assert join_text("Bij ons", ", en verder") == "Bij ons, en verder"
    assert join_text("Bij ons,", "en verder") == "Bij ons, en verder"
    assert join_text("", "alleen dit") == "alleen dit"


def test_a_long_quote_in_the_live_list_ends_in_an_ellipsis() -> None:
    from goedwerkplaats.tui.widgets.labels import clip_lines

    text = "Mijn caseload is zo groot dat ik mensen nauwelijks zie"
    assert clip_lines(text, 20, 2) == "Mijn caseload is zo\ngroot dat ik mensen…"
    assert clip_lines("Kort genoeg", 20, 2) == "Kort genoeg"
    assert clip_lines("Past precies op twee regels", 20, 2) == "Past precies op twee regels"
