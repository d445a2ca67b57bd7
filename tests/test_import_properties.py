"""Whatever text a user brings, the importers either read it or say what is wrong — never crash."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goedwerkplaats.coding.inline_codes import parse_inline_codes
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.guide.loader import default_guide_text, parse_guide
from goedwerkplaats.importers.docx_reader import parse_docx
from goedwerkplaats.importers.plaintext import parse_plain_text
from goedwerkplaats.importers.plan import ImportOptions, build_plan
from goedwerkplaats.importers.reader import parse_transcript_bytes
from goedwerkplaats.importers.srt import parse_srt
from goedwerkplaats.importers.webvtt import parse_webvtt
from goedwerkplaats.model.session import Participant, Segment, Session, SessionMeta

GUIDE, _problems = parse_guide(default_guide_text(), "stellingen.yaml")
assert GUIDE is not None
SOURCE = Path("gesprek.txt")

# Pieces of real transcripts, good and broken, so that random text hits the parsers' paths.
FRAGMENTS = [
    "WEBVTT",
    "NOTE iets",
    "STYLE",
    "1",
    "00:00:01.000 --> 00:00:04.000",
    "00:01.000 --> 00:02.500 align:start",
    "00:00:05,000 --> 00:00:03,000",
    "00:00:09,000 -> 00:00:10,000",
    "99:99:99.999 --> 00:00:01.000",
    "-->",
    "Tom Bakker: Ik vind dat lastig.",
    "- Aylin: Nee.",
    "<v Marieke Jansen>Welkom.</v>",
    "<v.loud >leeg</v>",
    "<b>vet</b> <c.yellow>geel</c> <00:00:02.000>",
    "[00:00:04] Gespreksleider: De cliënten van de klantmanager zijn geen klanten.",
    "Tom (00:01:02): tekst",
    "Speaker 1  0:05",
    "[12:34]",
    "!stelling 2",
    "!stelling 99",
    "Stelling 3",
    "Stelling x-y: kop",
    "#klant @spreekkamer",
    "#onbekend",
    "@spreekkamer @eigen-organisatie",
    "\\#klant",
    "Datum: 1 april",
    "\ufeff",
    "&amp; &lt;v x&gt;",
    "{\\an8}",
    "",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=25).flatmap(
    lambda parts: st.sampled_from(["\n", "\r\n", "\r", "\n\n", " "]).map(
        lambda sep: sep.join(parts)
    )
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("parse", [parse_webvtt, parse_srt, parse_plain_text])
@SETTINGS
@given(text=TEXT)
def test_text_parsers_read_or_explain(parse, text: str) -> None:
    try:
        transcript = parse(text, SOURCE)
    except GwpError:
        return
    for item in transcript.items:
        assert item.line >= 1


@SETTINGS
@given(
    data=st.one_of(
        TEXT.map(lambda t: t.encode("utf-8")),
        TEXT.map(lambda t: t.encode("utf-16")),
        st.binary(max_size=400),
    ),
    suffix=st.sampled_from([".vtt", ".srt", ".txt", ".docx", ""]),
)
def test_any_bytes_read_or_explain(data: bytes, suffix: str) -> None:
    with contextlib.suppress(GwpError):
        parse_transcript_bytes(data, Path("gesprek" + suffix))


@settings(max_examples=40, deadline=None)
@given(paragraphs=st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=8))
def test_word_files_read_or_explain(paragraphs: list[str]) -> None:
    from docx import Document

    document = Document()
    for text in paragraphs:
        clean = "".join(c for c in text if c in "\t\n" or (c >= " " and c not in "\ufffe\uffff"))
        document.add_paragraph(clean.replace("\x7f", ""))
    buffer = io.BytesIO()
    document.save(buffer)
    with contextlib.suppress(GwpError):
        parse_docx(buffer.getvalue(), Path("gesprek.docx"))


@SETTINGS
@given(text=TEXT, merge=st.sampled_from([None, True, False]))
def test_planning_any_text_reads_or_explains(text: str, merge: bool | None) -> None:
    session = Session(SessionMeta("gwp-1"))
    session.participants["P1"] = Participant("P1", name="Tom Bakker")
    session.segments.put(Segment("s1", 3.0, speaker="P1", text="ik vind dat lastig echt waar"))
    try:
        transcript = parse_transcript_bytes(text.encode("utf-8"), SOURCE)
        plan = build_plan(session, GUIDE, transcript, "0" * 64, ImportOptions(merge=merge))
    except GwpError:
        return
    ids = [s.id for s in plan.segments]
    assert len(ids) == len(set(ids)) and "s1" not in ids
    assert [s.start for s in plan.segments] == sorted(s.start for s in plan.segments)


@SETTINGS
@given(text=st.one_of(TEXT, st.text()))
def test_inline_codes_parse_or_explain(text: str) -> None:
    try:
        parsed = parse_inline_codes(text, GUIDE)
    except GwpError:
        return
    assert all(GUIDE.theme(t) for t in parsed.themes)
    assert parsed.arena is None or GUIDE.arena(parsed.arena)
