"""The App: wires the screens together; the logic lives in screens and the core."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from goedwerkplaats.files.problems import ProblemsError
from goedwerkplaats.model.timing import Clock, now_moment
from goedwerkplaats.project.folder import Project
from goedwerkplaats.tui.commands import binding_commands
from goedwerkplaats.tui.screens.session_list import SessionListScreen
from goedwerkplaats.tui.worker_errors import ReportsWorkerErrors


class GoedWerkPlaatsApp(ReportsWorkerErrors, App[None]):
    """Workers started by a screen report to that screen (ReportsWorkerErrors there too);
    the mixin here catches the app's own."""

    TITLE = "goedwerkplaats"
    CSS_PATH = "app.tcss"
    # our own, so the footer does not say "palette" (Textual adds its own only when absent)
    BINDINGS = [
        Binding(
            "ctrl+p",
            "command_palette",
            "opdrachten",
            show=False,
            priority=True,
            tooltip="Alle opdrachten van dit scherm",
        )
    ]

    def __init__(self, project: Project, clock: Clock = now_moment) -> None:
        super().__init__()
        self.project = project
        self.clock = clock  # the tests set the time; everyone else lives in the present
        self.sub_title = str(project.root.resolve().name)

    def on_mount(self) -> None:
        self.apply_project_keys()
        self.push_screen(SessionListScreen(self.project))

    def apply_project_keys(self) -> None:
        """Keys remapped in the project's toetsen.yaml; a mistake there is named, not fatal."""
        from goedwerkplaats.project.keymap_file import load_keymap

        self.project_keymap: dict[str, str] = {}  # the help screens show these keys too
        try:
            self.project_keymap = load_keymap(self.project.root)
            self.set_keymap(self.project_keymap)
        except ProblemsError as error:
            self.notify(
                f"{error}\nDe standaardtoetsen gelden.",
                title="toetsen.yaml",
                severity="error",
                timeout=20,
            )

    def get_key_display(self, binding: Binding) -> str:
        """Keys in the footer as the help and README write them: F1, ^T, PgDn."""
        from goedwerkplaats.tui.keys import key_display

        return binding.key_display or key_display(binding.key)

    def action_command_palette(self) -> None:
        # is_open takes an App[object]; App is invariant in its result type, ours is None
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(
                CommandPalette(id="--command-palette", placeholder="Zoek een opdracht…")
            )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from binding_commands(screen)
        yield SystemCommand("Afsluiten", "Alles opslaan en het programma sluiten", self.action_quit)
        yield SystemCommand(
            "Kleurenthema", "Een ander kleurenthema kiezen", self.action_change_theme
        )

    def action_help_quit(self) -> None:
        self.notify("Afsluiten: ^Q (alles wordt eerst opgeslagen)", title="Afsluiten?")

    async def action_quit(self) -> None:
        """Save and release every open session before leaving; what could not be saved goes
        to a rescue file, named when the app has closed."""
        from goedwerkplaats.tui.screens.opening import OpeningScreen
        from goedwerkplaats.tui.screens.session_screen import unsaved_message

        for opening in [s for s in self.screen_stack if isinstance(s, OpeningScreen)]:
            # a session still opening is closed once open, not left locked as after a crash
            store = await opening.open_for_quitting()
            if store is not None:
                await asyncio.to_thread(store.close)
        messages = []
        for screen in reversed(self.screen_stack):
            close_now = getattr(screen, "close_now", None)
            if close_now is None:
                continue
            status = await asyncio.to_thread(close_now)
            if status is not None and status.pending:
                messages.append(unsaved_message(status, screen.session_id))
        if messages:
            self.exit(return_code=1, message="\n".join(messages))
        else:
            self.exit()


def build_app(project: Project, clock: Clock = now_moment) -> GoedWerkPlaatsApp:
    """The one factory used by the CLI and the tests."""
    return GoedWerkPlaatsApp(project, clock)


def run_app(project: Project) -> int:
    app = build_app(project)
    app.run()
    return app.return_code or 0
