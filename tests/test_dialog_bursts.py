"""Keys typed in one burst in the small dialogs land in the field they were typed for."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.export import ExportScreen, KindChoice
from goedwerkplaats.tui.screens.new_session import NewSessionScreen
from goedwerkplaats.tui.widgets.toggles import SignedRadioButton
from tests.helpers import FakeClock, new_session
from tests.live_driver import open_live, settle


def burst(pilot, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Keys posted all at once, the way a fast typist's keys reach the app."""
    names = {"\t": "tab", "\r": "enter", "\b": "backspace", " ": "space"}
    for key in keys:
        name = names.get(key, key)
        character = None if name in ("tab", "backspace") else key
        pilot.app.post_message(events.Key(name, character))


async def test_a_new_session_typed_in_one_burst(project) -> None:
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, NewSessionScreen)
        burst(pilot, [*"Noordd", "\b", "\r", "\t", *"video", "\t", *"Zwolle"])
        await settle(pilot)
        values = {i.id: i.value for i in screen.query(Input)}
        assert values["titel"] == "Noord"
        assert values["vorm"] == "video"
        assert values["locatie"] == "Zwolle"


async def test_create_typed_right_after_the_last_field_keeps_all_of_it(project) -> None:
    """^S at the end of a burst creates the session with everything typed before it."""
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, NewSessionScreen)
        burst(pilot, [*"Noord", "\r", "\t", *"video", "\t", *"Zwolle"])
        pilot.app.post_message(events.Key("ctrl+s", None))
        await settle(pilot)
        await settle(pilot)
    [summary] = project.summaries()
    meta = project.load_session(summary.id).session.meta
    assert (meta.title, meta.form, meta.location) == ("Noord", "video", "Zwolle")


async def test_participants_typed_in_one_burst(project) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        live = await open_live(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert pilot.app.focused.id == "naam-P1"
        keys = ["\b", *"Anouk", "\t", *"3", "\r", *"gemeente", "\t", "\b"]
        burst(pilot, keys)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        participants = live.editor.session.participants
    assert participants["P1"].name == "Anouk"
    assert dict(participants["P1"].attributes) == {
        "functie": "Professional Re-integratiebegeleider",  # value 3 of the guide's list
        "organisatie": "gemeente",  # free text: the guide allows it here
    }
    assert participants["P2"].name == ""
    saved = project.load_session("gwp-1").session.participants
    assert saved["P1"].name == "Anouk" and saved["P2"].name == ""


async def test_names_typed_right_after_adding_a_row_go_into_that_row(project) -> None:
    """^N and a name in one burst: the name goes into the new row, never over the name in
    the row that had the focus."""
    new_session(project).close()  # P1 Tom Bakker, P2 Aylin Demir, GL
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        live = await open_live(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert pilot.app.focused.id == "naam-P1"
        for name in ("Dirk", "Eva"):
            pilot.app.post_message(events.Key("ctrl+n", None))
            burst(pilot, [*name])
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        names = {p.id: p.name for p in live.editor.session.participants.values()}
    assert names == {
        "GL": "Marieke Jansen",
        "P1": "Tom Bakker",
        "P2": "Aylin Demir",
        "P3": "Dirk",
        "P4": "Eva",
    }


async def test_stances_typed_in_one_burst(project) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        live = await open_live(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        burst(pilot, ["2", "4", "\t", "up", "5", "\b"])
        await settle(pilot)
        stances = {(s.participant, s.moment): s.value for s in live.editor.session.stances.values()}
    assert stances == {("P1", "begin"): 2, ("P2", "begin"): 4, ("P1", "eind"): 5}


async def test_keys_typed_right_after_closing_a_dialog_go_to_the_quote_line(project) -> None:
    """Esc out of help, stances or participants and type on at once: nothing is lost, and the
    digit that picks the speaker is not taken as a stance."""
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        live = await open_live(pilot)
        for opener, text in (("f1", "eerst"), ("ctrl+o", "tweede"), ("ctrl+g", "derde")):
            await pilot.press(opener)
            await pilot.pause()
            burst(pilot, ["escape", "backspace", "1", *text, "\r"])  # Backspace: speaker anew
            await settle(pilot)
        assert not live.editor.session.stances
    saved = [(s.speaker, s.text) for s in project.load_session("gwp-1").session.segments]
    assert saved == [("P1", "eerst"), ("P1", "tweede"), ("P1", "derde")]


async def test_a_participant_added_later_comes_above_the_facilitator(project) -> None:
    new_session(project).close()  # P1, P2 and the facilitator GL
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await open_live(pilot)
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await settle(pilot)
        labels = [str(label.render()) for label in pilot.app.screen.query("#rows Label")]
        assert labels == ["P1", "P2", "P3", "GL"]
        assert pilot.app.focused.id == "naam-P3"


async def test_arrows_typed_with_the_key_that_opens_the_export_form_choose_the_kind(
    project,
) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        burst(pilot, ["e", "down", "down", "down", "up"])
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ExportScreen)
        assert screen.kind == "quotes"  # synthesis, then two kinds further down
        assert [b.name for b in screen.query(SignedRadioButton) if b.value] == ["quotes"]
        burst(pilot, ["down", "down", "up"])
        await settle(pilot)
        assert screen.kind == "qdpx"
        assert screen.query_one(KindChoice).pressed_button.name == "qdpx"  # type: ignore[union-attr]
