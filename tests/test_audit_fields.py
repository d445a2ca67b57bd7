"""The audit trail keeps the file an export wrote in a field of its own ('bestand'), so
nothing has to parse it back out of the 'what: path' text; older lines are still read."""

from __future__ import annotations

import json
from pathlib import Path

from goedwerkplaats.storage.audit import AUDIT_FILE, EXPORTED, append_audit, read_audit


def test_an_export_line_keeps_its_file_apart(tmp_path: Path) -> None:
    append_audit(tmp_path, EXPORTED, "citaten: exports/a b: c.csv", path="exports/a b: c.csv")
    line = json.loads((tmp_path / AUDIT_FILE).read_text("utf-8"))
    assert line["bestand"] == "exports/a b: c.csv"
    assert read_audit(tmp_path)[0].path == "exports/a b: c.csv"


def test_an_older_export_line_names_its_file_in_the_detail(tmp_path: Path) -> None:
    append_audit(tmp_path, EXPORTED, "citaten: exports/citaten.csv")
    append_audit(tmp_path, "aangemaakt", "in het programma: vandaag")
    exported, created = read_audit(tmp_path)
    assert exported.path == "exports/citaten.csv"
    assert created.path == ""  # only an export names a file
