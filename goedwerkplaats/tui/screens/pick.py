"""A small choice by one key: which speaker, which stelling, which participant."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from goedwerkplaats.model.session import Participant
from goedwerkplaats.tui.key_order import replay_if_closed
from goedwerkplaats.tui.keys import key_for
from goedwerkplaats.tui.widgets.labels import digit_of

PICK_KEYS = "123456789abcdefghijklmnopqrstuvwxyz"
SCROLL_KEYS = {
    "up": "scroll_up",
    "down": "scroll_down",
    "pageup": "scroll_page_up",
    "pagedown": "scroll_page_down",
}


def pick_keys(count: int) -> list[str]:
    """One key per option, digits first; beyond 35 options the rest has no key."""
    return list(PICK_KEYS[:count])


def speaker_keys(participants: list[Participant]) -> list[str]:
    """The keys the live screen uses too: 0 the facilitator, 1-9 for P1-P9, then letters."""
    wanted = [digit_of(p) for p in participants]
    spare = iter(key for key in PICK_KEYS[9:] if key not in wanted)
    return [key or next(spare, "") for key in wanted]


def statement_keys(ids: list[str]) -> list[str]:
    """A stelling's own id as its key when that is one key (1, 2, 3…), else the next spare."""
    wanted = [i if len(i) == 1 and i in PICK_KEYS else "" for i in ids]
    spare = iter(key for key in PICK_KEYS if key not in wanted)
    return [key or next(spare, "") for key in wanted]


class PickScreen(ModalScreen[str | None]):
    """Options are (value, label); each gets the next key, so P10 and stelling 'slot' work too."""

    BINDINGS = [Binding("escape", "cancel", "Annuleren", id="kies.annuleren")]
    DEFAULT_CSS = """
    PickScreen { align: center middle; }
    PickScreen VerticalScroll { width: 64; max-width: 100%; height: auto; max-height: 100%;
                                border: round $accent; padding: 0 1; background: $surface; }
    """

    def __init__(
        self, title: str, options: list[tuple[str, str]], keys: list[str] | None = None
    ) -> None:
        super().__init__()
        self.title_text = title
        keys = keys or pick_keys(len(options))
        self.by_key = {key: option for key, option in zip(keys, options, strict=False) if key}

    def compose(self) -> ComposeResult:
        lines = "\n".join(f"[b]{key}[/b]  {label}" for key, (_, label) in self.by_key.items())
        # not focusable: every key reaches on_key, also the ones typed right after the choice
        with VerticalScroll(can_focus=False):
            cancel = key_for(self.app, "kies.annuleren")
            yield Static(f"[b]{self.title_text}[/b]\n\n{lines}\n\n[dim]{cancel}: annuleren[/dim]")

    def on_key(self, event: events.Key) -> None:
        if replay_if_closed(self, event):
            return
        chosen = self.by_key.get(event.character or "")
        if chosen is not None:
            event.stop()
            self.dismiss(chosen[0])
        elif event.key in SCROLL_KEYS:
            event.stop()  # a list longer than the screen scrolls
            getattr(self.query_one(VerticalScroll), SCROLL_KEYS[event.key])()

    def action_cancel(self) -> None:
        self.dismiss(None)
