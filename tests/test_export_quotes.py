"""`export quotes`: the flat quote collection as Word, CSV, Markdown and JSON."""

from __future__ import annotations

import csv
import io
import json

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.exporters import docx_styles as styles
from goedwerkplaats.exporters.quote_records import ROW_FIELDS
from goedwerkplaats.exporters.quotes import QuoteExportOptions, export_quotes
from goedwerkplaats.exporters.selection import QuoteFilter
from goedwerkplaats.files.problems import GwpError
from tests.data.export.builders import named_session, open_docx, second_session, styled


@pytest.fixture
def two_sessions(project):  # type: ignore[no-untyped-def]
    named_session(project, offset=60.0)
    second_session(project)
    return project


def _csv(path, separator: str = ",") -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the file as UTF-8
    assert b"\r\n" in raw
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=separator))


def test_json_has_exactly_the_documented_fields(two_sessions) -> None:
    target = export_quotes(two_sessions, QuoteExportOptions(format="json"))
    assert target == two_sessions.exports_dir / "citaten.json"
    rows = json.loads(target.read_text("utf-8"))
    assert [tuple(row) for row in rows] == [ROW_FIELDS] * 6
    assert rows[0] == {
        "session": "gwp-1",
        "segment": "s2",
        "start": 20.0,  # recording time: the recording began 60 s into the session
        "time": "00:00:20",
        "speaker": "P1",
        "stelling": "1",
        "themes": ["klant", "vertrouwen"],
        "arena": "spreekkamer",
        "text": "Ik zeg nooit klant. P2 zei het al: het is een burger.",
        "citaat": True,
        "note": "Mooi citaat; P3 knikte.",
    }
    assert rows[2]["arena"] is None and rows[2]["citaat"] is False and rows[2]["note"] == ""
    assert [r["session"] for r in rows] == ["gwp-1"] * 4 + ["gwp-2"] * 2


def test_csv_for_excel_with_dutch_settings(two_sessions) -> None:
    comma = _csv(export_quotes(two_sessions, QuoteExportOptions(format="csv")))
    assert list(comma[0]) == list(ROW_FIELDS)
    assert comma[0]["themes"] == "klant;vertrouwen"
    assert comma[0]["citaat"] == "true" and comma[1]["citaat"] == "false"
    assert comma[1]["start"] == "35"
    options = QuoteExportOptions(format="csv", separator=";", quote_filter=QuoteFilter())
    rows = _csv(export_quotes(two_sessions, options), ";")
    assert rows[0]["themes"] == "klant;vertrouwen"  # quoted, so the separator survives
    assert rows[0]["text"] == "Ik zeg nooit klant. P2 zei het al: het is een burger."
    assert rows == [dict(r) for r in rows] and len(rows) == 6


def test_decimal_comma_with_semicolons(project) -> None:
    from goedwerkplaats.model.changes import PutParticipant
    from goedwerkplaats.model.session import Participant, SessionMeta
    from tests.helpers import segment

    project.create_session(SessionMeta(id="gwp-1", recording_offset=0.25))
    with project.open_session("gwp-1") as store:
        store.apply(PutParticipant(Participant("P1")), segment(1, themes=("klant",)))
    rows = _csv(export_quotes(project, QuoteExportOptions(format="csv", separator=";")), ";")
    assert rows[0]["start"] == "9,75"


def test_markdown_and_word(two_sessions) -> None:
    md = export_quotes(two_sessions, QuoteExportOptions(format="md")).read_text("utf-8")
    assert md.startswith("# Citaten\n")
    assert "> — „Ik zeg nooit klant. P2 zei het al: het is een burger.”" in md
    assert (
        "P1 · gwp-1 · 00:00:20 · stelling 1 · De burger als 'klant', Vertrouwen · "
        "De spreekkamer · citaat"
    ) in md
    assert "*Notitie: Mooi citaat; P3 knikte.*" in md
    document = open_docx(export_quotes(two_sessions))
    assert styled(document, "Title") == ["Citaten"]
    assert len(styled(document, "Quote")) == 6
    assert styled(document, styles.SOURCE)[-1] == (
        "P2 · gwp-2 · 00:00:20 · stelling 3 · Aanvankelijk wantrouwen, Vakmanschap "
        "serieus genomen · Het maatschappelijke veld"
    )
    assert [c.text for c in document.comments] == ["Mooi citaat; P3 knikte."]


def test_filters_and_one_session(two_sessions) -> None:
    def segments(**fields: object) -> list[str]:
        options = QuoteExportOptions(format="json", quote_filter=QuoteFilter(**fields))  # type: ignore[arg-type]
        rows = json.loads(export_quotes(two_sessions, options).read_text("utf-8"))
        return [f"{r['session']}/{r['segment']}" for r in rows]

    assert segments(sessions=("gwp-2",)) == ["gwp-2/s1", "gwp-2/s2"]
    assert segments(selection="citaat") == ["gwp-1/s2", "gwp-1/s7"]
    assert segments(selection="alles", sessions=("gwp-2",)) == ["gwp-2/s1", "gwp-2/s2", "gwp-2/s3"]
    assert segments(themes=("belemmeringen",)) == ["gwp-1/s6", "gwp-1/s7"]  # with its sub-theme
    assert segments(arenas=("maatschappelijk-veld",), statements=("3",)) == ["gwp-2/s2"]


def test_cli_quotes(two_sessions, capsys) -> None:
    root = str(two_sessions.root)
    base = ["--project", root, "export", "quotes"]
    assert main([*base, "--format", "csv", "--sep", ";", "--session", "gwp-2"]) == 0
    assert "exports/citaten.csv" in capsys.readouterr().out
    rows = _csv(two_sessions.exports_dir / "citaten.csv", ";")
    assert [r["segment"] for r in rows] == ["s1", "s2"]
    assert main([*base, "--format", "csv"]) == 0
    assert "exports/citaten-2.csv" in capsys.readouterr().out
    assert main([*base, "--format", "json", "--names", "--thema", "klant"]) == 0
    assert "echte namen" in capsys.readouterr().out
    rows = json.loads((two_sessions.exports_dir / "citaten.json").read_text("utf-8"))
    assert rows[0]["speaker"] == "Tom Bakker"
    assert "Aylin Demir zei het al" in rows[0]["text"]
    with pytest.raises(SystemExit):
        main([*base, "--format", "xlsx"])
    assert "ongeldige keuze" in capsys.readouterr().err
    with pytest.raises(GwpError, match="scheidingsteken"):
        export_quotes(two_sessions, QuoteExportOptions(format="csv", separator="\t"))
