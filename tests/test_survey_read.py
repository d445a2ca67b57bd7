"""Survey exports read as the survey tools write them, and the answer distribution per item."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from goedwerkplaats.files.problems import ProblemsError
from goedwerkplaats.survey.distribution import TableResult
from goedwerkplaats.survey.load import Survey, read_survey
from goedwerkplaats.survey.reader import read_responses
from tests.data.survey.builders import AGREE, csv_text, write_csv, write_mapping, write_xlsx


def survey_from(tmp_path: Path, name: str) -> Survey:
    mapping = write_mapping(tmp_path, name)
    return read_survey(mapping, tmp_path)


def table(survey: Survey, index: int = 0) -> TableResult:
    return survey.tables[index]


@pytest.mark.parametrize(
    ("delimiter", "encoding", "qualtrics"),
    [
        (",", "utf-8", False),  # Google Forms
        (";", "cp1252", False),  # Excel with Dutch settings on Windows
        (";", "utf-8-sig", False),  # Excel's 'CSV UTF-8'
        ("\t", "utf-8", False),
        (",", "utf-8-sig", True),  # Qualtrics: two more header rows
    ],
)
def test_every_csv_shape_gives_the_same_distribution(
    tmp_path: Path, delimiter: str, encoding: str, qualtrics: bool
) -> None:
    write_csv(tmp_path / "export.csv", delimiter, encoding, qualtrics)
    survey = survey_from(tmp_path, "export.csv")
    assert survey.respondents == 24
    maatwerk = table(survey).items[0]
    assert maatwerk.label == "Ik lever maatwerk"
    assert maatwerk.counts == (1, 3, 4, 8, 4)
    assert maatwerk.n == 20
    assert maatwerk.percentages() == [5, 15, 20, 40, 20]
    assert (maatwerk.missing, maatwerk.excluded) == (2, 1)  # empty answers; N.v.t.


def test_qualtrics_question_text_is_the_row_label_when_the_mapping_gives_none(
    tmp_path: Path,
) -> None:
    write_csv(tmp_path / "export.csv", qualtrics=True)
    survey = survey_from(tmp_path, "export.csv")
    assert survey.responses.how.endswith(", 3 kopregels (Qualtrics)")
    assert table(survey, 1).items[0].label == "Duidelijk"  # from 'Q7 - Duidelijk'
    assert table(survey, 1).items[0].column == "Q7"


def test_xlsx_numbers_and_empty_cells(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "export.xlsx")
    survey = survey_from(tmp_path, "export.xlsx")
    assert table(survey).items[0].counts == (1, 3, 4, 8, 4)
    clear = table(survey, 1).items[0]  # Excel's 4.0 is answer 4 (nummers_vanaf: 1)
    assert clear.counts == (0, 0, 1, 3, 1)
    assert clear.missing == 19
    assert survey.responses.how == "Excel, werkblad 'Resultaten'"


def test_limesurvey_codes_map_to_their_labels(tmp_path: Path) -> None:
    write_csv(tmp_path / "export.csv")
    wantrouwen = table(survey_from(tmp_path, "export.csv")).items[1]
    assert wantrouwen.counts == (1, 2, 0, 3, 1)  # A1, A2 ×2, A4 ×3, A5
    assert wantrouwen.excluded == 1  # A6 = N.v.t.
    assert wantrouwen.n == 7


def test_labels_match_whatever_the_case_and_spacing(tmp_path: Path) -> None:
    text = csv_text().replace("Mee eens,", "  mee   EENS ,")
    (tmp_path / "export.csv").write_text(text, encoding="utf-8")
    assert table(survey_from(tmp_path, "export.csv")).items[0].counts == (1, 3, 4, 8, 4)


def test_an_answer_outside_the_scale_is_reported_with_its_line_not_dropped(
    tmp_path: Path,
) -> None:
    write_csv(tmp_path / "export.csv")
    survey = survey_from(tmp_path, "export.csv")
    maatwerk = table(survey).items[0]
    assert [(o.row, o.value) for o in maatwerk.outside] == [(25, "Weet niet")]
    assert maatwerk.n == 20  # not in n, not in the percentages
    [warning] = survey.warnings
    assert str(warning).startswith(
        f"{tmp_path / 'export.csv'}:25: waarschuwing: antwoord 'Weet niet' in kolom 'Q6_1'"
    )
    assert "niet_meetellen" in warning.message


def test_a_line_break_inside_a_cell_keeps_the_line_numbers_right(tmp_path: Path) -> None:
    text = csv_text().replace("r1,", '"r1\nmet een\nopmerking",', 1)
    (tmp_path / "export.csv").write_text(text, encoding="utf-8")
    survey = survey_from(tmp_path, "export.csv")
    assert [o.row for o in table(survey).items[0].outside] == [27]  # two lines further


def test_cp1252_letters_are_read_and_the_encoding_is_named(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_bytes("Vraag één;Q2\r\nMee eens;Oneens\r\n".encode("cp1252"))
    responses = read_responses(tmp_path / "export.csv")
    assert responses.columns == ("Vraag één", "Q2")
    assert "Windows-1252" in responses.how
    assert "geen UTF-8" in responses.warnings[0].message


def test_a_bom_is_not_part_of_the_first_header(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_bytes(codecs.BOM_UTF8 + b"ID,Q1\r\n1,Mee eens\r\n")
    assert read_responses(tmp_path / "export.csv").columns == ("ID", "Q1")


def test_percentages_are_whole_and_rounded_half_up(tmp_path: Path) -> None:
    lines = ["ID;Q6_1;Q6_13;Q7"] + [f"{i};{a};;" for i, a in enumerate(AGREE[:3] * 2 + AGREE[3:4])]
    (tmp_path / "export.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    maatwerk = table(survey_from(tmp_path, "export.csv")).items[0]
    assert maatwerk.n == 7
    assert maatwerk.percentages() == [29, 29, 29, 14, 0]  # 28.57 → 29: a row may add to 101


# ---------------------------------------------------------------------------- bad files


def problem_text(error: pytest.ExceptionInfo[ProblemsError]) -> str:
    return str(error.value)


def test_a_missing_export_names_the_mapping_line(tmp_path: Path) -> None:
    write_mapping(tmp_path, "weg.csv")
    with pytest.raises(ProblemsError) as error:
        read_survey(tmp_path / "enquete.yaml", tmp_path)
    assert problem_text(error).startswith(f"{tmp_path / 'enquete.yaml'}:1: ")
    assert "'weg.csv' bestaat niet" in problem_text(error)


def test_a_folder_where_the_export_should_be_is_named(tmp_path: Path) -> None:
    (tmp_path / "export.csv").mkdir()
    with pytest.raises(ProblemsError) as error:
        read_responses(tmp_path / "export.csv")
    assert problem_text(error).startswith(
        f"{tmp_path / 'export.csv'}: het bestand is niet te lezen"
    )


def test_old_excel_files_are_refused_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "export.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ProblemsError) as error:
        read_responses(tmp_path / "export.xls")
    assert "sla het op als .xlsx of als CSV" in problem_text(error)


def test_a_damaged_xlsx_is_named(tmp_path: Path) -> None:
    (tmp_path / "export.xlsx").write_text("ID,Q1\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as error:
        read_responses(tmp_path / "export.xlsx")
    assert problem_text(error).startswith(str(tmp_path / "export.xlsx"))
    assert "geen leesbaar Excel-bestand" in problem_text(error)


def test_an_unknown_worksheet_lists_the_sheets(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "export.xlsx")
    with pytest.raises(ProblemsError) as error:
        read_responses(tmp_path / "export.xlsx", sheet="Blad1")
    assert "'Blad1' bestaat niet; de bladen zijn: Resultaten" in problem_text(error)


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n"])
def test_an_empty_file_is_named(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "export.csv").write_bytes(content)
    with pytest.raises(ProblemsError) as error:
        read_responses(tmp_path / "export.csv")
    assert "leeg" in problem_text(error) or "geen kopregel" in problem_text(error)


def test_a_file_without_separator_says_so(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text("alleen tekst\nnog meer tekst\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as error:
        read_responses(tmp_path / "export.csv")
    assert f"{tmp_path / 'export.csv'}:1: geen scheidingsteken gevonden" in problem_text(error)


def test_a_broken_csv_line_is_named(tmp_path: Path) -> None:
    huge = "x" * 200_000  # beyond the csv module's field limit: a damaged file
    (tmp_path / "export.csv").write_text(f'ID,Q1\n1,Mee eens\n2,"{huge}"\n', encoding="utf-8")
    with pytest.raises(ProblemsError) as error:
        read_responses(tmp_path / "export.csv")
    assert f"{tmp_path / 'export.csv'}:3: deze regel is geen geldige CSV" in problem_text(error)


def test_a_row_with_more_fields_than_the_header_is_a_warning_with_its_line(
    tmp_path: Path,
) -> None:
    (tmp_path / "export.csv").write_text("ID;Q1\n1;Mee eens\n2;Mee;eens\n", encoding="utf-8")
    responses = read_responses(tmp_path / "export.csv")
    [warning] = responses.warnings
    assert warning.line == 3 and "3 velden, de kopregel 2" in warning.message


def test_an_unknown_column_suggests_the_nearest(tmp_path: Path) -> None:
    write_csv(tmp_path / "export.csv")
    mapping = write_mapping(tmp_path, "export.csv")
    mapping.write_text(mapping.read_text().replace("kolom: Q6_13", "kolom: Q6_31"))
    with pytest.raises(ProblemsError) as error:
        read_survey(mapping, tmp_path)
    line = mapping.read_text().splitlines().index("      - kolom: Q6_31") + 1
    assert problem_text(error).startswith(f"{mapping}:{line}: de kolom 'Q6_31' staat niet in")
    assert "(bedoelde u 'Q6_1' of 'Q6_13'?)" in problem_text(error)


def test_a_column_that_appears_twice_names_both(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(
        "ID,Q6_1,Q6_1,Q6_13,Q7\n1,Mee eens,Mee eens,,\n", encoding="utf-8"
    )
    with pytest.raises(ProblemsError) as error:
        survey_from(tmp_path, "export.csv")
    assert "de kolom 'Q6_1' staat meer dan eens in export.csv (kolommen B, C)" in problem_text(
        error
    )
