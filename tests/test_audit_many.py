"""An export of many sessions notes itself in every session's audit trail, in one go."""

from __future__ import annotations

from goedwerkplaats.storage.audit import append_audit, append_audit_many, read_audit


def test_every_session_gets_the_export_line_after_what_it_had(tmp_path) -> None:
    folders = [tmp_path / f"gwp-{n}" for n in range(1, 6)]
    for folder in folders:
        folder.mkdir()
    append_audit(folders[0], "aangemaakt")
    append_audit_many(folders, "geëxporteerd", "synthese (Word): exports/s.docx", "ab12")
    for folder in folders:
        last = read_audit(folder)[-1]
        assert (last.action, last.detail, last.sha256) == (
            "geëxporteerd",
            "synthese (Word): exports/s.docx",
            "ab12",
        )
    assert [e.action for e in read_audit(folders[0])] == ["aangemaakt", "geëxporteerd"]


def test_no_sessions_writes_nothing(tmp_path) -> None:
    append_audit_many([], "geëxporteerd")
    assert list(tmp_path.iterdir()) == []
