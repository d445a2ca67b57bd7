"""Erasing a participant who withdrew consent leaves nothing of them in the project folder."""

from __future__ import annotations

from goedwerkplaats.cli import main
from goedwerkplaats.exporters.output import record_export
from goedwerkplaats.model.changes import EraseParticipant, PutStance
from goedwerkplaats.model.session import Stance
from goedwerkplaats.privacy.erasure import erase_participant, plan_erasure
from goedwerkplaats.storage.audit import append_audit, read_audit
from tests.helpers import new_session, segment

SECRET = "Mijn eigen verhaal over mijn cliënt in de Kerkstraat"


def project_bytes(project) -> bytes:  # type: ignore[no-untyped-def]
    return b"".join(p.read_bytes() for p in project.root.rglob("*") if p.is_file())


def seeded(project):  # type: ignore[no-untyped-def]
    store = new_session(project)
    store.apply(
        segment(1, speaker="P1", text=SECRET),
        segment(2, speaker="P2", text="Zoals Tom Bakker al zei, en Tom heeft gelijk."),
        segment(3, speaker="GL", text="Dank jullie wel."),
        PutStance(Stance("1", "P1", "begin", 2)),
        PutStance(Stance("1", "P2", "begin", 4)),
    )
    append_audit(project.session_folder("gwp-1"), "geïmporteerd", "interview-tom-bakker.vtt")
    return store


def test_erasure_removes_words_name_and_history(project) -> None:
    seeded(project).close(compact=False)  # their words are still in the journal too
    assert SECRET.encode() in project_bytes(project)
    plan = erase_participant(project, "gwp-1", "P1")
    assert (plan.segments, plan.stances, plan.mentions) == (1, 1, 1)
    everything = project_bytes(project)
    for gone in (SECRET, "Tom", "Bakker"):
        assert gone.encode() not in everything, gone
    session = project.load_session("gwp-1").session
    assert [s.speaker for s in session.segments] == ["P2", "GL"]
    assert session.segments.get("s2").text == "Zoals P1 al zei, en P1 heeft gelijk."
    assert "P1" not in session.participants
    assert list(session.stances) == [("1", "P2", "begin")]
    record = session.erasures[0]
    assert (record.participant, record.segments) == ("P1", 1)
    assert read_audit(project.session_folder("gwp-1"))[-1].action == "gewist"


def test_an_erasure_cut_short_by_a_crash_is_finished_on_the_next_open(project) -> None:
    store = seeded(project)
    store.apply(EraseParticipant("P1", "2026-11-28T12:00:00+01:00"))
    store._journal.close()  # the process dies before the journal is folded
    store.lock.release()
    project.open_session("gwp-1").close(compact=False)
    assert SECRET.encode() not in project_bytes(project)


def test_the_plan_says_what_will_go_and_which_exports_remain(project) -> None:
    seeded(project).close()
    export = project.exports_dir / "citaten.csv"
    export.write_text("x")
    record_export(project, ["gwp-1"], export, "quotes")
    text = plan_erasure(project, "gwp-1", "p1").describe()
    assert "1 segment(en) van P1 verdwijnen" in text
    assert "1 segment(en) van anderen (wordt P1)" in text
    assert "citaten.csv" in text
    erase_participant(project, "gwp-1", "P1", delete_exports=True)
    assert not export.exists()


def test_the_command_asks_for_confirmation(project, capsys, monkeypatch) -> None:
    seeded(project).close()
    args = ["--project", str(project.root), "erase-participant", "--session", "gwp-1", "P1"]
    assert main(args) == 1
    assert "bevestig het wissen met --ja" in capsys.readouterr().err
    assert SECRET.encode() in project_bytes(project)
    assert main([*args, "--ja"]) == 0
    assert SECRET.encode() not in project_bytes(project)
    assert main([*args[:-1], "P7", "--ja"]) == 1
    assert "deelnemer 'P7' bestaat niet" in capsys.readouterr().err


def test_audit_trail_is_shown_and_exported(project, capsys) -> None:
    main(
        [
            "--project",
            str(project.root),
            "new-session",
            "gwp-9",
            "--titel",
            "T",
            "--datum",
            "2026-11-28",
        ]
    )
    capsys.readouterr()
    assert main(["--project", str(project.root), "audit", "--session", "gwp-9"]) == 0
    assert "aangemaakt" in capsys.readouterr().out
    assert (
        main(
            [
                "--project",
                str(project.root),
                "audit",
                "--session",
                "gwp-9",
                "--csv",
                "-o",
                "logboek.csv",
            ]
        )
        == 0
    )
    written = (project.exports_dir / "logboek.csv").read_text("utf-8-sig")
    assert written.splitlines()[0] == "wanneer;wie;wat;details"
    assert ";aangemaakt;" in written


def test_the_audit_trail_loses_the_name_also_after_a_line_break(project) -> None:
    store = new_session(project)  # P2 is Aylin Demir
    store.apply(segment(1, speaker="P2", text="Mijn woorden."))
    store.close()
    folder = project.session_folder("gwp-1")
    append_audit(folder, "notitie", "eerste regel\nAylin Demir sprak het laatst")
    erase_participant(project, "gwp-1", "P2")
    details = " ".join(entry.detail for entry in read_audit(folder))
    raw = (folder / "logboek.jsonl").read_text("utf-8")
    assert "Aylin" not in raw and "Demir" not in raw
    assert "eerste regel\nP2 sprak het laatst" in details


def test_an_export_record_naming_the_participant_loses_the_name_in_the_shared_trail(
    project,
) -> None:
    from goedwerkplaats.storage.audit import EXPORTS_AUDIT_FILE

    store = new_session(project)  # P2 is Aylin Demir
    store.apply(segment(1, speaker="P2", text="Mijn woorden."))
    store.close()
    named = project.exports_dir / "citaten-Aylin-Demir.csv"
    named.write_text("x", "utf-8")
    record_export(project, ["gwp-1"], named, "citaten (CSV)")
    erase_participant(project, "gwp-1", "P2")
    raw = (project.sessions_dir / EXPORTS_AUDIT_FILE).read_text("utf-8")
    assert "Aylin" not in raw and "Demir" not in raw
    details = [e.detail for e in read_audit(project.session_folder("gwp-1"))]
    assert "citaten (CSV): exports/citaten-P2-P2.csv" in details
