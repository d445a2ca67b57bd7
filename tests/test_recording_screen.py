"""Listening while coding, and transcribing from the recording, in the coding screen."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Static

from goedwerkplaats.media.link import make_link
from goedwerkplaats.media.output import NO_DEVICE, SILENT_ENV
from goedwerkplaats.media.player import PRE_ROLL
from goedwerkplaats.model.changes import PutParticipant, PutSegment, SetMeta
from goedwerkplaats.model.session import (
    KIND_MARKER,
    KIND_TRANSCRIPT,
    Participant,
    Segment,
    SessionMeta,
)
from goedwerkplaats.project.folder import Project
from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.coding import CodingScreen
from tests.helpers import FakeClock
from tests.live_driver import settle, type_text
from tests.media_files import make_recording


@pytest.fixture(autouse=True)
def no_sound(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine has no sound card either way; a developer's should stay quiet too."""
    monkeypatch.setenv(SILENT_ENV, "1")


def session_with_recording(
    project: Project, tmp_path: Path, segments: int = 6, offset: float | None = None
) -> Path:
    recording = make_recording(tmp_path / "opname.m4a", duration=24.0, clicks=[9.0])
    project.create_session(SessionMeta(id="gwp-1", title="Op locatie", date="2026-11-20"))
    meta = SessionMeta(
        id="gwp-1",
        title="Op locatie",
        date="2026-11-20",
        recording_offset=offset,
        recording=make_link(recording),
    )
    changes: list = [SetMeta(meta), PutParticipant(Participant("P1"))]
    for n in range(1, segments + 1):
        changes.append(
            PutSegment(
                Segment(f"s{n}", start=n * 3.0, speaker="P1", text=f"zin {n}", kind=KIND_TRANSCRIPT)
            )
        )
    with project.open_session("gwp-1") as store:
        store.apply(*changes)
    return recording


async def open_coding(pilot) -> CodingScreen:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("c")
    await settle(pilot)  # the session opens in a worker, then its screen comes
    screen = pilot.app.screen
    assert isinstance(screen, CodingScreen)
    await settle(pilot)  # the player opens in a worker once the session is open
    assert screen.player is not None
    return screen


def on_disk(project: Project):  # type: ignore[no-untyped-def]
    return project.load_session("gwp-1").session


async def test_player_line_keys_and_the_selection_following(project: Project, tmp_path) -> None:
    session_with_recording(project, tmp_path)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        coding = await open_coding(pilot)
        messages = [n.message for n in pilot.app._notifications]
        assert NO_DEVICE in messages, "said once that there is no sound device"
        line = str(coding.query_one("PlayerLine").render())
        assert "00:00:00 / 00:00:24" in line and "1×" in line
        await pilot.press("f7", "f7")  # forward 5 s twice, paused
        await pilot.pause()
        assert coding.player.position == 10.0
        assert coding.current().id == "s3", "the selection follows to the turn at 9 s"
        coding.table.move_to("s5")
        await pilot.press("ctrl+g")
        assert coding.player.position == 15.0 - PRE_ROLL
        await pilot.press("greater_than_sign", "greater_than_sign")
        assert coding.player.speed == 1.5
        await pilot.press("less_than_sign")
        assert coding.player.speed == 1.25
        await pilot.pause()
        assert "1.25×" in str(coding.query_one("PlayerLine").render())


async def test_following_while_playing(project: Project, tmp_path) -> None:
    session_with_recording(project, tmp_path)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        coding = await open_coding(pilot)
        coding.player.seek(8.8)
        coding.table.move_to("s1")
        await pilot.press("f5")
        for _ in range(200):
            if coding.player.position > 9.3:
                break
            await asyncio.sleep(0.02)
        await pilot.pause(0.2)
        assert coding.current().id == "s3", "the selection went along with the playhead"
        await pilot.press("ctrl+b")  # following off: a row chosen by hand stays
        coding.table.move_to("s1")
        await pilot.pause(0.3)
        assert coding.current().id == "s1"
        await pilot.press("f5")
        assert not coding.player.playing


async def test_start_and_end_of_a_segment_from_the_playhead(project: Project, tmp_path) -> None:
    session_with_recording(project, tmp_path, offset=2.0)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        coding = await open_coding(pilot)
        await pilot.press("ctrl+b")
        coding.table.move_to("s2")  # starts at session 6.0 = recording 4.0
        await pilot.press("ctrl+g")  # recording 3.0
        assert coding.player.position == 4.0 - PRE_ROLL
        await pilot.press("f7")  # recording 8.0
        await pilot.press("right_square_bracket")
        await pilot.press("f6", "f6")  # recording 0.0 (clamped), before the end
        await pilot.press("left_square_bracket")
        await settle(pilot)
        s2 = on_disk(project).segments.get("s2")
        assert s2.end == 10.0 and s2.start == 2.0, "session time = recording time + offset"
        await pilot.press("f7", "f7", "f7", "left_square_bracket")  # after the end: refused
        await settle(pilot)
        assert on_disk(project).segments.get("s2").start == 2.0
        assert "niets gewijzigd" in str(coding.query_one("#message").render())
        await pilot.press("ctrl+z")  # the refused key was no change: this undoes the start
        await settle(pilot)
        assert on_disk(project).segments.get("s2").start == 6.0


