"""The facilitator's screen, driven by the keyboard as a facilitator would."""

from __future__ import annotations

import dataclasses
import errno

from goedwerkplaats.model.session import FLAG_QUOTE, KIND_MARKER
from goedwerkplaats.storage import journal as journal_module
from goedwerkplaats.storage.session_store import SNAPSHOT_FILE
from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.live import LiveScreen, TagPanel
from goedwerkplaats.tui.screens.stances import StanceScreen
from tests.helpers import FakeClock, new_session
from tests.live_driver import open_live, settle, type_text


def on_disk(project, session_id: str = "gwp-1"):
    return project.load_session(session_id).session


async def test_a_short_session_by_keyboard_is_saved_as_typed(project) -> None:
    new_session(project).close()
    clock = FakeClock()
    app = build_app(project, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        assert live.input.has_focus
        clock.advance(30)
        await pilot.press("2")  # speaker P2, chosen in advance
        clock.advance(12)
        await type_text(pilot, "Ik vind klant een raar woord #klant")  # the quote starts: 0:42
        clock.advance(20)
        await pilot.press("enter")
        await settle(pilot)
        first = on_disk(project).segments[0]
        assert (first.speaker, first.statement, first.start) == ("P2", "1", 42.0)
        assert first.text == "Ik vind klant een raar woord" and first.themes == ("klant",)

        await pilot.press("enter")  # an empty line: tag the last quote
        assert isinstance(app.focused, TagPanel)
        await pilot.press("v", "1", "asterisk", "enter")
        await settle(pilot)
        tagged = on_disk(project).segments[0]
        assert tagged.themes == ("klant", "vertrouwen")
        assert tagged.arena == "spreekkamer" and FLAG_QUOTE in tagged.flags
        assert live.input.has_focus

        clock.advance(60)
        await pilot.press("pagedown")  # next stelling
        clock.advance(5)
        await pilot.press("ctrl+r")  # the recording started at 2:07 session time
        clock.advance(10)
        await pilot.press("backspace", "1")  # P2 stays unless changed: Backspace, then P1
        await type_text(pilot, "Bij ons telt alleen de uitstroom @eigen-organisatie")
        await pilot.press("enter")
        await pilot.press("ctrl+b")  # a bare time marker
        await settle(pilot)
        session = on_disk(project)
        assert session.meta.recording_offset == 127.0
        second = session.segments[1]
        assert (second.speaker, second.statement, second.start) == ("P1", "2", 137.0)
        assert second.arena == "eigen-organisatie"
        assert session.segments[2].kind == KIND_MARKER
        assert [s.statement for s in session.timeline] == ["1", "2"]

        await pilot.press("up")  # to the list; the marker is selected
        await pilot.press("up", "e")  # edit P1's quote
        live.input.value = "Bij ons telt vooral de uitstroom"
        await pilot.press("enter")
        await settle(pilot)
        assert on_disk(project).segments[1].text == "Bij ons telt vooral de uitstroom"
        await pilot.press("ctrl+z")  # undo the edit
        await settle(pilot)
        assert on_disk(project).segments[1].text == "Bij ons telt alleen de uitstroom"

        await pilot.press("ctrl+o")  # stances on stelling 2
        await pilot.pause()
        assert isinstance(app.screen, StanceScreen)
        await pilot.press("4", "2", "escape")
        await settle(pilot)
        stances = on_disk(project).stances
        assert stances[("2", "P1", "begin")].value == 4
        assert stances[("2", "P2", "begin")].value == 2

        assert live.input.has_focus  # after an edit the keys go to the quote line again
        await pilot.press("up", "up")  # the list opens on the marker; one up is P1's quote
        assert live.table.has_focus
        await pilot.press("d")  # delete the selected quote (P1's)
        await settle(pilot)
        assert [s.speaker for s in on_disk(project).segments if not s.is_marker] == ["P2"]

        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("v")  # leave: everything folded into sessie.yaml
        await settle(pilot)
        assert not isinstance(app.screen, LiveScreen)
    folder = project.session_folder("gwp-1")
    assert (folder / "journaal.jsonl").read_bytes() == b""
    text = (folder / SNAPSHOT_FILE).read_text("utf-8")
    assert "tekst: Ik vind klant een raar woord" in text
    assert "opname_start: 127.0" in text


async def test_the_time_is_when_typing_began_not_when_enter_was_pressed(project) -> None:
    new_session(project).close()
    clock = FakeClock()
    async with build_app(project, clock).run_test() as pilot:
        await open_live(pilot)
        clock.advance(10)
        await type_text(pilot, "Eerst")
        clock.advance(15)
        await type_text(pilot, " en dan nog veel meer")
        clock.advance(30)
        await pilot.press("enter")
        await settle(pilot)
    assert on_disk(project).segments[0].start == 10.0


async def test_an_unknown_code_keeps_the_text_and_suggests(project) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)
        await type_text(pilot, "Echt waar #vertrouwn")
        await pilot.press("enter")
        await settle(pilot)
        message = str(live.status.query_one("#message").render())
        assert "onbekend thema '#vertrouwn'; bedoelde u #vertrouwen of #wantrouwen?" in message
        assert live.input.value == "Echt waar #vertrouwn"
    assert len(on_disk(project).segments) == 0


