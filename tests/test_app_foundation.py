"""The app opens on the session list and shows broken sessions; the core needs no Textual."""

from __future__ import annotations

import subprocess
import sys

from textual.widgets import DataTable

from goedwerkplaats.tui.app import build_app
from tests.conftest import REPO
from tests.helpers import new_session, segment


async def test_session_list_shows_sessions_and_which_one_is_broken(project) -> None:
    store = new_session(project, "gwp-1")
    store.apply(segment(1, themes=("klant",)), segment(2))
    store.close()
    new_session(project, "gwp-2").close()
    broken = project.session_folder("gwp-2") / "sessie.yaml"
    broken.write_text(broken.read_text("utf-8").replace("titel: Test", "titel: [kapot"), "utf-8")
    app = build_app(project)
    async with app.run_test() as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        table = pilot.app.screen.query_one(DataTable)
        assert table.row_count == 2
        assert table.get_row("gwp-1")[3:5] == ["2", "1/2 (50%)"]  # coded of the segments to code
        assert "kapot" in table.get_row("gwp-2")[5]
        assert "ongeldige YAML" in table.get_row("gwp-2")[5]


def test_command_line_commands_load_without_textual() -> None:
    """The core never imports Textual (the import-linter contract in pyproject.toml, run by
    CI); the CLI may, but only inside the command that opens the app, so `export` and
    `import` start without loading it."""
    code = (
        "import sys\n"
        "from goedwerkplaats.cli.parser import build_parser\n"
        "build_parser()\n"
        "assert 'textual' not in sys.modules, 'textual was imported by the command line'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_opening_the_app_loads_only_what_the_session_list_needs(project) -> None:
    """Start-up time (issue 15.11): `goedwerkplaats --project MAP` up to the session list
    loads no other screen and no report, survey, export or import code; they come when used.
    (The time itself is measured in benchmarks/run.py.)"""
    probe = REPO / "benchmarks" / "startup_probe.py"
    code = (
        "import atexit, runpy, sys\n"
        "atexit.register(lambda: print(' '.join(sorted(m for m in sys.modules"
        " if m.startswith('goedwerkplaats')))))\n"
        f"sys.argv = ['probe', {str(project.root)!r}]\n"
        f"runpy.run_path({str(probe)!r}, run_name='__main__')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=REPO
    )
    loaded = set(done.stdout.split())
    assert "goedwerkplaats.tui.screens.session_list" in loaded, done.stderr
    unneeded = {"report", "survey", "exporters", "importers", "media", "speech"}
    assert not {m for m in loaded if set(m.split(".")[1:2]) & unneeded}
    screens = {m.rsplit(".", 1)[1] for m in loaded if m.startswith("goedwerkplaats.tui.screens.")}
    assert screens <= {"session_list", "opening"}, screens
