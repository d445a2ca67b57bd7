"""REFI-QDA project export (.qdpx): schema, positions, codebook, cases, notes, privacy, files."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as StdTree
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from goedwerkplaats.cli import main
from goedwerkplaats.exporters.refiqda import QdpxOptions, export_qdpx
from goedwerkplaats.exporters.refiqda_schema import PROJECT_XSD, validate
from goedwerkplaats.exporters.refiqda_xml import XmlWriter
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.changes import PutParticipant, SetMeta
from goedwerkplaats.model.session import FLAG_QUOTE, Participant
from goedwerkplaats.privacy.mask_terms import MASK_FILE
from goedwerkplaats.storage.audit import read_audit
from tests.helpers import new_session, segment

NS = {"q": "urn:QDA-XML:project:1.0"}
Q = "{urn:QDA-XML:project:1.0}"
DATA = Path(__file__).parent / "data" / "refiqda"
REAL_NAMES = ("Tom", "Bakker", "Aylin", "Demir", "Marieke", "Jansen", "Zwolle")


@pytest.fixture
def coded(project):
    """One session full of names, accents, emoji, notes, codes and debris from copy-paste."""
    (project.root / MASK_FILE).write_text(
        'termen:\n  - Zwolle\n  - term: Bakkerij Jansen\n    door: "[werkgever]"\n', "utf-8"
    )
    store = new_session(project, title="Gesprek met Tom in Zwolle")
    meta = dataclasses.replace(
        store.session.meta, facilitator="Marieke Jansen", location="Zwolle", recording_offset=5.0
    )
    store.apply(
        SetMeta(meta),
        PutParticipant(
            Participant(
                "P2",
                name="Aylin Demir",
                attributes=(("functie", "klantmanager"), ("organisatie", "gemeente Zwolle")),
            )
        ),
        segment(1, speaker="GL", text="Welkom allemaal, Tom en Aylin."),
        segment(
            2,
            themes=("klant", "prestaties"),
            arena="spreekkamer",
            flags=(FLAG_QUOTE,),
            note="Mooi citaat\nvan Tom",
            text="Voor mijn cliënten 😀 is het geen keuze, zei Aylin.",
        ),
        segment(
            3,
            speaker="P2",
            statement="2",
            themes=("caseload",),
            arena="eigen-organisatie",
            text="Bij Bakkerij Jansen in Zwolle\nwerkt dat anders\x07.",
        ),
        segment(4, kind="markering", text="", statement="2"),
        segment(5, speaker="P2", statement="2", text="Niet gecodeerd, wel\u0085gezegd."),
        segment(6, statement="2", note="Alleen een notitie \x0c bij Tom.", text="Nou\u2028ja."),
        segment(7, speaker="P1", statement="2", themes=("vertrouwen",), text="Zoe\u0308 is naïef"),
    )
    store.close()
    return project


def read_qdpx(path: Path) -> tuple[etree._Element, dict[str, str]]:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        texts = {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("sources/")
        }
    return root, texts


def source_text(root: etree._Element, texts: dict[str, str], source: etree._Element) -> str:
    return texts["sources/" + source.get("plainTextPath").removeprefix("internal://")]


def code_names(root: etree._Element) -> dict[str, str]:
    return {code.get("guid"): code.get("name") for code in root.iterfind(".//q:Code", NS)}


def selections(root: etree._Element) -> list[etree._Element]:
    return root.findall(".//q:PlainTextSelection", NS)


def test_project_validates_against_the_schema(coded) -> None:
    root, texts = read_qdpx(export_qdpx(coded))
    validate(root, PROJECT_XSD)
    assert len(texts) == 1 and len(root.findall(".//q:TextSource", NS)) == 1


def test_the_transcript_is_one_line_per_segment_as_written(coded) -> None:
    _root, texts = read_qdpx(export_qdpx(coded))
    (text,) = texts.values()
    # golden file: the [HH:MM:SS] Spreker: tekst convention, recording time (offset 5 s),
    # pseudonyms, masked terms, no control characters, NFC, a blank line between segments
    assert text == (DATA / "transcript-gwp-1.txt").read_text(encoding="utf-8")


def test_selections_slice_exactly_to_the_coded_text(coded) -> None:
    root, texts = read_qdpx(export_qdpx(coded))
    (source,) = root.findall(".//q:TextSource", NS)
    text = source_text(root, texts, source)
    names = code_names(root)
    coded_texts = {}
    for selection in selections(root):
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        for coding in selection.iterfind("q:Coding", NS):
            code = names[coding[0].get("targetGUID")]
            coded_texts.setdefault(code, []).append(text[start:end])
    assert coded_texts["De burger als 'klant'"] == [
        "Voor mijn cliënten 😀 is het geen keuze, zei P2."
    ]
    assert coded_texts["Citaat voor rapport"] == coded_texts["De burger als 'klant'"]
    assert coded_texts["Prestatie-indicatoren"] == coded_texts["De burger als 'klant'"]
    assert coded_texts["De spreekkamer"] == coded_texts["De burger als 'klant'"]
    assert coded_texts["Caseload"] == ["Bij [werkgever] in […] werkt dat anders."]
    assert coded_texts["De eigen organisatie"] == coded_texts["Caseload"]
    assert coded_texts["Vertrouwen"] == ["Zoë is naïef"]  # NFC: one code point for ë


def test_each_stelling_block_is_coded_with_its_stelling(coded) -> None:
    root, texts = read_qdpx(export_qdpx(coded))
    (source,) = root.findall(".//q:TextSource", NS)
    text = source_text(root, texts, source)
    names = code_names(root)
    blocks = {}
    for selection in selections(root):
        ref = selection.find("q:Coding/q:CodeRef", NS)
        code = names[ref.get("targetGUID")] if ref is not None else ""
        if code.startswith("Stelling "):
            blocks[code[:10]] = text[
                int(selection.get("startPosition")) : int(selection.get("endPosition"))
            ]
    assert blocks["Stelling 1"].startswith("[00:00:05] GL: Welkom")
    assert blocks["Stelling 1"].endswith("zei P2.")
    assert blocks["Stelling 2"].startswith("[00:00:25] P2: Bij [werkgever]")
    assert blocks["Stelling 2"].endswith("Zoë is naïef")


def test_codebook_has_theme_hierarchy_and_arenas_under_a_non_codable_parent(coded) -> None:
    root, _texts = read_qdpx(export_qdpx(coded))
    codes = root.find("q:CodeBook/q:Codes", NS)
    tops = {code.get("name"): code for code in codes.findall("q:Code", NS)}
    assert list(tops) == ["Thema's", "Arena", "Stellingen", "Citaat voor rapport"]
    assert [tops[name].get("isCodable") for name in tops] == ["false", "false", "false", "true"]
    arenas = [c.get("name") for c in tops["Arena"].findall("q:Code", NS)]
    assert arenas == ["De spreekkamer", "De eigen organisatie", "Het maatschappelijke veld"]
    assert all(c.get("isCodable") == "true" for c in tops["Arena"].findall("q:Code", NS))
    themes = {c.get("name"): c for c in tops["Thema's"].findall("q:Code", NS)}
    obstacles = themes["Belemmeringen"]
    assert obstacles.get("isCodable") == "true"  # a parent theme is a code of its own
    assert [c.get("name") for c in obstacles.findall("q:Code", NS)] == [
        "Prestatie-indicatoren",
        "Grote afstand tot de arbeidsmarkt",
        "Caseload",
    ]
    assert "Prestatie-indicatoren" not in themes
    description = themes["Vertrouwen"].findtext("q:Description", namespaces=NS)
    assert description == coded.load_guide().theme("vertrouwen").description


def test_participants_are_cases_with_variables_and_their_selections(coded) -> None:
    root, _texts = read_qdpx(export_qdpx(coded))
    variables = {v.get("guid"): v.get("name") for v in root.iterfind(".//q:Variable", NS)}
    assert sorted(variables.values()) == ["datum", "functie", "organisatie", "sessie", "vorm"]
    cases = {case.get("name"): case for case in root.iterfind(".//q:Case", NS)}
    assert list(cases) == ["gwp-1 P1", "gwp-1 P2"]  # the facilitator is no case

    def values(case):
        return {
            variables[v.find("q:VariableRef", NS).get("targetGUID")]: v.findtext(
                "q:TextValue", namespaces=NS
            )
            for v in case.iterfind("q:VariableValue", NS)
        }

    assert values(cases["gwp-1 P1"]) == {"sessie": "gwp-1", "functie": "consulent"}
    assert values(cases["gwp-1 P2"]) == {
        "sessie": "gwp-1",
        "functie": "klantmanager",
        "organisatie": "gemeente […]",
    }
    by_guid = {s.get("guid"): s for s in selections(root)}
    spoken_by_p1 = [
        by_guid[ref.get("targetGUID")].get("name")
        for ref in cases["gwp-1 P1"].iterfind("q:SelectionRef", NS)
    ]
    assert spoken_by_p1 == [
        "Voor mijn cliënten 😀 is het geen keuze, zei P2.",
        "Nou ja.",
        "Zoë is naïef",
    ]
    source = root.find(".//q:TextSource", NS)
    assert values(source) == {"datum": "2026-11-28", "vorm": "video"}


def test_notes_are_dated_notes_linked_from_their_selection(coded) -> None:
    root, _texts = read_qdpx(export_qdpx(coded))
    notes = {note.get("guid"): note for note in root.iterfind("q:Notes/q:Note", NS)}
    assert len(notes) == 2
    user = root.find("q:Users/q:User", NS).get("guid")
    for note in notes.values():
        assert note.get("creationDateTime") and note.get("creatingUser") == user
    linked = {}
    for selection in selections(root):
        for ref in selection.iterfind("q:NoteRef", NS):
            linked[selection.get("name")] = notes[ref.get("targetGUID")].findtext(
                "q:PlainTextContent", namespaces=NS
            )
            # the same text as the selection's comment, which QualCoder and ATLAS.ti show
            assert (
                selection.findtext("q:Description", namespaces=NS) == linked[selection.get("name")]
            )
    assert linked == {
        "Voor mijn cliënten 😀 is het geen keuze, zei P2.": "Mooi citaat\nvan P1",
        "Nou ja.": "Alleen een notitie  bij P1.",
    }


def test_qualcoder_import_rules_hold(coded) -> None:
    path = export_qdpx(coded)
    root, texts = read_qdpx(path)
    assert root.get("origin").startswith("goedwerkplaats ")
    for source in root.iterfind(".//q:TextSource", NS):
        assert source.get("plainTextPath").startswith("internal://")
        assert source_text(root, texts, source)
        assert not any(char in source.get("name") for char in '\\/:*?"<>|')
    for note in root.iterfind(".//q:Note", NS):
        assert note.get("creationDateTime")
    for coding in root.iterfind(".//q:Coding", NS):
        assert coding[0].tag == f"{Q}CodeRef"
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            raw = archive.read(name)
            assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    for tag in ("Code", "Case", "Variable", "TextSource"):
        names = [
            e.get("name").casefold()
            for e in root.iterfind(f".//q:{tag}", NS)
            if e.get("isCodable") != "false"
        ]
        assert len(names) == len(set(names)), tag


def test_guids_are_stable_across_exports(coded) -> None:
    first, _ = read_qdpx(export_qdpx(coded))
    second, _ = read_qdpx(export_qdpx(coded))

    def guids(root):
        return [(e.tag, e.get("guid")) for e in root.iter() if e.get("guid")]

    assert guids(first) == guids(second)
    all_guids = [guid for _tag, guid in guids(first)]
    assert len(all_guids) == len(set(all_guids))


def test_no_real_names_anywhere_by_default(coded) -> None:
    path = export_qdpx(coded)
    assert not any(name in path.name for name in REAL_NAMES)
    with zipfile.ZipFile(path) as archive:
        for entry in archive.namelist():
            content = archive.read(entry).decode("utf-8")
            for name in REAL_NAMES:
                assert name not in content, f"{name} in {entry}"
    root, _ = read_qdpx(path)
    assert root.find("q:Users/q:User", NS).get("name") == "goedwerkplaats"


def test_names_on_request(coded, monkeypatch) -> None:
    monkeypatch.setattr("goedwerkplaats.exporters.refiqda.current_user", lambda: "onderzoeker")
    root, texts = read_qdpx(export_qdpx(coded, QdpxOptions(names=True)))
    assert root.find("q:Users/q:User", NS).get("name") == "onderzoeker"
    assert [c.get("name") for c in root.iterfind(".//q:Case", NS)] == [
        "gwp-1 Tom Bakker",
        "gwp-1 Aylin Demir",
    ]
    (text,) = texts.values()
    assert "] Tom Bakker: Voor mijn cliënten 😀 is het geen keuze, zei Aylin." in text
    assert "[werkgever]" in text  # mask terms still apply


def test_sessions_option_files_and_audit(coded) -> None:
    store = new_session(coded, "gwp-2")
    store.apply(segment(1, themes=("klant",)))
    store.close()
    everything, _ = read_qdpx(export_qdpx(coded))
    assert len(everything.findall(".//q:TextSource", NS)) == 2
    path = export_qdpx(coded, QdpxOptions(sessions=("gwp-2",)))
    assert path == coded.exports_dir / "refi-qda-gwp-2.qdpx"
    root, _ = read_qdpx(path)
    assert [s.get("name") for s in root.iterfind(".//q:TextSource", NS)] == ["gwp-2 Test"]
    assert export_qdpx(coded, QdpxOptions(sessions=("gwp-2",))).name == "refi-qda-gwp-2-2.qdpx"
    forced = export_qdpx(coded, QdpxOptions(sessions=("gwp-2",), force=True))
    assert forced.name == "refi-qda-gwp-2.qdpx"
    trail = read_audit(coded.session_folder("gwp-2"))
    assert trail[-1].action == "geëxporteerd" and "refi-qda-gwp-2.qdpx" in trail[-1].detail
    with pytest.raises(GwpError, match="onbekende sessie 'gwp-9'"):
        export_qdpx(coded, QdpxOptions(sessions=("gwp-9",)))


def test_progress_reaches_the_total(coded) -> None:
    calls = []
    export_qdpx(coded, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 3) and calls[-1] == (3, 3)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_no_sessions_is_a_clear_error(project) -> None:
    with pytest.raises(GwpError, match="export qdc"):
        export_qdpx(project)


def test_codes_the_guide_no_longer_has_are_kept(project) -> None:
    store = new_session(project)
    store.apply(segment(1, themes=("oud-thema",), arena="oude-arena", statement="9"))
    store.close()
    root, _ = read_qdpx(export_qdpx(project))
    names = code_names(root)
    coded_with = {names[ref.get("targetGUID")] for ref in root.iterfind(".//q:CodeRef", NS)}
    assert {"oud-thema", "oude-arena", "Stelling 9"} <= coded_with
    validate(root, PROJECT_XSD)


def test_cli_writes_the_project(coded, capsys) -> None:
    assert main(["--project", str(coded.root), "export", "qdpx", "--sessies", "gwp-1"]) == 0
    out = capsys.readouterr().out
    assert "REFI-QDA-project geschreven" in out and "refi-qda-gwp-1.qdpx" in out
    assert main(["--project", str(coded.root), "export", "qdpx", "-o", "eigen", "--names"]) == 0
    assert (coded.exports_dir / "eigen.qdpx").is_file()
    assert "echte namen" in capsys.readouterr().out


def test_an_importer_reading_the_file_finds_the_coded_texts(coded) -> None:
    """A stand-in for QualCoder's importer: standard-library XML, the zip's sources folder,
    text read as UTF-8, positions applied as Python slices, the code from the Coding's first
    child."""
    path = export_qdpx(coded)
    with zipfile.ZipFile(path) as archive:
        root = StdTree.fromstring(archive.read("project.qde"))
        codes = {c.get("guid"): c.get("name") for c in root.iter(f"{Q}Code")}
        found: dict[str, set[str]] = {}
        for source in root.iter(f"{Q}TextSource"):
            inner = source.get("plainTextPath").split("internal:/")[1]
            text = archive.read("sources" + inner).decode("utf-8")
            for selection in source.iter(f"{Q}PlainTextSelection"):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                for coding in selection.iter(f"{Q}Coding"):
                    code = codes[coding[0].get("targetGUID")]  # CodeRef comes first
                    found.setdefault(code, set()).add(text[start:end])
    assert found["Vertrouwen"] == {"Zoë is naïef"}
    assert found["Citaat voor rapport"] == {"Voor mijn cliënten 😀 is het geen keuze, zei P2."}
    assert found["Caseload"] == {"Bij [werkgever] in […] werkt dat anders."}


def test_the_xml_writer_reads_back_what_it_was_given() -> None:
    value = 'a "b" <c> & d\te\nf\rg ]]> \x07h'
    out = XmlWriter()
    out.open("R", ("xmlns", "urn:x"), ("v", value))
    out.text("T", value)
    out.close()
    root = etree.fromstring(out.getvalue())
    assert root.get("v") == root[0].text == value.replace("\x07", "")
