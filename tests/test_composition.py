"""The Verantwoording's composition table: participants per characteristic value, per session
and in total; people, not fragments; never the facilitator, never a name; a cell that would
single out one person goes through the singling-out rule (grof / weglaten) or stops the export."""

from __future__ import annotations

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.exporters import docx_styles as styles
from goedwerkplaats.exporters.report import ReportOptions, export_report
from goedwerkplaats.exporters.selection import load_sessions
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.changes import PutParticipant
from goedwerkplaats.model.session import KIND_TRANSCRIPT, Participant, SessionMeta
from goedwerkplaats.privacy.singling_out import COARSEN, DROP
from goedwerkplaats.project.folder import Project, init_project
from goedwerkplaats.report.composition import HIDDEN, OTHER, composition, singled_out_cells
from goedwerkplaats.report.outline_file import parse_outline
from tests.data.export.builders import open_docx, styled
from tests.helpers import segment

WERK = "Professional Werk"
INKOMEN = "Professional Inkomen"
GEMEENTE = "Een gemeente"
UWV = "het UWV"

# (session, pid, name, functie, organisatie, fragments)
PEOPLE = [
    ("g1", "P1", "Tom Bakker", WERK, GEMEENTE, 5),
    ("g1", "P2", "Aylin Demir", WERK, GEMEENTE, 1),
    ("g1", "P3", "Sanne de Vries", INKOMEN, GEMEENTE, 2),  # the only Inkomen in g1
    ("g2", "P1", "Joost Mulder", INKOMEN, UWV, 1),
    ("g2", "P2", "Eva Bos", INKOMEN, UWV, 3),
    ("g2", "P3", "Ruben Koster", "", "", 1),  # nothing recorded
]


def build(project: Project, people=PEOPLE) -> Project:  # type: ignore[no-untyped-def]
    for session_id in dict.fromkeys(p[0] for p in people):
        project.create_session(
            SessionMeta(id=session_id, title=session_id, date="2020-04-01", form="video")
        )
        changes: list[object] = [
            # the facilitator has characteristics too, and speaks most: never counted
            PutParticipant(
                Participant(
                    "GL",
                    name="Marieke Jansen",
                    facilitator=True,
                    attributes=(("functie", INKOMEN),),
                )
            ),
            *(
                segment(900 + n, speaker="GL", text="Wat vinden jullie?", kind=KIND_TRANSCRIPT)
                for n in range(4)
            ),
        ]
        number = 0
        for sid, pid, name, functie, organisatie, fragments in people:
            if sid != session_id:
                continue
            values = tuple(
                (k, v) for k, v in (("functie", functie), ("organisatie", organisatie)) if v
            )
            changes.append(PutParticipant(Participant(pid, name=name, attributes=values)))
            for _ in range(fragments):
                number += 1
                changes.append(
                    segment(number, speaker=pid, themes=("klant",), kind=KIND_TRANSCRIPT)
                )
        with project.open_session(session_id) as store:
            store.apply(*changes)  # type: ignore[arg-type]
    return project


def sessions_of(project: Project):  # type: ignore[no-untyped-def]
    return load_sessions(project)


def rows_of(found) -> dict[tuple[str, str], tuple[tuple[int, ...], int]]:  # type: ignore[no-untyped-def]
    return {(r.label, r.value): (r.counts, r.total) for r in found.rows}


def test_people_are_counted_once_per_characteristic_not_per_fragment(project, guide) -> None:
    found = composition(guide, sessions_of(build(project)))
    assert found.sessions == ("g1", "g2")
    assert found.participants == (3, 3)  # the facilitator is not a participant
    assert rows_of(found) == {
        # the guide's labels and its order of values; P1 spoke five times and counts once
        ("Functie", WERK): ((2, 0), 2),
        ("Functie", INKOMEN): ((1, 2), 3),
        ("Functie", "niet vastgelegd"): ((0, 1), 1),
        ("Organisatie", GEMEENTE): ((3, 0), 3),
        ("Organisatie", UWV): ((0, 2), 2),
        ("Organisatie", "niet vastgelegd"): ((0, 1), 1),
    }


def test_a_cell_of_one_in_a_session_singles_out_that_person(project, guide) -> None:
    found = singled_out_cells(guide, sessions_of(build(project)))
    assert [(f.session, f.participant) for f in found] == [("g1", "P3")]
    assert found[0].describe() == f"P3 (g1) is de enige met functie '{INKOMEN}'"


def test_coarsen_and_drop_follow_the_singling_out_rule(project, guide) -> None:
    sessions = sessions_of(build(project))
    dropped = rows_of(composition(guide, sessions, DROP))
    assert dropped[("Functie", INKOMEN)] == ((0, 2), 2)  # the total never shows what g1 hides
    assert dropped[("Functie", HIDDEN)] == ((1, 0), 1)
    # coarsened: alone with 'anders' in g1 still points at P3, so P3 is not shown either
    coarse = rows_of(composition(guide, sessions, COARSEN))
    assert coarse[("Functie", HIDDEN)] == ((1, 0), 1) and ("Functie", OTHER) not in coarse


