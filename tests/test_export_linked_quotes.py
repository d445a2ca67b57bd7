"""A live quote linked to its transcript segment on import appears once in every export."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from goedwerkplaats.cli import main
from goedwerkplaats.model.changes import PutParticipant, PutSegment
from goedwerkplaats.model.session import FLAG_QUOTE, Participant, Segment, SessionMeta
from tests.data.export.builders import open_docx

DATA = Path(__file__).parent / "data" / "import"
LINKED = "honderdtachtig"  # in the live quote s1 and in the transcript segment it is linked to
UNLINKED = "Iets over vakantiegeld"  # a live quote the transcript does not hold


def _imported(project) -> None:  # type: ignore[no-untyped-def]
    project.create_session(SessionMeta(id="gwp-1", title="Test", date="2026-03-14"))
    with project.open_session("gwp-1") as store:
        store.apply(
            PutParticipant(Participant("P1", name="Ruben Koster")),
            PutSegment(
                Segment(
                    "s1",
                    30.0,
                    speaker="P1",
                    text="Met honderdtachtig mensen op mijn lijst",
                    themes=("caseload",),
                    flags=(FLAG_QUOTE,),
                )
            ),
            PutSegment(Segment("s2", 50.0, speaker="P1", text=UNLINKED, themes=("klant",))),
        )
    vtt = str(DATA / "zoom.vtt")
    assert _run(project, "import", vtt, "--session", "gwp-1", "--opname-start", "0") == 0
    linked = project.load_session("gwp-1").session.segments.get("s1")
    assert linked is not None and linked.link is not None  # the import linked it


def _run(project, *args: str) -> int:  # type: ignore[no-untyped-def]
    return main(["--project", str(project.root), *args])


def _export(project, *args: str) -> Path:  # type: ignore[no-untyped-def]
    name = "uit-" + "-".join(a.strip("-") for a in args[:3])
    assert _run(project, "export", *args, "-o", name) == 0
    return next(project.exports_dir.glob(name + ".*"))


def _zip_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode("utf-8") for n in archive.namelist())


def test_quotes_show_the_transcript_segment_not_the_linked_live_quote(project) -> None:
    _imported(project)
    target = _export(project, "quotes", "--format", "json", "--selectie", "alles")
    rows = json.loads(target.read_text("utf-8"))
    linked = [r for r in rows if LINKED in r["text"]]
    assert len(linked) == 1 and linked[0]["segment"] != "s1"
    assert linked[0]["themes"] == ["caseload"] and linked[0]["citaat"] is True
    assert [r["segment"] for r in rows if r["text"] == UNLINKED] == ["s2"]


def test_transcript_synthesis_and_qdpx_hold_the_words_once(project) -> None:
    _imported(project)
    txt = _export(project, "transcript", "--session", "gwp-1", "--format", "txt")
    assert txt.read_text("utf-8").count(LINKED) == 1
    assert UNLINKED in txt.read_text("utf-8")
    document = open_docx(_export(project, "synthesis"))
    body = "\n".join(p.text for p in document.paragraphs)
    assert body.count(LINKED) == 1
    assert "daarvan zijn er 2 gecodeerd met een thema en 1 als citaat gemarkeerd" in body
    qdpx = _zip_text(_export(project, "qdpx"))
    assert qdpx.count(LINKED) == 1 and UNLINKED in qdpx


def test_codes_given_live_join_the_transcript_segments_own_and_are_counted_once(project) -> None:
    from goedwerkplaats.importers.linking import _take_over_codes

    own = Segment("t1", 30.0, speaker="P1", text="x", themes=("klant",), kind="transcript")
    live = Segment("s1", 31.0, speaker="P1", text="x", themes=("caseload",), arena="spreekkamer")
    merged = _take_over_codes(own, [live])
    assert merged.themes == ("klant", "caseload") and merged.arena == "spreekkamer"
    _imported(project)
    session = project.load_session("gwp-1").session
    shown = [s for s in session.segments if not s.is_marker and not session.is_superseded(s)]
    assert session.counts()[0] == len(shown) == len(session.segments) - 1


async def test_coding_a_linked_live_quote_codes_its_transcript_segment(project) -> None:
    from goedwerkplaats.tui.app import build_app
    from tests.helpers import FakeClock
    from tests.live_driver import settle

    _imported(project)
    target = project.load_session("gwp-1").session.segments.get("s1").link
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c")
        await settle(pilot)
        coding = pilot.app.screen
        coding.table.move_to("s1")
        await pilot.press("r")
        await settle(pilot)
        assert coding.current().id == target  # the cursor went where the code went
        assert "daar staat de code" in str(coding.status.query_one("#message").render())
    session = project.load_session("gwp-1").session
    assert "rollen" in session.segments.get(target).themes
    assert "rollen" not in session.segments.get("s1").themes
