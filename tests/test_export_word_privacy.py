"""Privacy by default: no real name or masked term leaves the project in any word export."""

from __future__ import annotations

from pathlib import Path

import pytest

from goedwerkplaats.exporters.quotes import QuoteExportOptions, export_quotes
from goedwerkplaats.exporters.selection import QuoteFilter
from goedwerkplaats.exporters.synthesis import SynthesisOptions, export_synthesis
from goedwerkplaats.exporters.transcript import TranscriptOptions, export_transcript
from tests.data.export.builders import (
    REAL_NAMES,
    named_session,
    open_docx,
    package_text,
    write_mask_file,
)

EVERYTHING = QuoteFilter(selection="alles")


def _all_exports(project, names: bool) -> list[Path]:  # type: ignore[no-untyped-def]
    paths = [
        export_transcript(project, TranscriptOptions(session="gwp-1", names=names)),
        export_transcript(project, TranscriptOptions(session="gwp-1", format="txt", names=names)),
    ]
    for sources in ("sessie", "kenmerken"):
        # every attribution here would single someone out: coarsened, as the user must choose
        options = SynthesisOptions(
            quote_filter=EVERYTHING, sources=sources, names=names, singling_out="grof"
        )
        paths.append(export_synthesis(project, options))
    for fmt in ("docx", "csv", "md", "json"):
        options = QuoteExportOptions(format=fmt, quote_filter=EVERYTHING, names=names)
        paths.append(export_quotes(project, options))
    return paths


def _content(path: Path) -> str:
    return package_text(path) if path.suffix == ".docx" else path.read_text("utf-8-sig")


def test_a_session_full_of_names_leaves_none_in_any_export(project) -> None:
    write_mask_file(project)
    named_session(project)
    paths = _all_exports(project, names=False)
    assert len(paths) == 8
    for path in paths:
        content = _content(path)
        assert "P1" in content  # the pseudonym stands where the name was
        for name in REAL_NAMES:
            assert name not in content, f"{name} in {path.name}"
            assert name.lower() not in path.name.lower()
        if path.suffix == ".docx":
            props = open_docx(path).core_properties
            assert props.author == props.last_modified_by == "goedwerkplaats"
            shown = f"{props.title} {props.subject} {props.comments} {props.keywords}"
            assert not any(name in shown for name in REAL_NAMES)


@pytest.mark.parametrize("fmt", ["docx", "csv", "md", "json"])
def test_names_appear_only_with_names(project, fmt: str) -> None:
    named_session(project)
    options = QuoteExportOptions(format=fmt, quote_filter=EVERYTHING, names=True)
    content = _content(export_quotes(project, options))
    assert "Tom Bakker" in content and "Aylin Demir zei het al" in content


def test_names_in_the_word_exports_only_with_names(project) -> None:
    write_mask_file(project)
    named_session(project)
    contents = [_content(p) for p in _all_exports(project, names=True)]
    assert all("Aylin Demir zei het al" in c for c in contents)
    # in every one: his unique characteristics were coarsened away, so the 'kenmerken'
    # synthesis falls back to the session reference, which carries the name when asked
    assert sum("Tom Bakker" in c for c in contents) == 8
    assert not any("Zwolle" in c for c in contents)  # masked terms stay masked, even then
