"""The command line when the file system says no: a Dutch message with the path, no traceback."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

from goedwerkplaats.cli import main
from goedwerkplaats.storage import atomic
from tests.helpers import new_session

REPO = Path(__file__).resolve().parent.parent


def test_a_file_where_the_output_folder_should_be(project, capsys, monkeypatch) -> None:
    monkeypatch.chdir(project.root)
    (project.root / "blok").write_text("geen map")
    assert main(["export", "qdc", "-o", "blok/codeboek"]) == 1
    assert capsys.readouterr().err == (
        "fout: blok: hier staat een bestand waar een map moet komen; kies een ander pad\n"
    )
    assert main(["export", "qdc", "-o", "blok/dieper/codeboek"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fout: blok/dieper: een deel van dit pad is een bestand, geen map")


def test_permission_denied_names_the_export_not_its_temporary_file(
    project, capsys, monkeypatch
) -> None:
    monkeypatch.chdir(project.root)
    real_open = os.open

    def refuse(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "open", refuse)
    assert main(["export", "codebook"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("fout: exports/codeboek.csv: geen toestemming")
    assert "kies een map waarin u mag schrijven" in err
    assert ".tmp" not in err and "Traceback" not in err


def test_a_full_disk_names_the_file_being_written(project, capsys, monkeypatch) -> None:
    def full(_fd: int, _data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", full)
    assert main(["--project", str(project.root), "export", "qdc"]) == 1
    assert capsys.readouterr().err == (
        f"fout: {project.exports_dir / 'codeboek.qdc'}: de schijf is vol; maak ruimte vrij en "
        "probeer het opnieuw\n"
    )
    assert not list(project.exports_dir.iterdir())  # no temporary file left behind


def test_a_closed_pipe_ends_quietly(project) -> None:
    for number in range(1, 4):
        new_session(project, f"gwp-{number}").close()
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head -0`: nobody reads what the command prints
    try:
        done = subprocess.run(
            [sys.executable, "-m", "goedwerkplaats", "--project", str(project.root), "sessions"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            cwd=REPO,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.stderr.decode() == ""
    assert done.returncode == 1


def test_the_message_names_the_file_actually_written(project, capsys, monkeypatch) -> None:
    new_session(project).close()
    monkeypatch.chdir(project.exports_dir)  # not the project folder itself
    args = ["--project", "..", "export", "transcript", "--session", "gwp-1", "-o", "../sub/uit"]
    written = []
    for _ in range(2):
        assert main(args) == 0
        out = capsys.readouterr().out
        assert out.startswith("geschreven: ")
        written.append(Path(out.removeprefix("geschreven: ").strip()))
    assert [p.name for p in written] == ["uit.docx", "uit-2.docx"]  # the second is numbered
    assert all(p.resolve().is_file() for p in written)  # as seen from where it was typed
    assert main(["--project", "..", "export", "qdpx", "-o", "project.qdpx"]) == 0
    shown = capsys.readouterr().out.removeprefix("REFI-QDA-project geschreven: ").strip()
    assert Path(shown) == Path("project.qdpx") and Path(shown).is_file()
