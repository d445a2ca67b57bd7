"""Times before the recording mark: negative in Word and quote files, 00:00:00 for QDA tools."""

from __future__ import annotations

import json
import zipfile

from goedwerkplaats.cli import main
from goedwerkplaats.exporters import docx_styles as styles
from goedwerkplaats.model.changes import PutParticipant
from goedwerkplaats.model.session import Participant, SessionMeta
from tests.data.export.builders import open_docx, styled
from tests.helpers import segment


def _export(project, *args: str):  # type: ignore[no-untyped-def]
    name = "-".join(a.strip("-") for a in args[:3])
    assert main(["--project", str(project.root), "export", *args, "-o", name]) == 0
    return next(project.exports_dir.glob(name + ".*"))


def test_a_quote_before_the_recording_mark(project) -> None:
    project.create_session(SessionMeta(id="gwp-1", title="T", recording_offset=100.0))
    with project.open_session("gwp-1") as store:
        store.apply(
            PutParticipant(Participant("P1")),
            segment(1, start=35.0, text="Voor de opname gezegd.", themes=("klant",)),
            segment(2, start=130.0, text="Erna gezegd.", themes=("klant",)),
        )
    rows = json.loads(_export(project, "quotes", "--format", "json").read_text("utf-8"))
    assert [(r["start"], r["time"]) for r in rows] == [(-65.0, "-00:01:05"), (30.0, "00:00:30")]
    csv = _export(project, "quotes", "--format", "csv").read_text("utf-8-sig")
    assert "-00:01:05" in csv
    document = open_docx(_export(project, "transcript", "--session", "gwp-1"))
    assert styled(document, styles.UTTERANCE)[0] == "-00:01:05\tP1: Voor de opname gezegd."
    txt = _export(project, "transcript", "--session", "gwp-1", "--format", "txt")
    assert txt.read_text("utf-8").splitlines()[0] == "[00:00:00] P1: Voor de opname gezegd."
    with zipfile.ZipFile(_export(project, "qdpx")) as archive:
        source = next(n for n in archive.namelist() if n.startswith("sources/"))
        text = archive.read(source).decode("utf-8")
    assert text.startswith("[00:00:00] P1: Voor de opname gezegd.")
    assert "-00:" not in text
