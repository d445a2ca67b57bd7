"""A facilitator in a real process: types half a quote, waits until the draft is on disk,
says so and waits to be killed (the crash test kills it with SIGKILL)."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.draft import DRAFT_FILE
from goedwerkplaats.tui.app import build_app
from tests.live_driver import open_live, type_text


async def type_and_wait(folder: str, speaker: str, text: str) -> None:
    project = Project(Path(folder))
    async with build_app(project).run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        await pilot.press(speaker)
        await type_text(pilot, text)
        draft = live.store.folder / DRAFT_FILE  # type: ignore[union-attr]
        while text not in (draft.read_text("utf-8") if draft.exists() else ""):
            await pilot.pause(0.1)
        print("concept bewaard", flush=True)
        while True:  # the laptop dies here
            time.sleep(1)


if __name__ == "__main__":
    asyncio.run(type_and_wait(sys.argv[1], sys.argv[2], sys.argv[3]))
