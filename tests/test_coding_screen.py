"""The transcriber's coding screen, driven by the keyboard."""

from __future__ import annotations

import dataclasses
import random
import threading

from goedwerkplaats.model.changes import PutParticipant, PutSegment
from goedwerkplaats.model.session import FLAG_QUOTE, Participant, Segment, SessionMeta
from goedwerkplaats.storage import journal as journal_module
from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.coding import CodingScreen, SegmentEditor
from tests.helpers import FakeClock
from tests.live_driver import settle, type_text

WORDS = [
    "de",
    "klantmanager",
    "werk",
    "uitkering",
    "burger",
    "gemeente",
    "vertrouwen",
    "caseload",
    "team",
    "leidinggevende",
    "wethouder",
    "beleid",
    "en",
    "ik",
    "vind",
    "dat",
    "we",
    "het",
    "niet",
    "zo",
    "goed",
    "doen",
]


def transcript_session(project, count: int = 12, session_id: str = "gwp-1") -> None:
    project.create_session(SessionMeta(id=session_id, title="Transcript", date="2026-11-20"))
    rng = random.Random(7)
    changes = [PutParticipant(Participant("GL", facilitator=True))]
    changes += [PutParticipant(Participant(f"P{n}")) for n in range(1, 5)]
    for n in range(1, count + 1):
        speaker = "GL" if n % 6 == 1 else f"P{1 + n % 4}"
        text = " ".join(rng.choices(WORDS, k=12)) + "."
        if n == 3:
            text = "Bij ons telt alleen de uitstroom, en verder niets."
        changes.append(
            PutSegment(
                Segment(
                    id=f"s{n}",
                    start=n * 3.0,
                    end=n * 3.0 + 2.5,
                    speaker=speaker,
                    statement=str(1 + (n - 1) * 3 // count),
                    text=text,
                    kind="transcript",
                )
            )
        )
    with project.open_session(session_id) as store:
        store.apply(*changes)


async def open_coding(pilot) -> CodingScreen:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("c")
    await settle(pilot)  # the session opens in a worker, then its screen comes
    screen = pilot.app.screen
    assert isinstance(screen, CodingScreen)
    return screen


def on_disk(project):  # type: ignore[no-untyped-def]
    return project.load_session("gwp-1").session


async def test_coding_keys_save_at_once_and_progress_counts(project) -> None:
    transcript_session(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        coding = await open_coding(pilot)
        assert coding.current().id == "s2"  # the facilitator's first line is skipped
        await pilot.press("k", "1", "asterisk")
        await settle(pilot)
        s2 = on_disk(project).segments.get("s2")
        assert s2.themes == ("klant",) and s2.arena == "spreekkamer" and FLAG_QUOTE in s2.flags
        await pilot.press("1")  # the same arena again clears it
        await pilot.press("space")  # next uncoded
        assert coding.current().id == "s3"
        await pilot.press("p", "c", "c")  # toggling twice leaves caseload off
        await settle(pilot)
        assert on_disk(project).segments.get("s3").themes == ("prestaties",)
        assert on_disk(project).segments.get("s2").arena is None
        progress = str(coding.query_one("#progress").render())
        assert "st.1 2/" in progress and "totaal 2/10 (20%)" in progress
        await pilot.press("ctrl+z")  # undo the last toggle of caseload
        await settle(pilot)
        assert on_disk(project).segments.get("s3").themes == ("prestaties", "caseload")


async def test_split_at_the_cursor_and_merge_again(project) -> None:
    transcript_session(project)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        coding = await open_coding(pilot)
        coding.table.move_to("s3")
        await pilot.press("enter")
        editor = coding.query_one(SegmentEditor)
        assert editor.has_focus
        editor.move_cursor((0, len("Bij ons telt alleen de uitstroom,")))
        await pilot.press("ctrl+t")
        await settle(pilot)
        session = on_disk(project)
        first, second = session.segments.get("s3"), session.segments[3]
        assert first.text == "Bij ons telt alleen de uitstroom,"
        assert second.text == "en verder niets." and second.start > first.start
        assert coding.current().id == second.id
        coding.table.move_to("s3")
        await pilot.press("plus")
        await settle(pilot)
        assert on_disk(project).segments.get("s3").text == (
            "Bij ons telt alleen de uitstroom, en verder niets."
        )
        assert second.id not in on_disk(project).segments


async def test_search_filter_note_and_speaker(project) -> None:
    transcript_session(project)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        coding = await open_coding(pilot)
        await pilot.press("slash")
        await type_text(pilot, "uitstroom")
        await pilot.press("enter")
        assert coding.current().id == "s3"
        await pilot.press("ctrl+n")
        await type_text(pilot, "mooi citaat voor hoofdstuk 2")
        await pilot.press("enter")
        await pilot.press("ctrl+e")
        await pilot.pause()  # the choice opens before the key is read
        await pilot.press("4")  # P4 speaks here
        await settle(pilot)
        s3 = on_disk(project).segments.get("s3")
        assert s3.note == "mooi citaat voor hoofdstuk 2" and s3.speaker == "P4"
        await pilot.press("ctrl+f")
        await type_text(pilot, "stelling:3 ongecodeerd")
        await pilot.press("enter")
        shown = coding.table.keys()
        assert shown and coding.filter.statement == "3" and coding.filter.uncoded
        session = on_disk(project)
        assert all(session.segments.get(key).statement == "3" for key in shown)
        assert not any(session.segments.get(key).is_coded for key in shown)
        await pilot.press("ctrl+f")
        await type_text(pilot, "spreker:P9")
        await pilot.press("enter")
        assert "onbekende spreker 'P9'" in str(coding.status.query_one("#message").render())


async def test_coding_stays_instant_on_2500_segments(project, monkeypatch) -> None:
    """Responsiveness on a big session, asserted by what makes it fast, not by a stopwatch
    (the benchmark suite prints the times): no disk work on the event loop, and a key press
    redraws only the rows it touched instead of rebuilding the list."""
    transcript_session(project, count=2500)
    writer_threads: set[str] = set()
    real_append = journal_module.JournalWriter.append

    def spying_append(self, records):  # type: ignore[no-untyped-def]
        writer_threads.add(threading.current_thread().name)
        real_append(self, records)

    monkeypatch.setattr(journal_module.JournalWriter, "append", spying_append)
    async with build_app(project, FakeClock()).run_test(size=(120, 40)) as pilot:
        coding = await open_coding(pilot)
        assert coding.table.row_count == 2500
        coding.table.move_cursor(1800)
        await pilot.pause()
        rebuilds = []
        monkeypatch.setattr(coding.table, "show_all", lambda *a: rebuilds.append(a))
        for key in ["k", "v", "2", "space", "c", "down", "down", "asterisk", "space", "m"]:
            await pilot.press(key)
        await settle(pilot)
        assert rebuilds == []
        assert threading.main_thread().name not in writer_threads
        assert writer_threads == {"goedwerkplaats-opslaan"}
    coded = [s for s in on_disk(project).segments if s.is_coded]
    assert len(coded) == 3


async def test_keys_typed_faster_than_the_screen_draws_apply_in_order(project) -> None:
    from textual import events

    transcript_session(project, count=60)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await open_coding(pilot)
        for _ in range(10):  # key repeat: all queued before any is handled
            pilot.app.post_message(events.Key("k", "k"))
            pilot.app.post_message(events.Key("space", " "))
        await settle(pilot)
    assert sum(1 for s in on_disk(project).segments if s.themes == ("klant",)) == 10


async def test_merge_refuses_a_hidden_row_or_another_speaker(project) -> None:
    transcript_session(project)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        coding = await open_coding(pilot)
        coding.table.move_to("s3")  # P4; s4 after it is P1's
        await pilot.press("plus")
        await settle(pilot)
        assert "andere spreker" in str(coding.status.query_one("#message").render())
        await pilot.press("ctrl+f")
        await type_text(pilot, "spreker:P4")
        await pilot.press("enter")
        coding.table.move_to("s3")
        await pilot.press("plus")
        await settle(pilot)
        assert "verborgen door het filter" in str(coding.status.query_one("#message").render())
    session = on_disk(project)
    assert session.segments.get("s3").text == "Bij ons telt alleen de uitstroom, en verder niets."
    assert "s4" in session.segments


async def test_split_before_a_comma_keeps_the_comma_with_the_words_before_it(project) -> None:
    transcript_session(project)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        coding = await open_coding(pilot)
        coding.table.move_to("s3")
        await pilot.press("enter")
        editor = coding.query_one(SegmentEditor)
        editor.move_cursor((0, len("Bij ons telt alleen de uitstroom")))
        await pilot.press("ctrl+t")
        await settle(pilot)
        session = on_disk(project)
        assert session.segments.get("s3").text == "Bij ons telt alleen de uitstroom,"
        assert session.segments[3].text == "en verder niets."


def test_pick_keys_follow_the_live_screen_and_reach_beyond_nine() -> None:
    from goedwerkplaats.tui.screens.pick import speaker_keys

    people = [Participant(f"P{n}") for n in (1, 2, 10, 11)] + [Participant("GL", facilitator=True)]
    assert speaker_keys(people) == ["1", "2", "a", "b", "0"]


async def test_statement_pick_offers_every_stelling_of_the_guide(project) -> None:
    from goedwerkplaats.tui.screens.pick import PickScreen

    transcript_session(project)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        coding = await open_coding(pilot)
        coding.table.move_to("s2")
        await pilot.press("ctrl+k")
        await pilot.pause()
        pick = pilot.app.screen
        assert isinstance(pick, PickScreen)
        assert [value for value, _ in pick.by_key.values()] == [
            *(s.id for s in coding.guide.statements),
            "",  # and "zonder stelling", for the opening before the first
        ]
        assert list(pick.by_key) == ["1", "2", "3", "0"]  # 0: never a fourth stelling's key
        shown = str(pick.query_one("Static").render())
        assert "1  De cliënten" in shown and "1. De" not in shown  # not "1  1. De cliënten"
        await pilot.press("3")
        await settle(pilot)
        assert on_disk(project).segments.get("s2").statement == "3"
        coding.table.move_to("s1")
        await pilot.press("ctrl+k")
        await pilot.pause()
        await pilot.press("0")  # zonder stelling
        await settle(pilot)
        assert "zonder stelling gezet" in str(coding.status.query_one("#message").render())
    assert on_disk(project).segments.get("s1").statement is None


async def test_a_transcript_without_speakers_gets_them_while_coding(project) -> None:
    """An automatic transcription names nobody: ^E offers a new participant and the facilitator."""
    project.create_session(SessionMeta(id="gwp-1", title="Whisper", date="2026-11-20"))
    lines = ["Welkom allemaal bij deze sessie.", "Ik werk als klantmanager.", "Ik ook."]
    with project.open_session("gwp-1") as store:
        store.apply(
            *(
                PutSegment(Segment(id=f"s{n}", start=n * 5.0, text=text, kind="transcript"))
                for n, text in enumerate(lines, 1)
            )
        )
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        coding = await open_coding(pilot)
        coding.table.move_to("s1")
        await pilot.press("ctrl+e")
        await pilot.pause()
        picker = str(pilot.app.screen.query_one("Static").render())
        assert "P1  (nieuw)" in picker and "(gespreksleider)  (nieuw)" in picker
        await pilot.press("0")
        await settle(pilot)
        coding.table.move_to("s2")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("1")
        await settle(pilot)
        coding.table.move_to("s3")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert "P2  (nieuw)" in str(pilot.app.screen.query_one("Static").render())
        await pilot.press("2")
        await settle(pilot)
    session = on_disk(project)
    assert [s.speaker for s in session.segments] == ["GL", "P1", "P2"]
    assert session.participants["GL"].facilitator
    assert set(session.participants) == {"GL", "P1", "P2"}


async def test_a_filter_that_hides_the_current_segment_goes_on_from_its_time(project) -> None:
    transcript_session(project)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        coding = await open_coding(pilot)
        coding.table.move_to("s5")
        await pilot.press("ctrl+f")
        await type_text(pilot, "spreker:P1")
        await pilot.press("enter")
        await settle(pilot)
        assert coding.table.keys() == ["s4", "s8", "s12"]
        assert coding.current().id == "s8"  # not the last match, s12
        await pilot.press("ctrl+f")
        await pilot.press("ctrl+u")  # clear the line: the filter goes off
        await pilot.press("enter")
        await settle(pilot)
        assert not coding.filter.active and coding.current().id == "s8"


async def test_keys_typed_right_after_a_pick_go_to_the_list(project) -> None:
    """'^E 0 ↓ ^E 1' typed in one go: the second choice is for the next segment."""
    from textual import events

    transcript_session(project)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        coding = await open_coding(pilot)
        coding.table.move_to("s2")
        for key, character in (
            ("ctrl+e", None),
            ("3", "3"),
            ("down", None),
            ("ctrl+e", None),
            ("4", "4"),
        ):
            pilot.app.post_message(events.Key(key, character))
        await settle(pilot)
        assert coding.current().id == "s3"
    session = on_disk(project)
    assert (session.segments.get("s2").speaker, session.segments.get("s3").speaker) == ("P3", "P4")


async def test_inline_codes_typed_in_the_editor_are_applied(project) -> None:
    transcript_session(project)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        coding = await open_coding(pilot)
        coding.table.move_to("s3")
        await pilot.press("enter")
        editor = coding.query_one(SegmentEditor)
        editor.move_cursor((0, len(editor.text)))
        await type_text(pilot, " #rollen @maatschappelijk-veld #rolen")
        await pilot.press("escape")
        await settle(pilot)
        assert editor.has_focus  # an unknown code: the editor stays open with the words
        assert "#rolen" in str(coding.status.query_one("#message").render())
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press("backspace", "escape")
        await settle(pilot)
        assert not editor.has_focus
    s3 = on_disk(project).segments.get("s3")
    assert s3.text == "Bij ons telt alleen de uitstroom, en verder niets."
    assert s3.themes == ("rollen",) and s3.arena == "maatschappelijk-veld"


async def test_a_turn_too_long_for_the_panel_says_where_the_rest_is(project) -> None:
    transcript_session(project)
    long_turn = " ".join(["Dit is een lange beurt over werk en inkomen."] * 12)
    with project.open_session("gwp-1") as store:
        segment = store.session.segments.get("s3")
        store.apply(PutSegment(dataclasses.replace(segment, themes=("klant",), text=long_turn)))
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        coding = await open_coding(pilot)
        coding.table.move_to("s3")
        await settle(pilot)
        shown = str(coding.query_one("#segment-text").render())
        assert "codes: De burger als 'klant'" in shown  # the codes stay in sight
        assert "… Enter toont de hele tekst" in shown
