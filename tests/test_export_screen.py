"""Exporting from the app: the same exports as the command line, with a progress bar."""

from __future__ import annotations

import csv

from textual.widgets import ProgressBar, RadioSet

from goedwerkplaats.exporters.kinds import kind_named
from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.export import ExportScreen
from tests.helpers import FakeClock, new_session, segment
from tests.live_driver import type_text


def coded_project(project):  # type: ignore[no-untyped-def]
    store = new_session(project)
    store.apply(
        segment(1, themes=("klant",), text="Tom Bakker zegt: klant is een raar woord."),
        segment(2, themes=("caseload",), arena="spreekkamer", speaker="P2"),
    )
    store.close()


async def open_export(pilot) -> ExportScreen:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    return screen


def choose(screen: ExportScreen, kind: str) -> None:
    """Choose a kind by its id or its Dutch label, as the registry names it."""
    buttons = list(screen.query_one(RadioSet).query("RadioButton"))
    next(b for b in buttons if b.name == kind_named(kind).id).value = True


async def test_quotes_as_csv_from_the_app(project) -> None:
    coded_project(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_export(pilot)
        choose(screen, "citaten")
        await pilot.pause()
        assert not screen.query_one("#row-by").display  # synthesis-only field hidden
        screen.query_one("#format").value = "csv"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Geschreven" in str(screen.query_one("#outcome").render())
        bar = screen.query_one(ProgressBar)
        assert bar.progress == bar.total
    rows = list(csv.DictReader((project.exports_dir / "citaten.csv").open(encoding="utf-8-sig")))
    assert [r["segment"] for r in rows] == ["s1", "s2"]
    assert rows[0]["speaker"] == "P1" and "Tom" not in rows[0]["text"]


async def test_transcript_of_the_chosen_session_and_a_clear_error(project) -> None:
    coded_project(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_export(pilot)
        choose(screen, "transcript")
        await pilot.pause()
        assert screen.query_one("#session").value == "gwp-1"
        screen.query_one("#format").value = "pdf"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "formaat 'pdf' kan niet" in str(screen.query_one("#outcome").render())
        screen.query_one("#format").value = "txt"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    text = (project.exports_dir / "transcript-gwp-1.txt").read_text("utf-8")
    assert "P2:" in text and "Bakker" not in text


async def test_keyboard_only_the_typed_session_is_the_one_exported(project) -> None:
    """Up to transcript, Tab into the session field, type another id: that session is written."""
    coded_project(project)
    other = new_session(project, "gwp-2", title="Tweede")
    other.apply(segment(1, text="Alleen in de tweede sessie gezegd."))
    other.close()
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_export(pilot)
        await pilot.press("up")  # from synthese up to transcript
        await pilot.pause()
        await pilot.press("tab")
        assert pilot.app.focused is screen.query_one("#session")
        await type_text(pilot, "gwp-2")
        await pilot.press("tab")
        await type_text(pilot, "txt")
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    text = (project.exports_dir / "transcript-gwp-2.txt").read_text("utf-8")
    assert "Alleen in de tweede sessie gezegd." in text


async def test_states_are_signs_and_real_names_outside_the_project_need_a_typed_yes(
    project, tmp_path
) -> None:
    from textual.widgets import Checkbox

    from goedwerkplaats.tui.screens.confirm import TypedConfirmScreen

    coded_project(project)
    target = tmp_path / "buiten" / "met-namen"
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_export(pilot)
        choose(screen, "citaten")
        await pilot.pause()
        chosen = [str(b.render()) for b in screen.query("RadioButton") if b.value]
        assert len(chosen) == 1 and chosen[0].startswith("(•)")  # not by colour alone
        others = [str(b.render()) for b in screen.query("RadioButton") if not b.value]
        assert others and all(text.startswith("( )") for text in others)
        names = screen.query_one("#names", Checkbox)
        assert str(names.render()).startswith("[ ] echte namen")
        names.value = True
        await pilot.pause()
        assert str(names.render()).startswith("[x] echte namen")
        screen.query_one("#format").value = "csv"
        screen.query_one("#output").value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TypedConfirmScreen)
        await type_text(pilot, "namen")
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert "Tom Bakker" in target.with_suffix(".csv").read_text("utf-8-sig")


async def test_a_field_and_the_export_key_typed_in_one_burst(project) -> None:
    """^S typed right after a value acts on that value, not on what the field held before."""
    from textual import events

    coded_project(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_export(pilot)
        choose(screen, "citaten")
        await pilot.pause()
        screen.query_one("#format").focus()
        await pilot.pause()
        for key in (*"csv", "ctrl+s"):
            pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))
        for _ in range(200):
            await pilot.pause(0.05)
            if "Geschreven" in str(screen.query_one("#outcome").render()):
                break
    assert (project.exports_dir / "citaten.csv").is_file()
