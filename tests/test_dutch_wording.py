"""Messages in correct Dutch: 'onbekend thema' (het thema), and an erasure that says it is final."""

from __future__ import annotations

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.coding.filter import parse_filter
from goedwerkplaats.files.problems import GwpError
from tests.helpers import new_session, segment


def test_the_coding_filter_says_onbekend_thema_and_onbekende_arena(project, guide) -> None:
    session = new_session(project).session
    with pytest.raises(GwpError, match=r"^onbekend thema 'vertrouwn'; kies uit "):
        parse_filter("#vertrouwn", session, guide)
    with pytest.raises(GwpError, match=r"^onbekende arena 'keuken'; kies uit "):
        parse_filter("@keuken", session, guide)


def test_export_filters_say_onbekend_thema(project, capsys) -> None:
    new_session(project).close()
    assert main(["--project", str(project.root), "export", "quotes", "--thema", "klnat"]) == 1
    assert capsys.readouterr().err.startswith("fout: onbekend thema 'klnat'; bekend zijn: ")


def test_the_erasure_warning_says_it_cannot_be_undone(project, capsys) -> None:
    store = new_session(project)
    store.apply(segment(1, speaker="P1", text="Iets."))
    store.close()
    args = ["--project", str(project.root), "erase-participant", "--session", "gwp-1", "P1"]
    assert main([*args, "--ja"]) == 0
    assert "Dit kan niet ongedaan worden gemaakt." in capsys.readouterr().out.splitlines()
