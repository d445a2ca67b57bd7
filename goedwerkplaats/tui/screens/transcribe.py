"""A first transcript from the recording, from the app: choose, listen, look, import.

Listening runs in a worker thread with a progress bar and the time left; Esc stops it and
nothing reaches the session. What would come in is shown first; ^S then imports it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, ProgressBar, Static
from textual.worker import Worker

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.importers import apply_import
from goedwerkplaats.media.errors import SUPPORTED_SUFFIXES
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.project.folder import Project
from goedwerkplaats.speech import (
    DEFAULT_MODEL,
    Recognition,
    RecognitionCancelled,
    SpeechPlan,
    check_not_transcribed,
    describe_speech,
    doubling_before_listening,
    load_model,
    plan_speech,
    recognise,
    recording_hash,
)
from goedwerkplaats.speech.progress import Eta, describe_progress
from goedwerkplaats.tui.key_order import keep_key_order
from goedwerkplaats.tui.keys import key_for
from goedwerkplaats.tui.widgets.ordered_input import OrderedInput
from goedwerkplaats.tui.worker_errors import ReportsWorkerErrors


class TranscribeScreen(ReportsWorkerErrors, ModalScreen[str | None]):
    BINDINGS = [
        Binding(
            "ctrl+s",
            "go",
            "Starten / importeren",
            priority=True,
            tooltip="luisteren; daarna wat erbij komt importeren",
            id="spraak.starten",
        ),
        Binding(
            "escape",
            "stop",
            "Afbreken / terug",
            tooltip="het luisteren afbreken (er komt niets in de sessie), of terug",
            id="spraak.terug",
        ),
    ]
    DEFAULT_CSS = """
    TranscribeScreen { align: center middle; }
    TranscribeScreen > Vertical { width: 100%; height: 100%; border: round $accent;
                                  padding: 0 1; background: $surface; }
    TranscribeScreen .row { height: 1; margin: 0 0 1 0; }
    TranscribeScreen .row Label { width: 10; }
    TranscribeScreen .row Input { width: 1fr; }
    TranscribeScreen ProgressBar { height: 1; }
    TranscribeScreen #report-box { height: 1fr; border: round $primary; padding: 0 1; }
    """

    def __init__(
        self, project: Project, guide: Guide, session_id: str, recording: Path | None = None
    ) -> None:
        super().__init__()
        self.project = project
        self.guide = guide
        self.session_id = session_id
        self.recording = recording
        self.stop_event = threading.Event()
        self.listening = False
        self.importing = False
        self.speech: SpeechPlan | None = None
        # the user typed the doubling word before listening: not asked again after it
        self.doubling_confirmed = False
        self.eta = Eta()

    async def on_key(self, event: events.Key) -> None:
        await keep_key_order(self, event)

    def compose(self) -> ComposeResult:
        start, back = (
            key_for(self.app, "spraak.starten"),
            key_for(self.app, "spraak.terug"),
        )
        with Vertical():
            yield Static(
                f"[b]Transcript uit de opname — sessie {self.session_id}[/b]  "
                f"({start} start en importeert, {back} breekt af of gaat terug)"
            )
            with Horizontal(classes="row"):
                yield Label("Opname")
                yield OrderedInput(
                    str(self.recording or ""),
                    placeholder=f"pad naar de opname ({' '.join(SUPPORTED_SUFFIXES)})",
                    id="recording",
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Label("Model")
                yield OrderedInput(
                    DEFAULT_MODEL,
                    placeholder="tiny, base, small, medium, large-v3, of een map",
                    id="model",
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Label("Taal")
                yield OrderedInput("nl", placeholder="nl", id="language", compact=True)
            yield ProgressBar(total=100, show_eta=False, id="bar")
            yield Static("", id="state")
            with VerticalScroll(id="report-box"):
                yield Static(
                    "De spraakherkenning draait op deze computer; er gaat niets over het "
                    f"netwerk (alleen een model dat er nog niet is, wordt eenmalig gedownload). "
                    f"{start} = starten.",
                    id="report",
                )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#recording", Input).focus()
        if self.recording is None:
            self.find_linked()

    @work(thread=True, exit_on_error=False, group="spraak-opname")
    def find_linked(self) -> None:
        """The recording linked to the session, as the field's starting value."""
        from goedwerkplaats.media.link import locate

        link = self.project.load_session(self.session_id).session.meta.recording
        if link is None:
            return
        try:
            path = locate(link, self.project.root).path
        except GwpError:
            path = Path(link.path)  # listening will say what is wrong with it
        self.app.call_from_thread(self.fill_recording, path)

    def fill_recording(self, path: Path) -> None:
        field = self.query_one("#recording", Input)
        if not field.value:
            field.value = str(path)

    def on_unmount(self) -> None:
        self.stop_event.set()  # the app closes while listening: the worker stops soon

    # ------------------------------------------------------------ listening

    def action_go(self) -> None:
        if self.listening or self.importing:
            self.notify("Even geduld: de spraakherkenning is bezig.")
            return
        if self.speech is not None:
            if self.speech.plan.overlaps and not self.doubling_confirmed:  # one of this time
                self.confirm_double(self.speech)
                return
            self.start_import(self.speech)
            return
        if not self.value("recording"):
            self.say("Geef eerst het opnamebestand op.", "red")
            return
        self.start_listening(confirmed=False)

    def start_listening(self, confirmed: bool) -> None:
        """Listen to the recording chosen; `confirmed`: doubling an earlier transcript of
        its time is what the user wants (else the worker asks first, before listening)."""
        path = Path(self.value("recording")).expanduser()
        self.doubling_confirmed = confirmed
        self.listening = True
        self.stop_event.clear()
        self.eta = Eta()
        self.query_one(ProgressBar).update(progress=0)
        self.say("Model laden… (een model dat er nog niet is, wordt eerst gedownload)")
        self.listen(
            path, self.value("model") or DEFAULT_MODEL, self.value("language") or "nl", confirmed
        )

    def ask_before_listening(self, name: str, warning: list[str]) -> None:
        """A transcript of the recording's time is in the session already: ask now, not
        after minutes of listening."""
        from goedwerkplaats.tui.screens.import_transcript import ask_about_doubling

        self.listening = False
        self.say("Niet beluisterd: de sessie heeft al een transcript van deze tijd.", "yellow")

        def answered(yes: bool | None) -> None:
            if yes and not (self.importing or self.listening) and self.speech is None:
                self.start_listening(confirmed=True)

        ask_about_doubling(self, name, warning, answered)

    @on(Input.Changed)
    def choice_changed(self) -> None:
        """Another recording, model or language: what was heard before no longer counts."""
        if self.speech is not None and not self.listening:
            self.speech = None
            self.doubling_confirmed = False
            again = key_for(self.app, "spraak.starten")
            self.show(f"De keuzes zijn gewijzigd; {again} = opnieuw luisteren.", "yellow")

    def value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value.strip()

    @work(thread=True, exclusive=True, exit_on_error=False, group="spraak")
    def listen(self, path: Path, model_name: str, language: str, confirmed: bool) -> None:
        try:
            session = self.project.load_session(self.session_id).session
            if not path.is_file():
                raise GwpError(f"{path} bestaat niet of is geen bestand; controleer de naam")
            sha256 = recording_hash(path)
            check_not_transcribed(session, path, sha256)
            warning = [] if confirmed else doubling_before_listening(session, path, None)
            if warning:
                self.app.call_from_thread(self.ask_before_listening, path.name, warning)
                return
            model = load_model(model_name)
            self.app.call_from_thread(self.say, "Luisteren…")
            recognition = recognise(
                path,
                model,
                language,
                lambda done, total: self.app.call_from_thread(self.progressed, done, total),
                self.stop_event.is_set,
            )
            speech = plan_speech(session, self.guide, recognition, sha256)
        except RecognitionCancelled as stopped:
            self.app.call_from_thread(self.finished, None, str(stopped), "yellow")
            return
        except GwpError as error:
            self.app.call_from_thread(self.finished, None, str(error), "red")
            return
        self.app.call_from_thread(self.heard, speech, recognition)

    def progressed(self, done: float, total: float) -> None:
        if not self.listening:
            return
        bar = self.query_one(ProgressBar)
        bar.update(total=max(total, 0.001), progress=min(done, total))
        self.say(describe_progress(done, total, self.eta.left(done, total)))

    def heard(self, speech: SpeechPlan, recognition: Recognition) -> None:
        self.listening = False
        self.speech = speech
        bar = self.query_one(ProgressBar)
        bar.update(total=recognition.duration or 1, progress=recognition.duration or 1)
        start = key_for(self.app, "spraak.starten")
        self.say(f"Klaar met luisteren; bekijk wat erbij komt. {start} = importeren.", "green")
        self.show("\n".join(describe_speech(speech, applied=False)), "")

    def finished(self, speech: SpeechPlan | None, message: str, style: str) -> None:
        self.listening = False
        self.speech = speech
        self.say(message, style)

    # ------------------------------------------------------------ importing

    def start_import(self, speech: SpeechPlan) -> None:
        self.importing = True
        self.say("Importeren…")
        self.import_speech(speech)

    def confirm_double(self, speech: SpeechPlan) -> None:
        from goedwerkplaats.tui.screens.import_transcript import ask_to_double

        def answered(yes: bool | None) -> None:
            if yes and self.speech is speech and not (self.importing or self.listening):
                self.start_import(speech)

        ask_to_double(self, speech.plan, answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="spraak-schrijven")
    def import_speech(self, speech: SpeechPlan) -> None:
        recognition = speech.recognition
        try:
            with self.project.open_session(self.session_id) as store:
                # planned again on the session as it is now: it may have changed meanwhile
                sha256 = speech.plan.record.sha256
                check_not_transcribed(store.session, recognition.source, sha256)
                speech = plan_speech(store.session, self.guide, recognition, sha256)
                warnings = apply_import(store, speech.plan)
        except GwpError as error:
            self.app.call_from_thread(self.import_failed, f"Niet geïmporteerd: {error}")
            return
        for warning in warnings:
            self.app.call_from_thread(self.notify, str(warning), severity="warning")
        self.app.call_from_thread(self.dismiss, describe_speech(speech)[0])

    def import_failed(self, message: str) -> None:
        self.importing = False
        self.say(message, "red")

    # ------------------------------------------------------------ showing, leaving

    def say(self, text: str, style: str = "") -> None:
        self.query_one("#state", Static).update(Text(text, style=style))

    def show(self, text: str, style: str) -> None:
        self.query_one("#report", Static).update(Text(text, style=style))

    def action_stop(self) -> None:
        if self.listening:
            self.stop_event.set()
            self.say("Afbreken…", "yellow")
            return
        if self.importing:
            self.notify("Even geduld: het importeren is bezig.")
            return
        self.dismiss(None)

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        if worker.group == "spraak":
            self.finished(None, f"Spraakherkenning mislukt: {reason}", "red")
        elif worker.group == "spraak-schrijven":
            self.import_failed(f"Niet geïmporteerd: {reason}")