async def test_the_session_timer_reads_in_the_format_of_its_budget(project) -> None:
    """Against a budget of 1:20:00 the time spent shows hours too; over budget it turns red."""
    new_session(project).close()
    clock = FakeClock()
    async with build_app(project, clock).run_test() as pilot:
        live = await open_live(pilot)
        timers = live.query_one("#timers")
        clock.advance(82)
        live.show_timers()
        assert "totaal 0:01:22/1:20:00" in str(timers.render())
        clock.advance(4900 - 82)
        live.show_timers()
        shown = timers.render()
        assert "totaal 1:21:40/1:20:00" in str(shown)
        over = [span for span in shown.spans if "red" in str(span.style)]
        assert any(str(shown)[span.start : span.end] == "1:21:40/1:20:00" for span in over)


async def test_a_crash_resumes_with_quotes_timers_and_the_unfinished_quote(project) -> None:
    new_session(project).close()
    clock = FakeClock()
    app = build_app(project, clock)
    async with app.run_test() as pilot:
        live = await open_live(pilot)
        clock.advance(100)
        await pilot.press("pagedown")
        await pilot.press("3")
        await type_text(pilot, "Een gedachte die nog niet af")
        await pilot.pause(1.0)  # the draft is kept after a short pause in typing
        await settle(pilot)
        # the laptop dies: nothing is closed or folded, the lock is simply gone
        live.store._journal.close()
        live.store.lock.release()
        live.saver = None
    clock.advance(300)
    async with build_app(project, clock).run_test() as pilot:
        live = await open_live(pilot)
        assert live.current() == "2"
        assert live.now() == 400.0
        assert live.input.value == "Een gedachte die nog niet af"
        assert live.speaker == "P3" and live.capture_start == 100.0
        await pilot.press("enter")
        await settle(pilot)
    segment = on_disk(project).segments[0]
    assert (segment.start, segment.statement, segment.speaker) == (100.0, "2", "P3")


async def test_disk_full_keeps_the_quote_and_offers_it_again(project, monkeypatch) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)

        def full(fd: int, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(journal_module.os, "write", full)
        await pilot.press("1")
        await type_text(pilot, "Dit mag niet verloren gaan")
        await pilot.press("enter")
        await settle(pilot)
        saved = str(live.status.query_one("#saved").render())
        assert "1 niet opgeslagen" in saved
        assert "de schijf is vol" in str(live.status.query_one("#message").render())
        assert live.table.row_count == 1  # still on screen, still in memory
        assert len(on_disk(project).segments) == 0
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # room again: save what was waiting
        await settle(pilot)
        assert "opgeslagen" in str(live.status.query_one("#saved").render())
    assert on_disk(project).segments[0].text == "Dit mag niet verloren gaan"


async def test_the_screen_answers_keys_while_a_slow_disk_saves(project, monkeypatch) -> None:
    new_session(project).close()
    import threading

    release = threading.Event()
    real_append = journal_module.JournalWriter.append

    def slow_append(self, records):  # type: ignore[no-untyped-def]
        release.wait(10)  # a disk that takes its time
        real_append(self, records)

    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)  # opened and started on a quick disk
        monkeypatch.setattr(journal_module.JournalWriter, "append", slow_append)
        await pilot.press("1")
        await type_text(pilot, "Eerste")
        await pilot.press("enter")
        await type_text(pilot, "Tweede citaat terwijl de schijf bezig is")
        assert live.input.value == "Tweede citaat terwijl de schijf bezig is"
        assert "opslaan" in str(live.status.query_one("#saved").render())
        release.set()
        await settle(pilot)
        assert "✓ opgeslagen" in str(live.status.query_one("#saved").render())
    assert on_disk(project).segments[0].text == "Eerste"


async def test_a_session_open_elsewhere_is_refused_with_who_has_it(project) -> None:
    store = new_session(project)
    async with build_app(project, FakeClock()).run_test() as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(pilot.app.screen, LiveScreen)
        assert any("in gebruik door" in n.message for n in pilot.app._notifications)
    store.close()


