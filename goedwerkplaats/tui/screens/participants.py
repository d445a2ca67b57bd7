"""Enter or confirm the participants: pseudonym shown, a name may be typed and stays local."""

from __future__ import annotations

import dataclasses

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from goedwerkplaats.coding.editing import SessionEditor
from goedwerkplaats.coding.participants import new_participant, not_allowed
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.guide import FREE_CHARACTERISTICS, Characteristic, Guide
from goedwerkplaats.model.session import Participant
from goedwerkplaats.tui.key_order import keep_key_order
from goedwerkplaats.tui.keys import key_for
from goedwerkplaats.tui.widgets.ordered_input import OrderedInput


class ParticipantsScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("ctrl+n", "add", "Deelnemer erbij", priority=True, id="deelnemers.toevoegen"),
        Binding(
            "ctrl+l",
            "add_facilitator",
            "Gespreksleider erbij",
            priority=True,
            id="deelnemers.gespreksleider",
        ),
        Binding("escape,f10", "close", "Klaar", priority=True, id="deelnemers.klaar"),
    ]
    DEFAULT_CSS = """
    ParticipantsScreen { align: center middle; }
    ParticipantsScreen > Vertical { width: 90; max-width: 100%; height: 90%;
                                    border: round $accent; padding: 0 1; background: $surface; }
    ParticipantsScreen .row { height: 1; margin: 0 0 1 0; }
    ParticipantsScreen .row Label { width: 5; text-style: bold; color: $accent; }
    ParticipantsScreen .row Input { width: 1fr; margin: 0 1 0 0; }
    """

    def __init__(self, editor: SessionEditor, guide: Guide | None = None) -> None:
        super().__init__()
        self.editor = editor
        # the characteristics the guide records ('kenmerken:'), each a field of its own
        self.characteristics: tuple[Characteristic, ...] = (
            guide.characteristics if guide is not None else FREE_CHARACTERISTICS
        )
        self.fields = ("naam", *(c.id for c in self.characteristics))
        self.pending: dict[str, Participant] = {}  # rows with nothing typed in them yet

    async def on_key(self, event: events.Key) -> None:
        await keep_key_order(self, event)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                "[b]Deelnemers[/b] — namen blijven op deze computer; alles wat het "
                "project verlaat gebruikt P1, P2…"
            )
            yield Static(
                f"Tab/Enter: volgend veld · {key_for(self.app, 'deelnemers.toevoegen')}: deelnemer "
                f"erbij · {key_for(self.app, 'deelnemers.gespreksleider')}: gespreksleider erbij · "
                f"{key_for(self.app, 'deelnemers.klaar')}: klaar",
                classes="muted",
            )
            with VerticalScroll(id="rows", can_focus=False):  # Tab goes from field to field
                for participant in self.editor.session.ordered_participants():
                    yield self.row(participant)
            yield Static(id="choices", classes="muted")

    async def on_mount(self) -> None:
        """A new session offers three rows to fill in (and the facilitator, if named). A row
        becomes a participant only once something is typed in it: empty rows never count."""
        session = self.editor.session
        if not session.participants:
            for _ in range(3):
                await self.add_row(Participant(self.next_pseudonym()), focus=False)
            if session.meta.facilitator:
                await self.add_row(session.new_facilitator(), focus=False)
        self.focus_first()

    def focus_first(self) -> None:
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()

    def row(self, participant: Participant) -> Horizontal:
        values = {"naam": participant.name, **dict(participant.attributes)}
        inputs = [
            OrderedInput(
                enter_moves_on=True,
                value=values.get(field, ""),
                placeholder=self.label(field),
                id=f"{field}-{participant.id}",
                classes="field",
                compact=True,
                suggester=self.suggester(field),
            )
            for field in self.fields
        ]
        classes = "row facilitator" if participant.facilitator else "row"
        return Horizontal(Label(participant.id), *inputs, classes=classes)

    def characteristic(self, field: str) -> Characteristic | None:
        return next((c for c in self.characteristics if c.id == field), None)

    def label(self, field: str) -> str:
        characteristic = self.characteristic(field)
        return characteristic.label.lower() if characteristic else field

    def suggester(self, field: str) -> SuggestFromList | None:
        characteristic = self.characteristic(field)
        if characteristic is None or not characteristic.values:
            return None
        return SuggestFromList(characteristic.values, case_sensitive=False)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Under the rows: the values the focused characteristic allows, numbered."""
        field = (event.widget.id or "").partition("-")[0]
        characteristic = self.characteristic(field)
        text = ""
        if characteristic is not None and characteristic.values:
            choices = " · ".join(f"{n} {v}" for n, v in enumerate(characteristic.values, 1))
            free = " · of eigen tekst" if characteristic.free else ""
            text = f"{characteristic.label} (naam of nummer, → vult aan): {choices}{free}"
        self.query_one("#choices", Static).update(text)

    def next_pseudonym(self) -> str:
        """The next pseudonym not in the session and not on a row still empty."""
        number = 1
        while f"P{number}" in self.editor.session.participants or f"P{number}" in self.pending:
            number += 1
        return f"P{number}"

    async def action_add(self) -> None:
        await self.add_row(Participant(self.next_pseudonym()))

    async def action_add_facilitator(self) -> None:
        if any(p.facilitator for p in self.editor.session.participants.values()):
            self.notify("Er is al een gespreksleider.")
            return
        await self.add_row(self.editor.session.new_facilitator())

    async def add_row(self, participant: Participant, focus: bool = True) -> None:
        """Mounted and focused before the next key is handled: a name typed right after
        ^N goes into the new row, never over the name in the row that had the focus."""
        if participant.facilitator:
            self.editor.put_participant(participant)
        else:
            self.pending[participant.id] = participant  # added when something is typed
        row = self.row(participant)
        rows = self.query_one("#rows")
        # the facilitator stays last, as everywhere: a new participant goes above that row
        facilitator = next((r for r in rows.children if r.has_class("facilitator")), None)
        if facilitator is not None and not participant.facilitator:
            await rows.mount(row, before=facilitator)
        else:
            await rows.mount(row)
        if focus:  # a row added by hand is filled in next (Widget.focus would come later)
            self.set_focus(row.query(Input).first())

    @on(Input.Blurred, ".field")
    @on(Input.Submitted, ".field")
    def field_done(self, event: Input.Blurred | Input.Submitted) -> None:
        self.save_field(event.input)

    def save_field(self, field_input: Input) -> None:
        field, _, participant_id = (field_input.id or "").partition("-")
        value = " ".join(field_input.value.split())
        characteristic = self.characteristic(field)
        if characteristic is not None and value:
            allowed = characteristic.allowed(value)
            if allowed is None:  # kept as typed, not saved: the user picks again
                self.notify(not_allowed(characteristic, value), severity="warning")
                return
            if allowed != field_input.value:
                field_input.value = allowed  # '3' or 'het uwv' shown as the guide spells it
            value = allowed
        participant = self.editor.session.participants.get(participant_id)
        new = participant is None
        if participant is None and value and participant_id in self.pending:
            try:
                participant = new_participant(
                    self.editor.session,
                    value if field == "naam" else "",
                    () if field == "naam" else [(field, value)],
                    pseudonym=participant_id,
                    characteristics=self.characteristics,
                )
                self.pending.pop(participant_id)
            except GwpError as error:
                self.notify(str(error), severity="warning")
                return
        if participant is None:
            return
        if field == "naam":
            updated = dataclasses.replace(participant, name=value)
        else:
            attributes = dict(participant.attributes)
            if value:
                attributes[field] = value
            else:
                attributes.pop(field, None)
            updated = dataclasses.replace(participant, attributes=tuple(attributes.items()))
        if new or updated != participant:
            self.editor.put_participant(updated)

    def action_close(self) -> None:
        for field_input in self.query(Input):
            self.save_field(field_input)
        self.dismiss(None)
