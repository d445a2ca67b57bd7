"""Importing a transcript from the app: preview first, then one key imports it."""

from __future__ import annotations

from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.import_transcript import ImportScreen
from tests.helpers import FakeClock, new_session
from tests.live_driver import workers_finished

VTT = """WEBVTT

1
00:00:04.000 --> 00:00:08.000
Marieke Jansen: Welkom allemaal.

2
00:00:09.000 --> 00:00:14.000
Sanne Visser: Klant vind ik een raar woord. #klant
"""


async def until(pilot, done) -> None:  # type: ignore[no-untyped-def]
    """Wait for the screen to show the outcome of its worker (the tree's own loader never ends,
    so waiting for every worker would wait forever)."""
    for _ in range(200):
        await pilot.pause(0.05)
        if done():
            return
    raise AssertionError("the screen did not finish in time")


async def preview_and_import(pilot, path) -> ImportScreen:  # type: ignore[no-untyped-def]
    await workers_finished(pilot)  # an import before closed its screen: its worker with it
    await pilot.pause()
    await pilot.press("i")
    screen = pilot.app.screen
    assert isinstance(screen, ImportScreen)
    screen.query_one("#path").value = str(path)
    await pilot.press("enter")
    await until(pilot, lambda: "Bezig" not in str(screen.query_one("#preview").render()))
    return screen


async def test_preview_then_import(project, tmp_path) -> None:
    new_session(project, "gwp-1").close()
    transcript = tmp_path / "zoom.vtt"
    transcript.write_text(VTT, "utf-8")
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        screen = await preview_and_import(pilot, transcript)
        preview = str(screen.query_one("#preview").render())
        assert "2 segmenten te importeren (proef, niets opgeslagen)" in preview
        assert project.load_session("gwp-1").session.segments.as_list() == []
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(pilot.app.screen, ImportScreen))
        assert not isinstance(pilot.app.screen, ImportScreen)
    session = project.load_session("gwp-1").session
    texts = [s.text for s in session.segments]
    assert texts == ["Welkom allemaal.", "Klant vind ik een raar woord."]
    assert session.segments[1].themes == ("klant",)
    assert "Sanne Visser" in {p.name for p in session.participants.values()}


async def test_a_bad_file_is_explained_and_nothing_is_imported(project, tmp_path) -> None:
    new_session(project, "gwp-1").close()
    empty = tmp_path / "leeg.vtt"
    empty.write_text("", "utf-8")
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        screen = await preview_and_import(pilot, empty)
        preview = str(screen.query_one("#preview").render())
        assert f"{empty}" in preview and "leeg" in preview
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ImportScreen)
    assert project.load_session("gwp-1").session.segments.as_list() == []


async def test_one_key_imports_after_changing_an_option(project, tmp_path) -> None:
    new_session(project, "gwp-1").close()
    transcript = tmp_path / "zoom.vtt"
    transcript.write_text(VTT, "utf-8")
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        screen = await preview_and_import(pilot, transcript)
        old_plan, old_inputs = screen.plan, screen.inputs()
        assert old_plan is not None
        screen.query_one("#offset").focus()
        await pilot.press("0", "0", "colon", "0", "1", "colon", "0", "0")  # typed, no Enter
        assert screen.plan is None
        preview = str(screen.query_one("#preview").render())
        assert "De keuzes zijn gewijzigd; Enter = voorbeeld bijwerken." in preview
        screen.planned(old_plan, old_inputs)  # a late answer for the old choices is dropped
        assert screen.plan is None
        await pilot.press("ctrl+s")  # makes the preview for these choices and imports it
        await until(pilot, lambda: not isinstance(pilot.app.screen, ImportScreen))
    session = project.load_session("gwp-1").session
    assert session.meta.recording_offset == 60.0 and len(session.segments) == 2


async def test_one_key_stops_at_a_preview_with_warnings(project, tmp_path) -> None:
    new_session(project, "gwp-1").close()
    transcript = tmp_path / "zoom.vtt"
    transcript.write_text(VTT, "utf-8")
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        screen = await preview_and_import(pilot, transcript)
        screen.query_one("#facilitator").focus()
        await pilot.press("J", "o", "k", "e", "ctrl+s")  # no speaker is called Joke
        await until(pilot, lambda: screen.plan is not None)
        assert "gespreksleider 'Joke' komt niet voor" in str(screen.query_one("#preview").render())
        assert "waarschuwingen; lees ze" in "".join(n.message for n in pilot.app._notifications)
        assert project.load_session("gwp-1").session.imports == []
        await pilot.press("ctrl+s")  # read: now it imports
        await until(pilot, lambda: not isinstance(pilot.app.screen, ImportScreen))
    assert len(project.load_session("gwp-1").session.imports) == 1


async def test_a_second_transcript_of_the_same_recording_is_imported_only_if_confirmed(
    project, tmp_path
) -> None:
    from goedwerkplaats.tui.screens.confirm import TypedConfirmScreen

    new_session(project, "gwp-1").close()
    first, second = tmp_path / "zoom.vtt", tmp_path / "teams.vtt"
    first.write_text(VTT, "utf-8")
    second.write_text(VTT.replace("Welkom allemaal.", "Welkom allemaal!"), "utf-8")
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await preview_and_import(pilot, first)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(pilot.app.screen, ImportScreen))
        screen = await preview_and_import(pilot, second)
        preview = str(screen.query_one("#preview").render())
        assert "LET OP: dit lijkt een tweede transcript van dezelfde opname." in preview
        assert "'zoom.vtt' (geïmporteerd" in preview and "^S = toch importeren" in preview
        box = screen.query_one("#preview-box").size  # the room the preview gets at 80x24
        assert box.width >= 44 and box.height >= 14
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, TypedConfirmScreen))
        await pilot.press("escape")  # not confirmed: nothing imported
        await until(pilot, lambda: pilot.app.screen is screen)
        assert len(project.load_session("gwp-1").session.imports) == 1
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, TypedConfirmScreen))
        await pilot.press(*"dubbel", "enter")
        await until(
            pilot, lambda: not isinstance(pilot.app.screen, (ImportScreen, TypedConfirmScreen))
        )
    session = project.load_session("gwp-1").session
    assert len(session.imports) == 2 and len(session.segments) == 4