def test_two_rare_values_in_one_session_become_anders_together(tmp_path, guide) -> None:
    more = [*PEOPLE, ("g1", "P4", "Kees Vermeer", "Professional Jobcoach", GEMEENTE, 1)]
    project = build(init_project(tmp_path / "more", outline=False), more)
    coarse = rows_of(composition(guide, sessions_of(project), COARSEN))
    assert coarse[("Functie", OTHER)] == ((2, 0), 2)
    assert ("Functie", INKOMEN) in coarse and coarse[("Functie", INKOMEN)] == ((0, 2), 2)
    assert singled_out_cells(guide, sessions_of(project))  # without a choice: still flagged


def test_the_report_refuses_until_the_user_chooses(project) -> None:
    build(project)
    with pytest.raises(GwpError) as refused:
        export_report(project)
    message = str(refused.value)
    assert "P3 (g1) is de enige met functie" in message and "--herkenbaar grof" in message
    assert "Sanne" not in message  # the pseudonym, never the name
    assert not any(project.exports_dir.iterdir())  # nothing written


def test_the_exported_table_per_session_and_total_with_a_numbered_caption(project) -> None:
    build(project)
    assert (
        main(["--project", str(project.root), "export", "rapport", "--herkenbaar", "weglaten"]) == 0
    )
    [target] = sorted(project.exports_dir.iterdir())
    document = open_docx(target)
    captions = styled(document, styles.CAPTION)
    assert "Tabel A.2 Samenstelling van de deelnemers naar kenmerk" in captions
    caption = next(p for p in document.paragraphs if "Samenstelling" in p.text)
    assert "SEQ Tabel" in caption._p.xml  # a Word field, numbered within the appendix
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Kenmerk")
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [
        ["Kenmerk", "Waarde", "g1", "g2", "Totaal"],
        ["Functie", WERK, "2", "–", "2"],
        ["", INKOMEN, "–", "2", "2"],
        ["", "Niet getoond", "1", "–", "1"],
        ["", "Niet vastgelegd", "–", "1", "1"],
        ["Organisatie", GEMEENTE, "3", "–", "3"],
        ["", UWV, "–", "2", "2"],
        ["", "Niet vastgelegd", "–", "1", "1"],
        ["Deelnemers", "", "3", "3", "6"],
    ]
    notes = " ".join(styled(document, styles.TABLE_NOTE))
    assert "één keer per kenmerk" in notes and "is weggelaten" in notes
    text = "\n".join(p.text for p in document.paragraphs) + str(cells)
    assert not any(name in text for _s, _p, name, *_rest in PEOPLE)
    assert "Marieke" not in text


def test_no_table_asks_nothing_and_kenmerken_under_quotes_use_the_same_choice(project) -> None:
    build(project)
    (project.root / "rapport.yaml").write_text(
        "titel: T\nverantwoording: nee\nhoofdstukken:\n  - titel: H\n    paragrafen: [klant]\n",
        "utf-8",
    )
    assert export_report(project).exists()  # no composition table: nothing singles out
    with pytest.raises(GwpError, match="onder de citaten zouden deelnemers herkenbaar"):
        export_report(project, ReportOptions(attribution="kenmerken", force=True))
    document = open_docx(
        export_report(
            project, ReportOptions(attribution="kenmerken", singling_out=DROP, force=True)
        )
    )
    sources = styled(document, styles.SOURCE)
    assert sources and f"({INKOMEN}, {GEMEENTE})" not in sources  # P3's unique combination
    assert f"({WERK}, {GEMEENTE})" in sources


def test_the_choice_can_live_in_rapport_yaml(project, guide) -> None:
    build(project)
    outline = "titel: T\nherkenbaar: grof\nhoofdstukken:\n  - titel: H\n    paragrafen: [klant]\n"
    (project.root / "rapport.yaml").write_text(outline, "utf-8")
    document = open_docx(export_report(project))
    notes = " ".join(styled(document, styles.TABLE_NOTE))
    assert "staat als 'Anders (samengevoegd)'" in notes
    # the command line's choice wins over the file's
    document = open_docx(export_report(project, ReportOptions(singling_out=DROP, force=True)))
    assert "is weggelaten" in " ".join(styled(document, styles.TABLE_NOTE))
    _outline, problems = parse_outline(outline.replace("grof", "vaag"), "rapport.yaml", guide)
    assert [str(p) for p in problems if not p.warning] == [
        "rapport.yaml:2: 'herkenbaar' is 'vaag'; kies uit grof, weglaten"
    ]
