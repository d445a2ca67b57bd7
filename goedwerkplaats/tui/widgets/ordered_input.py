"""A form field that keeps a fast typist's keys in order (see `key_order`)."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from goedwerkplaats.tui.key_order import (
    forward_if_focus_moved,
    replay_if_closed,
    run_binding_now,
)


class OrderedInput(Input):
    """Keys typed after Tab go to the next field, Backspace acts where it was typed, and with
    `enter_moves_on` Enter moves to the next field before the keys behind it arrive."""

    def __init__(self, *args: object, enter_moves_on: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.enter_moves_on = enter_moves_on

    async def _on_key(self, event: events.Key) -> None:
        if replay_if_closed(self.screen, event) or forward_if_focus_moved(self, event):
            return
        if not event.is_printable:
            await run_binding_now(self, event)

    async def action_submit(self) -> None:
        await super().action_submit()
        if self.enter_moves_on and self.screen.focused is self:
            self.screen.focus_next()
