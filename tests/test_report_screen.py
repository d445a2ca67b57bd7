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
        # saved in a worker that closes the editor, which cancels the (finished) worker: no
        # wait_for_complete here, it would re-raise that cancellation depending on timing
        for _ in range(50):
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


async def test_the_cross_table_per_group_then_per_characteristic(project) -> None:
    from textual.widgets import DataTable

    from goedwerkplaats.tui.screens.crosstab import CrossTableScreen
    from tests.data.report.crosstab import crosstab_study

    crosstab_study(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await open_report(pilot)
        await pilot.press("k")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, CrossTableScreen)
        grid = screen.query_one(DataTable)

        def row(key: str) -> list[str]:
            return [str(cell) for cell in grid.get_row(key)]

        assert [str(c.label) for c in grid.columns.values()][1:3] == ["g1", "g2"]
        assert row("belemmeringen") == ["Belemmeringen", "3", "1", "4", "2"]  # people, not lines
        await pilot.press("f")  # fragments, labelled as such
        assert row("belemmeringen") == ["Belemmeringen", "5", "1", "6", "2"]
        assert "fragmenten (ter info" in str(screen.query_one("#crosstab-title").render())
        await pilot.press("f", "k")  # back to people; per functie
        await settle(pilot)
        headers = [str(c.label) for c in grid.columns.values()]
        # the words every value shares ('Professional') are left out of the narrow headers;
        # a value only one participant holds is flagged
        assert headers[1:5] == ["Werk", "Activering !", "Inkomen !", "onbekend"]
        assert "een export vraagt 'grof' of 'weglaten'" in str(
            screen.query_one("#crosstab-status").render()
        )
        # to the belemmeringen row, first value column: the cell in words, its column whole
        await pilot.press("right", *["down"] * grid.get_row_index("belemmeringen"))
        assert "Belemmeringen × Professional Werk: 2 deelnemers (van 2 in deze kolom)" in str(
            screen.query_one("#crosstab-cell").render()
        )
        await pilot.press("h")  # preview 'grof': the two lone values become 'anders'
        await settle(pilot)
        assert [str(c.label) for c in grid.columns.values()][2] == "anders"
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReportScreen)


async def test_fragments_outside_the_outline_can_be_read_with_why(project) -> None:
    study_project(project)
    outline = project.root / "rapport.yaml"
    outline.write_text(
        outline.read_text("utf-8").replace("      - thema: competenties\n", ""), "utf-8"
    )
    (left_out,) = plan_report(project).placement.unplaced
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_report(pilot)
        tree = screen.query_one(OutlineTree)
        last = tree.root.children[-1]
        assert str(last.label) == "Buiten de opzet (1)"
        tree.move_cursor(last)
        await pilot.pause()
        table = screen.query_one(QuoteChoices)
        assert table.row_count == 1 and screen.shown == []  # the section keys do nothing here
        text = str(screen.query_one("#quote-text").render())
        assert f"stelling {left_out.statement}, thema " in text
        assert "zonder paragraaf in rapport.yaml" in text
        await pilot.press("t")  # no prose file for it: nothing opens, nothing breaks
        await pilot.pause()
        assert pilot.app.screen is screen
