"""Inline #thema and @arena codes in typed and imported text."""

from __future__ import annotations

import pytest

from goedwerkplaats.coding.inline_codes import InlineCodeError, completions, parse_inline_codes


def test_codes_are_applied_and_removed_from_the_text(guide) -> None:
    parsed = parse_inline_codes("Er is geen concurrent. #klant @spreekkamer #vertrouwen", guide)
    assert parsed.text == "Er is geen concurrent."
    assert parsed.themes == ("klant", "vertrouwen")
    assert parsed.arena == "spreekkamer"


def test_codes_in_the_middle_leave_clean_text(guide) -> None:
    parsed = parse_inline_codes("Dat is #caseload echt te veel , vind ik", guide)
    assert parsed.text == "Dat is echt te veel, vind ik"
    assert parsed.themes == ("caseload",)


def test_mail_addresses_numbers_and_escapes_are_text(guide) -> None:
    parsed = parse_inline_codes(r"Mail naar jan@gemeente.nl, punt #1 en \#klant blijft", guide)
    assert parsed.text == "Mail naar jan@gemeente.nl, punt #1 en #klant blijft"
    assert parsed.themes == () and parsed.arena is None


def test_unknown_code_lists_the_nearest_known_ids(guide) -> None:
    with pytest.raises(InlineCodeError) as caught:
        parse_inline_codes("Echt waar #vertrouwn", guide)
    assert "onbekend thema '#vertrouwn'" in str(caught.value)
    assert "#vertrouwen" in str(caught.value)
    assert caught.value.suggestions[0] == "vertrouwen"


def test_arena_written_as_theme_says_how_to_fix_it(guide) -> None:
    with pytest.raises(InlineCodeError, match="schrijf @spreekkamer"):
        parse_inline_codes("#spreekkamer", guide)


def test_two_arenas_are_refused(guide) -> None:
    with pytest.raises(InlineCodeError, match="twee arena's"):
        parse_inline_codes("@spreekkamer @eigen-organisatie", guide)


def test_codes_are_case_insensitive(guide) -> None:
    assert parse_inline_codes("#Klant", guide).themes == ("klant",)


def test_completion_offers_ids_for_the_partial_code(guide) -> None:
    # ids that start with the typed part come first, then ids that contain it
    assert completions("Dat is #ver", guide) == ("#ver", ["vertrouwen", "handhaver"])
    partial, found = completions("tekst @", guide)
    assert partial == "@" and found[0] == "spreekkamer"
    assert completions("geen code", guide) == ("", [])


def test_editing_keeps_words_that_were_escaped_codes(project, guide) -> None:
    """'\\#MeToo' was stored as the words '#MeToo'; a later edit must leave them words."""
    from goedwerkplaats.coding.editing import SessionEditor
    from tests.helpers import new_session, segment

    store = new_session(project)
    store.apply(segment(1, text="Op Twitter: #MeToo, en de actie #helpen-handhaven toen"))
    editor = SessionEditor(store.session, lambda changes: None)  # in memory is enough here
    updated = editor.update_text(
        "s1", "Op Twitter: #MeToo, en de actie #helpen-handhaven toen. #klant", guide
    )
    store.close()
    assert updated.text == "Op Twitter: #MeToo, en de actie #helpen-handhaven toen."
    assert updated.themes == ("klant",)
