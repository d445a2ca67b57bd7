"""Shared export rules: selection and filters, pseudonyms, masking, safe output paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from goedwerkplaats.exporters.output import leaves_project, output_path
from goedwerkplaats.exporters.privacy import Anonymizer
from goedwerkplaats.exporters.selection import QuoteFilter, check_filter, load_sessions, select
from goedwerkplaats.files.problems import GwpError, ProblemsError
from goedwerkplaats.model.session import FLAG_QUOTE
from goedwerkplaats.privacy.mask_terms import MASK_FILE, load_mask_terms
from tests.helpers import new_session, segment


def test_selection_and_filters(project, guide) -> None:
    store = new_session(project)
    store.apply(
        segment(1, themes=("belemmeringen",), arena="spreekkamer"),
        segment(2, themes=("prestaties",), flags=(FLAG_QUOTE,), statement="2"),
        segment(3),
        segment(4, kind="markering", text=""),
    )
    store.close()
    sessions = load_sessions(project)
    ids = lambda f: [s.segment.id for s in select(sessions, guide, f)]  # noqa: E731
    assert ids(QuoteFilter()) == ["s1", "s2"]
    assert ids(QuoteFilter(selection="citaat")) == ["s2"]
    assert ids(QuoteFilter(selection="alles")) == ["s1", "s2", "s3"]
    # a parent takes its children
    assert ids(QuoteFilter(themes=("belemmeringen",))) == ["s1", "s2"]
    assert ids(QuoteFilter(arenas=("spreekkamer",))) == ["s1"]
    assert ids(QuoteFilter(statements=("2",))) == ["s2"]
    with pytest.raises(GwpError, match="onbekend thema 'vertrouwn'"):
        check_filter(QuoteFilter(themes=("vertrouwn",)), guide, project)


def test_names_in_text_become_pseudonyms_and_terms_are_masked(project) -> None:
    (project.root / MASK_FILE).write_text(
        'termen:\n  - Zwolle\n  - term: Bakkerij Jansen\n    door: "[werkgever]"\n', "utf-8"
    )
    store = new_session(project)
    anonymizer = Anonymizer(store.session, load_mask_terms(project.root))
    text = "Zoals Tom Bakker zei, en Aylin ook: in zwolle werkt Bakkerij Jansen mee. Marieke?"
    assert anonymizer.text(text) == ("Zoals P1 zei, en P2 ook: in […] werkt [werkgever] mee. GL?")
    assert anonymizer.speaker("P1") == "P1"
    assert Anonymizer(store.session, names=True).speaker("P1") == "Tom Bakker"
    store.close()


def test_a_wrong_mask_file_names_the_line(project) -> None:
    (project.root / MASK_FILE).write_text("termen:\n  - {door: x}\n", "utf-8")
    with pytest.raises(ProblemsError, match=r"maskeren.yaml:2: een term is tekst"):
        load_mask_terms(project.root)


def test_output_never_overwrites_and_may_leave_the_project(project, tmp_path, monkeypatch) -> None:
    first = output_path(project, "citaten", ".csv")
    assert first == project.exports_dir / "citaten.csv"
    first.write_text("x")
    assert output_path(project, "citaten", ".csv") == project.exports_dir / "citaten-2.csv"
    assert output_path(project, "citaten", ".csv", force=True) == first
    assert output_path(project, "x", ".csv", Path("eigen")) == project.exports_dir / "eigen.csv"
    monkeypatch.chdir(project.root)
    assert not leaves_project(project, Path("eigen")) and not leaves_project(project, None)
    assert not leaves_project(project, Path("exports/sub/x.csv"))
    outside = tmp_path / "Documenten" / "hoofdstuk"
    for escape in (Path("../buiten.csv"), outside, Path("exports/../../x.csv")):
        assert leaves_project(project, escape)
        assert not output_path(project, "x", ".csv", escape).is_relative_to(project.root)
    assert output_path(project, "x", ".csv", outside) == outside.with_name("hoofdstuk.csv")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert output_path(project, "x", ".csv", Path("~/h.csv")) == tmp_path / "h.csv"
    with pytest.raises(GwpError, match="gereserveerd"):
        output_path(project, "x", ".csv", Path("exports/con.csv"))
    assert output_path(project, "../../con", ".csv").parent == project.exports_dir
    (project.exports_dir / ".~lock.citaten.csv#").write_text("")
    with pytest.raises(GwpError, match="geopend in Word of LibreOffice"):
        output_path(project, "citaten", ".csv", force=True)
