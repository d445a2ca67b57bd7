"""Faults and bad input: a read-only project, hand-edited session files, escaping ids."""

from __future__ import annotations

import errno
import os

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.storage import lock as lock_module
from goedwerkplaats.storage.session_store import SNAPSHOT_FILE
from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.live import LiveScreen
from tests.helpers import FakeClock, new_session, segment


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def read_only(monkeypatch, module) -> None:  # type: ignore[no-untyped-def]
    """As a read-only mount behaves (root ignores chmod, so the tests cannot use it)."""
    real_open = os.open

    def refusing(path, flags, *args):  # type: ignore[no-untyped-def]
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(module.os, "open", refusing)


def test_a_read_only_project_gives_a_clear_message_and_changes_nothing(
    project, monkeypatch, capsys
) -> None:
    new_session(project).close()
    before = (project.session_folder("gwp-1") / SNAPSHOT_FILE).read_bytes()
    read_only(monkeypatch, lock_module)
    with pytest.raises(Exception) as caught:
        project.open_session("gwp-1")
    assert "geen schrijfrechten" in str(caught.value)
    assert (project.session_folder("gwp-1") / SNAPSHOT_FILE).read_bytes() == before


async def test_the_app_says_so_when_a_session_cannot_be_written(project, monkeypatch) -> None:
    new_session(project).close()
    read_only(monkeypatch, lock_module)
    async with build_app(project, FakeClock()).run_test() as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(pilot.app.screen, LiveScreen)
        messages = [n.message for n in pilot.app._notifications]
        assert any("geen schrijfrechten" in m for m in messages), messages


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda t: t.replace("  start: 10.0", "  start: [10]"), "'start' moet een aantal"),
        (
            lambda t: t.replace("  themas: [klant]", "  themas: klant"),
            "'themas' moet een lijst zijn",
        ),
        (lambda t: t.replace("- id: s2", "- id: s1"), "segment-id 's1' komt twee keer voor"),
        (lambda t: t.replace("  spreker: P2", "  spreker: P7"), "onbekende spreker 'P7'"),
        (lambda t: t.replace("  themas: [klant]", "  themas: [klnat]"), "onbekend thema 'klnat'"),
        (
            lambda t: t.replace("  start: 10.0", "  start: 10.0\n  eind: 4.0"),
            "eind 00:00:04 ligt vóór start 00:00:10",
        ),
        (
            lambda t: t.replace("  tekst: tekst 2", "  tekts: tekst 2"),
            "onbekende sleutel 'tekts' bij segment s2 (bedoelde u 'tekst'?)",
        ),
        (lambda t: t.replace("titel: Test", "titel: 'niet gesloten"), "ongeldige YAML"),
    ],
)
def test_check_names_file_and_line_of_hand_edits(project, capsys, edit, expected) -> None:
    store = new_session(project)
    store.apply(segment(1, themes=("klant",)), segment(2, speaker="P2"))
    store.close()
    new_session(project, "gwp-2").close()  # a healthy neighbour
    snapshot = project.session_folder("gwp-1") / SNAPSHOT_FILE
    edited = edit(snapshot.read_text("utf-8"))
    snapshot.write_text(edited, "utf-8")
    capsys.readouterr()
    assert run(project, "check") == 1
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if expected in line)
    assert line.startswith(f"{snapshot}:")
    number = int(line[len(str(snapshot)) + 1 :].split(":")[0])
    assert 1 <= number <= len(edited.splitlines())
    assert "Traceback" not in out
    assert "gwp-2" not in out  # the neighbour is fine
    assert run(project, "sessions") == 0
    listing = capsys.readouterr().out
    assert "gwp-2" in listing


@pytest.mark.parametrize("bad", ["../buiten", "/etc", "con", "NUL", "a/b", ".."])
def test_session_ids_cannot_escape_the_project(project, capsys, bad) -> None:
    for command in (
        ["new-session", bad, "--titel", "x", "--datum", "2026-11-28"],
        ["import", "bestand.vtt", "--session", bad],
        ["audit", "--session", bad],
    ):
        assert run(project, *command) != 0
        err = capsys.readouterr().err
        assert "sessie-id" in err or "gereserveerde naam" in err or "bestaat niet" in err, err
    assert sorted(p.name for p in project.root.parent.iterdir()) == ["project"]


def test_recover_only_puts_a_rescue_file_back_into_its_own_session(
    project, capsys, monkeypatch, tmp_path
) -> None:
    from goedwerkplaats.storage import rescue

    monkeypatch.setattr(rescue, "rescue_folders", lambda: [tmp_path / "nood"])
    for session_id in ("gwp-1", "gwp-2"):
        store = new_session(project, session_id)
        store.apply(segment(1, text=f"Oorspronkelijk in {session_id}"))
        store.close()
    path = rescue.write_rescue("gwp-2", [segment(1, text="Gered uit gwp-2")])
    assert run(project, "recover", str(path), "--session", "gwp-1") == 1
    assert "is een noodkopie van sessie 'gwp-2', niet van 'gwp-1'" in capsys.readouterr().err
    assert project.load_session("gwp-1").session.segments[0].text == "Oorspronkelijk in gwp-1"
    not_rescue = tmp_path / "iets.jsonl"
    not_rescue.write_text('{"x": 1}\n', "utf-8")
    assert run(project, "recover", str(not_rescue), "--session", "gwp-1") == 1
    assert "is geen noodkopie van goedwerkplaats" in capsys.readouterr().err
    assert run(project, "recover", str(path), "--session", "gwp-2") == 0
    assert project.load_session("gwp-2").session.segments[0].text == "Gered uit gwp-2"
