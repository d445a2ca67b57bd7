"""The report screen, driven by the keyboard at 80×24, and the primary-theme key in coding."""

from __future__ import annotations

from textual.widgets import TextArea

from goedwerkplaats.exporters.report import plan_report
from goedwerkplaats.report.choices import CHOICES_FILE
from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.report import OutlineTree, ProseEditor, QuoteChoices, ReportScreen
from tests.data.report.builders import study_project
from tests.helpers import FakeClock
from tests.live_driver import settle


async def open_report(pilot) -> ReportScreen:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("p")
    screen = pilot.app.screen
    assert isinstance(screen, ReportScreen)
    await settle(pilot)
    return screen


def shown(screen: ReportScreen) -> list[str]:
    return [p.fragment.ref for p in screen.shown]


async def test_the_outline_with_breadth_and_the_quotes_of_a_section(project) -> None:
    study_project(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_report(pilot)
        tree = screen.query_one(OutlineTree)
        labels = [str(node.label) for node in tree.root.children[0].children]
        assert labels[0].startswith("5.1 [3·2·3] Een belangrijke")
        assert labels[-1] == "5.4 Concluderend"
        assert shown(screen) == ["g1/t2", "g1/t3", "g2/t1"]  # ★ first, then in time order
        assert "3 van 7 deelnemers, 2 van 3 groepen" in str(screen.query_one("#breadth").render())
        await pilot.press("down")  # 5.2
        await settle(pilot)
        assert shown(screen) == ["g1/t4"]


async def test_leave_out_reorder_and_star_are_stored(project) -> None:
    study_project(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_report(pilot)
        await pilot.press("enter")  # into the quotes of 5.1
        assert screen.focused is screen.query_one(QuoteChoices)
        await pilot.press("down", "space")  # leave out g1/t3
        await settle(pilot)
        assert [p.excluded for p in screen.shown] == [False, True, False]
        await pilot.press("shift+down")  # and move it down
        await settle(pilot)
        assert shown(screen) == ["g1/t2", "g2/t1", "g1/t3"]
        text = (project.root / CHOICES_FILE).read_text("utf-8")
        assert "weg:\n  - g1/t3" in text
        await pilot.press("up", "asterisk")  # ★ on g2/t1, in its session
        await settle(pilot)
        assert project.load_session("g2").session.segments.get("t1").is_quote
    # the export follows what was chosen
    placed = plan_report(project).placement.shown((0, 0))
    assert [p.fragment.ref for p in placed] == ["g1/t2", "g2/t1"]


async def test_choosing_the_primary_theme_moves_the_quote(project) -> None:
    study_project(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_report(pilot)
        await pilot.press("enter", "down", "h")  # g1/t3: belemmeringen and opdracht
        await settle(pilot)
        assert (
            project.load_session("g1").session.segments.get("t3").primary_theme == "belemmeringen"
        )
        assert shown(screen) == ["g1/t2", "g2/t1"]
        assert "Hoofdthema: Belemmeringen." in str(screen.query_one("#status").render())
        await pilot.press("tab", "down")  # to 5.2 in the outline
        await settle(pilot)
        assert shown(screen) == ["g1/t3", "g1/t4"]


async def test_prose_in_the_simple_editor_when_there_is_no_editor(project, monkeypatch) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    study_project(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await open_report(pilot)
        await pilot.press("t")
        await settle(pilot)
        editor = pilot.app.screen
        assert isinstance(editor, ProseEditor)
        area = editor.query_one(TextArea)
        for _ in range(50):  # the file is read in a worker; the area opens when it is in
            if not area.read_only:
                break
            await pilot.pause(0.05)
        assert area.text.startswith("<!-- Eigen tekst")
        await pilot.press(*"Eigen tekst.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        for _ in range(50):  # saved in a worker, then the editor closes
            if isinstance(pilot.app.screen, ReportScreen):
                break
            await pilot.pause(0.05)
        assert isinstance(pilot.app.screen, ReportScreen)
    prose = (project.root / "rapport" / "opdracht" / "opdracht.md").read_text("utf-8")
    assert prose.endswith("Eigen tekst.")


async def test_the_coding_screen_chooses_a_primary_theme(project) -> None:
    from tests.test_coding_screen import open_coding

    study_project(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        coding = await open_coding(pilot)
        while coding.current().id != "t3":
            await pilot.press("down")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert (
            project.load_session("g1").session.segments.get("t3").primary_theme == "belemmeringen"
        )
        await pilot.press("ctrl+o", "ctrl+o")  # opdracht, then no choice
        await settle(pilot)
        assert project.load_session("g1").session.segments.get("t3").primary_theme is None
