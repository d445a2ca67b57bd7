"""Issue 14.1: a time that is not a finite, sensible number never enters a session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.model.session import SessionMeta
from goedwerkplaats.model.timecode import MAX_SECONDS, parse_offset, parse_time, time_problem

DATA = Path(__file__).parent / "data" / "import"


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


@pytest.mark.parametrize("text", ["nan", "inf", "-inf", "1e308", "Infinity", "999999999"])
def test_import_refuses_a_recording_start_that_is_no_sensible_time(project, capsys, text) -> None:
    project.create_session(SessionMeta(id="gwp-1", title="T", date="2026-03-14"))
    before = (project.session_folder("gwp-1") / "sessie.yaml").read_bytes()
    with pytest.raises(SystemExit) as exit_:
        run(project, "import", str(DATA / "zoom.vtt"), "--session", "gwp-1", "--opname-start", text)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f"'{text}'" in err and "geen bruikbare tijd" in err, err
    assert (project.session_folder("gwp-1") / "sessie.yaml").read_bytes() == before
    assert not (project.session_folder("gwp-1") / "journaal.jsonl").exists()


def test_negative_recording_start_after_the_option_is_a_value_not_an_option(project) -> None:
    project.create_session(SessionMeta(id="gwp-1", title="T", date="2026-03-14"))
    args = ["import", str(DATA / "zoom.vtt"), "--session", "gwp-1", "--opname-start", "-00:00:30"]
    assert run(project, *args) == 0
    loaded = project.load_session("gwp-1").session
    assert loaded.meta.recording_offset == -30.0


def test_the_rule_lives_in_timecode() -> None:
    assert parse_offset("00:05:00") == 300.0
    assert parse_offset("-12,5") == -12.5
    for bad in ("nan", "inf", "1e308", f"{MAX_SECONDS + 1}", "x", ""):
        with pytest.raises(ValueError, match=r"geen bruikbare tijd|geen tijd"):
            parse_offset(bad)
    assert parse_time("99999999:00:00") is None  # parsed digits, but absurd
    assert time_problem(float("nan")) and time_problem(1e308) and not time_problem(3600.0)


@pytest.mark.parametrize(
    ("field", "value"),
    [("opname_start", ".nan"), ("opname_start", ".inf"), ("start", ".nan"), ("eind", "1.0e+308")],
)
def test_check_reports_a_hand_written_absurd_time_and_exports_refuse_clearly(
    project, capsys, field, value
) -> None:
    project.create_session(SessionMeta(id="gwp-1", title="T", date="2026-03-14"))
    path = project.session_folder("gwp-1") / "sessie.yaml"
    text = path.read_text("utf-8")
    if field == "opname_start":
        text = text.replace("opname_start:", f"opname_start: {value} #")
    else:
        text = text.replace("segmenten: []", "segmenten:\n- id: s1\n  start: 1.0\n  tekst: hoi\n")
        text = (
            text.replace(f"  {field}: 1.0", f"  {field}: {value}")
            if field == "start"
            else (text.replace("  tekst: hoi", f"  eind: {value}\n  tekst: hoi"))
        )
    path.write_text(text, "utf-8")
    assert run(project, "check") == 1
    out = capsys.readouterr().out
    assert "sessie.yaml:" in out and "geen bruikbare tijd" in out, out
    assert run(project, "export", "quotes", "--format", "json", "--selectie", "alles") == 1
    assert "geen bruikbare tijd" in capsys.readouterr().err


def test_a_journal_record_with_nan_is_skipped_with_a_warning(project) -> None:
    project.create_session(SessionMeta(id="gwp-1", title="T", date="2026-03-14"))
    folder = project.session_folder("gwp-1")
    import zlib

    body = json.dumps(
        {"n": 1, "op": "meta", "d": {"id": "gwp-1", "titel": "T", "opname_start": float("nan")}}
    ).encode()
    (folder / "journaal.jsonl").write_bytes(b"%08x %s\n" % (zlib.crc32(body), body))
    loaded = project.load_session("gwp-1")
    assert loaded.session.meta.recording_offset is None
    assert any("geen bruikbare tijd" in p.message for p in loaded.problems)
