"""Fixes on the way to the report: the citaat flag in imported text, the synthesis's material
table, headings in the Word quote collection."""

from __future__ import annotations

from goedwerkplaats.cli import main
from goedwerkplaats.coding.inline_codes import has_inline_codes, parse_inline_codes
from goedwerkplaats.exporters.quotes import QuoteExportOptions, export_quotes
from goedwerkplaats.exporters.synthesis import export_synthesis
from goedwerkplaats.model.changes import PutParticipant, PutSegment
from goedwerkplaats.model.session import KIND_TRANSCRIPT, Participant, Segment, SessionMeta
from tests.data.export.builders import named_session, open_docx, paragraphs, table_rows


def test_hash_bang_flags_a_citaat_and_leaves_the_text(guide) -> None:
    codes = parse_inline_codes("Uitstroom telt, verder niets. #! #prestaties", guide)
    assert codes.quote and codes.themes == ("prestaties",)
    assert codes.text == "Uitstroom telt, verder niets."
    assert parse_inline_codes("#!Dat is het.", guide).quote is False  # not on its own
    assert parse_inline_codes("Geen vlag \\#! hier", guide).quote is False
    assert not parse_inline_codes("Gewoon tekst!", guide).quote
    assert has_inline_codes("Dit citeren we #!")


def test_an_imported_text_transcript_can_flag_quotes_for_the_report(
    project, tmp_path, capsys
) -> None:
    project.create_session(SessionMeta(id="gwp-1", title="Test", date="2026-03-14"))
    transcript = tmp_path / "gesprek.txt"
    transcript.write_text(
        "[00:00:05] Marieke: Welkom.\n\n"
        "[00:00:10] Tom: Uitstroom is het enige dat telt. #! #prestaties\n\n"
        "[00:00:20] Aylin: De caseload is te hoog. #caseload\n\n"
        "[00:00:30] Tom: En nog iets.\n#! #opdracht\n",
        "utf-8",
    )
    root = str(project.root)
    assert (
        main(
            [
                "--project",
                root,
                "import",
                str(transcript),
                "--session",
                "gwp-1",
                "--facilitator",
                "Marieke",
            ]
        )
        == 0
    )
    session = project.load_session("gwp-1").session
    flagged = [s.text for s in session.segments if s.is_quote]
    assert flagged == ["Uitstroom is het enige dat telt.", "En nog iets."]
    assert main(["--project", root, "export", "rapport", "--selectie", "citaat"]) == 0
    quotes = [
        t for s, t in paragraphs(open_docx(project.exports_dir / "rapport.docx")) if s == "Quote"
    ]
    # no stelling in the file: a chapter of their own; 'opdracht' comes before 'prestaties'
    assert quotes == [
        "\u2014 \u2018En nog iets.\u2019",
        "\u2014 \u2018Uitstroom is het enige dat telt.\u2019",
    ]


def test_synthesis_material_table_says_onbekend_and_counts_the_facilitator_apart(project) -> None:
    named_session(project)
    project.create_session(SessionMeta(id="gwp-9", title="Zonder vorm"))
    with project.open_session("gwp-9") as store:
        store.apply(
            PutParticipant(Participant("P1")),
            PutSegment(
                Segment(
                    id="s1",
                    start=1.0,
                    speaker="P1",
                    statement="1",
                    text="Ja.",
                    themes=("klant",),
                    kind=KIND_TRANSCRIPT,
                )
            ),
        )
    sessions = open_docx(export_synthesis(project)).tables[0]
    assert table_rows(sessions)[0][4:] == [
        "Fragmenten deelnemers",
        "Fragmenten gespreksleider",
        "Gecodeerd",
        "In dit document",
    ]
    assert table_rows(sessions)[2][:3] == ["gwp-9", "onbekend", "onbekend"]


def test_word_quote_collection_has_headings(project) -> None:
    named_session(project)
    document = open_docx(export_quotes(project, QuoteExportOptions(format="docx")))
    found = [(s, t) for s, t in paragraphs(document) if s.startswith("Heading")]
    assert found == [
        ("Heading 1", "Sessie gwp-1"),
        ("Heading 2", "Stelling 1: De cliënten van de klantmanager zijn geen klanten."),
        (
            "Heading 2",
            "Stelling 2: De maatschappelijke opdracht van de klantmanager is duidelijk en "
            "uitvoerbaar.",
        ),
    ]
