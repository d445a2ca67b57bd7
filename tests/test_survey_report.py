"""The survey beside the quotes: tables in the exported report (reopened with python-docx),
`goedwerkplaats enquete`, and `check` on the mapping."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from goedwerkplaats.cli import main
from goedwerkplaats.exporters.report import export_report
from goedwerkplaats.files.problems import ProblemsError
from tests.data.export.builders import open_docx, table_rows
from tests.data.report.builders import study_project
from tests.data.survey.builders import AGREE, CLEAR, write_csv, write_mapping, write_xlsx
from tests.test_report_export import xml

MAATWERK = ["Ik lever maatwerk", "5%", "15%", "20%", "40%", "20%", "20"]
WANTROUWEN = [
    "Ik word door cliënten met wantrouwen benaderd",
    "14%",
    "29%",
    "0%",
    "43%",
    "14%",
    "7",
]


@pytest.fixture
def study(project):  # type: ignore[no-untyped-def]
    return study_project(project)


def body(document) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """Paragraphs (style, text) and tables (rows) in document order."""
    items: list[tuple[str, object]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            items.append((block.style.name if block.style else "", block.text))
        elif isinstance(block, DocxTable):
            items.append(("table", table_rows(block)))
    return items


def after(items: list[tuple[str, object]], heading: str, count: int) -> list[tuple[str, object]]:
    start = [text for _, text in items].index(heading) + 1
    return items[start : start + count]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_generated_survey_file_gives_its_tables_in_the_mapped_places(study, kind) -> None:  # type: ignore[no-untyped-def]
    if kind == "csv":
        write_csv(study.root / "enquete.csv", delimiter=";", encoding="cp1252")
    else:
        write_xlsx(study.root / "enquete.xlsx")
    write_mapping(study.root, f"enquete.{kind}")
    path = export_report(study)
    items = body(open_docx(path))

    # the section the mapping names: right after its heading, before its quotes
    caption, table, note = after(
        items, "6.2 De SAM-professional als handhaver: alleen als het moet", 3
    )
    assert caption == (
        "Caption",
        "Tabel 6.1 Antwoordverdeling in percentages op stellingen (n = 7–20)",
    )
    assert table == ("table", [["", *AGREE, "n"], MAATWERK, WANTROUWEN])
    assert note[0] == "Tabelnoot"
    assert str(note[1]).startswith("Bron: enquête. Percentages van de geldige antwoorden (n)")
    assert "Niet meegeteld: 18 zonder antwoord, 2 N.v.t. en 1 buiten de schaal." in str(note[1])

    # `stelling: 2`: the chapter of stelling 2, after its positions table (5.1), before 5.1
    chapter = [text for _, text in items].index(
        "5 De SAM-professional over zijn maatschappelijke opdracht"
    )
    section = [text for _, text in items].index(
        "5.1 Een belangrijke maatschappelijke opdracht: helpen én handhaven"
    )
    captions = [text for style, text in items[chapter:section] if style == "Caption"]
    assert captions[0].startswith("Tabel 5.1 Posities van de deelnemers")  # focus groups
    assert captions[1] == (
        "Tabel 5.2 Antwoordverdeling in percentages op de vraag: "
        "'Is de opdracht duidelijk?' (n = 5)"
    )
    clear = next(t for s, t in items[chapter:section] if s == "table" and t[0][1] == CLEAR[0])
    assert clear == [["", *CLEAR, "n"], ["Q7", "0%", "0%", "20%", "60%", "20%", "5"]]
    assert "SEQ Tabel" in xml(path)  # numbered per chapter with a Word field


def test_only_survey_tables_carry_the_survey_caption(study) -> None:  # type: ignore[no-untyped-def]
    write_csv(study.root / "enquete.csv")
    write_mapping(study.root, "enquete.csv")
    items = body(open_docx(export_report(study)))
    for index, (style, text) in enumerate(items):
        if style != "Caption":
            continue
        note = next(str(t) for s, t in items[index + 1 :] if s == "Tabelnoot")
        if "Antwoordverdeling" in str(text):
            assert note.startswith("Bron: enquête")
        else:
            assert "Bron: enquête" not in note
            if "Posities" in str(text):
                assert "focusgroepen, geen enquête" in str(text)


def test_a_table_without_its_place_stops_the_export_with_the_line(study, capsys) -> None:  # type: ignore[no-untyped-def]
    write_csv(study.root / "enquete.csv")
    mapping = write_mapping(study.root, "enquete.csv")
    mapping.write_text(mapping.read_text().replace("paragraaf: handhaver", "paragraaf: handhaven"))
    with pytest.raises(ProblemsError):
        export_report(study)
    assert main(["--project", str(study.root), "export", "rapport"]) == 1
    err = capsys.readouterr().err
    line = mapping.read_text().splitlines().index("  - paragraaf: handhaven") + 1
    assert f"enquete.yaml:{line}: de tabel 'Antwoordverdeling in percentages op stellingen'" in err
    assert "(bedoelde u 'handhaver'?)" in err
    assert not list((study.root / "exports").glob("rapport*.docx"))


def test_the_export_says_how_many_answers_were_outside_the_scale(study, capsys) -> None:  # type: ignore[no-untyped-def]
    write_csv(study.root / "enquete.csv")
    write_mapping(study.root, "enquete.csv")
    assert main(["--project", str(study.root), "export", "rapport"]) == 0
    out = capsys.readouterr().out
    assert "let op: 1 enquêteantwoord(en) staan niet op hun schaal en zijn niet meegeteld" in out


# ---------------------------------------------------------------------------- the CLI


def test_enquete_shows_each_table_its_place_and_the_answers_outside(study, capsys) -> None:  # type: ignore[no-untyped-def]
    write_csv(study.root / "enquete.csv", delimiter=";")
    write_mapping(study.root, "enquete.csv")
    assert main(["--project", str(study.root), "enquete"]) == 0
    out = capsys.readouterr().out
    assert "(CSV, ';' als scheidingsteken, UTF-8), 24 respondent(en)" in out
    assert (
        "Tabel 1, in 6.2 De SAM-professional als handhaver: alleen als het moet: "
        "Antwoordverdeling in percentages op stellingen (n = 7–20)"
    ) in out
    assert "    Mee eens                    8   40%" in out
    assert "    n = 20; zonder antwoord 2; niet meegeteld (N.v.t., A6) 1; buiten de schaal 1" in out
    assert "Tabel 2, in hoofdstuk 5 De SAM-professional over zijn maatschappelijke opdracht" in out
    assert "enquete.csv:25: waarschuwing: antwoord 'Weet niet' in kolom 'Q6_1'" in out


def test_enquete_with_a_new_export_reads_it_with_the_mapping(study, capsys) -> None:  # type: ignore[no-untyped-def]
    write_csv(study.root / "enquete.csv")
    write_mapping(study.root, "enquete.csv")
    newer = write_xlsx(study.root / "nieuw.xlsx")
    assert main(["--project", str(study.root), "enquete", str(newer)]) == 0
    assert "(Excel, werkblad 'Resultaten'), 24 respondent(en)" in capsys.readouterr().out


def test_enquete_without_a_mapping_lists_the_columns_of_an_export(project, capsys) -> None:  # type: ignore[no-untyped-def]
    export = write_csv(project.root / "export.csv")
    assert main(["--project", str(project.root), "enquete", str(export)]) == 0
    out = capsys.readouterr().out
    assert "  2. Q6_1: 22 antwoorden" in out
    assert "'Mee eens' 8×, 'Niet eens/ niet oneens' 4×, 'Helemaal mee eens' 4×" in out
    assert main(["--project", str(project.root), "enquete"]) == 1
    assert "dit project heeft nog geen enquete.yaml" in capsys.readouterr().err


def test_check_validates_the_mapping(study, capsys) -> None:  # type: ignore[no-untyped-def]
    write_csv(study.root / "enquete.csv")
    mapping = write_mapping(study.root, "enquete.csv")
    assert main(["--project", str(study.root), "check"]) == 0
    out = capsys.readouterr().out
    assert "alles in orde: de leidraad, rapport.yaml, enquete.yaml, 3 sessie(s)" in out
    assert "enquete.csv:25: waarschuwing: antwoord 'Weet niet'" in out

    mapping.write_text(mapping.read_text().replace("schaal: duidelijk", "schaal: helder"))
    assert main(["--project", str(study.root), "check"]) == 1
    out = capsys.readouterr().out
    assert f"{Path('enquete.yaml')}:" in out or "enquete.yaml:" in out
    assert "onbekende schaal 'helder'" in out


# ---------------------------------------------------------------------------- charts


def with_chart(study) -> None:  # type: ignore[no-untyped-def]
    write_csv(study.root / "enquete.csv")
    mapping = write_mapping(study.root, "enquete.csv")
    text = mapping.read_text().replace("    schaal: eens\n", "    schaal: eens\n    grafiek: ja\n")
    mapping.write_text(text)


def test_a_table_that_asks_for_a_chart_gets_a_numbered_figure(study) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip(
        "matplotlib", reason="de grafieken-extra (matplotlib) is niet geïnstalleerd"
    )
    with_chart(study)
    path = export_report(study)
    document = open_docx(path)
    assert len(document.inline_shapes) == 1
    items = body(document)
    caption, _table, _note, figure = after(
        items, "6.2 De SAM-professional als handhaver: alleen als het moet", 4
    )
    assert str(caption[1]).startswith("Tabel 6.1 ")  # the table first, then its chart
    assert figure == (
        "Caption",
        "Figuur 6.1 Antwoordverdeling in percentages op stellingen (n = 7–20)",
    )
    assert "SEQ Figuur" in xml(path)


def test_without_matplotlib_the_report_says_so_once_and_still_exports(
    study, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    with_chart(study)
    (study.root / "enquete.yaml").write_text(
        (study.root / "enquete.yaml")
        .read_text()
        .replace("    vragen: [Q7]", "    grafiek: ja\n    vragen: [Q7]")
    )
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if the extra were not installed
    assert main(["--project", str(study.root), "enquete"]) == 0
    assert capsys.readouterr().out.count("matplotlib ontbreekt") == 1
    assert main(["--project", str(study.root), "export", "rapport"]) == 0
    out = capsys.readouterr().out
    assert out.count("matplotlib ontbreekt") == 1  # two tables ask, the note comes once
    assert 'pip install -e ".[grafieken]"' in out
    document = open_docx(next((study.root / "exports").glob("rapport*.docx")))
    assert len(document.inline_shapes) == 0
    assert sum("Antwoordverdeling" in t for s, t in body(document) if s == "Caption") == 2