async def test_unticking_merge_makes_a_new_preview(project, tmp_path) -> None:
    new_session(project, "gwp-1").close()
    transcript = tmp_path / "zoom.vtt"
    transcript.write_text(VTT, "utf-8")
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        screen = await preview_and_import(pilot, transcript)
        first = screen.plan
        screen.query_one("#merge").value = False
        await pilot.pause()
        assert screen.plan is not first
        await until(pilot, lambda: screen.plan is not None)
        assert screen.plan is not first and screen.plan_inputs == screen.inputs()
        assert screen.plan_inputs[3] is False


async def test_pressing_import_twice_imports_once(project, tmp_path, monkeypatch) -> None:
    import time

    import goedwerkplaats.importers as importers

    real_apply = importers.apply_import

    def slow_apply(store, plan):  # type: ignore[no-untyped-def]
        time.sleep(0.3)  # a large transcript: the second ^S comes while this one writes
        return real_apply(store, plan)

    monkeypatch.setattr(importers, "apply_import", slow_apply)
    new_session(project, "gwp-1").close()
    transcript = tmp_path / "zoom.vtt"
    transcript.write_text(VTT, "utf-8")
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await preview_and_import(pilot, transcript)
        await pilot.press("ctrl+s")
        await pilot.pause(0.1)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(pilot.app.screen, ImportScreen))
        await pilot.pause(0.4)
        messages = [n.message for n in pilot.app._notifications]
        assert not any("in gebruik" in m for m in messages), messages
        assert "Even geduld: het importeren is bezig." in messages
    session = project.load_session("gwp-1").session
    assert len(session.segments) == 2 and len(session.imports) == 1


async def test_a_folder_typed_or_one_up_is_shown_in_the_tree(project, tmp_path) -> None:
    """Transcripts are often in Downloads, not in the project the app started in."""
    from goedwerkplaats.tui.screens.import_transcript import TranscriptTree

    new_session(project, "gwp-1").close()
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    (downloads / "zoom.vtt").write_text(VTT, "utf-8")
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        screen = await preview_and_import(pilot, downloads)
        tree = screen.query_one(TranscriptTree)
        assert tree.path == downloads
        assert "staat links; kies daar een bestand" in str(screen.query_one("#preview").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        messages = [n.message for n in pilot.app._notifications]
        assert "Dat is een map; kies links een bestand." in messages
        tree.focus()
        await pilot.press("backspace")
        await pilot.pause()
        assert tree.path == tmp_path


async def test_a_path_and_one_key_typed_in_one_burst_import(project, tmp_path) -> None:
    from textual import events

    new_session(project, "gwp-1").close()
    transcript = tmp_path / "zoom.vtt"
    transcript.write_text(VTT, "utf-8")
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        for character in str(transcript):  # as fast as a paste: ^S comes after the path
            pilot.app.post_message(events.Key(character, character))
        pilot.app.post_message(events.Key("ctrl+s", None))
        await until(pilot, lambda: not isinstance(pilot.app.screen, ImportScreen))
    assert len(project.load_session("gwp-1").session.segments) == 2


async def test_the_transcribe_dialog_asks_before_doubling_an_imported_transcript(
    project, tmp_path
) -> None:
    """What the recogniser heard (a real Recognition, built here instead of listening)
    covers the time of the transcript already imported: ^S asks first, like the import."""
    from goedwerkplaats.importers import apply_import, plan_import
    from goedwerkplaats.speech import Recognition, plan_speech
    from goedwerkplaats.speech.recognise import Piece, Word
    from goedwerkplaats.tui.screens.confirm import TypedConfirmScreen
    from goedwerkplaats.tui.screens.transcribe import TranscribeScreen

    store = new_session(project, "gwp-1")
    zoom = tmp_path / "zoom.vtt"
    zoom.write_text(VTT, "utf-8")
    apply_import(store, plan_import(store.session, project.load_guide(), zoom))
    store.close()
    words = (Word(4.0, 5.0, " Welkom", 0.9), Word(5.0, 6.0, " allemaal.", 0.9))
    heard = Recognition(tmp_path / "opname.wav", "klein", "nl", 20.0, (Piece(4.0, 6.0, words),))
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, TranscribeScreen)
        session = project.load_session("gwp-1").session
        speech = plan_speech(session, project.load_guide(), heard, "0" * 64)
        screen.heard(speech, heard)
        assert "LET OP: dit lijkt een tweede" in str(screen.query_one("#report").render())
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, TypedConfirmScreen))
        await pilot.press("escape")
        await until(pilot, lambda: pilot.app.screen is screen)
        assert len(project.load_session("gwp-1").session.imports) == 1
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(pilot.app.screen, TypedConfirmScreen))
        await pilot.press(*"dubbel", "enter")
        await until(
            pilot, lambda: not isinstance(pilot.app.screen, (TranscribeScreen, TypedConfirmScreen))
        )
    assert len(project.load_session("gwp-1").session.imports) == 2
