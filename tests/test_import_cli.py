"""`goedwerkplaats import` as a transcriber types it: messages, exit codes and the saved session."""

from __future__ import annotations

from pathlib import Path

import yaml

from goedwerkplaats.cli import main
from goedwerkplaats.model.changes import PutParticipant, PutSegment
from goedwerkplaats.model.session import Participant, Segment, SessionMeta
from goedwerkplaats.storage.audit import read_audit

DATA = Path(__file__).parent / "data" / "import"


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def new_session(project, session_id: str = "gwp-1") -> Path:
    project.create_session(SessionMeta(id=session_id, title="Test", date="2026-03-14"))
    return project.session_folder(session_id)


def saved(folder: Path) -> dict:
    return yaml.safe_load((folder / "sessie.yaml").read_text("utf-8"))


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_import_vtt_saves_segments_participants_and_reports_in_dutch(project, capsys) -> None:
    folder = new_session(project)
    code = run(
        project, "import", str(DATA / "zoom.vtt"), "--session", "gwp-1",
        "--facilitator", "Sanne de Vries",
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0] == (
        "zoom.vtt → sessie 'gwp-1': 9 segmenten geïmporteerd (WebVTT, UTF-8)"
    )
    assert "  Sanne de Vries → GL (gespreksleider, nieuw, 3 segmenten)" in out
    assert "  Ruben Koster → P1 (nieuw, 3 segmenten)" in out
    assert "  zonder spreker: 1 segment (wijs de spreker toe bij het coderen)" in out
    assert (
        "stellingen: 2 vanaf 00:00:12 (voorgelezen, regel 13); "
        "3 vanaf 00:00:56 (voorgelezen, regel 41)"
    ) in out
    data = saved(folder)
    assert [(p["id"], p["naam"]) for p in data["deelnemers"]] == [
        ("GL", "Sanne de Vries"),
        ("P1", "Ruben Koster"),
        ("P2", "Fatima el Amrani"),
    ]
    first = data["segmenten"][0]
    assert first == {
        "id": "s1",
        "start": 2.1,
        "eind": 12.45,
        "spreker": "GL",
        "soort": "transcript",
        "tekst": "Welkom allemaal. Fijn dat jullie vanmiddag tijd hebben gemaakt. We beginnen "
        "meteen met de tweede stelling, want de eerste hebben we vorige keer gedaan.",
        "bron": "i1",
    }
    assert [s["stelling"] for s in data["segmenten"][1:4]] == [2, 2, 2]
    assert data["imports"][0]["bestand"] == "zoom.vtt"
    assert data["verloop"] == [{"tijd": 12.6, "stelling": 2}, {"tijd": 56.0, "stelling": 3}]
    assert read_audit(folder)[-1].action == "geïmporteerd"


def test_reimport_is_refused_and_changes_nothing(project, capsys) -> None:
    folder = new_session(project)
    assert run(project, "import", str(DATA / "typed.txt"), "--session", "gwp-1") == 0
    before = files(folder)
    capsys.readouterr()
    assert run(project, "import", str(DATA / "typed.txt"), "--session", "gwp-1") == 1
    err = capsys.readouterr().err
    assert err.startswith("fout: typed.txt is al geïmporteerd in sessie 'gwp-1'")
    assert "er is niets gewijzigd" in err
    assert files(folder) == before


def test_a_bad_file_names_each_line_and_writes_nothing(project, capsys) -> None:
    folder = new_session(project)
    before = files(folder)
    assert run(project, "import", str(DATA / "unknown-code.txt"), "--session", "gwp-1") == 1
    err = capsys.readouterr().err.splitlines()
    path = DATA / "unknown-code.txt"
    assert err[0].startswith(f"fout: {path}:1: onbekend thema '#handhaven'")
    assert err[1].startswith(f"{path}:4: onbekend thema '#vertrouwn'; bedoelde u #vertrouwen")
    assert files(folder) == before


