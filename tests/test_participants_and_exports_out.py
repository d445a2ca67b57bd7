"""Participants added before the session, the example session kept out of real exports, and
exports written outside the project."""

from __future__ import annotations

import shutil

import docx

from goedwerkplaats.cli import main
from goedwerkplaats.model.changes import PutSegment
from goedwerkplaats.model.session import FLAG_QUOTE, Segment
from goedwerkplaats.storage.audit import read_audit
from tests.conftest import REPO
from tests.helpers import new_session


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def test_participants_are_added_and_listed_from_the_command_line(project, capsys) -> None:
    new_session(project).close()  # GL, P1 Tom Bakker, P2 Aylin Demir
    assert (
        run(
            project,
            "participants",
            "--session",
            "gwp-1",
            "add",
            " Fatima  El Amrani ",
            "--functie",
            "professional jobcoach",
            "--organisatie",
            "UWV",
        )
        == 0
    )
    assert "P3 toegevoegd aan sessie gwp-1" in capsys.readouterr().out
    person = project.load_session("gwp-1").session.participants["P3"]
    assert person.name == "Fatima El Amrani"
    assert dict(person.attributes) == {"functie": "Professional Jobcoach", "organisatie": "UWV"}
    audit = read_audit(project.session_folder("gwp-1"))
    assert (audit[-1].action, audit[-1].detail) == ("deelnemer toegevoegd", "P3")  # no name

    assert run(project, "participants", "--session", "gwp-1", "add", "fatima el amrani") == 1
    assert "al deelnemer P3" in capsys.readouterr().err
    assert run(project, "participants", "--session", "gwp-1", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["P1", "Tom", "Bakker"]
    assert "P3    Fatima El Amrani  functie: Professional Jobcoach, organisatie: UWV" in lines
    assert lines[-1].startswith("GL") and "gespreksleider" in lines[-1]


def test_adding_to_a_session_open_elsewhere_is_refused(project, capsys) -> None:
    store = new_session(project)  # open, as in the app
    try:
        assert run(project, "participants", "--session", "gwp-1", "add", "Kees") == 1
    finally:
        store.close()
    assert "P3" not in project.load_session("gwp-1").session.participants
    assert "fout:" in capsys.readouterr().err


def _with_quote(project) -> None:
    store = new_session(project)
    store.apply(
        PutSegment(
            Segment(
                "s1",
                10.0,
                speaker="P1",
                statement="1",
                text="Echt gezegd",
                themes=("klant",),
                flags=(FLAG_QUOTE,),
            )
        )
    )
    store.close()


def test_the_example_session_stays_out_of_exports_of_everything(project, capsys) -> None:
    _with_quote(project)
    shutil.copytree(REPO / "sessions" / "voorbeeld", project.session_folder("voorbeeld"))
    assert project.load_session("voorbeeld").session.meta.example
    assert run(project, "export", "quotes", "--format", "csv", "-o", "alle") == 0
    said = capsys.readouterr().out
    assert "voorbeeldsessie voorbeeld (fictief) is niet meegenomen" in said
    rows = (project.exports_dir / "alle.csv").read_text("utf-8-sig")
    assert "Echt gezegd" in rows and "voorbeeld" not in rows
    assert (
        run(
            project,
            "export",
            "quotes",
            "--format",
            "csv",
            "--sessies",
            "voorbeeld",
            "--selectie",
            "alles",
            "-o",
            "oefen",
        )
        == 0
    )
    assert "voorbeeld" in (project.exports_dir / "oefen.csv").read_text("utf-8-sig")
    assert "niet meegenomen" not in capsys.readouterr().out
    assert run(project, "export", "qdpx", "-o", "alles") == 0
    assert "niet meegenomen" in capsys.readouterr().out


def test_a_pseudonymised_export_may_go_anywhere_and_the_audit_trail_says_where(
    project, tmp_path, capsys
) -> None:
    _with_quote(project)
    target = tmp_path / "Documenten" / "hoofdstuk.docx"
    target.parent.mkdir()
    assert run(project, "export", "quotes", "--format", "docx", "-o", str(target)) == 0
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Echt gezegd" in text and "Tom" not in text
    audit = read_audit(project.session_folder("gwp-1"))
    assert audit[-1].action == "geëxporteerd" and str(target) in audit[-1].detail


def test_real_names_outside_the_project_need_an_explicit_yes(project, tmp_path, capsys) -> None:
    _with_quote(project)
    target = tmp_path / "met-namen.docx"
    args = ("export", "quotes", "--format", "docx", "--names", "-o", str(target))
    assert run(project, *args) == 1  # no keyboard in a test: the flag is the yes
    assert "--namen-naar-buiten" in capsys.readouterr().err
    assert not target.exists()
    assert run(project, *args, "--namen-naar-buiten") == 0
    assert "Tom Bakker" in "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert run(project, "export", "quotes", "--format", "docx", "--names", "-o", "binnen") == 0
