"""Background work that breaks says so in Dutch and leaves the screen usable, never stuck."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from textual.widgets import Input, ProgressBar

from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens import export as export_screen
from goedwerkplaats.tui.screens.export import ExportScreen
from goedwerkplaats.tui.worker_errors import describe_error
from tests.helpers import FakeClock, new_session, segment
from tests.live_driver import workers_done
from tests.test_export_screen import choose, open_export


@pytest.fixture(autouse=True)
def crash_log_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The crash log goes to ~/.cache: keep the tests' tracebacks out of the real home."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    return home / ".cache" / "goedwerkplaats" / "fouten.log"


def seeded(project) -> None:  # type: ignore[no-untyped-def]
    store = new_session(project)
    store.apply(segment(1, themes=("klant",)))
    store.close()


async def export_csv(pilot) -> ExportScreen:  # type: ignore[no-untyped-def]
    screen = await open_export(pilot)
    choose(screen, "citaten")
    await pilot.pause()
    screen.query_one("#format", Input).value = "csv"
    await pilot.press("ctrl+s")
    await workers_done(pilot)
    await pilot.pause()
    return screen


def outcome(screen: ExportScreen) -> str:
    return str(screen.query_one("#outcome").render())


async def test_a_disk_error_is_a_dutch_sentence_and_the_export_can_be_tried_again(
    project, monkeypatch, crash_log_in_tmp
) -> None:
    seeded(project)
    target = project.exports_dir / "citaten.csv"
    real_export = export_screen.run_export

    def refused(*_args: object) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(export_screen, "run_export", refused)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await export_csv(pilot)
        assert f"Exporteren mislukt: geen toegang tot {target}" in outcome(screen)
        assert "Bezig" not in outcome(screen)
        assert not screen.query_one(ProgressBar).display  # no bar stuck halfway
        notes = [n.message for n in pilot.app._notifications]
        assert any(f"Geen toegang tot {target}" in n and "fouten.log" in n for n in notes)
        assert "PermissionError" in crash_log_in_tmp.read_text("utf-8")

        monkeypatch.setattr(export_screen, "run_export", real_export)
        await pilot.press("ctrl+s")  # the same screen works again
        await workers_done(pilot)
        await pilot.pause()
        assert "Geschreven" in outcome(screen)
        assert screen.query_one(ProgressBar).display
    assert target.exists()


async def test_a_bug_in_an_export_is_reported_not_left_on_bezig(project, monkeypatch) -> None:
    seeded(project)

    def broken(*_args: object) -> Path:
        raise RuntimeError("kapotte exporter")

    monkeypatch.setattr(export_screen, "run_export", broken)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await export_csv(pilot)
        assert "Exporteren mislukt: er ging iets onverwachts mis" in outcome(screen)
        assert "kapotte exporter" in outcome(screen)
        assert not screen.busy
        await pilot.press("escape")  # and the user can leave it
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ExportScreen)


def test_disk_errors_name_the_file_and_the_cause() -> None:
    full = OSError(errno.ENOSPC, "No space left on device", "/data/exports/synthese.docx")
    assert describe_error(full) == (
        "kan niet schrijven naar /data/exports/synthese.docx: de schijf is vol; "
        "maak ruimte vrij en probeer het opnieuw"
    )
    read_only = OSError(errno.EROFS, "Read-only file system", "/mnt/usb/x.csv")
    assert "kan niet schrijven naar /mnt/usb/x.csv: de schijf is alleen-lezen" in describe_error(
        read_only
    )
    assert describe_error(FileNotFoundError(errno.ENOENT, "No such file", "/weg.vtt")) == (
        "/weg.vtt bestaat niet (meer)"
    )


async def test_a_session_list_that_cannot_be_read_says_so_instead_of_loading(
    project, monkeypatch
) -> None:
    seeded(project)
    sessions = project.sessions_dir

    def unreadable(_self: object) -> list[object]:
        raise PermissionError(errno.EACCES, "Permission denied", str(sessions))

    monkeypatch.setattr(type(project), "summaries", unreadable)
    async with build_app(project, FakeClock()).run_test(size=(80, 24)) as pilot:
        await workers_done(pilot)
        await pilot.pause()
        hint = str(pilot.app.screen.query_one("#empty-hint").render())
        assert f"De sessies konden niet worden gelezen: geen toegang tot {sessions}" in hint
        assert "worden geladen" not in hint
        assert any("Geen toegang" in n.message for n in pilot.app._notifications)