def test_a_session_open_in_the_app_is_refused_with_who_has_it(project, capsys) -> None:
    new_session(project)
    with project.open_session("gwp-1"):
        assert run(project, "import", str(DATA / "zoom.vtt"), "--session", "gwp-1") == 1
    assert "sessie 'gwp-1' is in gebruik door" in capsys.readouterr().err
    assert project.load_session("gwp-1").session.imports == []


def test_dry_run_shows_the_plan_and_saves_nothing(project, capsys) -> None:
    folder = new_session(project)
    before = files(folder)
    assert (
        run(project, "import", str(DATA / "typed-cp1252.txt"), "--session", "gwp-1", "--proef") == 0
    )
    out = capsys.readouterr().out
    assert (
        "2 segmenten te importeren (proef, niets opgeslagen) (tekst, Windows-1252 (cp1252))" in out
    )
    assert "gelezen als Windows-1252 (cp1252)" in out
    assert files(folder) == before


def test_recording_start_and_no_merge_options(project, capsys) -> None:
    folder = new_session(project)
    args = ["import", str(DATA / "zoom.vtt"), "--session", "gwp-1"]
    assert run(project, *args, "--opname-start", "00:05:00", "--no-merge") == 0
    assert "opnamestart: 00:05:00 sessietijd (opgegeven); opgeslagen als opname_start" in (
        capsys.readouterr().out
    )
    data = saved(folder)
    assert data["opname_start"] == 300.0
    assert len(data["segmenten"]) == 13 and data["segmenten"][0]["start"] == 302.1


def test_unmatched_live_quotes_are_listed(project, capsys) -> None:
    folder = new_session(project)
    with project.open_session("gwp-1") as store:
        store.apply(
            PutParticipant(Participant("P1", name="Ruben Koster")),
            PutSegment(
                Segment("s1", 30.0, speaker="P1", text="Met honderdtachtig mensen op mijn lijst")
            ),
            PutSegment(Segment("s2", 50.0, speaker="P1", text="Iets over vakantiegeld")),
        )
    args = ["import", str(DATA / "zoom.vtt"), "--session", "gwp-1", "--opname-start", "0"]
    assert run(project, *args) == 0
    out = capsys.readouterr().out
    assert "live citaten: 1 gekoppeld en gemarkeerd als geverifieerd, 1 niet gevonden" in out
    assert '  niet gevonden: s2 00:00:50 P1 "Iets over vakantiegeld"' in out
    segments = {s["id"]: s for s in saved(folder)["segmenten"]}
    assert segments["s1"]["vlaggen"] == ["geverifieerd"]
    assert segments[segments["s1"]["koppeling"]]["tekst"].startswith("Duidelijk vind ik hem")


def test_missing_file_unknown_session_and_bad_time(project, capsys) -> None:
    new_session(project)
    assert run(project, "import", "weg.vtt", "--session", "gwp-1") == 1
    assert "weg.vtt bestaat niet of is geen bestand" in capsys.readouterr().err
    assert run(project, "import", str(DATA / "zoom.vtt"), "--session", "gwp-9") == 1
    assert "sessie 'gwp-9' bestaat niet" in capsys.readouterr().err
    try:
        run(project, "import", str(DATA / "zoom.vtt"), "--session", "gwp-1", "--opname-start", "x")
    except SystemExit as exit_:
        assert exit_.code == 2
    assert "'x' is geen tijd; schrijf UU:MM:SS of seconden" in capsys.readouterr().err


def test_word_transcript_through_the_command(project, capsys) -> None:
    folder = new_session(project)
    assert run(project, "import", str(DATA / "transcript.docx"), "--session", "gwp-1") == 0
    assert "6 segmenten geïmporteerd (Word)" in capsys.readouterr().out
    segments = saved(folder)["segmenten"]
    assert [s.get("stelling") for s in segments] == [1, 1, 1, 3, 3, 3]
    assert segments[1]["themas"] == ["klant"]
