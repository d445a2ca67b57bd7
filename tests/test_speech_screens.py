"""Speech recognition in the app: the transcribe dialog (listen, look, import, cancel) and the
coding screen's suggested speakers and unsure words."""

from __future__ import annotations

import asyncio

from textual.widgets import Input, Static

from goedwerkplaats.model.changes import PutParticipant, PutSegment
from goedwerkplaats.model.session import (
    FLAG_SUGGESTED_SPEAKER,
    KIND_TRANSCRIPT,
    Participant,
    Segment,
    SessionMeta,
)
from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.coding import CodingScreen
from goedwerkplaats.tui.screens.transcribe import TranscribeScreen
from tests.helpers import FakeClock
from tests.live_driver import settle, workers_done
from tests.speech_fixtures import live_session, needs_speech, speech_model_folder
from tests.speech_sample import english_guide


def recognised_session(project) -> None:  # type: ignore[no-untyped-def]
    """A session as a transcribe run leaves it: suggested speakers, some unsure words."""
    project.create_session(SessionMeta(id="gwp-1", title="Uit de opname", date="2026-11-28"))
    suggested = (FLAG_SUGGESTED_SPEAKER,)
    segments = [
        Segment("s1", 1.0, 3.0, "P1", "1", "the kitchen table is noisy", flags=suggested,
                kind=KIND_TRANSCRIPT, unsure=((1.4, "kitchen"),)),
        Segment("s2", 4.0, 6.0, None, "1", "I miss my colleagues", kind=KIND_TRANSCRIPT),
        Segment("s3", 7.0, 9.0, "P1", "1", "the train took two hours", flags=suggested,
                kind=KIND_TRANSCRIPT, unsure=((7.5, "train"), (8.1, "hours"))),
    ]  # fmt: skip
    with project.open_session("gwp-1") as store:
        store.apply(
            PutParticipant(Participant("GL", facilitator=True)),
            PutParticipant(Participant("P1")),
            PutParticipant(Participant("P2")),
            *(PutSegment(s) for s in segments),
        )


def panel(screen) -> str:  # type: ignore[no-untyped-def]
    return str(screen.query_one("#segment-text", Static).render())


async def test_coding_screen_shows_suggestions_and_jumps_to_unsure_words(project) -> None:
    recognised_session(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, CodingScreen)
        assert "F4 onzeker" in message(screen)
        assert screen.current().id == "s1"
        assert "voorstel; ^E bevestigt" in panel(screen)
        assert "onzeker herkend: 'kitchen'" in panel(screen)

        await pilot.press("f4")  # s2 has none: on to s3
        assert screen.current().id == "s3"
        assert "'train', 'hours'" in message(screen)
        await pilot.press("f4")  # and round to the first again
        assert screen.current().id == "s1"

        # ^E and a choice confirms: the suggestion mark goes, the chosen speaker stays
        await pilot.press("ctrl+e", "2")
        await settle(pilot)
        s1 = project.load_session("gwp-1").session.segments.get("s1")
        assert (s1.speaker, s1.speaker_suggested) == ("P2", False)

        # Enter, Esc: looked at and kept as it is; its words are no longer unsure
        await pilot.press("enter", "escape")
        await settle(pilot)
        assert project.load_session("gwp-1").session.segments.get("s1").unsure == ()
        await pilot.press("f4")
        assert screen.current().id == "s3"
        await pilot.press("f4")
        assert screen.current().id == "s3"  # the only one left
        await pilot.press("enter", "escape")
        await settle(pilot)
        await pilot.press("f4")
        assert "Geen onzeker herkende woorden" in message(screen)


async def open_transcribe(pilot, wav, model: str, language: str = "en") -> TranscribeScreen:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TranscribeScreen)
    screen.query_one("#recording", Input).value = str(wav)
    screen.query_one("#model", Input).value = model
    screen.query_one("#language", Input).value = language
    await pilot.pause()
    return screen


