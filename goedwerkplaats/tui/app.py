"""The App: wires the screens together; the logic lives in screens and the core."""

from __future__ import annotations

from textual.app import App

from goedwerkplaats.project import Project
from goedwerkplaats.tui.screens.session_list import SessionListScreen


class GoedWerkPlaatsApp(App[None]):
    TITLE = "goedwerkplaats"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.sub_title = str(project.root.resolve().name)

    def on_mount(self) -> None:
        self.push_screen(SessionListScreen(self.project))


def build_app(project: Project) -> GoedWerkPlaatsApp:
    """The one factory used by the CLI and the tests."""
    return GoedWerkPlaatsApp(project)


def run_app(project: Project) -> int:
    build_app(project).run()
    return 0
