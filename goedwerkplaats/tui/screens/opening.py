"""A session is opened before its screen: the session list opens it in a worker while this
small dialog says so, then puts the complete screen in the dialog's place.

Keys typed meanwhile never reach the session list (a second Enter, a digit): the dialog takes
them. Text meant for the live screen's quote line is kept and handed to it; everything else
(Enter, arrows, a coding screen's letter codes, which would code a row not yet seen) is
dropped, as the dialog says.

Quitting (^Q) meanwhile waits until the session is open, then closes it as leaving would (its
lock released, no "Hervat" next time); the dialog says so. A half-kept quote stays kept.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from goedwerkplaats.storage.draft import Draft
from goedwerkplaats.storage.session_store import SessionStore


@dataclass(frozen=True)
class OpenedSession:
    """What a session screen is built from: the open store, the half-typed quote kept when
    it was last left (live), and what was typed while it opened."""

    store: SessionStore
    draft: Draft | None = None
    typed: tuple[tuple[str, str], ...] = ()  # (key, character) as the keys came in

    @property
    def typed_text(self) -> str:
        return "".join(character for _key, character in self.typed)


class OpeningScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    OpeningScreen { align: center middle; }
    OpeningScreen #opening { width: auto; max-width: 70; height: auto; padding: 1 2;
                             border: round $accent; background: $panel; }
    """

    def __init__(self, session_id: str, keeps_typing: bool) -> None:
        super().__init__()
        self.session_id = session_id
        self.keeps_typing = keeps_typing
        self._typed: list[tuple[str, str]] = []
        self._next: Screen[None] | None = None
        self._finished = False
        self._store: SessionStore | None = None
        self._done = asyncio.Event()  # set when the opening has succeeded or failed
        self.quitting = False

    def compose(self) -> ComposeResult:
        after = (
            "wat u typt, komt daarna in de citaatregel"
            if self.keeps_typing
            else "toetsen werken zodra hij open is"
        )
        yield Static(f"Sessie {self.session_id} wordt geopend…\n({after})", id="opening")

    @property
    def typed(self) -> tuple[tuple[str, str], ...]:
        return tuple(self._typed)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if self.keeps_typing and event.is_printable and event.character:
            self._typed.append((event.key, event.character))

    def finish(self, screen: Screen[None] | None, store: SessionStore | None = None) -> None:
        """Put the opened session's screen in this one's place (None: opening failed, back to
        the list). Under a dialog opened meanwhile (^P) it waits until that one closes.
        While quitting no screen is built: `store` is what is to be closed."""
        self._next, self._store, self._finished = screen, store, True
        self._done.set()
        if self.app.screen is self and not self.quitting:
            self._leave()

    async def open_for_quitting(self) -> SessionStore | None:
        """For quitting the app: wait until the session is open. Returns its store to close,
        or None when opening failed or its screen was already built (then it is shown now, to
        be closed with the other session screens)."""
        self.quitting = True
        self.query_one("#opening", Static).update(
            f"Sessie {self.session_id} wordt geopend…\n"
            "Afsluiten: hij wordt daarna netjes gesloten, dan stopt het programma."
        )
        await self._done.wait()
        if self._next is not None and self._finished:
            self._finished = False
            await self.app.switch_screen(self._next)
        store, self._store = self._store, None  # a second ^Q does not close it twice
        return store

    def on_screen_resume(self) -> None:
        # also sent when first shown, maybe after finish() already left: leave only once
        if self._finished and self.app.screen is self and not self.quitting:
            self._leave()

    def _leave(self) -> None:
        self._finished = False
        if self._next is not None:
            self.app.switch_screen(self._next)
        else:
            self.dismiss(None)
