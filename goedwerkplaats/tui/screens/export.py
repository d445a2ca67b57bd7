"""The export screen: the same exports and options as the command line, with a progress bar.

Every export runs in a worker; the form only collects choices (see exporters.export_form).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import (
    Checkbox,
    Footer,
    Input,
    Label,
    OptionList,
    ProgressBar,
    RadioButton,
    RadioSet,
    Static,
)
from textual.worker import Worker

from goedwerkplaats.exporters.export_form import OPTION_NAMES, ExportForm
from goedwerkplaats.exporters.kinds import (
    KINDS,
    ExportKind,
    kind_named,
    run_export,
    unmasked_in_export,
)
from goedwerkplaats.exporters.output import leaves_project, requested_path
from goedwerkplaats.exporters.selection import SELECTIONS
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.privacy.mask_terms import MASK_FILE, add_mask_terms, load_mask_terms
from goedwerkplaats.privacy.name_candidates import names_note
from goedwerkplaats.privacy.singling_out import CHOICES as SINGLING_OUT_CHOICES
from goedwerkplaats.project.folder import Project
from goedwerkplaats.tui.key_order import keep_key_order
from goedwerkplaats.tui.keys import key_for
from goedwerkplaats.tui.screens.confirm import TypedConfirmScreen
from goedwerkplaats.tui.widgets.ordered_input import OrderedInput
from goedwerkplaats.tui.widgets.toggles import SignedCheckbox, SignedRadioButton
from goedwerkplaats.tui.worker_errors import ReportsWorkerErrors


def fields_of(kind: ExportKind) -> tuple[str, ...]:
    """The fields a kind uses (the registry's options, and format when there is a choice);
    the rest are hidden, so the form fits 80×24."""
    return (*kind.options, "format") if kind.format_choice else kind.options


class KindChoice(RadioSet):
    """A radio set whose arrows choose at once, going on from the kind that is chosen.

    A plain RadioSet starts its highlight on the first button whatever is pressed, and
    needs Enter after the arrows; the form's fields would not follow what the user sees.
    An arrow switches the buttons here and now: RadioSet itself switches the old one off
    only when a message comes, and arrows typed in a burst (with the key that opened the
    form) come before it, each stepping from a stale choice.
    """

    BINDINGS = [
        Binding("down,right", "choose(1)", show=False),
        Binding("up,left", "choose(-1)", show=False),
    ]

    def on_mount(self) -> None:
        self.call_later(self.highlight_pressed)  # after RadioSet's own mount put it on the first

    def highlight_pressed(self) -> None:
        self._selected = max(self.pressed_index, 0)

    def action_choose(self, step: int) -> None:
        buttons = list(self.query(RadioButton))
        chosen = buttons[(max(self.pressed_index, 0) + step) % len(buttons)]  # round, as RadioSet
        with self.prevent(RadioButton.Changed):  # as RadioSet does when it switches one off
            for button in buttons:
                button.value = button is chosen
        self._pressed_button = chosen  # RadioSet's own record, which the next arrow reads
        self.highlight_pressed()
        self.post_message(self.Changed(self, chosen))


class ExportScreen(ReportsWorkerErrors, ModalScreen[None]):
    BINDINGS = [
        # not a priority key: typed right after a value, it waits for that value's keys
        Binding("ctrl+s,f10", "export", "Exporteren", id="export.exporteren"),
        Binding("escape", "close", "Terug", id="export.terug"),
        Binding(
            "f8",
            "mask",
            "Maskeren",
            tooltip=f"de gekozen mogelijke naam in {MASK_FILE} zetten",
            id="export.maskeren",
        ),
    ]
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical { width: 100%; height: 100%; border: round $accent; padding: 0 1;
                              background: $surface; }
    ExportScreen RadioSet { width: 100%; height: auto; border: none; padding: 0; }
    ExportScreen .row { height: 1; }
    ExportScreen .row Label { width: 16; }
    ExportScreen .row Input { width: 1fr; }
    ExportScreen Checkbox { border: none; padding: 0; height: 1; }
    ExportScreen ProgressBar { margin: 1 0 0 0; }
    ExportScreen #outcome { height: auto; }
    ExportScreen #found-names { height: auto; max-height: 6; border: none; padding: 0; }
    """

    def __init__(self, project: Project, session_id: str | None) -> None:
        super().__init__()
        self.project = project
        self.session_id = session_id or ""
        self.kind = "synthesis"
        self.busy = False  # an export is running: a second ^S waits for it

    async def on_key(self, event: events.Key) -> None:
        await keep_key_order(self, event)

    def compose(self) -> ComposeResult:
        with Vertical():
            export, back = key_for(self.app, "export.exporteren"), key_for(self.app, "export.terug")
            yield Static(
                f"[b]Exporteren[/b]  (↑↓ soort, Tab velden, {export} exporteren, {back} terug)"
            )
            with KindChoice(id="kind"):
                for kind in KINDS:
                    yield SignedRadioButton(
                        f"{kind.label}: {kind.description}",
                        value=kind.id == self.kind,
                        name=kind.id,
                    )
            # not a focus stop itself: the first Tab has to land in the first field
            with VerticalScroll(can_focus=False):
                yield self.row("session", "Sessie", self.session_id, "sessie-id")
                yield self.row(
                    "format",
                    "Formaat",
                    "",
                    "docx, txt, csv, md of json",
                    ["docx", "txt", "csv", "md", "json"],
                )
                yield self.row(
                    "by",
                    "Indeling",
                    "stelling,thema,arena",
                    "één tot drie van stelling, thema, arena",
                )
                yield self.row(
                    "against", "Tegen", "", "sessie of een kenmerk (functie, organisatie…)"
                )
                yield self.row(
                    "selection", "Selectie", "gecodeerd", " / ".join(SELECTIONS), list(SELECTIONS)
                )
                yield self.row("sessions", "Sessies", "", "alle, of ids met komma's")
                yield self.row("filters", "Alleen", "", "stelling:2 #thema @arena (leeg: alles)")
                sources = kind_named(self.kind)
                yield self.row(
                    "sources",
                    "Bron",
                    sources.default_source,
                    " / ".join(sources.sources),
                    list(sources.sources),
                )
                yield self.row(
                    "singling",
                    "Herkenbaar",
                    "",
                    "grof / weglaten, als kenmerken iemand aanwijzen",
                    list(SINGLING_OUT_CHOICES),
                )
                yield self.row("separator", "Scheiding", ",", ", of ; (Excel NL)")
                yield self.row("output", "Bestandsnaam", "", "leeg: standaardnaam in exports/")
                yield SignedCheckbox(
                    "echte namen i.p.v. pseudoniemen (privacy!)", id="names", compact=True
                )
                yield SignedCheckbox("bestaand bestand overschrijven", id="force", compact=True)
                yield ProgressBar(total=1, show_eta=False, id="progress")
                yield Static(id="outcome")
                # likely names the export did not mask: one key puts the highlighted one in
                # maskeren.yaml (hidden while there are none)
                yield OptionList(id="found-names", compact=True)
        yield Footer()

    @staticmethod
    def row(
        field: str, label: str, value: str, placeholder: str, choices: list[str] | None = None
    ) -> Horizontal:
        suggester = SuggestFromList(choices) if choices else None
        entry = OrderedInput(
            value=value, placeholder=placeholder, id=field, compact=True, suggester=suggester
        )
        return Horizontal(Label(label), entry, classes="row", id=f"row-{field}")

    def on_mount(self) -> None:
        self.query_one("#found-names").display = False
        self.show_fields()
        self.query_one(RadioSet).focus()

    @on(RadioSet.Changed)
    def kind_changed(self, event: RadioSet.Changed) -> None:
        before = kind_named(self.kind)
        self.kind = event.pressed.name or self.kind
        sources = self.query_one("#sources", Input)
        if sources.value == before.default_source:  # untouched: follow the kind's default
            sources.value = kind_named(self.kind).default_source
        self.show_fields()

    def show_fields(self) -> None:
        kind = kind_named(self.kind)
        used = fields_of(kind)
        for field in (
            "session",
            "format",
            "by",
            "selection",
            "sessions",
            "filters",
            "sources",
            "singling",
            "against",
            "separator",
        ):
            self.query_one(f"#row-{field}").display = field in used
        self.query_one("#names").display = OPTION_NAMES in used
        if kind.format_choice:
            self.query_one("#format", Input).placeholder = " of ".join(kind.formats)
        if kind.sources:
            self.query_one("#sources", Input).placeholder = " / ".join(kind.sources)

    def form(self) -> ExportForm:
        value = lambda field: self.query_one(f"#{field}", Input).value.strip()  # noqa: E731
        statements, themes, arenas = _filters(value("filters"))
        return ExportForm(
            kind=self.kind,
            session=value("session"),
            format=value("format"),
            by=value("by"),
            selection=value("selection"),
            sessions=value("sessions"),
            statements=statements,
            themes=themes,
            arenas=arenas,
            sources=value("sources"),
            singling_out=value("singling"),
            against=value("against"),
            separator=value("separator") or ",",
            output=value("output"),
            names=self.query_one("#names", Checkbox).value and kind_named(self.kind).names_allowed,
            force=self.query_one("#force", Checkbox).value,
        )

    def action_export(self) -> None:
        if self.busy:
            self.notify("Even geduld: de export loopt nog.")
            return
        try:
            form = self.form()
        except GwpError as error:
            self.say(str(error), "red")
            return
        output = Path(form.output) if form.output else None
        if form.names and leaves_project(self.project, output):
            # real names leaving the project folder: the user types "namen" to go on
            assert output is not None
            where = requested_path(self.project, output)
            text = f"Deze export bevat echte namen en komt buiten het project: {where}."
            self.app.push_screen(
                TypedConfirmScreen(text, "namen"),
                lambda yes: self.start_export(form) if yes else self.say("Niet geëxporteerd.", ""),
            )
            return
        self.start_export(form)

    def start_export(self, form: ExportForm) -> None:
        self.busy = True
        self.say("Bezig met exporteren…", "")
        bar = self.query_one(ProgressBar)
        bar.update(total=1, progress=0)
        bar.display = True
        self.export_in_thread(form)

    def show_progress(self, done: int, total: int) -> None:
        """On the UI thread: the widget tree is not for worker threads to touch."""
        self.query_one(ProgressBar).update(total=max(1, total), progress=done)

    @work(thread=True, exclusive=True, exit_on_error=False, group="exporteren")
    def export_in_thread(self, form: ExportForm) -> None:
        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self.show_progress, done, total)

        with self.project.sessions_kept():  # the name check reads what the export just read
            try:
                exported = run_export(self.project, form, progress)
            except GwpError as error:
                self.app.call_from_thread(self.not_exported, f"Niet geëxporteerd: {error}")
                return
            words: tuple[str, ...] = ()
            with contextlib.suppress(GwpError):  # names nobody entered, which it did not mask
                words = tuple(unmasked_in_export(self.project, form))
        notes: tuple[str, ...] = exported.notes
        if words:
            key = key_for(self.app, "export.maskeren")
            advice = f"Kies er een en druk {key} om hem in {MASK_FILE} te zetten"
            note = names_note(words, f"{advice}; exporteer daarna opnieuw")
            notes = (*notes, note) if note else notes
        self.app.call_from_thread(self.finished, exported.path, notes, words)

    def finished(
        self, path: object, notes: tuple[str, ...] = (), words: tuple[str, ...] = ()
    ) -> None:
        self.busy = False
        bar = self.query_one(ProgressBar)
        bar.update(progress=bar.total or 1)
        self.say(f"Geschreven: {path}" + "".join(f"\nLet op: {n}" for n in notes), "green")
        self.show_names(words)

    def show_names(self, words: tuple[str, ...]) -> None:
        found = self.query_one("#found-names", OptionList)
        found.clear_options()
        found.add_options(words)
        found.display = bool(words)
        if words:
            found.highlighted = 0
            found.scroll_visible()  # at 80×24 it lies below the form
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mask":  # only while there is a name to mask (hidden from the footer)
            return self.query_one("#found-names", OptionList).option_count > 0
        return True

    def action_mask(self) -> None:
        found = self.query_one("#found-names", OptionList)
        if found.highlighted is None or not found.option_count:
            return
        word = str(found.get_option_at_index(found.highlighted).prompt)
        self.mask_in_thread(word)

    @work(thread=True, exit_on_error=False, group="maskeren")
    def mask_in_thread(self, word: str) -> None:
        try:
            add_mask_terms(self.project.root, [word])
            terms = load_mask_terms(self.project.root).terms
        except GwpError as error:
            self.app.call_from_thread(self.say, f"Niet in {MASK_FILE} gezet: {error}", "red")
            return
        by = next((t.substitute for t in terms if t.term.lower() == word.lower()), "[…]")
        self.app.call_from_thread(self.masked, word, by)

    def masked(self, word: str, by: str) -> None:
        found = self.query_one("#found-names", OptionList)
        for index in range(found.option_count):
            if str(found.get_option_at_index(index).prompt) == word:
                found.remove_option_at_index(index)
                break
        found.display = found.option_count > 0
        self.refresh_bindings()
        self.say(
            f"'{word}' staat nu in {MASK_FILE}; een nieuwe export vervangt het door {by}.",
            "green",
        )

    def not_exported(self, text: str) -> None:
        self.busy = False
        self.say(text, "red")

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        """An unexpected error (a disk problem, a bug): say so and let the user try again."""
        if worker.group == "maskeren":
            self.say(f"Niet in {MASK_FILE} gezet: {reason}", "red")
            return
        if worker.group != "exporteren":
            return
        self.query_one(ProgressBar).display = False  # a half-full bar would suggest progress
        self.not_exported(f"Exporteren mislukt: {reason}")

    def say(self, text: str, style: str) -> None:
        self.query_one("#outcome", Static).update(Text(text, style=style))

    def action_close(self) -> None:
        self.dismiss(None)


def _filters(text: str) -> tuple[str, str, str]:
    """'stelling:2 #caseload @spreekkamer' → ('2', 'caseload', 'spreekkamer')."""
    statements, themes, arenas = [], [], []
    for word in text.replace(",", " ").split():
        if word.startswith("#"):
            themes.append(word[1:])
        elif word.startswith("@"):
            arenas.append(word[1:])
        elif word.lower().startswith(("stelling:", "s:")):
            statements.append(word.split(":", 1)[1])
        else:
            raise GwpError(f"'{word}' begrijp ik niet; gebruik stelling:2, #thema of @arena")
    return ",".join(statements), ",".join(themes), ",".join(arenas)