async def test_markers_and_linked_live_quotes(project: Project, tmp_path) -> None:
    session_with_recording(project, tmp_path)
    with project.open_session("gwp-1") as store:
        store.apply(
            PutSegment(Segment("m1", start=7.0, kind=KIND_MARKER)),
            PutSegment(Segment("m2", start=16.0, kind=KIND_MARKER)),
            PutSegment(Segment("q1", start=13.5, speaker="P1", text="zin", link="s4")),
        )
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        coding = await open_coding(pilot)
        await pilot.press("right_curly_bracket")
        assert coding.player.position == 7.0 - PRE_ROLL
        await pilot.press("right_curly_bracket")
        assert coding.player.position == 16.0 - PRE_ROLL
        await pilot.press("left_curly_bracket")
        assert coding.player.position == 7.0 - PRE_ROLL
        coding.table.move_to("s4")
        await pilot.press("ctrl+l")
        assert coding.player.position == 13.5 - PRE_ROLL


async def test_transcribing_stamps_the_moment_typing_began(project: Project, tmp_path) -> None:
    session_with_recording(project, tmp_path, segments=0, offset=30.0)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await open_coding(pilot)
        await pilot.press("f9")
        await pilot.press("f7", "f7")  # recording 10.0, paused
        await pilot.press("1")
        await type_text(pilot, "het werk #klant")
        await pilot.press("f7")  # the recording moves on while typing: the start does not
        await pilot.press("enter")
        await pilot.press("0")
        await type_text(pilot, "en verder?")
        await pilot.press("enter")
        await settle(pilot)
        session = on_disk(project)
        first, second = list(session.segments)
        assert (first.start, first.speaker, first.text) == (40.0, "P1", "het werk")
        assert first.themes == ("klant",) and first.kind == KIND_TRANSCRIPT
        assert (second.start, second.speaker) == (45.0, "GL")
        assert session.has_transcript()


async def test_auto_pause_waits_while_typing_and_rewinds(project: Project, tmp_path) -> None:
    session_with_recording(project, tmp_path, segments=0)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        coding = await open_coding(pilot)
        await pilot.press("f9", "ctrl+y", "f7", "f5")
        await pilot.press("2")
        await type_text(pilot, "ja")
        await pilot.pause()
        assert not coding.player.playing, "paused while typing"
        paused_at = coding.player.position
        await pilot.press("enter")
        await settle(pilot)
        assert coding.player.playing, "plays on after Enter"
        assert on_disk(project).segments[0].start == pytest.approx(paused_at, abs=0.001)
        assert paused_at - 1.6 < coding.player.position < paused_at


async def test_a_missing_recording_is_said_and_relinked_from_the_app(
    project: Project, tmp_path
) -> None:
    recording = session_with_recording(project, tmp_path)
    gone = recording.rename(tmp_path / "elders.m4a")
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c")
        await settle(pilot)
        await settle(pilot)
        coding = pilot.app.screen
        assert coding.player is None
        messages = " ".join(n.message for n in pilot.app._notifications)
        assert "opname.m4a" in messages and "niet gevonden" in messages and "F2" in messages
        await pilot.press("f5")
        assert "F2" in str(coding.query_one("#message").render())
        await pilot.press("f2")
        coding.query_one("#line").value = str(gone)
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert coding.player is not None
        link = on_disk(project).meta.recording
        assert link is not None and Path(link.path) == gone
        assert len(on_disk(project).segments) == 6, "nothing in the session lost"


async def test_the_help_lists_the_player_keys_as_remapped(project: Project, tmp_path) -> None:
    session_with_recording(project, tmp_path)
    (project.root / "toetsen.yaml").write_text("opname.afspelen: f12\n", "utf-8")
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        coding = await open_coding(pilot)
        await pilot.press("f12")
        assert coding.player.playing, "the remapped key plays"
        await pilot.press("f12", "f1")
        rows = dict(pilot.app.screen.rows)
        assert rows["F12"] == "afspelen / pauze" and "F5" not in rows
        assert rows["F9"].startswith("transcriberen") and rows["["].startswith("begin")


async def test_the_next_unsure_word_is_heard(project: Project, tmp_path) -> None:
    session_with_recording(project, tmp_path, offset=2.0)
    with project.open_session("gwp-1") as store:  # recognised 'zin' at 10.5 s session time
        store.apply(
            PutSegment(
                Segment(
                    "s3",
                    start=9.0,
                    speaker="P1",
                    text="zin 3",
                    kind=KIND_TRANSCRIPT,
                    unsure=((10.5, "zin"),),
                )
            )
        )
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        coding = await open_coding(pilot)
        coding.table.move_to("s1")
        await pilot.press("f4")
        assert coding.current() is not None and coding.current().id == "s3"
        assert coding.player.playing, "the spot is played, not only selected"
        assert coding.player.position == pytest.approx(10.5 - 2.0 - PRE_ROLL, abs=0.5)
        message = str(coding.status.query_one("#message", Static).render())
        assert "u hoort het op 00:00:08" in message
