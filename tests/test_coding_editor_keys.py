"""^Home and ^End in the coding editor: the begin and end of the whole text (TextArea has
no key for them; tmux sends them as ctrl+home/ctrl+end, ESC[1;5H and ESC[1;5F)."""

from __future__ import annotations

from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.coding import SegmentEditor
from tests.helpers import FakeClock
from tests.live_driver import settle
from tests.test_coding_screen import on_disk, open_coding, transcript_session


async def test_ctrl_end_and_ctrl_home_go_to_the_ends_of_the_text(project) -> None:
    transcript_session(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        coding = await open_coding(pilot)
        coding.table.move_to("s3")
        await pilot.press("enter")
        editor = coding.query_one(SegmentEditor)
        words = "Bij ons telt alleen de uitstroom, en verder niets."
        assert editor.text == words
        editor.insert("\nen een tweede regel", (0, len(words)))
        editor.move_cursor((0, 3))
        await pilot.press("ctrl+end", "!", "ctrl+home", ">")
        assert editor.text == f">{words}\nen een tweede regel!"
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = on_disk(project).segments.get("s3").text
    assert saved.startswith(">Bij ons") and saved.endswith("tweede regel!")
