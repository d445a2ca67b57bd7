"""Starting a session from the app: the form, then the participants, then the live screen."""

from __future__ import annotations

from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.live import LiveScreen
from goedwerkplaats.tui.screens.participants import ParticipantsScreen
from tests.helpers import FakeClock
from tests.live_driver import settle, type_text


async def test_new_session_participants_in_order_then_live(project) -> None:
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "GWP Oost")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "Teams")
        await pilot.press("tab")
        await type_text(pilot, "Marieke Jansen")
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(pilot.app.screen, ParticipantsScreen)
        await type_text(pilot, "Sanne de Vries")
        await pilot.press("tab")
        await type_text(pilot, "professional werk")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Tom Bakker")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LiveScreen)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("v")
        await settle(pilot)
    session = project.load_session("gwp-1").session
    assert (session.meta.title, session.meta.location, session.meta.facilitator) == (
        "GWP Oost",
        "Teams",
        "Marieke Jansen",
    )
    people = {p.id: p for p in session.participants.values()}
    assert people["P1"].name == "Sanne de Vries"
    assert people["P1"].attribute("functie") == "Professional Werk"  # as the guide spells it
    assert people["P2"].name == "Tom Bakker"
    assert people["GL"].facilitator and people["GL"].name == "Marieke Jansen"
    assert set(people) == {"P1", "P2", "GL"}  # the third row stayed empty: no P3 that counts
    assert session.meta.started_at is None  # preparing is not the start


async def test_a_session_made_in_the_app_gets_no_empty_participants(project) -> None:
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Zoom-sessie")
        hints = [str(w.render()) for w in pilot.app.screen.query(".hint")]
        assert hints == ["video of op locatie"]  # what "Vorm" accepts, in view
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(pilot.app.screen, ParticipantsScreen)
        await pilot.press("escape")  # nothing typed: the transcript will bring the speakers
        await settle(pilot)
        await pilot.press("f10", "v")
        await settle(pilot)
    assert project.load_session("gwp-1").session.participants == {}
