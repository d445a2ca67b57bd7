"""The line where a quote is typed: a digit on an empty line picks the speaker; Tab completes."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from goedwerkplaats.coding.inline_codes import completions
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.tui.key_order import forward_if_focus_moved, run_binding_now

PICK_HINT = "cijfer = spreker (0 = GL), dan typen, Enter = opslaan"
TYPE_HINT = "typ het citaat (cijfers zijn tekst) · Backspace = andere spreker"


class QuoteInput(Input):
    BINDINGS = [
        Binding(
            "tab",
            "complete",
            "Code aanvullen",
            show=False,
            tooltip="code aanvullen (#thema @arena)",
            id="invoer.aanvullen",
        ),
        Binding(
            "up",
            "to_list",
            "Naar de lijst",
            show=False,
            tooltip="naar de lijst met citaten",
            id="invoer.lijst",
        ),
        Binding(
            "escape",
            "screen.cancel_edit",
            "Bewerken annuleren",
            show=False,
            tooltip="een citaat bewerken annuleren (het blijft zoals het was)",
            id="invoer.annuleren",
        ),
    ]

    class ToList(Message):
        """Leave the line for the list of captured quotes."""

    @property
    def digits_pick_speaker(self) -> bool:
        return self._digits_pick_speaker

    @digits_pick_speaker.setter
    def digits_pick_speaker(self, value: bool) -> None:
        """The empty line says what a digit does now: a second digit would be text."""
        self._digits_pick_speaker = value
        self.placeholder = PICK_HINT if value else TYPE_HINT

    def __init__(
        self,
        guide: Guide,
        *,
        on_submit: Callable[[str], None],
        on_speaker: Callable[[str], None],
        on_clear_speaker: Callable[[], None],
        **kwargs: object,
    ) -> None:
        # never select on focus: a restored draft or a quote typed before a dialog would be
        # replaced by the next key
        super().__init__(select_on_focus=False, **kwargs)  # type: ignore[arg-type]
        self.guide = guide
        # once a digit chose the speaker, digits are text: "40 mensen in mijn caseload"
        self.digits_pick_speaker = True
        # called at once, not through messages: the line must be saved and the speaker known
        # (or cleared)
        # before the keys typed right after them arrive
        self.on_submit = on_submit
        self.on_speaker = on_speaker
        self.on_clear_speaker = on_clear_speaker

    async def action_submit(self) -> None:
        self.on_submit(self.value)

    async def _on_key(self, event: events.Key) -> None:
        if forward_if_focus_moved(self, event):
            return
        empty = self.value == ""
        if empty and self.digits_pick_speaker and event.character and event.character.isdigit():
            event.stop()
            event.prevent_default()  # the base Input would type the digit
            self.digits_pick_speaker = False  # at once: the next digit may already be text
            self.on_speaker(event.character)
        elif empty and event.key == "backspace" and not self.digits_pick_speaker:
            event.stop()
            event.prevent_default()
            self.digits_pick_speaker = True  # at once: the digit typed next picks
            self.on_clear_speaker()
        elif empty and event.character == "?":
            event.stop()
            event.prevent_default()  # on an empty line '?' asks for help, as everywhere
            self.call_later(self.screen.run_action, "help")
        elif not event.is_printable:
            await run_binding_now(self, event)

    def completion(self) -> tuple[str, list[str]]:
        return completions(self.value[: self.cursor_position], self.guide)

    def action_complete(self) -> None:
        partial, found = self.completion()
        if not found:
            self.screen.focus_next()
            return
        start = self.cursor_position - len(partial)
        completed = partial[0] + found[0] + " "
        self.value = self.value[:start] + completed + self.value[self.cursor_position :]
        self.cursor_position = start + len(completed)

    def action_to_list(self) -> None:
        self.post_message(self.ToList())
