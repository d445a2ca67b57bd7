"""Importing a transcript from the app: pick the file, see what it will add, then import.

Reading, planning and writing all run in workers; the screen only shows the outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Checkbox, DirectoryTree, Footer, Input, Label, Static
from textual.worker import Worker

from goedwerkplaats.files.problems import GwpError, ProblemsError
from goedwerkplaats.importers import (
    DOUBLE_WORD,
    ImportOptions,
    ImportPlan,
    describe_plan,
    overlap_warning,
    plan_import,
)
from goedwerkplaats.importers.plan_model import OptionWords
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.timecode import parse_offset
from goedwerkplaats.project.folder import Project
from goedwerkplaats.tui.key_order import keep_key_order
from goedwerkplaats.tui.keys import key_for
from goedwerkplaats.tui.widgets.ordered_input import OrderedInput
from goedwerkplaats.tui.worker_errors import ReportsWorkerErrors

TRANSCRIPT_SUFFIXES = {".vtt", ".srt", ".txt", ".docx", ".text"}

FACILITATOR_LABEL = "Gespreksleider heet"
OFFSET_LABEL = "Opname begon op"
# the import's hints name these fields, not the command line's flags
APP_WORDS = OptionWords(
    facilitator=f"in het veld '{FACILITATOR_LABEL}'",
    recording_start=f"in het veld '{OFFSET_LABEL}' (UU:MM:SS)",
    no_recording_start=f"maak het veld '{OFFSET_LABEL}' leeg",
)

# what a preview is made from: path, facilitator, offset (as typed) and merge
PlanInputs = tuple[str, str, str, bool]


def ask_to_double(
    screen: Screen[Any], plan: ImportPlan, answered: Callable[[bool | None], None]
) -> None:
    """Ask before a plan that would double the session (`plan.overlaps`): the user types
    DOUBLE_WORD to import it anyway. The import and the transcribe dialogs both ask this."""
    ask_about_doubling(screen, plan.source.name, overlap_warning(plan), answered)


def ask_about_doubling(
    screen: Screen[Any], name: str, warning: list[str], answered: Callable[[bool | None], None]
) -> None:
    """Ask for DOUBLE_WORD after `warning` about the file `name` (overlap_warning's shape: a
    sentence, then lines); the transcribe dialog asks it before listening, too."""
    from goedwerkplaats.tui.screens.confirm import TypedConfirmScreen

    first, *rest = warning
    text = (
        f"[b]{name}: {first}[/b]\n"
        + "\n".join(line.strip() for line in rest)
        + f"\n\nToch importeren? Typ {DOUBLE_WORD}."
    )
    screen.app.push_screen(TypedConfirmScreen(text, DOUBLE_WORD), answered)


class TranscriptTree(DirectoryTree):
    """Folders and the files that can be transcripts; hidden files left out. Backspace goes
    up a folder: the transcript is often in Downloads, not in the project."""

    BINDINGS = [Binding("backspace", "parent", "Map omhoog", id="import.map_omhoog")]

    def action_parent(self) -> None:
        self.path = Path(self.path).resolve().parent

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            p
            for p in paths
            if not p.name.startswith(".")
            and (p.is_dir() or p.suffix.lower() in TRANSCRIPT_SUFFIXES)
        ]


class ImportScreen(ReportsWorkerErrors, ModalScreen[str | None]):
    BINDINGS = [
        # not a priority key: typed right after a path, it waits for the path's keys
        Binding("ctrl+s,f10", "import", "Importeren", id="import.importeren"),
        Binding("escape", "cancel", "Annuleren", id="import.annuleren"),
    ]
    DEFAULT_CSS = """
    ImportScreen { align: center middle; }
    ImportScreen > Vertical { width: 100%; height: 100%; border: round $accent; padding: 0 1;
                              background: $surface; }
    ImportScreen #picker { height: 1fr; }
    ImportScreen TranscriptTree { width: 30%; min-width: 28; max-width: 48; }
    ImportScreen #preview-box { width: 1fr; border: round $primary; padding: 0 1; }
    ImportScreen .row { height: 1; }
    ImportScreen .row Label { width: 20; }
    ImportScreen .row Input { width: 1fr; }
    ImportScreen Checkbox { border: none; padding: 0; height: 1; }
    """

    def __init__(self, project: Project, guide: Guide, session_id: str, start: Path) -> None:
        super().__init__()
        self.project = project
        self.guide = guide
        self.session_id = session_id
        self.start = start
        self.plan: ImportPlan | None = None  # only ever for the options on screen now
        self.plan_inputs: PlanInputs | None = None  # what the shown/coming preview is for
        self.previewing = False  # a preview is being made for plan_inputs
        self.importing = False  # ^S pressed and the import is being written
        self.import_when_ready = False  # ^S pressed before the preview was there: then import

    async def on_key(self, event: events.Key) -> None:
        await keep_key_order(self, event)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                f"[b]Transcript importeren in sessie {self.session_id}[/b] · Enter = "
                f"voorbeeld · {key_for(self.app, 'import.importeren')} = importeren"
            )
            with Horizontal(classes="row"):
                yield Label("Bestand")
                yield OrderedInput(
                    placeholder="pad naar .vtt, .srt, .txt, .docx of een map; Enter = bekijken",
                    id="path",
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Label(FACILITATOR_LABEL)
                yield OrderedInput(
                    placeholder="naam zoals in het bestand (leeg: herkennen)",
                    id="facilitator",
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Label(OFFSET_LABEL)
                yield OrderedInput(
                    placeholder="UU:MM:SS sessietijd (leeg: al bekend of schatten)",
                    id="offset",
                    compact=True,
                )
            yield Checkbox(
                "korte opeenvolgende stukken van één spreker samenvoegen",
                True,
                id="merge",
                compact=True,
            )
            with Horizontal(id="picker"):
                yield TranscriptTree(self.start, id="tree")
                with VerticalScroll(id="preview-box"):
                    yield Static("Kies links een bestand of typ het pad.", id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(DirectoryTree.FileSelected)
    def file_chosen(self, event: DirectoryTree.FileSelected) -> None:
        self.query_one("#path", Input).value = str(event.path)
        self.preview()

    @on(Input.Submitted)
    @on(Checkbox.Changed)
    def options_changed(self) -> None:
        if self.query_one("#path", Input).value.strip():
            self.preview()

    @on(Input.Changed)
    def option_edited(self) -> None:
        """A plan made with other options would import the wrong thing: drop it at once.

        Typing does not read the file again on every key; Enter makes the new preview. Also
        sent for values set by the program (a file chosen in the tree): those match."""
        if self.plan_inputs is None or self.inputs() == self.plan_inputs:
            return
        self.plan = None
        self.plan_inputs = None
        self.previewing = False
        self.import_when_ready = False  # ^S was for the choices as they were
        if self.query_one("#path", Input).value.strip():
            self.show("De keuzes zijn gewijzigd; Enter = voorbeeld bijwerken.", "yellow")
        else:
            self.show("Kies links een bestand of typ het pad.", "")

    def inputs(self) -> PlanInputs:
        def value(field: str) -> str:
            return self.query_one(f"#{field}", Input).value.strip()

        merge = self.query_one("#merge", Checkbox).value
        return (value("path"), value("facilitator"), value("offset"), merge)

    def options(self) -> ImportOptions:
        facilitator = self.query_one("#facilitator", Input).value.strip()
        offset_text = self.query_one("#offset", Input).value.strip()
        try:
            offset = parse_offset(offset_text) if offset_text else None
        except ValueError as error:
            raise GwpError(str(error)) from None
        return ImportOptions(
            merge=self.query_one("#merge", Checkbox).value,
            facilitators=(facilitator,) if facilitator else (),
            recording_offset=offset,
            words=APP_WORDS,
        )

    def preview(self) -> bool:
        """Start the preview of the file on screen; False when it is a folder, shown instead."""
        self.plan = None
        self.plan_inputs = inputs = self.inputs()
        self.show("Bezig met lezen…", "")
        path = Path(inputs[0]).expanduser()
        if path.is_dir():  # a folder typed: show it in the tree to choose from
            self.query_one(TranscriptTree).path = path
            self.plan_inputs = None
            self.show(f"Map {path} staat links; kies daar een bestand.", "")
            return False
        try:
            options = self.options()
        except GwpError as error:
            self.show(str(error), "red")
            return True
        self.previewing = True
        self.make_plan(path, options, inputs)
        return True

    @work(thread=True, exclusive=True, exit_on_error=False, group="import-plan")
    def make_plan(self, path: Path, options: ImportOptions, inputs: PlanInputs) -> None:
        try:
            session = self.project.load_session(self.session_id).session
            plan = plan_import(session, self.guide, path, options)
        except ProblemsError as error:
            text = "Dit bestand kan zo niet worden ingelezen:\n" + "\n".join(
                str(p) for p in error.problems
            )
            self.app.call_from_thread(self.plan_failed, text, inputs)
            return
        except GwpError as error:
            self.app.call_from_thread(self.plan_failed, str(error), inputs)
            return
        self.app.call_from_thread(self.planned, plan, inputs)

    def planned(self, plan: ImportPlan, inputs: PlanInputs) -> None:
        # a thread worker cannot be stopped: an answer for options since changed is dropped
        if inputs != self.plan_inputs:
            return
        self.previewing = False
        self.plan = plan
        self.show_plan(plan)
        if not self.import_when_ready:
            return
        self.import_when_ready = False  # ^S came before the preview: one key imports it,
        if plan.warnings:  # unless it has warnings the user has not seen yet
            again = key_for(self.app, "import.importeren")
            self.notify(
                f"Het voorbeeld heeft waarschuwingen; lees ze en druk nogmaals {again} om "
                "te importeren.",
                severity="warning",
            )
            return
        self.action_import()

    def show_plan(self, plan: ImportPlan) -> None:
        """The preview; a second transcript of the same recording stands out at the top."""
        from rich.text import Text

        header, *rest = describe_plan(plan, applied=False)
        warning = len(overlap_warning(plan))
        importing = key_for(self.app, "import.importeren")
        if plan.overlaps:
            last = f"{importing} = toch importeren (vraagt eerst bevestiging)"
        else:
            last = f"{importing} = importeren"
        text = Text(header + "\n")
        text.append("\n".join(rest[:warning]) + "\n" if warning else "", style="bold yellow")
        text.append("\n".join(rest[warning:]) + f"\n\n{last}")
        self.query_one("#preview", Static).update(text)

    def plan_failed(self, text: str, inputs: PlanInputs) -> None:
        if inputs == self.plan_inputs:
            self.previewing = False
            self.import_when_ready = False
            self.show(text, "red")

    def show(self, text: str, style: str) -> None:
        from rich.text import Text

        self.query_one("#preview", Static).update(Text(text, style=style))

    def action_import(self) -> None:
        if self.importing:
            self.notify("Even geduld: het importeren is bezig.")
            return
        if self.plan is None:
            self.no_plan_to_import()
            return
        if self.plan.overlaps:
            self.confirm_double(self.plan)
            return
        self.start_import(self.plan)

    def start_import(self, plan: ImportPlan) -> None:
        self.importing = True  # a second ^S would start a second writer on the session
        self.show("Importeren…", "")
        self.apply_plan(plan)

    def confirm_double(self, plan: ImportPlan) -> None:
        """A second transcript of the same recording: imported only when the user says so."""

        def answered(yes: bool | None) -> None:
            if yes and self.plan is plan and not self.importing:
                self.start_import(plan)

        ask_to_double(self, plan, answered)

    def import_failed(self, message: str) -> None:
        self.importing = False
        self.show(message, "red")

    @work(thread=True, exclusive=True, exit_on_error=False, group="import-schrijven")
    def apply_plan(self, plan: ImportPlan) -> None:
        from goedwerkplaats.importers import apply_import

        try:
            with self.project.open_session(self.session_id) as store:
                warnings = apply_import(store, plan)
        except GwpError as error:
            self.app.call_from_thread(self.import_failed, f"Niet geïmporteerd: {error}")
            return
        summary = describe_plan(plan, applied=True)[0]
        for warning in warnings:
            self.app.call_from_thread(self.notify, str(warning), severity="warning")
        self.app.call_from_thread(self.dismiss, summary)

    def no_plan_to_import(self) -> None:
        """^S without a preview for the options on screen: make it and import once it is there
        (one key, also after a change), or say why not."""
        if not self.query_one("#path", Input).value.strip():
            self.notify("Kies eerst een bestand; het voorbeeld laat zien wat erbij komt.")
        elif self.previewing:
            self.import_when_ready = True
            self.notify("Het voorbeeld wordt gemaakt; daarna wordt het geïmporteerd.")
        elif self.plan_inputs is None:  # never previewed, or the choices changed since
            if self.preview():  # imported as soon as the preview is there (if it can be)
                self.import_when_ready = self.previewing
            else:
                self.notify("Dat is een map; kies links een bestand.")
        else:
            self.notify("Zo kan het niet worden geïmporteerd; zie de melding rechts.")

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        """An unexpected error while reading or importing: say it where the preview was."""
        if worker.group == "import-plan":
            self.plan = None
            self.previewing = False
            self.import_when_ready = False
            self.show(f"Voorbeeld mislukt: {reason}", "red")
        elif worker.group == "import-schrijven":
            self.import_failed(f"Niet geïmporteerd: {reason}")

    def action_cancel(self) -> None:
        self.dismiss(None)
