"""The codebook as CSV for Taguette: header `tag,description`, one row per theme and arena."""

from __future__ import annotations

import csv
import io

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.exporters.codebook_csv import CodebookCsvOptions, export_codebook_csv
from goedwerkplaats.files.problems import GwpError


def rows(data: bytes, separator: str = ",") -> list[list[str]]:
    # the way Taguette reads it: decode (the BOM settles the encoding), csv.reader, lower header
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=separator))


def test_header_and_one_row_per_theme_and_arena(project, guide) -> None:
    path = export_codebook_csv(project)
    assert path == project.exports_dir / "codeboek.csv"
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbftag,description\r\n")
    table = rows(data)
    assert table[0] == ["tag", "description"]
    tags = [row[0] for row in table[1:]]
    assert len(tags) == len(guide.themes) + len(guide.arenas) + 1
    assert tags[:4] == [
        "Maatschappelijke opdracht",
        "Maatschappelijke opdracht.Helpen én handhaven",
        "Maatschappelijke opdracht.Duidelijk en uitvoerbaar",
        "Belemmeringen",
    ]
    assert "Belemmeringen.Prestatie-indicatoren" in tags
    assert tags[-4:] == [
        "Arena.De spreekkamer",
        "Arena.De eigen organisatie",
        "Arena.Het maatschappelijke veld",
        "Citaat voor rapport",
    ]
    descriptions = dict(row for row in table[1:])
    assert descriptions["Arena.De spreekkamer"] == guide.arena("spreekkamer").description
    assert all(len(row) == 2 and row[0] for row in table)


def test_labels_with_dots_and_commas_survive(project) -> None:
    guide_text = project.guide_path.read_text(encoding="utf-8")
    project.guide_path.write_text(
        guide_text.replace("label: Vertrouwen", 'label: "Vertrouwen, o.a. in elkaar"'), "utf-8"
    )
    table = rows(export_codebook_csv(project).read_bytes())
    assert "Vertrouwen, o·a· in elkaar" in [row[0] for row in table]


def test_semicolon_for_excel_and_refusal_of_others(project) -> None:
    path = export_codebook_csv(project, CodebookCsvOptions(separator=";"))
    assert rows(path.read_bytes(), ";")[0] == ["tag", "description"]
    with pytest.raises(GwpError, match="scheidingsteken"):
        export_codebook_csv(project, CodebookCsvOptions(separator="|"))


def test_overwrite_numbering_and_cli(project, capsys) -> None:
    first = export_codebook_csv(project)
    assert export_codebook_csv(project).name == "codeboek-2.csv"
    assert export_codebook_csv(project, CodebookCsvOptions(force=True)) == first
    root = str(project.root)
    assert main(["--project", root, "export", "codebook", "--format", "csv", "--sep", ";"]) == 0
    assert "codeboek (CSV) geschreven" in capsys.readouterr().out
    assert (project.exports_dir / "codeboek-3.csv").read_bytes().startswith(b"\xef\xbb\xbftag;")
