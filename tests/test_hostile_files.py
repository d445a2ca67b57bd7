"""Issue 14.6 and 14.7: hostile files — a symlinked exports/, YAML alias bombs, zip bombs."""

from __future__ import annotations

import io
import zipfile

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.files.problems import ProblemsError
from goedwerkplaats.files.yamlio import parse_yaml
from goedwerkplaats.importers.docx_reader import parse_docx
from goedwerkplaats.model.session import SessionMeta
from tests.helpers import new_session, segment

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n" for n in range(8)
)


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def test_exports_refuse_a_symlinked_exports_folder_outside_the_project(
    project, tmp_path, capsys
) -> None:
    store = new_session(project)
    store.apply(segment(1, themes=("klant",)))
    store.close()
    outside = tmp_path / "elders"
    outside.mkdir()
    project.exports_dir.rmdir()
    project.exports_dir.symlink_to(outside, target_is_directory=True)
    assert run(project, "export", "quotes", "--format", "csv") == 1
    assert "buiten het project" in capsys.readouterr().err
    assert run(project, "audit", "--session", "gwp-1", "-o", "logboek.txt") == 1
    assert "buiten het project" in capsys.readouterr().err
    assert list(outside.iterdir()) == []


def test_a_yaml_alias_bomb_is_refused_at_once() -> None:
    with pytest.raises(ProblemsError) as error:
        parse_yaml(BOMB, "stellingen.yaml")
    assert "verwijzing" in str(error.value.problems[0])


@pytest.mark.parametrize("name", ["stellingen.yaml", "sessie"])
def test_check_reports_an_alias_bomb_in_the_guide_or_a_session(project, capsys, name) -> None:
    if name == "stellingen.yaml":
        project.guide_path.write_text(BOMB, "utf-8")
    else:
        project.create_session(SessionMeta(id="gwp-1", title="T", date="2026-03-14"))
        path = project.session_folder("gwp-1") / "sessie.yaml"
        path.write_text(path.read_text("utf-8") + "x" + BOMB, "utf-8")
    assert run(project, "check") == 1
    assert "verwijzing" in capsys.readouterr().out


def test_a_docx_that_inflates_far_beyond_its_size_is_refused_before_reading(tmp_path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * 200_000_000)
    data = buffer.getvalue()
    assert len(data) < 1_000_000
    with pytest.raises(ProblemsError) as error:
        parse_docx(data, tmp_path / "bom.docx")
    assert "uitgepakt" in str(error.value.problems[0])
