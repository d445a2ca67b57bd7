"""The status line at 80 columns: a long message is read whole, the saved mark stays."""

from __future__ import annotations

from textual.app import App, ComposeResult

from goedwerkplaats.storage.save_queue import SaveStatus
from goedwerkplaats.tui.widgets.status_line import StatusLine

SHORT = "Stelling 2."
LONG = "Citaat 00:12:01 van P1 Anna bewaard. Enter op lege regel = taggen."  # 66
LONGER = LONG + " En dan nog een hele zin erachteraan, zodat het twee regels worden."


class _Screen(App[None]):
    def compose(self) -> ComposeResult:
        yield StatusLine()


def shown(app: _Screen) -> tuple[str, str, int]:
    line = app.query_one(StatusLine)
    message = str(line.query_one("#message").render())
    return message, str(line.query_one("#saved").render()), line.size.height


async def test_a_long_message_shortens_the_saved_mark_then_wraps() -> None:
    app = _Screen()
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.query_one(StatusLine)
        line.show_saved(SaveStatus(saved=1, pending=0))
        line.say(SHORT)
        await pilot.pause()
        assert shown(app) == (SHORT, "✓ opgeslagen", 1)
        line.say(LONG)  # fits once the mark is only "✓"
        await pilot.pause()
        assert shown(app) == (LONG, "✓", 1)
        line.say(LONGER)
        await pilot.pause()
        message, saved, height = shown(app)
        assert (saved, height) == ("✓", 2)
        assert " ".join(message.split()) == LONGER  # whole, over two lines
        line.say(SHORT)
        await pilot.pause()
        assert shown(app) == (SHORT, "✓ opgeslagen", 1)


async def test_a_save_error_is_never_shortened() -> None:
    app = _Screen()
    async with app.run_test(size=(80, 24)) as pilot:
        line = app.query_one(StatusLine)
        line.show_saved(SaveStatus(saved=0, pending=2, error="schijf vol"))
        line.say(LONG)
        await pilot.pause()
        message, saved, height = shown(app)
        assert saved.startswith("⚠ 2 niet opgeslagen") and height == 2
        assert " ".join(message.split()) == LONG
