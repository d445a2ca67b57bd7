"""Start goedwerkplaats as a user does (`goedwerkplaats --project MAP`, through the command
line) headless, and quit as soon as the session list is shown.

`run.py` times this whole process: interpreter start, imports, the first screen.
"""

from __future__ import annotations

import functools
import sys

from textual.app import App

from goedwerkplaats.cli import main
from goedwerkplaats.tui.app import GoedWerkPlaatsApp
from goedwerkplaats.tui.screens.session_list import SessionListScreen

shown = SessionListScreen.show_summaries


def show_and_quit(self, *args):  # type: ignore[no-untyped-def]
    shown(self, *args)
    self.app.exit()


SessionListScreen.show_summaries = show_and_quit  # type: ignore[method-assign]
GoedWerkPlaatsApp.run = functools.partialmethod(App.run, headless=True)  # type: ignore[method-assign]
raise SystemExit(main(["--project", sys.argv[1]]))