async def test_every_key_is_in_the_command_palette(project) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)
        from goedwerkplaats.tui.commands import binding_commands

        titles = {c.title for c in binding_commands(live)}
        assert {
            "Volgende stelling",
            "Taggen",
            "Opname",
            "Markering",
            "Ongedaan",
            "Posities",
            "Deelnemers",
            "Hulp",
        } <= titles


async def test_closing_with_unsaved_changes_leaves_a_rescue_file_to_recover(
    project, monkeypatch, tmp_path, capsys
) -> None:
    from goedwerkplaats.cli import main
    from goedwerkplaats.storage import rescue

    new_session(project).close()
    monkeypatch.setattr(rescue, "rescue_folders", lambda: [tmp_path / "nood"])
    app = build_app(project, FakeClock())
    async with app.run_test() as pilot:
        await open_live(pilot)

        def full(fd: int, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(journal_module.os, "write", full)
        await pilot.press("1")
        await type_text(pilot, "Niet verloren")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+q")  # the disk is still full: quit anyway
        await pilot.pause()
    monkeypatch.undo()
    assert app.return_code == 1
    rescued = next((tmp_path / "nood").iterdir())
    said = capsys.readouterr().err.replace("\n", "")  # printed as the app closed
    assert "1 wijziging(en) konden niet worden opgeslagen" in said
    assert f"goedwerkplaats recover {rescued} --sessie gwp-1" in said
    assert (
        main(["--project", str(project.root), "recover", str(rescued), "--session", "gwp-1"]) == 0
    )
    assert on_disk(project).segments[0].text == "Niet verloren"


async def test_an_ended_session_keeps_its_clock_until_resumed(project) -> None:
    new_session(project).close()
    clock = FakeClock()
    async with build_app(project, clock).run_test() as pilot:
        live = await open_live(pilot)
        clock.advance(600)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("b")  # end the session at 10:00
        await settle(pilot)
    clock.advance(3600)
    async with build_app(project, clock).run_test() as pilot:
        live = await open_live(pilot)
        assert live.now() == 600.0
        assert "beëindigd" in str(live.status.query_one("#message").render())
        await pilot.press("f9")
        await settle(pilot)
        assert live.now() == 4200.0
    assert on_disk(project).meta.ended_at is None


async def test_editing_keeps_the_quote_being_typed_and_esc_cancels(project) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)
        await pilot.press("1")
        await type_text(pilot, "Eerste citaat")
        await pilot.press("enter")
        await pilot.press("backspace", "2")
        await type_text(pilot, "Half getypt")
        await pilot.press("up", "e")  # edit the first quote in the middle of typing
        assert live.input.value == "Eerste citaat"
        await pilot.press("end")
        await type_text(pilot, " erbij")
        await pilot.press("enter")
        await settle(pilot)
        assert live.input.has_focus and live.input.value == "Half getypt"
        assert live.speaker == "P2"
        await pilot.press("up", "e")
        await type_text(pilot, "XXX")
        await pilot.press("escape")  # cancel: nothing changes
        assert live.input.value == "Half getypt"
        await pilot.press("enter")
        await settle(pilot)
    texts = [(s.speaker, s.text) for s in on_disk(project).segments]
    assert texts == [("P1", "Eerste citaat erbij"), ("P2", "Half getypt")]


async def test_a_quote_may_start_with_a_digit_once_the_speaker_is_chosen(project) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)
        await pilot.press("1")
        await type_text(pilot, "40 mensen in mijn caseload")
        await pilot.press("enter")
        await pilot.press("backspace", "2", "backspace", "3")  # changed my mind: P3
        await type_text(pilot, "2 jaar geleden")
        await pilot.press("enter")
        await settle(pilot)
        assert "P4" not in live.editor.session.participants
    texts = [(s.speaker, s.text) for s in on_disk(project).segments]
    assert texts == [("P1", "40 mensen in mijn caseload"), ("P3", "2 jaar geleden")]


async def test_tagging_keys_typed_in_a_burst_all_land(project) -> None:
    from textual import events

    new_session(project).close()
    async with build_app(project, FakeClock()).run_test() as pilot:
        await open_live(pilot)
        await pilot.press("1")
        await type_text(pilot, "Snel getagd")
        await pilot.press("enter")
        for key, char in (("enter", "\r"), ("v", "v"), ("2", "2"), ("enter", "\r")):
            pilot.app.post_message(events.Key(key, char))
        await settle(pilot)
    segment = on_disk(project).segments[0]
    assert (segment.themes, segment.arena) == (("vertrouwen",), "eigen-organisatie")


