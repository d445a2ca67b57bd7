"""An export of many sessions writes one audit record listing them; each session's trail shows
it in time order, and export lines older versions wrote into every session stay readable."""

from __future__ import annotations

import json

from goedwerkplaats.storage.audit import (
    AUDIT_FILE,
    EXPORTS_AUDIT_FILE,
    append_audit,
    append_export_record,
    read_audit,
)


def _sessions(tmp_path, count: int = 5):
    folders = [tmp_path / f"gwp-{n}" for n in range(1, count + 1)]
    for folder in folders:
        folder.mkdir()
    return folders


def test_one_record_for_an_export_of_five_sessions_each_trail_shows_it(tmp_path) -> None:
    folders = _sessions(tmp_path)
    append_audit(folders[0], "aangemaakt")
    ids = [f.name for f in folders[:4]]
    detail = "synthese (Word): exports/s.docx"
    append_export_record(tmp_path, ids, "geëxporteerd", detail, "ab12", "exports/s.docx")
    lines = (tmp_path / EXPORTS_AUDIT_FILE).read_text("utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["sessies"] == ids
    for folder in folders[:4]:
        last = read_audit(folder)[-1]
        assert (last.action, last.detail, last.sha256, last.path) == (
            "geëxporteerd",
            "synthese (Word): exports/s.docx",
            "ab12",
            "exports/s.docx",
        )
        assert not (folder / AUDIT_FILE).exists() or folder == folders[0]
    assert [e.action for e in read_audit(folders[0])] == ["aangemaakt", "geëxporteerd"]
    assert read_audit(folders[4]) == []  # not in the export: not in its trail


def test_export_records_sit_between_the_sessions_own_lines_by_time(tmp_path) -> None:
    (folder,) = _sessions(tmp_path, 1)
    own = [
        {"wanneer": "2026-11-30T09:00:00+01:00", "wie": "a", "wat": "aangemaakt"},
        {"wanneer": "2026-11-30T11:00:00+01:00", "wie": "a", "wat": "geïmporteerd"},
    ]
    (folder / AUDIT_FILE).write_text("".join(json.dumps(o) + "\n" for o in own), "utf-8")
    export = {"wanneer": "2026-11-30T09:30:00+00:00", "wie": "b", "wat": "geëxporteerd"}
    other = {**export, "sessies": ["gwp-9"], "details": "niet van deze sessie"}
    (tmp_path / EXPORTS_AUDIT_FILE).write_text(
        json.dumps({**export, "sessies": ["gwp-1"]}) + "\n" + json.dumps(other) + "\n{kapot",
        "utf-8",
    )
    # 09:30 UTC is 10:30 in +01:00: between the two own lines
    assert [e.action for e in read_audit(folder)] == ["aangemaakt", "geëxporteerd", "geïmporteerd"]


def test_export_lines_written_into_each_session_by_older_versions_still_read(tmp_path) -> None:
    (folder,) = _sessions(tmp_path, 1)
    old = {
        "wanneer": "2026-11-29T10:00:00+01:00",
        "wie": "a",
        "wat": "geëxporteerd",
        "details": "citaten (CSV): exports/c.csv",
    }
    (folder / AUDIT_FILE).write_text(json.dumps(old) + "\n", "utf-8")
    append_export_record(tmp_path, ["gwp-1"], "geëxporteerd", "synthese (Word): exports/s.docx")
    assert [(e.detail, e.path) for e in read_audit(folder)] == [
        ("citaten (CSV): exports/c.csv", "exports/c.csv"),
        ("synthese (Word): exports/s.docx", "exports/s.docx"),
    ]


def test_no_sessions_writes_nothing(tmp_path) -> None:
    append_export_record(tmp_path, [], "geëxporteerd")
    assert list(tmp_path.iterdir()) == []
