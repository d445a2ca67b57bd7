"""`export kruistabel`: the cross-table as CSV, from the command line and the export form."""

from __future__ import annotations

import csv
import io

from goedwerkplaats.cli import main
from goedwerkplaats.exporters.export_form import ExportForm
from goedwerkplaats.exporters.kinds import run_export
from goedwerkplaats.model.changes import PutParticipant
from goedwerkplaats.model.session import Participant
from tests.data.export.builders import write_mask_file
from tests.data.report.crosstab import WERK, crosstab_study


def rows(path) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))


def test_against_sessions_counts_people_with_fragments_labelled_apart(project) -> None:  # type: ignore[no-untyped-def]
    crosstab_study(project)
    written = run_export(project, ExportForm(kind="kruistabel", against="sessie"))
    table = rows(written.path)
    assert written.path.name == "kruistabel-sessie.csv"
    assert table[0] == [
        "thema-id",
        "thema",
        "niveau",
        "deelnemers: g1",
        "deelnemers: g2",
        "deelnemers: totaal",
        "groepen: totaal",
        "fragmenten: g1",
        "fragmenten: g2",
        "fragmenten: totaal",
    ]
    assert table[1][3:7] == ["4", "2", "6", "2"]  # everyone who took part, per group
    by_id = {r[0]: r for r in table[2:]}
    assert by_id["belemmeringen"][2:] == [
        "hoofdthema (met subthema's)",
        "3",
        "1",
        "4",
        "2",
        "5",
        "1",
        "6",
    ]
    assert by_id["prestaties"][2:] == ["subthema", "1", "0", "1", "1", "3", "0", "3"]
    assert any("telt deelnemers" in note for note in written.notes)


def test_a_column_that_points_at_one_person_is_refused_until_the_user_chooses(
    project, capsys
) -> None:  # type: ignore[no-untyped-def]
    crosstab_study(project)
    base = ["--project", str(project.root), "export", "kruistabel", "--tegen", "functie"]
    assert main(base) != 0
    error = capsys.readouterr().err
    assert "P3 (g1) is de enige met functie 'Professional Inkomen'" in error
    assert "--herkenbaar grof" in error and "Naam" not in error
    assert not list(project.exports_dir.glob("*.csv"))

    assert main([*base, "--herkenbaar", "weglaten", "--scheiding", ";"]) == 0
    assert "2 deelnemer(s) tellen alleen mee in 'deelnemers: totaal'" in capsys.readouterr().out
    table = list(
        csv.reader(
            io.StringIO((project.exports_dir / "kruistabel-functie.csv").read_text("utf-8-sig")),
            delimiter=";",
        )
    )
    assert table[0][3:6] == [f"deelnemers: {WERK}", "deelnemers: onbekend", "deelnemers: totaal"]
    belemmeringen = next(r for r in table if r[0] == "belemmeringen")
    assert belemmeringen[3:6] == ["2", "1", "4"]  # P3 counts in the total only


def test_typed_values_are_masked_and_cannot_run_as_formulas(project) -> None:  # type: ignore[no-untyped-def]
    crosstab_study(project)
    write_mask_file(project)  # masks 'Zwolle'
    guide = project.guide_path
    guide.write_text(
        guide.read_text("utf-8").replace("label: Belemmeringen", "label: '=Belemmeringen'"), "utf-8"
    )
    values = (("organisatie", "gemeente Zwolle"),)
    with project.open_session("g2") as store:
        store.apply(
            PutParticipant(Participant("P1", name="Naam P1", attributes=values)),
            PutParticipant(Participant("P2", name="Naam P2", attributes=values)),
        )
    written = run_export(project, ExportForm(kind="crosstab", against="organisatie", sessions="g2"))
    table = rows(written.path)
    assert table[0][3] == "deelnemers: gemeente […]"  # the mask term, as everywhere
    assert next(r for r in table if r[0] == "belemmeringen")[1] == "'=Belemmeringen"


def test_an_unknown_column_dimension_names_the_choices(project, capsys) -> None:  # type: ignore[no-untyped-def]
    crosstab_study(project)
    assert (
        main(["--project", str(project.root), "export", "kruistabel", "--tegen", "leeftijd"]) != 0
    )
    assert "kies uit sessie, functie, organisatie" in capsys.readouterr().err
