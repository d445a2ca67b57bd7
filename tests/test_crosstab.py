"""Cross-tables (issue 16.3): themes against sessions or a characteristic, counting people."""

from __future__ import annotations

import pytest

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.changes import PutParticipant
from goedwerkplaats.model.session import (
    Participant,
)
from goedwerkplaats.privacy.singling_out import COARSEN, DROP
from goedwerkplaats.project.folder import Project
from goedwerkplaats.report.breadth import session_index
from goedwerkplaats.report.crosstab import UNKNOWN, CrossTable, cross_table
from tests.data.report.crosstab import ACTIVERING, INKOMEN, WERK, crosstab_study


@pytest.fixture
def study(project: Project) -> Project:
    return crosstab_study(project)


def _table(project: Project, dimension: str, protection: str = "") -> CrossTable:
    sessions = [project.load_session(s).session for s in ("g1", "g2")]
    return cross_table(
        project.load_guide(),
        sessions,
        session_index(sessions),
        dimension,
        themes=["belemmeringen"],
        protection=protection,
    )


def _cells(table: CrossTable) -> dict[str, dict[str, int]]:
    keys = [c.key for c in table.columns]
    return {row.theme: dict(zip(keys, row.participants, strict=True)) for row in table.rows}


def test_cells_count_people_not_fragments_and_a_parent_counts_its_children(study) -> None:
    table = _table(study, "functie")
    rows = {row.theme: row for row in table.rows}
    assert [r.theme for r in table.rows] == ["belemmeringen", "prestaties", "afstand", "caseload"]
    assert rows["prestaties"].participants[0] == 1  # P1, who said it three times
    assert rows["prestaties"].fragments[0] == 3
    # the parent row: whoever raised belemmeringen or any child, each person once
    assert _cells(table)["belemmeringen"] == {WERK: 2, INKOMEN: 1, ACTIVERING: 0, UNKNOWN: 1}
    assert rows["belemmeringen"].total.participants == 4
    assert rows["belemmeringen"].total.sessions == 2
    assert rows["belemmeringen"].total.fragments == 6  # fragments, as the labelled extra
    assert rows["afstand"].total.participants == 0  # nobody raised it: a row of zeros
    assert rows["prestaties"].sub and not rows["belemmeringen"].sub


def test_facilitator_lines_and_notes_never_count(study) -> None:
    table = _table(study, "sessie")
    parent = table.rows[0]
    # GL coded belemmeringen twice in g1; the g1 count is still the three participants
    assert _cells(table)["belemmeringen"] == {"g1": 3, "g2": 1}
    assert parent.fragments == (5, 1)
    assert table.people == 6  # P1-P4 of g1, P1-P2 of g2; never the facilitator


def test_columns_hold_everyone_who_took_part_and_sessions_without_the_value_are_onbekend(
    study,
) -> None:
    table = _table(study, "functie")
    assert [(c.key, c.people) for c in table.columns] == [  # the guide's order of values
        (WERK, 2),
        (ACTIVERING, 1),
        (INKOMEN, 1),
        (UNKNOWN, 2),
    ]
    assert [c.alone for c in table.columns] == [False, True, True, False]


def test_a_value_held_by_one_participant_is_flagged_then_coarsened_or_dropped(study) -> None:
    flagged = _table(study, "functie")
    assert {(s.session, s.participant) for s in flagged.singled_out} == {("g1", "P3"), ("g1", "P4")}
    assert all("Naam" not in s.describe() for s in flagged.singled_out)  # never a name

    coarse = _table(study, "functie", COARSEN)
    assert [(c.key, c.people) for c in coarse.columns] == [(WERK, 2), ("anders", 2), (UNKNOWN, 2)]
    assert _cells(coarse)["belemmeringen"] == {WERK: 2, "anders": 1, UNKNOWN: 1}
    assert coarse.singled_out == () and coarse.hidden == 0

    dropped = _table(study, "functie", DROP)
    assert [(c.key, c.people) for c in dropped.columns] == [(WERK, 2), (UNKNOWN, 2)]
    assert dropped.hidden == 2
    assert dropped.rows[0].total.participants == 4  # P3 still counts, in the total only
    assert sum(dropped.rows[0].participants) == 3


def test_coarsening_that_still_leaves_one_person_hides_that_person(study) -> None:
    with study.open_session("g1") as store:
        store.apply(
            PutParticipant(Participant("P4", name="Naam P4", attributes=(("functie", WERK),)))
        )
    table = _table(study, "functie", COARSEN)
    assert INKOMEN not in [c.key for c in table.columns] and table.hidden == 1


def test_an_unknown_dimension_or_protection_is_a_dutch_error(study) -> None:
    with pytest.raises(GwpError, match="kies uit sessie, functie, organisatie"):
        _table(study, "leeftijd")
    with pytest.raises(GwpError, match="herkenbaar 'vaag'"):
        _table(study, "functie", "vaag")


def test_a_speaker_without_a_participant_row_counts_under_onbekend(study) -> None:
    from goedwerkplaats.model.changes import PutSegment
    from goedwerkplaats.model.session import Segment

    with study.open_session("g2") as store:  # an imported transcript named a speaker 'P9'
        store.apply(
            PutSegment(Segment(id="x1", start=99.0, speaker="P9", text="ja", themes=("afstand",)))
        )
    table = _table(study, "functie")
    assert _cells(table)["afstand"][UNKNOWN] == 1
    assert table.people == 7 and table.columns[-1].people == 3
