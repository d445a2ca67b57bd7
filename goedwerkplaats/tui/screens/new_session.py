"""A small form for a new session: id, title, date, form, place, facilitator."""

from __future__ import annotations

import datetime as dt

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.session import FORMS, SessionMeta
from goedwerkplaats.project.folder import Project, check_session_id
from goedwerkplaats.tui.key_order import keep_key_order
from goedwerkplaats.tui.keys import key_for
from goedwerkplaats.tui.widgets.ordered_input import OrderedInput


class NewSessionScreen(ModalScreen[SessionMeta | None]):
    BINDINGS = [
        # not a priority key: typed right after a field, it waits for that field's keys
        Binding("ctrl+s,f10", "create", "Aanmaken", id="nieuw.aanmaken"),
        Binding("escape", "cancel", "Annuleren", id="nieuw.annuleren"),
    ]
    DEFAULT_CSS = """
    NewSessionScreen { align: center middle; }
    NewSessionScreen > Vertical { width: 70; max-width: 100%; height: auto;
                                  border: round $accent; padding: 0 1; background: $surface; }
    NewSessionScreen Horizontal { height: 1; margin: 0 0 1 0; }
    NewSessionScreen Label { width: 16; }
    NewSessionScreen Input { width: 1fr; }
    NewSessionScreen #error { color: $error; height: auto; }
    NewSessionScreen .hint { width: auto; color: $text-muted; padding: 0 0 0 1; }
    """

    def __init__(self, project: Project, existing: list[str]) -> None:
        super().__init__()
        self.project = project
        self.existing = existing

    async def on_key(self, event: events.Key) -> None:
        await keep_key_order(self, event)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "[b]Nieuwe sessie[/b]  (Tab: volgend veld · Enter in het laatste veld of "
                f"{key_for(self.app, 'nieuw.aanmaken')}: aanmaken · "
                f"{key_for(self.app, 'nieuw.annuleren')}: annuleren)"
            )
            yield self.field("Id", value=self.suggest_id())
            yield self.field("Titel", placeholder="bijv. Goed Werk Plaats Noord")
            yield self.field("Datum", value=dt.date.today().isoformat())
            yield self.field(
                "Vorm",
                value=FORMS[0],
                suggester=SuggestFromList(FORMS),
                placeholder=" of ".join(FORMS),
                hint=" of ".join(FORMS),  # the valid values stay in view while typing
            )
            yield self.field("Locatie", placeholder="plaats of platform")
            yield self.field("Gespreksleider", last=True)
            yield Static(id="error")

    @staticmethod
    def field(label: str, last: bool = False, hint: str = "", **options: object) -> Horizontal:
        """A labelled field; Enter moves on to the next one, in the last it creates."""
        entry = OrderedInput(id=label.lower(), compact=True, enter_moves_on=not last, **options)
        if hint:
            return Horizontal(Label(label), entry, Static(hint, classes="hint"))
        return Horizontal(Label(label), entry)

    def suggest_id(self) -> str:
        number = 1
        while f"gwp-{number}" in self.existing:
            number += 1
        return f"gwp-{number}"

    def on_mount(self) -> None:
        self.query_one("#titel", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "gespreksleider":  # the other fields move on by themselves
            self.action_create()

    def action_create(self) -> None:
        try:
            meta = self.read_form()
        except GwpError as error:
            self.query_one("#error", Static).update(str(error))
            return
        self.dismiss(meta)

    def read_form(self) -> SessionMeta:
        value = lambda name: " ".join(self.query_one(f"#{name}", Input).value.split())  # noqa: E731
        session_id = check_session_id(value("id").lower())
        if session_id in self.existing:
            raise GwpError(f"er bestaat al een sessie '{session_id}'; kies een ander id")
        if not value("titel"):
            raise GwpError("vul een titel in")
        try:
            date = dt.date.fromisoformat(value("datum")).isoformat()
        except ValueError:
            raise GwpError("de datum moet JJJJ-MM-DD zijn, bijvoorbeeld 2026-11-28") from None
        form = value("vorm").lower().replace("-", " ")
        if form and form not in FORMS:
            raise GwpError("de vorm is 'video' of 'op locatie'")
        return SessionMeta(
            id=session_id,
            title=value("titel"),
            date=date,
            form=form,
            location=value("locatie"),
            facilitator=value("gespreksleider"),
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
