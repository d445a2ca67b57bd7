"""The report screen: the outline as a tree, per section its breadth and candidate quotes.

Keys on the quotes: include or leave out, move up or down, ★ citaat, choose the primary theme
(which may move the quote to another section). A key opens the section's prose file in
$EDITOR, or in a simple editor inside the app. Everything that reads or writes a file runs in
a worker; after each change the report is planned again (every quote once), also in a worker.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TextArea, Tree
from textual.widgets.tree import TreeNode

from goedwerkplaats.coding.editing import PRIMARY_NEEDS_THEMES, has_primary_choice
from goedwerkplaats.exporters.report import ReportPlan
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.session import Segment, Session
from goedwerkplaats.project.folder import Project
from goedwerkplaats.report.breadth import BreadthIndex, totals
from goedwerkplaats.report.choices import Choices, load_choices, move, save_choices, toggle_excluded
from goedwerkplaats.report.fragments import Fragment
from goedwerkplaats.report.outline import Chapter, Section
from goedwerkplaats.report.placement import Placed, section_key
from goedwerkplaats.storage.atomic import write_atomic_text
from goedwerkplaats.tui.keys import HelpItem, help_rows, key_for, project_keymap
from goedwerkplaats.tui.worker_errors import ReportsWorkerErrors, capitalised

QUOTE_WIDTH = 22  # the quote's start in the list; its whole text stands below it
PROSE_HINT = (
    "<!-- Eigen tekst; Markdown: lege regel tussen alinea's, *schuin*, **vet**, "
    "'- ' opsomming. -->\n"
)


@dataclass(frozen=True)
class Node:
    """What a tree node stands for: a chapter, a section or a chapter's closing section, or
    the fragments the outline has no place for."""

    chapter: int
    section: int | None = None  # None: the chapter itself
    closing: bool = False
    outside: bool = False


class OutlineTree(Tree[Node]):
    BINDINGS = [
        Binding(
            "t",
            "screen.prose",
            "Tekst",
            tooltip="de eigen tekst van dit hoofdstuk of deze paragraaf bewerken",
            id="rapport.tekst",
        ),
    ]


class QuoteChoices(DataTable[str]):
    BINDINGS = [
        Binding(
            "space",
            "screen.toggle_quote",
            "Opnemen",
            tooltip="dit citaat opnemen of weglaten",
            id="rapport.opnemen",
        ),
        Binding(
            "shift+up",
            "screen.move(-1)",
            "Omhoog",
            tooltip="citaat een plaats omhoog",
            id="rapport.omhoog",
        ),
        Binding(
            "shift+down",
            "screen.move(1)",
            "Omlaag",
            tooltip="citaat een plaats omlaag",
            id="rapport.omlaag",
        ),
        Binding(
            "asterisk",
            "screen.star",
            "Citaat ★",
            tooltip="★ citaat aan of uit (zulke citaten komen eerst)",
            id="rapport.ster",
        ),
        Binding(
            "h",
            "screen.primary",
            "Hoofdthema",
            tooltip="hoofdthema: het volgende van de thema's van dit fragment (het citaat kan "
            "dan naar een andere paragraaf gaan)",
            id="rapport.hoofdthema",
        ),
    ]


class ReportScreen(ReportsWorkerErrors, Screen[None]):
    BINDINGS = [
        Binding(
            "escape,f10", "close", "Sluiten", tooltip="terug naar de sessies", id="rapport.sluiten"
        ),
        Binding("f1,question_mark", "help", "Hulp", tooltip="deze hulp", id="rapport.hulp"),
        Binding("r", "refresh", "Vernieuwen", tooltip="opnieuw inlezen", id="rapport.vernieuwen"),
        Binding(
            "k",
            "crosstab",
            "Kruistabel",
            tooltip="kruistabel: wie noemde welk thema, per sessie of per kenmerk",
            id="rapport.kruistabel",
        ),
    ]
    DEFAULT_CSS = """
    ReportScreen OutlineTree { width: 40%; min-width: 28; border: round $primary; }
    ReportScreen #right { width: 1fr; }
    ReportScreen QuoteChoices { height: 1fr; border: round $primary; }
    ReportScreen #quote-text { height: 5; padding: 0 1; }
    ReportScreen #breadth { height: 1; padding: 0 1; }
    ReportScreen #status { height: 1; padding: 0 1; background: $boost; }
    """

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.plan: ReportPlan | None = None  # once planned, in a worker
        self.choices = Choices()
        self.sessions: dict[str, Session] = {}
        self.current: Node | None = None
        self.shown: list[Placed] = []
        self.outside: list[Fragment] = []  # listed when the 'buiten de opzet' node is chosen

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            tree: OutlineTree = OutlineTree("Rapport", id="outline")
            tree.show_root = False
            yield tree
            with Vertical(id="right"):
                yield Static(id="breadth")
                table = QuoteChoices(id="quotes", cursor_type="row")
                table.add_column("", width=2)
                table.add_column("Citaat", width=QUOTE_WIDTH)
                table.add_columns("Wie", "Sessie")
                yield table
                yield Static(id="quote-text")
        yield Static("Het rapport wordt ingelezen…", id="status")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.title = "Rapport"
        self.load()

    # ------------------------------------------------------------ planning (worker)

    def action_refresh(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="rapport")
    def load(self) -> None:
        from goedwerkplaats.exporters.report import plan_report

        plan = plan_report(self.project, with_survey=False)
        choices = load_choices(self.project.root)
        self.app.call_from_thread(self.show_plan, plan, choices)

    def show_plan(self, plan: ReportPlan, choices: Choices) -> None:
        self.plan = plan
        self.choices = choices
        self.sessions = {s.id: s for s in plan.sessions}
        self.breadth = BreadthIndex(plan.breadth_fragments)
        self.totals = totals(plan.sessions)
        self.fill_tree()
        self.show_quotes()
        outside = len(plan.placement.unplaced)
        where = (
            "volgens rapport.yaml"
            if plan.outline.from_file
            else "volgens de leidraad (geen rapport.yaml)"
        )
        message = f"{len(plan.placement.printed())} citaten {where}"
        if outside:
            message += f"; {outside} buiten de opzet"
        self.say(message)

    def worker_failed(self, worker, reason: str) -> None:  # type: ignore[no-untyped-def]
        self.say(capitalised(reason), "bold red")

    def fill_tree(self) -> None:
        tree = self.query_one(OutlineTree)
        outline = self.planned.outline
        keep = self.current
        tree.clear()
        select: TreeNode[Node] | None = None
        for c, chapter in enumerate(outline.chapters):
            node = tree.root.add(
                f"{outline.chapter_number(c)} {chapter.title}", Node(c), expand=True
            )
            if keep == Node(c):
                select = node
            for s, section in enumerate(chapter.sections):
                number = outline.section_number(c, s)
                label = f"{number} {self.counts(c, chapter, section)} {section.title}"
                leaf = node.add_leaf(label, Node(c, s))
                if keep == Node(c, s) or (keep is None and select is None):
                    select = leaf
            if chapter.closing:
                closing = node.add_leaf(
                    f"{outline.section_number(c, len(chapter.sections))} {chapter.closing}",
                    Node(c, None, closing=True),
                )
                if keep == Node(c, None, closing=True):
                    select = closing
        unplaced = self.planned.placement.unplaced
        if unplaced:
            label = f"Buiten de opzet ({len(unplaced)})"
            out = tree.root.add_leaf(label, Node(len(outline.chapters), outside=True))
            if keep is not None and keep.outside:
                select = out
        if select is not None:
            self.current = select.data
            # the tree lays out its lines on the next refresh; move the cursor after it
            self.call_after_refresh(tree.move_cursor, select)

    @property
    def planned(self) -> ReportPlan:
        """The plan, for code that runs only after `show_plan` (the tree is empty before)."""
        if self.plan is None:
            raise RuntimeError("het rapport is nog niet gepland")
        return self.plan

    def counts(self, c: int, chapter: Chapter, section: Section) -> str:
        """'[3·2·4]': participants and groups who raised it, quotes shown here (the help and
        the line above the quotes say it in words)."""
        found = self.breadth_of(chapter, section)
        shown = len(self.planned.placement.shown((c, chapter.sections.index(section))))
        return f"[{found.participants}·{found.sessions}·{shown}]"

    def breadth_of(self, chapter: Chapter, section: Section):  # type: ignore[no-untyped-def]
        themes = self.planned.outline.section_themes(section)
        return self.breadth.count(themes, chapter.statements)

    @on(Tree.NodeHighlighted)
    def node_highlighted(self, event: Tree.NodeHighlighted[Node]) -> None:
        if event.node.data is not None and event.node.data != self.current:
            self.current = event.node.data
            self.show_quotes()

    @on(Tree.NodeSelected)
    def node_selected(self, event: Tree.NodeSelected[Node]) -> None:
        if event.node.data is not None and event.node.data.section is not None:
            self.query_one(QuoteChoices).focus()

    # ------------------------------------------------------------ quotes of a section

    def section_of(self, node: Node | None) -> tuple[Chapter, Section] | None:
        if self.plan is None or node is None or node.section is None:
            return None
        chapter = self.plan.outline.chapters[node.chapter]
        return chapter, chapter.sections[node.section]

    def show_quotes(self, keep_ref: str | None = None) -> None:
        table = self.query_one(QuoteChoices)
        table.clear()
        found = self.section_of(self.current)
        prose_key = key_for(self.app, "rapport.tekst", OutlineTree)
        self.outside = []
        if self.current is not None and self.current.outside:
            self.show_outside(table)
            return
        if found is None:
            self.shown = []
            if self.current is None:
                text = ""
            elif self.current.closing:
                text = f"Slotparagraaf: alleen eigen tekst ({prose_key} bewerkt hem)."
            else:
                text = f"Hoofdstuk: {prose_key} bewerkt de inleiding."
            self.query_one("#breadth", Static).update("")
            self.query_one("#quote-text", Static).update(Text(text, style="dim"))
            return
        chapter, section = found
        breadth = self.breadth_of(chapter, section)
        self.query_one("#breadth", Static).update(
            Text(
                f"{breadth.participants} van {self.totals.participants} deelnemers, "
                f"{breadth.sessions} van {self.totals.sessions} groepen",
                style="bold",
            )
        )
        assert self.current is not None and self.current.section is not None
        self.shown = self.planned.placement.sections.get(
            (self.current.chapter, self.current.section), []
        )
        for placed in self.shown:
            fragment = placed.fragment
            mark = ("–" if placed.excluded else "✓") + ("★" if fragment.starred else " ")
            segment = self.segment(placed)
            text = " ".join((segment.text if segment else "").split())
            if len(text) > QUOTE_WIDTH:
                text = text[: QUOTE_WIDTH - 1] + "…"
            table.add_row(mark, text, fragment.speaker, fragment.session, key=fragment.ref)
        if keep_ref is not None:
            refs = [p.fragment.ref for p in self.shown]
            if keep_ref in refs:
                table.move_cursor(row=refs.index(keep_ref))
        self.show_quote_text()

    def show_outside(self, table: QuoteChoices) -> None:
        """The fragments no section takes: read them here, then fix rapport.yaml or the
        coding (the choices of a section do not apply to them)."""
        self.shown = []
        self.outside = list(self.planned.placement.unplaced)
        self.query_one("#breadth", Static).update(
            Text("Buiten de opzet: niet in het rapport", style="bold")
        )
        for fragment in self.outside:
            segment = self.segment_of(fragment)
            text = " ".join((segment.text if segment else "").split())
            if len(text) > QUOTE_WIDTH:
                text = text[: QUOTE_WIDTH - 1] + "…"
            table.add_row("·", text, fragment.speaker, fragment.session, key=fragment.ref)
        self.show_quote_text()

    def segment(self, placed: Placed) -> Segment | None:
        return self.segment_of(placed.fragment)

    def segment_of(self, fragment: Fragment) -> Segment | None:
        session = self.sessions.get(fragment.session)
        return session.segments.get(fragment.segment) if session else None

    @on(DataTable.RowHighlighted)
    def row_highlighted(self) -> None:
        self.show_quote_text()

    def selected(self) -> Placed | None:
        table = self.query_one(QuoteChoices)
        if not self.shown or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def show_quote_text(self) -> None:
        placed = self.selected()
        panel = self.query_one("#quote-text", Static)
        if self.outside:
            self.show_outside_text(panel)
            return
        if placed is None:
            panel.update(Text("Geen citaten in deze paragraaf.", style="dim"))
            return
        segment = self.segment(placed)
        guide = self.planned.guide
        themes = ", ".join(
            guide.theme_label(t) + (" (hoofdthema)" if t == placed.fragment.primary else "")
            for t in placed.fragment.themes
        )
        text = Text(segment.text if segment else "", style="")
        text.append(
            f"\n{placed.fragment.session} {placed.fragment.speaker} · {themes}", style="dim"
        )
        if placed.excluded:
            text.append(" · weggelaten", style="yellow")
        panel.update(text)

    def show_outside_text(self, panel: Static) -> None:
        from goedwerkplaats.report.unplaced import why_unplaced

        row = self.query_one(QuoteChoices).cursor_row
        fragment = self.outside[min(row, len(self.outside) - 1)]
        segment = self.segment_of(fragment)
        text = Text(segment.text if segment else "")
        text.append(
            f"\n{fragment.session} {fragment.speaker} · "
            f"{why_unplaced(fragment, self.planned.guide)}: zonder paragraaf in rapport.yaml",
            style="dim",
        )
        panel.update(text)

    # ------------------------------------------------------------ choices (rapport/keuze.yaml)

    def key_of_current(self) -> str | None:
        found = self.section_of(self.current)
        return section_key(*found) if found else None

    def action_toggle_quote(self) -> None:
        placed, key = self.selected(), self.key_of_current()
        if placed is None or key is None:
            return
        out = toggle_excluded(self.choices, key, placed.fragment.ref)
        self.say("Weggelaten uit deze paragraaf." if out else "Weer opgenomen.")
        self.save_and_replan(placed.fragment.ref)

    def action_move(self, step: int) -> None:
        placed, key = self.selected(), self.key_of_current()
        if placed is None or key is None:
            return
        move(self.choices, key, [p.fragment.ref for p in self.shown], placed.fragment.ref, step)
        self.save_and_replan(placed.fragment.ref)

    @work(thread=True, exclusive=True, exit_on_error=False, group="rapport")
    def save_and_replan(self, keep_ref: str) -> None:
        from goedwerkplaats.exporters.report import plan_report

        save_choices(self.project.root, self.choices)
        plan = plan_report(self.project, with_survey=False)
        self.app.call_from_thread(self.replanned, plan, keep_ref)

    def replanned(self, plan: ReportPlan, keep_ref: str) -> None:
        self.plan = plan
        self.sessions = {s.id: s for s in plan.sessions}
        self.breadth = BreadthIndex(plan.breadth_fragments)
        self.fill_tree()
        self.show_quotes(keep_ref)

    # ------------------------------------------------------------ the fragment itself

    def action_star(self) -> None:
        placed = self.selected()
        if placed is not None:
            self.edit_fragment(
                "ster", placed.fragment.session, placed.fragment.segment, placed.fragment.ref
            )

    def action_primary(self) -> None:
        placed = self.selected()
        if placed is None:
            return
        if not has_primary_choice(placed.fragment.themes):
            self.say(PRIMARY_NEEDS_THEMES)
            return
        self.edit_fragment(
            "hoofdthema", placed.fragment.session, placed.fragment.segment, placed.fragment.ref
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="rapport")
    def edit_fragment(self, what: str, session_id: str, segment_id: str, ref: str) -> None:
        from goedwerkplaats.exporters.report import plan_report
        from goedwerkplaats.report.fragment_edit import cycle_primary_theme, toggle_star

        try:
            if what == "ster":
                segment = toggle_star(self.project, session_id, segment_id)
                message = "★ citaat aan." if segment.is_quote else "★ citaat uit."
            else:
                segment = cycle_primary_theme(self.project, session_id, segment_id)
                label = segment.primary_theme and self.planned.guide.theme_label(
                    segment.primary_theme
                )
                message = f"Hoofdthema: {label}." if label else "Geen hoofdthema: de opzet beslist."
        except GwpError as error:
            self.app.call_from_thread(self.say, str(error), "bold red")
            return
        plan = plan_report(self.project, with_survey=False)
        self.app.call_from_thread(self.replanned, plan, ref)
        self.app.call_from_thread(self.say, message)

    # ------------------------------------------------------------ prose

    def prose_path(self) -> Path | None:
        if self.plan is None or self.current is None or self.current.outside:
            return None
        chapter = self.plan.outline.chapters[self.current.chapter]
        if self.current.closing:
            relative = chapter.closing_prose
        elif self.current.section is None:
            relative = chapter.prose
        else:
            relative = chapter.sections[self.current.section].prose
        return self.project.root / relative if relative else None

    def action_prose(self) -> None:
        path = self.prose_path()
        if path is None:
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if editor:
            self.run_editor(editor, path)
        else:
            self.app.push_screen(
                ProseEditor(path),
                lambda saved: self.say("Tekst bewaard." if saved else "Niet bewaard."),
            )

    def run_editor(self, editor: str, path: Path) -> None:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic_text(path, PROSE_HINT)
        try:
            with self.app.suspend():
                subprocess.run([*shlex.split(editor), str(path)], check=False)
        except Exception as error:  # no terminal to hand over, or the editor is not there
            self.say(f"{editor} kon niet starten ({error}); de ingebouwde editor opent.", "yellow")
            self.app.push_screen(ProseEditor(path))
            return
        self.say(f"Tekst in {path.relative_to(self.project.root)} bewaard door {editor}.")

    # ------------------------------------------------------------ the rest

    def say(self, message: str, style: str = "") -> None:
        self.query_one("#status", Static).update(Text(message, style=style))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_crosstab(self) -> None:
        from goedwerkplaats.tui.screens.crosstab import CrossTableScreen

        if self.plan is None:
            self.say("Even geduld: het rapport wordt nog ingelezen.")
            return
        self.app.push_screen(CrossTableScreen(self.plan.guide, self.plan.sessions, self.breadth))

    def action_help(self) -> None:
        from goedwerkplaats.tui.screens.help import HelpScreen

        sections: list[tuple[str, list[HelpItem]]] = [
            (
                "Rapport",
                [
                    ReportScreen,
                    OutlineTree,
                    QuoteChoices,
                    ("Tab", "naar de opzet / de citaten"),
                    ("[3·2·4]", "3 deelnemers en 2 groepen noemden het, 4 citaten staan er"),
                ],
            )
        ]
        self.app.push_screen(HelpScreen(help_rows(project_keymap(self.app), sections)))


class ProseEditor(Screen[bool]):
    """A simple editor for a prose file when there is no $EDITOR: ^S saves, Esc leaves."""

    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            "Bewaren",
            priority=True,
            tooltip="bewaren en sluiten",
            id="tekst.bewaren",
        ),
        Binding("escape", "leave", "Terug", tooltip="sluiten zonder te bewaren", id="tekst.terug"),
    ]
    DEFAULT_CSS = """
    ProseEditor TextArea { height: 1fr; }
    ProseEditor #prose-status { height: 1; padding: 0 1; background: $boost; }
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        yield Header()
        # read-only until the file is read: nothing typed may be overwritten by it
        yield TextArea(id="prose", soft_wrap=True, read_only=True)
        save, leave = (
            key_for(self.app, "tekst.bewaren", ProseEditor),
            key_for(self.app, "tekst.terug", ProseEditor),
        )
        yield Static(
            f"{self.path.name}: {save} bewaart, {leave} sluit zonder bewaren", id="prose-status"
        )
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.title = f"Tekst: {self.path.name}"
        self.read()

    @work(thread=True, exit_on_error=False, group="tekst")
    def read(self) -> None:
        text = self.path.read_text("utf-8") if self.path.exists() else PROSE_HINT
        self.app.call_from_thread(self.loaded, text)

    def loaded(self, text: str) -> None:
        area = self.query_one(TextArea)
        area.load_text(text)
        area.read_only = False
        area.cursor_location = area.document.end  # go on writing below what is there
        area.focus()

    def action_save(self) -> None:
        self.write(self.query_one(TextArea).text)

    @work(thread=True, exit_on_error=False, group="tekst")
    def write(self, text: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic_text(self.path, text)
        self.app.call_from_thread(self.dismiss, True)

    def action_leave(self) -> None:
        self.dismiss(False)
