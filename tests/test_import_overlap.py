"""A second transcript of the same recording is found before it doubles the session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.importers import ImportOptions, apply_import, describe_plan, plan_import
from goedwerkplaats.model.changes import DeleteSegment
from goedwerkplaats.model.session import SessionMeta
from goedwerkplaats.storage.session_store import SessionStore

DATA = Path(__file__).parent / "data" / "import"


def session_with_zoom(project, guide) -> SessionStore:
    project.create_session(SessionMeta(id="gwp-1", title="Test", date="2026-03-14"))
    store = project.open_session("gwp-1")
    apply_import(store, plan_import(store.session, guide, DATA / "zoom.vtt"))
    return store


def test_another_file_of_the_same_time_is_an_overlap_told_before_import(project, guide) -> None:
    store = session_with_zoom(project, guide)
    plan = plan_import(store.session, guide, DATA / "teams.vtt")  # 00:00:01 to 00:00:33
    [overlap] = plan.overlaps
    # its first cue (00:00:01.5) lies before zoom.vtt's first (00:00:02.1)
    assert (overlap.file, overlap.inside, overlap.new) == ("zoom.vtt", 5, 6)
    preview = describe_plan(plan, applied=False)
    assert preview[1] == "LET OP: dit lijkt een tweede transcript van dezelfde opname."
    assert "'zoom.vtt' (geïmporteerd " in preview[2]
    assert "beslaat al 00:00:02–00:01:23" in preview[2]
    assert "5 van de 6 nieuwe segmenten vallen daarbinnen" in preview[2]
    assert "dubbel in de sessie" in preview[3]
    assert not any("LET OP" in line for line in describe_plan(plan, applied=True))


def test_the_next_part_of_a_recording_is_no_overlap(project, guide, tmp_path) -> None:
    store = session_with_zoom(project, guide)
    part_two = tmp_path / "deel-2.vtt"
    part_two.write_text((DATA / "zoom.vtt").read_text("utf-8") + "\n", "utf-8")  # other bytes
    after = ImportOptions(recording_offset=84.0)  # starts when part one (to 00:01:23) ended
    assert plan_import(store.session, guide, part_two, after).overlaps == ()
    same_time = plan_import(store.session, guide, part_two)
    assert [o.file for o in same_time.overlaps] == ["zoom.vtt"]


def test_untimed_transcripts_of_one_session_overlap(project, guide, tmp_path) -> None:
    project.create_session(SessionMeta(id="gwp-1", title="Test", date="2026-03-14"))
    store = project.open_session("gwp-1")
    apply_import(store, plan_import(store.session, guide, DATA / "untimed.txt"))
    typed_again = tmp_path / "uitgetypt.txt"
    typed_again.write_text((DATA / "untimed.txt").read_text("utf-8") + "\nP9: Nog iets.\n")
    assert len(plan_import(store.session, guide, typed_again).overlaps) == 1


def test_an_import_whose_segments_were_all_removed_is_no_overlap(project, guide) -> None:
    store = session_with_zoom(project, guide)
    store.apply(*(DeleteSegment(s.id) for s in store.session.segments))
    assert plan_import(store.session, guide, DATA / "teams.vtt").overlaps == ()


def test_hints_name_the_fields_of_the_app_and_the_flags_of_the_command_line(project, guide) -> None:
    project.create_session(SessionMeta(id="gwp-1", title="Test", date="2026-03-14"))
    session = project.load_session("gwp-1").session
    from goedwerkplaats.tui.screens.import_transcript import APP_WORDS as app_words

    in_app = plan_import(session, guide, DATA / "zoom.vtt", ImportOptions(words=app_words))
    on_cli = plan_import(session, guide, DATA / "zoom.vtt")
    recognised = "Sanne de Vries leest de stellingen voor en is daarom de gespreksleider (GL)"
    assert any(recognised in note for note in in_app.notes)
    assert any("juiste naam op in het veld 'Gespreksleider heet'" in n for n in in_app.notes)
    assert any("juiste naam op met --gespreksleider NAAM" in n for n in on_cli.notes)
    assert not any("--" in line for line in describe_plan(in_app, applied=False))


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def test_the_command_line_refuses_a_second_transcript_unless_asked(project, guide, capsys) -> None:
    store = session_with_zoom(project, guide)
    store.close()
    before = len(project.load_session("gwp-1").session.segments)
    teams = str(DATA / "teams.vtt")
    assert run(project, "import", teams, "--sessie", "gwp-1", "--proef") == 0
    assert "LET OP: dit lijkt een tweede transcript" in capsys.readouterr().out
    assert run(project, "import", teams, "--sessie", "gwp-1") != 0
    error = capsys.readouterr().err
    assert "teams.vtt is niet geïmporteerd (er is niets gewijzigd): dit lijkt een tweede" in error
    assert "importeer dan met --ja" in error
    assert len(project.load_session("gwp-1").session.segments) == before
    assert run(project, "import", teams, "--sessie", "gwp-1", "--ja") == 0
    session = project.load_session("gwp-1").session
    assert len(session.segments) > before and len(session.imports) == 2


def run_at_a_keyboard(project, answer: str, *args: str) -> tuple[int, str]:
    """The command in a real process whose input is a terminal (a pty) the user types into."""
    import os
    import pty
    import subprocess

    repo = Path(__file__).parent.parent
    controller, terminal = pty.openpty()
    try:
        os.write(controller, f"{answer}\n".encode())
        done = subprocess.run(
            [sys.executable, "-m", "goedwerkplaats", "--project", str(project.root), *args],
            stdin=terminal,
            capture_output=True,
            text=True,
            cwd=repo,
            env=dict(os.environ, PYTHONPATH=str(repo)),
            timeout=60,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    return done.returncode, done.stdout + done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty (POSIX)")
def test_at_a_keyboard_the_command_line_asks_for_the_word(project, guide) -> None:
    session_with_zoom(project, guide).close()
    teams = ["import", str(DATA / "teams.vtt"), "--sessie", "gwp-1"]
    code, said = run_at_a_keyboard(project, "nee", *teams)
    assert code != 0 and "LET OP: dit lijkt een tweede transcript" in said
    assert "Typ dubbel om het toch te importeren" in said and "niet geïmporteerd" in said
    assert len(project.load_session("gwp-1").session.imports) == 1
    code, said = run_at_a_keyboard(project, "dubbel", *teams)
    assert code == 0 and "teams.vtt → sessie 'gwp-1'" in said
    assert len(project.load_session("gwp-1").session.imports) == 2


# ------------------------------------------------------------ before listening (transcribe)


def silent_recording(path: Path, seconds: float) -> Path:
    """A real (silent) WAV file of `seconds`, read by the product's own decoder."""
    import numpy as np

    from tests.speech_sample import write_wav

    write_wav(path, np.zeros(int(8_000 * seconds), dtype=np.int16), rate=8_000)
    return path


