"""Start the app headless on a project and quit as soon as the session list is shown.

`run.py` times this whole process: interpreter start, imports, the first screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from goedwerkplaats.project.folder import Project
from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.session_list import SessionListScreen

shown = SessionListScreen.show_summaries


def show_and_quit(self, *args):  # type: ignore[no-untyped-def]
    shown(self, *args)
    self.app.exit()


SessionListScreen.show_summaries = show_and_quit  # type: ignore[method-assign]
build_app(Project(Path(sys.argv[1]))).run(headless=True)
