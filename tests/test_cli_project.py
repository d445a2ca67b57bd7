"""The project commands as a user types them."""

from __future__ import annotations

import json

from goedwerkplaats.cli import main
from goedwerkplaats.guide.loader import default_guide_text
from goedwerkplaats.storage.audit import read_audit
from tests.helpers import new_session, segment


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def test_init_creates_a_ready_project_and_never_overwrites_a_guide(tmp_path, capsys) -> None:
    target = tmp_path / "nieuw"
    assert main(["init", str(target)]) == 0
    assert (target / "stellingen.yaml").read_text("utf-8") == default_guide_text()
    assert (target / "sessions").is_dir() and (target / "exports").is_dir()
    (target / "stellingen.yaml").write_text("titel: eigen\n", "utf-8")
    assert main(["init", str(target)]) == 0
    assert (target / "stellingen.yaml").read_text("utf-8") == "titel: eigen\n"


def test_new_session_then_sessions_lists_counts(project, capsys) -> None:
    assert (
        run(
            project,
            "new-session",
            "gwp-1",
            "--titel",
            "Eerste",
            "--datum",
            "2026-11-28",
            "--vorm",
            "op-locatie",
        )
        == 0
    )
    with project.open_session("gwp-1") as store:
        store.apply(segment(1, themes=("klant",), speaker=None), segment(2, speaker=None))
    capsys.readouterr()
    assert run(project, "sessions", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [
        {
            "id": "gwp-1",
            "title": "Eerste",
            "date": "2026-11-28",
            "segments": 2,
            "coded": 1,
            "problem": None,
        }
    ]
    assert run(project, "sessions") == 0
    assert "gwp-1            2026-11-28         2         1  Eerste" in capsys.readouterr().out
    session = project.load_session("gwp-1").session
    assert session.meta.form == "op locatie"
    assert [e.action for e in read_audit(project.session_folder("gwp-1"))] == ["aangemaakt"]


def test_bad_arguments_get_dutch_messages(project, capsys) -> None:
    assert run(project, "new-session", "../uit", "--titel", "x", "--datum", "2026-11-28") == 1
    assert "ongeldig sessie-id '../uit'" in capsys.readouterr().err
    try:
        run(project, "new-session", "gwp-1", "--titel", "x", "--datum", "28-11-2026")
    except SystemExit as exit_:
        assert exit_.code == 2
    assert "'28-11-2026' is geen datum als JJJJ-MM-DD" in capsys.readouterr().err


def test_check_reports_unknown_speakers_and_codes_with_lines(project, capsys) -> None:
    store = new_session(project)
    store.apply(segment(1, speaker="P9", themes=("vertrouwn",)))
    store.close()
    assert run(project, "check") == 1
    out = capsys.readouterr().out
    snapshot = project.session_folder("gwp-1") / "sessie.yaml"
    line = snapshot.read_text("utf-8").splitlines().index("- id: s1") + 1
    assert f"{snapshot}:{line}: segment s1: onbekende spreker 'P9'" in out
    assert (
        f"{snapshot}:{line}: segment s1: onbekend thema 'vertrouwn' (bedoelde u "
        "'vertrouwen' of 'wantrouwen'?)" in out
    )


def test_check_names_the_journal_line_of_a_change_not_yet_folded(project, capsys) -> None:
    store = new_session(project)
    store.apply(segment(1, arena="keuken"))
    store.close(compact=False)
    # line 1 holds the three participants new_session adds in one batch
    assert run(project, "check") == 1
    journal = project.session_folder("gwp-1") / "journaal.jsonl"
    assert f"{journal}:2: segment s1: onbekende arena 'keuken'" in capsys.readouterr().out


def test_check_of_a_clean_project_exits_0(project, capsys) -> None:
    new_session(project).close()
    assert run(project, "check") == 0
    assert "alles in orde" in capsys.readouterr().out


def test_check_reads_the_mask_file_too(project, capsys) -> None:
    new_session(project).close()
    (project.root / "maskeren.yaml").write_text("termen:\n  - term: Zwolle\n    dor: x\n", "utf-8")
    assert run(project, "check") == 1
    out = capsys.readouterr().out
    assert "maskeren.yaml:3: " in out and "'dor'" in out
    assert "nagekeken: de leidraad, maskeren.yaml, 1 sessie(s)" in out