def test_a_recordings_time_overlaps_an_earlier_import_of_that_time(project, guide) -> None:
    from goedwerkplaats.importers import span_overlaps

    session = session_with_zoom(project, guide).session  # zoom.vtt: 00:00:02.1 to 00:01:23
    [same] = span_overlaps(session, 0.0, 85.0)  # the same recording
    assert (same.file, same.start, same.length) == ("zoom.vtt", 2.1, 85.0)
    assert same.shared == pytest.approx(83.0 - 2.1, abs=0.5)
    assert span_overlaps(session, 84.0, 84.0 + 85.0) == ()  # part 2, after part 1
    assert span_overlaps(session, 70.0, 70.0 + 85.0) == ()  # begins just before the end
    assert len(span_overlaps(session, 40.0, 40.0 + 85.0)) == 1  # half of it again
    assert span_overlaps(session, 0.0, 0.0) == ()  # no length: nothing to say


def test_the_warning_before_listening_names_the_earlier_import(project, guide, tmp_path) -> None:
    from goedwerkplaats.speech import doubling_before_listening

    session = session_with_zoom(project, guide).session
    wav = silent_recording(tmp_path / "opname.wav", 60.0)
    first, *rest = doubling_before_listening(session, wav, None)
    assert first == "de sessie heeft al een transcript van de tijd van deze opname."
    assert "'zoom.vtt' (geïmporteerd " in rest[0]
    assert "beslaat al 00:00:02–00:01:23; dat is 96% van deze opname (00:01:00 lang)" in rest[0]
    assert "nog onbekend; aangenomen is het begin" in rest[1]  # the session has no start
    assert "Na transcriberen staat dat gesprek dubbel in de sessie" in rest[2]
    # recording times: a start given moves them, and no longer says it is assumed
    [line, advice] = doubling_before_listening(session, wav, -30.0)[1:]
    assert "beslaat al 00:00:32–00:01:53; dat is 46% van deze opname" in line
    assert "Na transcriberen" in advice
    assert doubling_before_listening(session, wav, 84.0) == []  # part 2
