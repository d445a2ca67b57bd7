"""Keys typed faster than the screen reacts must still act in the order they were typed.

Textual queues each key at the widget that had focus when the app read it, and runs a
widget's ordinary bindings only once the key has bubbled back up to the app. A facilitator
typing "Enter v 2 Enter 1 tekst" in one burst would otherwise see the later keys land in the
old widget, or before the binding of an earlier one ran.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.screen import Screen
from textual.widget import Widget


def forward_if_focus_moved(widget: Widget, event: events.Key) -> bool:
    """Pass a key on to the widget that took focus since it was typed."""
    focused = widget.screen.focused
    if focused is None or focused is widget:
        return False
    event.stop()
    event.prevent_default()
    focused.post_message(events.Key(event.key, event.character))
    return True


async def run_binding_now(widget: Widget, event: events.Key) -> bool:
    """Run the binding for this key at once instead of after the keys queued behind it."""
    # the app's own lookup honours toetsen.yaml and the focus chain; it is not public API
    if not await widget.app._check_bindings(event.key):
        return False
    event.stop()
    event.prevent_default()
    return True


def replay_if_closed(screen: Screen[Any], event: events.Key) -> bool:
    """A key typed right after a dialog was answered belongs to the screen that is back.

    The app handed it to the dialog while the dialog was still open; handing it to the app
    again gives it to the screen below, priority keys included, in the order typed."""
    if screen.is_active:
        return False
    event.stop()
    event.prevent_default()
    screen.app.post_message(events.Key(event.key, event.character))
    return True


async def keep_key_order(screen: Screen[Any], event: events.Key) -> None:
    """For a dialog's on_key: a key after the dialog closed goes back to the app, and the
    dialog's own keys (Esc, Tab…) act now, before the keys typed behind them."""
    if not replay_if_closed(screen, event):
        await run_binding_now(screen, event)
