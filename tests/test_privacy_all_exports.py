"""Issue 7: every export format, from a session full of names, carries none of them by default
(not in the content, not in file names, not in document properties); with --names they show."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from goedwerkplaats.cli import main
from goedwerkplaats.exporters.export_form import (
    OPTION_AGAINST,
    OPTION_SELECTION,
    OPTION_SESSION,
    OPTION_SINGLING_OUT,
)
from goedwerkplaats.exporters.kinds import KINDS, ExportKind, kind_named
from goedwerkplaats.model.changes import PutSegment
from goedwerkplaats.model.session import Segment
from tests.data.export.builders import REAL_NAMES, named_session, second_session, write_mask_file


def export_commands(kind: ExportKind) -> list[list[str]]:
    """Every format and every source line of a kind from the registry, so an export kind
    added later is checked here without anyone having to remember this test."""
    base = ["export", kind.id]
    if OPTION_SESSION in kind.options:
        base += ["--sessie", "gwp-1"]
    if OPTION_SELECTION in kind.options:
        base += ["--selectie", "alles"]
    variants = [["--formaat", f] for f in kind.formats] or [[]]
    # characteristics that single someone out (under quotes, in a cross-table, in the report's
    # composition table) need the user's choice (see test_singling_out); where a kind shows
    # none, the choice changes nothing
    if OPTION_SINGLING_OUT in kind.options:
        base += ["--herkenbaar", "grof"]
    sources = [["--bron", s] for s in kind.sources]
    # columns made of characteristics (typed values) as well as of sessions
    against = [["--tegen", "functie"]] if OPTION_AGAINST in kind.options else []
    return [base + v for v in variants] + [base + s for s in [*sources, *against]]


COMMANDS = [
    *[command for kind in KINDS for command in export_commands(kind)],
    ["audit", "--sessie", "gwp-1", "-o", "logboek.txt"],
]


def everything_in(path: Path) -> str:
    """The text of a file, and of every part inside it when it is a zip (.docx, .qdpx)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return path.read_text("utf-8-sig")


def names_found(text: str) -> set[str]:
    return {
        name
        for name in REAL_NAMES
        if re.search(rf"(?<!\w){re.escape(name)}(?:'?s)?(?!\w)", text, re.IGNORECASE)
    }


def export_all(project, extra: list[str]) -> list[Path]:  # type: ignore[no-untyped-def]
    for command in COMMANDS:
        assert main(["--project", str(project.root), *command, *extra]) == 0, command
    return sorted(project.exports_dir.iterdir())


def names_in_other_forms(project) -> None:  # type: ignore[no-untyped-def]
    """Possessives and capitals: how names also turn up in typed and transcribed text."""
    text = "Aylins team en SANNE waren het eens; Tom's idee, zei BAKKER."
    with project.open_session("gwp-1") as store:
        store.apply(
            PutSegment(Segment(id="s99", start=500.0, speaker="P2", text=text, themes=("klant",)))
        )


def test_no_name_leaves_the_project_in_any_format(project) -> None:
    write_mask_file(project)
    named_session(project)
    names_in_other_forms(project)
    second_session(project)
    files = export_all(project, [])
    assert {f.suffix for f in files} >= {".docx", ".txt", ".csv", ".md", ".json", ".qdpx", ".qdc"}
    for path in files:
        assert not names_found(path.name), path.name
        assert not names_found(everything_in(path)), (path.name, names_found(everything_in(path)))


def test_with_names_they_are_there(project) -> None:
    named_session(project)
    files = export_all(project, [])
    for path in files:
        path.unlink()
    with_names = [c for c in COMMANDS if c[0] == "export" and kind_named(c[1]).names_allowed]
    for command in with_names:
        assert main(["--project", str(project.root), *command, "--namen"]) == 0, command
    found = set().union(*(names_found(everything_in(p)) for p in project.exports_dir.iterdir()))
    assert {"Tom Bakker", "Sanne de Vries"} <= found
