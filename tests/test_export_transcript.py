"""`export transcript`: the coded transcript of one session, in Word and as plain text."""

from __future__ import annotations

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.exporters import docx_styles as styles
from goedwerkplaats.exporters.transcript import TranscriptOptions, export_transcript
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.storage.audit import read_audit
from tests.data.export.builders import (
    named_session,
    open_docx,
    paragraphs,
    styled,
    table_rows,
    write_mask_file,
)


def test_the_word_transcript_has_header_headings_codes_and_comments(project) -> None:
    write_mask_file(project)
    named_session(project, offset=60.0)
    seen: list[tuple[int, int]] = []
    target = export_transcript(
        project, TranscriptOptions(session="gwp-1"), progress=lambda d, t: seen.append((d, t))
    )
    assert target == project.exports_dir / "transcript-gwp-1.docx"
    assert seen and seen[-1][0] == seen[-1][1]
    document = open_docx(target)

    assert styled(document, "Title") == ["Transcript: Bijeenkomst bij P1 in […]"]
    header = dict(table_rows(document.tables[0]))
    assert header["Datum"] == "28 november 2026"
    assert header["Vorm"] == "op locatie"
    assert header["Locatie"] == "Stadhuis […]"
    assert header["Gespreksleider"] == "GL"
    assert header["Tijden"].startswith("opnametijd: de opname begon op 00:01:00")
    assert table_rows(document.tables[1]) == [
        ["Pseudoniem", "Rol", "Kenmerken"],
        ["P1", "deelnemer", "functie: consulent; werkgever: gemeente […]"],
        ["P2", "deelnemer", "rol: team"],
        ["P3", "deelnemer", ""],
        ["GL", "gespreksleider", ""],
    ]
    assert styled(document, "Heading 1") == [
        "Opening",
        "Stelling 1: De cliënten van de klantmanager zijn geen klanten.",
        "Stelling 2: De maatschappelijke opdracht van de klantmanager is duidelijk en uitvoerbaar.",
    ]
    lines = styled(document, styles.UTTERANCE)
    assert lines[0] == "-00:00:30\tGL: Welkom allemaal, ik ben GL."  # before the recording
    assert lines[1] == "00:00:20\tP1: Ik zeg nooit klant. P2 zei het al: het is een burger."
    assert lines[3] == "00:01:00\tP3: P1, dat herken ik niet echt\nhelemaal."
    assert lines[4] == "00:02:20\tMarkering"
    codes = styled(document, styles.CODES)
    assert codes[0] == "thema's: De burger als 'klant'; Vertrouwen · arena: De spreekkamer · citaat"
    assert codes[1] == "thema: Helpen én handhaven · arena: Het maatschappelijke veld"
    pairs = paragraphs(document)
    index = pairs.index((styles.UTTERANCE, lines[1]))
    assert pairs[index + 1] == (styles.CODES, codes[0])  # the codes right below the words
    comments = [c.text for c in document.comments]
    assert comments == ["gespreksleider kwam later.", "Mooi citaat; P3 knikte."]


def test_session_time_when_there_is_no_recording_mark(project) -> None:
    named_session(project, offset=None)
    document = open_docx(export_transcript(project, TranscriptOptions(session="gwp-1")))
    assert dict(table_rows(document.tables[0]))["Tijden"].startswith("sessietijd")
    assert styled(document, styles.UTTERANCE)[0].startswith("00:00:30\tGL: ")


def test_the_text_transcript_is_what_qda_packages_read(project) -> None:
    named_session(project, offset=60.0)
    target = export_transcript(project, TranscriptOptions(session="gwp-1", format="txt"))
    assert target.name == "transcript-gwp-1.txt"
    text = target.read_text("utf-8")
    assert text.splitlines() == [
        "[00:00:00] GL: Welkom allemaal, ik ben GL.",
        "",
        "[00:00:20] P1: Ik zeg nooit klant. P2 zei het al: het is een burger.",
        "",
        "[00:00:35] P2: Bij Bakkerij Hendriks in Zwolle werkt een klant van P3.",  # no mask file
        "",
        "[00:01:00] P3: P1, dat herken ik niet echt helemaal.",
        "",
        "[00:06:00] P3: De cijfers zijn heilig, zegt GL van de afdeling.",
        "",
        "[00:07:00] P1: Uitstroom is het enige dat telt.",
    ]


def test_names_only_when_asked_and_the_export_is_logged(project) -> None:
    named_session(project)
    target = export_transcript(project, TranscriptOptions(session="gwp-1", names=True))
    document = open_docx(target)
    assert "Tom Bakker: Ik zeg nooit klant. Aylin Demir zei het al" in "\n".join(
        styled(document, styles.UTTERANCE)
    )
    rows = table_rows(document.tables[1])
    assert rows[0] == ["Pseudoniem", "Rol", "Kenmerken", "Naam"]
    assert rows[1][3] == "Tom Bakker"
    assert dict(table_rows(document.tables[0]))["Gespreksleider"] == "Kees Vermeer"
    assert document.core_properties.author == "goedwerkplaats"
    audit = read_audit(project.session_folder("gwp-1"))
    assert audit[-1].action == "geëxporteerd"
    assert audit[-1].detail == "transcript (Word), met namen: exports/transcript-gwp-1.docx"


def test_cli_transcript_and_its_errors(project, capsys) -> None:
    named_session(project)
    root = str(project.root)
    assert main(["--project", root, "export", "transcript", "--session", "gwp-1"]) == 0
    assert "exports/transcript-gwp-1.docx" in capsys.readouterr().out
    assert main(["--project", root, "export", "transcript", "--session", "gwp-1"]) == 0
    assert "exports/transcript-gwp-1-2.docx" in capsys.readouterr().out  # never overwritten
    args = ["--project", root, "export", "transcript", "--session", "gwp-1", "--force"]
    assert main(args) == 0
    assert "exports/transcript-gwp-1.docx" in capsys.readouterr().out
    assert main(["--project", root, "export", "transcript", "--session", "gwp-9"]) == 1
    assert "sessie 'gwp-9' bestaat niet" in capsys.readouterr().err
    with pytest.raises(GwpError, match="onbekend formaat"):
        export_transcript(project, TranscriptOptions(session="gwp-1", format="pdf"))