def state(screen: TranscribeScreen) -> str:
    return str(screen.query_one("#state", Static).render())


@needs_speech
async def test_transcribe_dialog_listens_shows_what_comes_in_and_imports(
    project, short_conversation
) -> None:
    english_guide(project)
    live_session(project, short_conversation.said)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_transcribe(pilot, short_conversation.wav, str(speech_model_folder()))
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Klaar met luisteren" in state(screen)
        report = str(screen.query_one("#report", Static).render())
        assert "te importeren (proef, niets opgeslagen)" in report
        assert "sprekers voorgesteld uit de live opname" in report
        assert not project.load_session("gwp-1").session.has_transcript()
        await pilot.press("ctrl+s")
        # the dialog closes itself once the import is written (its worker goes with it)
        for _ in range(400):
            await asyncio.sleep(0.05)
            if not isinstance(pilot.app.screen, TranscribeScreen):
                break
        assert not isinstance(pilot.app.screen, TranscribeScreen), state(screen)
    session = project.load_session("gwp-1").session
    transcript = [s for s in session.segments if s.kind == KIND_TRANSCRIPT]
    assert [s.speaker for s in transcript[:3]] == ["GL", "GL", "P1"]


@needs_speech
async def test_transcribe_dialog_esc_stops_listening_and_adds_nothing(
    project, conversation
) -> None:
    live_session(project, conversation.said)
    folder = project.session_folder("gwp-1")
    before = data_files(folder)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_transcribe(pilot, conversation.wav, str(speech_model_folder()))
        # ^S as its binding does, without pilot.press: that waits until the app is idle, and on
        # a quiet machine the whole recording had been heard by then, leaving nothing to stop
        screen.action_go()
        assert screen.listening, state(screen)
        await pilot.press("escape")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "afgebroken; er is niets aan de sessie toegevoegd" in state(screen)
        assert isinstance(pilot.app.screen, TranscribeScreen)  # still there, to start again
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, TranscribeScreen)
    assert data_files(folder) == before


def data_files(folder):  # type: ignore[no-untyped-def]
    """The session's own files; the list's hidden summary cache may be written on opening."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def message(screen) -> str:  # type: ignore[no-untyped-def]
    return str(screen.status.query_one("#message").render())


async def test_transcribe_dialog_asks_before_listening_to_a_doubling_recording(
    project, guide, tmp_path
) -> None:
    from goedwerkplaats.tui.screens.confirm import TypedConfirmScreen
    from tests.test_import_overlap import session_with_zoom, silent_recording

    session_with_zoom(project, guide).close()  # zoom.vtt: 00:00:02 to 00:01:23
    wav = silent_recording(tmp_path / "opname.wav", 60.0)
    absent = str(tmp_path / "geen-model")  # loading it is the first step of listening
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_transcribe(pilot, wav, absent)
        await pilot.press("ctrl+s")
        await workers_done(pilot)
        await pilot.pause()
        asked = pilot.app.screen
        assert isinstance(asked, TypedConfirmScreen)
        assert "opname.wav: de sessie heeft al een transcript van de tijd" in asked.text
        assert "'zoom.vtt' (geïmporteerd" in asked.text
        await pilot.press("escape")  # not confirmed: not listened to
        await pilot.pause()
        assert pilot.app.screen is screen
        assert "Niet beluisterd" in state(screen)
        await pilot.press("ctrl+s")
        await workers_done(pilot)
        await pilot.pause()
        assert isinstance(pilot.app.screen, TypedConfirmScreen)
        await pilot.press(*"dubbel", "enter")
        await workers_done(pilot)
        await pilot.pause()
        assert pilot.app.screen is screen  # not asked again: on to the model
        assert "geen-model" in state(screen) and "Niet beluisterd" not in state(screen)
    assert len(project.load_session("gwp-1").session.imports) == 1
