"""The report's cross-tables (`kruistabel:` in rapport.yaml): checked, and written as a real
numbered Word table, reopened with python-docx."""

from __future__ import annotations

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.exporters.report import ReportOptions, export_report
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.report.outline_file import OUTLINE_FILE, parse_outline
from tests.data.export.builders import open_docx, styled, table_rows
from tests.data.report.crosstab import WERK, crosstab_study

OUTLINE = """\
titel: Kruistabellen
eerste_hoofdstuk: 5
inhoudsopgave: nee
hoofdstukken:
  - id: opdracht
    titel: Opdracht
    stellingen: [2]
    paragrafen:
      - thema: belemmeringen
        kruistabel:
          tegen: functie
          herkenbaar: weglaten
      - titel: Wie noemde wat
        kruistabel: sessie
verantwoording: nee  # the appendix's composition table is tested in test_composition
"""


def tables_by_caption(path) -> dict[str, list[list[str]]]:  # type: ignore[no-untyped-def]
    document = open_docx(path)
    captions = [c for c in styled(document, "Caption") if c.startswith("Tabel 5.")]
    crosstabs = [t for t in document.tables if table_rows(t)[1][0] == "Alle deelnemers"]
    return dict(zip(captions, (table_rows(t) for t in crosstabs), strict=True))


def test_the_outline_asks_for_tables_that_count_people_per_column(project) -> None:  # type: ignore[no-untyped-def]
    crosstab_study(project)
    (project.root / OUTLINE_FILE).write_text(OUTLINE, "utf-8")
    written = export_report(project)
    tables = tables_by_caption(written)
    by_functie = tables["Tabel 5.1 Deelnemers die het thema noemden, per functie, stelling 2"]
    assert by_functie[0] == [
        "Thema",
        WERK,
        "onbekend",
        "Deelnemers",
        "Groepen",
        "Fragmenten (extra)",
    ]
    assert by_functie[1] == ["Alle deelnemers", "2", "2", "6", "2", ""]
    assert by_functie[2] == ["Belemmeringen", "2", "1", "4", "2", "6"]  # children counted in
    assert by_functie[3] == ["– Prestatie-indicatoren", "1", "–", "1", "1", "3"]
    # a prose-only section: every theme of the chapter's sections, per group
    by_session = tables["Tabel 5.2 Deelnemers die het thema noemden, per sessie, stelling 2"]
    assert [r[0] for r in by_session[2:]][:2] == ["Belemmeringen", "– Prestatie-indicatoren"]
    assert by_session[2][1:3] == ["3", "1"]
    notes = styled(open_docx(written), "Tabelnoot")
    assert any("2 deelnemer(s) tellen alleen in 'Deelnemers'" in n for n in notes)
    assert any("onbekend: geen functie vastgelegd" in n for n in notes)


def test_a_column_that_points_at_one_person_stops_the_export(project) -> None:  # type: ignore[no-untyped-def]
    crosstab_study(project)
    (project.root / OUTLINE_FILE).write_text(OUTLINE.replace("herkenbaar: weglaten", ""), "utf-8")
    with pytest.raises(GwpError, match="herkenbaar: grof") as raised:
        export_report(project)
    assert "P3 (g1) is de enige met functie 'Professional Inkomen'" in str(raised.value)
    assert not list(project.exports_dir.glob("*.docx"))
    # the export's own choice (--herkenbaar) holds for a table that does not choose
    tables = tables_by_caption(export_report(project, ReportOptions(singling_out="grof")))
    assert tables["Tabel 5.1 Deelnemers die het thema noemden, per functie, stelling 2"][0][
        1:4
    ] == [
        WERK,
        "anders",
        "onbekend",
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "tegen: functie",
            "tegen: functi",
            "rapport.yaml:11: de kruistabel van paragraaf 1 van hoofdstuk 1 is tegen 'functi'",
        ),
        (
            "herkenbaar: weglaten",
            "herkenbaar: vaag",
            "rapport.yaml:12: 'herkenbaar' van de kruistabel van paragraaf 1 van hoofdstuk 1 "
            "is 'vaag'; kies grof of weglaten",
        ),
        (
            "kruistabel: sessie",
            "kruistabel: {tegen: sessie, thema's: [belemmering]}",
            "rapport.yaml:14: onbekend thema 'belemmering' in de kruistabel",
        ),
        (
            "herkenbaar: weglaten",
            "kolommen: 3",
            "rapport.yaml:12: onbekende sleutel 'kolommen'",
        ),
    ],
)
def test_bad_tables_are_named_with_file_and_line(guide, old: str, new: str, message: str) -> None:  # type: ignore[no-untyped-def]
    _outline, problems = parse_outline(OUTLINE.replace(old, new), "rapport.yaml", guide)
    found = [str(p) for p in problems]
    assert any(p.startswith(message) for p in found), found


def test_check_names_a_bad_table(project, capsys) -> None:  # type: ignore[no-untyped-def]
    (project.root / OUTLINE_FILE).write_text(OUTLINE.replace("tegen: functie", "tegen: leeftijd"))
    assert main(["--project", str(project.root), "check"]) == 1
    out = capsys.readouterr().out
    assert f"{project.root / OUTLINE_FILE}:11: de kruistabel van paragraaf 1" in out
    assert "kies 'sessie' of een kenmerk-id uit stellingen.yaml (functie, organisatie)" in out
