"""Issue 14.13: likely names that no rule masks are found and shown before an export."""

from __future__ import annotations

import re
from pathlib import Path

from goedwerkplaats.cli import main
from goedwerkplaats.model.changes import PutSegment
from goedwerkplaats.model.session import Segment, SessionMeta
from goedwerkplaats.privacy.mask_terms import load_mask_terms
from goedwerkplaats.privacy.name_candidates import candidates_in

SENTENCES = Path(__file__).parent / "data" / "names" / "zinnen.txt"


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def test_recall_and_false_positives_on_the_fictional_test_set() -> None:
    """The figures in the README (Gegevensbescherming) come from this set."""
    lines = [
        line for line in SENTENCES.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]  # fmt: skip
    truth = {name for line in lines for name in re.findall(r"\{([^}]+)\}", line)}
    found = {
        c.word for c in candidates_in(line.replace("{", "").replace("}", "") for line in lines)
    }
    recall = len(found & truth) / len(truth)
    wrong = found - truth
    print(f"namen: {len(truth)}, gevonden {len(found & truth)}, onterecht {sorted(wrong)}")
    assert recall == 1.0, truth - found
    # what is flagged wrongly is a place or an organisation, never an ordinary word
    assert wrong == {"Amersfoort", "Divosa", "Participatiewet", "Voedselbank", "Zwolle"}


def _speakerless_session(project) -> None:  # type: ignore[no-untyped-def]
    project.create_session(SessionMeta(id="gwp-1", title="T", date="2026-03-14"))
    with project.open_session("gwp-1") as store:
        store.apply(
            PutSegment(
                Segment("s1", 1.0, text="Ik ben Tom, ik werk bij de gemeente.", kind="transcript")
            ),
            PutSegment(Segment("s2", 9.0, text="Wil je daar iets over zeggen?", kind="transcript")),
        )


def test_the_export_warns_and_namen_masks_with_one_command(project, capsys) -> None:
    _speakerless_session(project)
    assert run(project, "export", "quotes", "--formaat", "md", "--selectie", "alles") == 0
    out = capsys.readouterr().out
    assert "mogelijke namen die deze export niet maskeert: Tom." in out
    assert run(project, "namen") == 0
    out = capsys.readouterr().out
    assert "Tom (1×, stelt zich voor): Ik ben Tom, ik werk bij de gemeente." in out
    assert "Wil" not in out
    assert run(project, "namen", "--maskeer", "Tom") == 0
    assert [t.term for t in load_mask_terms(project.root).terms] == ["Tom"]
    assert run(project, "export", "quotes", "--formaat", "md", "--selectie", "alles") == 0
    out = capsys.readouterr().out
    assert "mogelijke namen" not in out
    written = (project.exports_dir / "citaten-2.md").read_text("utf-8")
    assert "Tom" not in written and "Ik ben \\[…\\]" in written  # Markdown escapes [ ]


def test_the_check_after_an_export_covers_what_it_exported(project) -> None:
    from goedwerkplaats.exporters.export_form import ExportForm
    from goedwerkplaats.exporters.kinds import unmasked_in_export

    _speakerless_session(project)
    # a codebook holds no participant's words: nothing to warn about
    assert unmasked_in_export(project, ExportForm(kind="codebook")) == []
    # sessions typed with spaces, as the export itself accepts them
    assert unmasked_in_export(project, ExportForm(kind="quotes", sessions="GWP-1 ")) == ["Tom"]
    assert unmasked_in_export(project, ExportForm(kind="quotes", names=True)) == []


async def test_the_app_names_them_after_an_export(project) -> None:
    from goedwerkplaats.tui.app import build_app
    from tests.helpers import FakeClock
    from tests.test_export_screen import choose, open_export

    _speakerless_session(project)
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        screen = await open_export(pilot)
        choose(screen, "citaten")
        await pilot.pause()
        screen.query_one("#format").value = "md"
        screen.query_one("#selection").value = "alles"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        outcome = str(screen.query_one("#outcome").render())
    assert "mogelijke namen die deze export niet maskeert: Tom" in outcome, outcome


async def test_one_key_in_the_app_masks_a_found_name(project) -> None:
    """Issue 14.13: after an export the found names are a list; F8 puts the highlighted one in
    maskeren.yaml, the list drops it, and the next export replaces it."""
    from textual.widgets import OptionList

    from goedwerkplaats.tui.app import build_app
    from tests.helpers import FakeClock
    from tests.test_export_screen import choose, open_export

    _speakerless_session(project)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_export(pilot)
        found = screen.query_one("#found-names", OptionList)
        assert not found.display  # nothing found yet: no list, no key in the footer
        choose(screen, "citaten")
        await pilot.pause()
        screen.query_one("#format").value = "md"
        screen.query_one("#selection").value = "alles"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "druk F8" in str(screen.query_one("#outcome").render())
        assert found.display and [str(found.get_option_at_index(0).prompt)] == ["Tom"]
        mask_file = project.root / "maskeren.yaml"
        mask_file.write_text("termen: [\n", "utf-8")  # broken meanwhile: said, nothing lost
        await pilot.press("f8")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        outcome = str(screen.query_one("#outcome").render())
        assert "Niet in maskeren.yaml gezet" in outcome and "maskeren.yaml" in outcome, outcome
        assert found.option_count == 1 and mask_file.read_text("utf-8") == "termen: [\n"
        mask_file.unlink()
        await pilot.press("f8")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        outcome = str(screen.query_one("#outcome").render())
        assert "'Tom' staat nu in maskeren.yaml; een nieuwe export vervangt het door […]" in outcome
        assert found.option_count == 0 and not found.display
        assert [t.term for t in load_mask_terms(project.root).terms] == ["Tom"]
        screen.query_one("#force").value = True
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        outcome = str(screen.query_one("#outcome").render())
        assert "Geschreven" in outcome and "mogelijke namen" not in outcome, outcome
    written = (project.exports_dir / "citaten.md").read_text("utf-8")
    assert "Tom" not in written and "Ik ben \\[…\\]" in written
