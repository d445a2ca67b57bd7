"""Properties of the .qdpx over arbitrary text: valid XML, exact positions, no names, fast."""

from __future__ import annotations

import io
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from goedwerkplaats.exporters.refiqda import qdpx_bytes
from goedwerkplaats.exporters.refiqda_schema import PROJECT_XSD, validate
from goedwerkplaats.exporters.refiqda_text import shorten
from goedwerkplaats.guide.loader import default_guide_text, parse_guide
from goedwerkplaats.model.session import (
    Participant,
    Segment,
    SegmentList,
    Session,
    SessionMeta,
)
from goedwerkplaats.privacy.mask_terms import MaskList, MaskTerm

GUIDE, _problems = parse_guide(default_guide_text(), "stellingen.yaml")
NS = {"q": "urn:QDA-XML:project:1.0"}
NAMES = ("Qwintijn Vandermeer", "Xandra Zuidhof")
MASK = MaskList((MaskTerm("Kwaadhoven", "[gemeente]"),))
PIECES = (
    "a", "Z", "é", "e\u0308", "ß", "😀", "👩🏽‍💼", "中", " ", "  ", "\t", "\n", "\r\n", "\r",
    "\u2028", "\x85", "\x07", "\x00", "\x1b", "\x9f", "\ufffe", "\ud800", "<", "&", '"', "]",
    "&amp;", "]]>", "'",
    ":", "Qwintijn", "Vandermeer", "Xandra", "Zuidhof", "Kwaadhoven", "cliënten",
)  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join)


def session_of(contents: list[tuple[str, str, bool]]) -> Session:
    participants = {
        "P1": Participant("P1", name=NAMES[0], attributes=(("organisatie", "Kwaadhoven"),)),
        "P2": Participant("P2", name=NAMES[1]),
    }
    segments = [
        Segment(
            id=f"s{i}",
            start=float(i),
            speaker=("P1", "P2", None)[i % 3],
            statement=("1", "2")[i // 4 % 2],
            text=text,
            themes=("vertrouwen",) if coded else (),
            note=note,
        )
        for i, (text, note, coded) in enumerate(contents)
    ]
    meta = SessionMeta(id="gwp-1", title="Met Xandra in Kwaadhoven", facilitator=NAMES[1])
    return Session(meta, participants, SegmentList(segments))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(texts, texts, st.booleans()), min_size=1, max_size=12))
def test_any_text_gives_a_valid_file_with_exact_positions_and_no_names(contents) -> None:
    data = qdpx_bytes(GUIDE, [session_of(contents)], MASK)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        (name,) = [n for n in archive.namelist() if n.startswith("sources/")]
        text = archive.read(name).decode("utf-8")
        everything = b"".join(archive.read(n) for n in archive.namelist()).decode("utf-8")
    validate(root, PROJECT_XSD)
    for selection in root.iterfind(".//q:PlainTextSelection", NS):
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        assert 0 <= start < end <= len(text)
        span = text[start:end]
        if selection.get("name").startswith("Stelling "):
            assert span.startswith("[") and (start == 0 or text[start - 1] == "\n")
        else:
            # exactly the words of one line: after "Spreker: ", up to the line's end
            assert text[start - 2 : start] == ": " and text[end] == "\n" and "\n" not in span
            assert span == span.strip() and span
            assert selection.get("name") == shorten(span)  # attribute escaping round-trips
    for word in ("Qwintijn", "Vandermeer", "Xandra", "Zuidhof", "Kwaadhoven"):
        assert word not in everything


def test_three_sessions_of_2500_segments_export_whole() -> None:
    """Three sessions × 2,500 segments with notes and emoji all reach the project file."""
    words = "de klantmanager zei dat cliënten 😀 geen klanten zijn, zei Qwintijn in Kwaadhoven"
    sessions = []
    for number in range(3):
        contents = [(words, "notitie" if i % 10 == 0 else "", i % 2 == 0) for i in range(2500)]
        session = session_of(contents)
        session.meta = SessionMeta(id=f"gwp-{number}", title="Test")
        sessions.append(session)
    data = qdpx_bytes(GUIDE, sessions, MASK)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    assert len(root.findall(".//q:TextSource", NS)) == 3