async def test_quotes_typed_in_one_burst_keep_their_speakers(project) -> None:
    from textual import events

    new_session(project).close()
    async with build_app(project, FakeClock()).run_test() as pilot:
        await open_live(pilot)
        burst = ["1", "a", "b", "enter", "backspace", "2", "c", "enter", "enter", "v", "enter"]
        burst += ["backspace", "3", "d"]
        for key in burst:
            character = {"enter": "\r", "backspace": "\x7f"}.get(key, key)
            pilot.app.post_message(events.Key(key, character))
        await settle(pilot)
        assert pilot.app.screen.input.value == "d"
    saved = [(s.speaker, s.text, s.themes) for s in on_disk(project).segments]
    assert saved == [("P1", "ab", ()), ("P2", "c", ("vertrouwen",))]


async def test_enter_on_an_empty_line_tags_the_last_quote_after_reopening(project) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test() as pilot:
        await open_live(pilot)
        await pilot.press("1")
        await type_text(pilot, "Van gisteren")
        await pilot.press("enter", "f10", "v")  # leave; the session stays open for later
        await settle(pilot)
    async with build_app(project, FakeClock()).run_test() as pilot:
        await open_live(pilot)
        await pilot.press("enter", "v", "enter")
        await settle(pilot)
    assert on_disk(project).segments[0].themes == ("vertrouwen",)


async def test_the_command_palette_speaks_dutch_on_every_screen(project) -> None:
    from textual.widgets import Footer

    new_session(project).close()
    english = {"Bottom", "Top", "Select", "Copy selected text", "Focus Next", "Screenshot"}
    async with build_app(project, FakeClock()).run_test() as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        footer = str(pilot.app.screen.query_one(Footer).render())
        titles = {c.title for c in pilot.app.get_system_commands(pilot.app.screen)}
        live = await open_live(pilot)
        titles |= {c.title for c in pilot.app.get_system_commands(live)}
        live.input.focus()
        titles |= {c.title for c in pilot.app.get_system_commands(live)}
    assert not titles & english
    assert not any(t.startswith(("Cursor", "Page", "Scroll")) for t in titles), titles
    assert "palette" not in footer


async def test_the_recording_start_stays_once_a_transcript_is_imported(project) -> None:
    from goedwerkplaats.model.changes import PutSegment, SetMeta
    from goedwerkplaats.model.session import Segment
    from goedwerkplaats.model.timecode import format_time

    store = new_session(project)
    meta = store.session.meta
    store.apply(
        SetMeta(dataclasses.replace(meta, recording_offset=40.0)),
        PutSegment(Segment("s1", 45.0, speaker="P1", text="Uit de opname.", kind="transcript")),
    )
    store.close()
    async with build_app(project, FakeClock()).run_test() as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("l")  # Enter would open the transcript for coding
        await settle(pilot)
        live = pilot.app.screen
        assert isinstance(live, LiveScreen)
        await pilot.press("ctrl+r", "ctrl+r")
        await settle(pilot)
        assert "ligt vast op 00:00:40" in str(live.status.query_one("#message").render())
    assert project.load_session("gwp-1").session.meta.recording_offset == 40.0
    assert format_time(-0.4) == "00:00:00" and format_time(-1.2) == "-00:00:01"


async def test_the_empty_line_says_what_a_digit_does(project) -> None:
    """After the speaker's digit a second digit is text: the line says how to change speaker."""
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)
        assert live.input.placeholder.startswith("cijfer = spreker")
        await pilot.press("1")
        assert "Backspace = andere spreker" in live.input.placeholder
        await pilot.press("backspace", "2")
        await settle(pilot)
        assert live.speaker == "P2" and live.input.value == ""


async def test_a_big_group_at_80x24_keeps_the_stances_in_sight(project) -> None:
    from goedwerkplaats.model.changes import PutParticipant
    from goedwerkplaats.model.session import Participant

    store = new_session(project)
    store.apply(*(PutParticipant(Participant(f"P{n}")) for n in range(3, 9)))
    store.close()
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        await settle(pilot)
        live.refresh_all()
        # stelling 3, the longest shipped one, wraps at 80 columns: the panel gets shorter
        for switch in ("", "pagedown", "pagedown"):
            if switch:
                await pilot.press(switch)
            await settle(pilot)
            live.tick()  # the panel is drawn again each second, for its new height
            await settle(pilot)
            panel = live.query_one("#participants")
            lines = pilot.app.console.render_lines(
                panel.content, pilot.app.console.options.update_width(24)
            )
            shown = "\n".join("".join(seg.text for seg in line) for line in lines)
            assert len(lines) <= panel.content_size.height  # all of it fits
            assert "begin" in shown and "eind" in shown
            assert "… nog" in shown
        assert "serieus genomen." in str(live.query_one("#statement-text").render())
