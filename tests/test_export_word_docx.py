"""The Word foundation: a new document, the fast body builder, comments, cleaning, saving."""

from __future__ import annotations

from goedwerkplaats.exporters import docx_styles as styles
from goedwerkplaats.exporters.docx_body import RIGHT, BodyBuilder, Span, Table
from goedwerkplaats.exporters.docx_document import new_document, save_document
from goedwerkplaats.exporters.dutch import long_date, number, quoted
from goedwerkplaats.exporters.text_clean import clean_text, one_line
from tests.data.export.builders import open_docx, package_text, paragraphs, part_names, table_rows


def test_a_new_document_has_report_styles_and_neutral_properties(tmp_path) -> None:
    document = new_document("Synthese", "Goed Werk Plaats")
    target = tmp_path / "leeg.docx"
    save_document(document, target)
    names = part_names(target)
    assert "word/stylesWithEffects.xml" not in names
    assert "docProps/thumbnail.jpeg" not in names
    assert "stylesWithEffects" not in package_text(target)
    reopened = open_docx(target)
    props = reopened.core_properties
    assert (props.author, props.last_modified_by, props.title) == (
        "goedwerkplaats",
        "goedwerkplaats",
        "Synthese",
    )
    assert props.comments == "" and props.language == "nl-NL"
    ids = {s.style_id for s in reopened.styles}
    assert {"CommentText", "CommentReference", "Quote", "Heading1", "LightGrid-Accent1"} <= ids
    assert {s.name for s in reopened.styles} >= {styles.SOURCE, styles.TABLE_TEXT, styles.CODES}
    quote = reopened.styles[styles.QUOTE].paragraph_format
    assert quote.left_indent is not None and quote.left_indent > 0  # a real block quote
    assert round(reopened.sections[0].page_width.cm, 1) == 21.0  # A4
    assert 'w:val="nl-NL"' in package_text(target)


def test_the_body_builder_writes_styled_paragraphs_tables_and_comments(tmp_path) -> None:
    document = new_document("Test")
    body = BodyBuilder(document)
    body.heading("Hoofdstuk", 1)
    body.heading("Paragraaf", 2)
    body.heading("Diep", 7)  # clamped to the three levels a report uses
    p = body.paragraph([Span("00:01:02", styles.TIMESTAMP), Span("\t"), Span("P1: ", bold=True)])
    body.comment(p, "Een notitie\nover twee regels")
    body.paragraph(quoted("Dit zei iemand"), styles.QUOTE)
    body.bullet("een punt")
    body.table(Table(["Thema", "Aantal"], [["Vertrouwen", "3"]], [3, 1], [RIGHT, RIGHT], True))
    body.finish()
    target = tmp_path / "body.docx"
    save_document(document, target)

    reopened = open_docx(target)
    assert paragraphs(reopened) == [
        ("Heading 1", "Hoofdstuk"),
        ("Heading 2", "Paragraaf"),
        ("Heading 3", "Diep"),
        ("Normal", "00:01:02\tP1: "),
        ("Quote", "— „Dit zei iemand”"),
        ("List Bullet", "een punt"),
    ]
    assert reopened.element.body[-1].tag.endswith("sectPr")  # still last, as the schema wants
    assert table_rows(reopened.tables[0]) == [["Thema", "Aantal"], ["Vertrouwen", "3"]]
    assert reopened.tables[0].style.name == styles.TABLE
    comments = list(reopened.comments)
    assert [c.text for c in comments] == ["Een notitie\nover twee regels"]
    assert comments[0].author == "goedwerkplaats"
    xml = package_text(target)
    assert "commentRangeStart" in xml and "commentReference" in xml


def test_text_word_cannot_store_is_cleaned_not_a_crash(tmp_path) -> None:
    dirty = "bel\x07letje\x00 en\x0bzacht\r\neinde\x1b[0m \ud800\ufffe\x85klaar"
    assert clean_text(dirty) == "belletje en\nzacht\neinde[0m \nklaar"
    assert one_line(" a\n\tb \x0c c ") == "a b c"
    document = new_document("Vuil\x07 titel")
    body = BodyBuilder(document)
    p = body.paragraph(dirty, styles.QUOTE)
    body.comment(p, "notitie\x01")
    body.table(Table(None, [["\x02cel"]], [1]))
    body.finish()
    target = tmp_path / "vuil.docx"
    save_document(document, target)
    reopened = open_docx(target)
    assert reopened.paragraphs[0].text == "belletje en\nzacht\neinde[0m \nklaar"
    assert reopened.core_properties.title == "Vuil titel"
    assert table_rows(reopened.tables[0]) == [["cel"]]


def test_dutch_wording() -> None:
    assert long_date("2026-11-28") == "28 november 2026"
    assert long_date("ooit") == "ooit"
    assert number(10000) == "10.000"
    assert quoted(' "al geciteerd" ') == "— „al geciteerd”"
    assert quoted("„ook al”") == "— „ook al”"
