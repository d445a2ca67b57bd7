"""Help on '?', and keys a project remaps in toetsen.yaml."""

from __future__ import annotations

from goedwerkplaats.tui.app import build_app
from goedwerkplaats.tui.screens.help import HelpScreen
from goedwerkplaats.tui.screens.live import LiveScreen
from tests.helpers import FakeClock, new_session
from tests.live_driver import open_live, settle, type_text


async def test_question_mark_helps_on_an_empty_line_but_is_text_in_a_quote(project) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        await type_text(pilot, "Wie begint?")
        assert live.input.value == "Wie begint?"


async def test_a_remapped_key_works_and_a_wrong_file_is_named(project) -> None:
    new_session(project).close()
    (project.root / "toetsen.yaml").write_text("live.markering: f2\n", "utf-8")
    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert live.editor.session.segments[0].is_marker
        await pilot.press("f1")
        help_rows = dict(pilot.app.screen.rows)
        assert help_rows["F2"].startswith("markering") and "^B" not in help_rows
    (project.root / "toetsen.yaml").write_text("live.markring: f2\n", "utf-8")
    async with build_app(project, FakeClock()).run_test() as pilot:
        await pilot.pause()
        messages = [n.message for n in pilot.app._notifications]
        assert any(
            "toetsen.yaml:1: onbekend toets-id 'live.markring' (bedoelde u 'live.markering'" in m
            for m in messages
        ), messages
        assert not isinstance(pilot.app.screen, LiveScreen)


def test_keys_are_named_as_the_help_writes_them() -> None:
    from goedwerkplaats.tui.keys import key_display

    assert key_display("ctrl+y,f5") == "^Y / F5"
    assert key_display("pagedown") == "PgDn"
    assert key_display("x") == "x"


def test_every_mistake_in_toetsen_yaml_is_named_with_its_line(project) -> None:
    from goedwerkplaats.project.keymap_file import check_keymap

    (project.root / "toetsen.yaml").write_text(
        "live.markering: ctrl+banana\n"
        "live.opname: f5\n"
        "live.posities: f5\n"
        "coderen.volgende_open: v\n"
        'lijst.citaat: "*"\n',
        "utf-8",
    )
    keymap, problems = check_keymap(project.root, project.load_guide())
    messages = [str(p).replace(str(project.root) + "/", "") for p in problems]
    assert messages == [
        "toetsen.yaml:1: 'ctrl+banana' is geen toets; schrijf bijv. f2, ctrl+y, een letter of "
        "een cijfer (meer toetsen met komma's: f2,ctrl+y)",
        "toetsen.yaml:3: toets 'f5' is op hetzelfde scherm al gekozen voor 'live.opname'; "
        "kies een andere toets",
        "toetsen.yaml:4: toets 'v' is in het codeboek al thema 'Vertrouwen' "
        "(stellingen.yaml); kies een andere toets of een andere codeboektoets",
    ]
    assert keymap["lijst.citaat"] == "asterisk"  # a sign may be written as itself


def test_check_names_toetsen_yaml_and_the_app_shows_a_codebook_clash(project, capsys) -> None:
    from goedwerkplaats.cli import main

    new_session(project).close()
    (project.root / "toetsen.yaml").write_text("coderen.zoeken: k\n", "utf-8")
    assert main(["--project", str(project.root), "check"]) == 1
    out = capsys.readouterr().out
    assert "toetsen.yaml:1: toets 'k' is in het codeboek al thema" in out
    assert "1 fout(en) gevonden; nagekeken: de leidraad, toetsen.yaml, 1 sessie(s)" in out
    (project.root / "toetsen.yaml").write_text("coderen.zoeken: f4\n", "utf-8")
    assert main(["--project", str(project.root), "check"]) == 0


async def test_the_session_list_names_a_remapped_key_that_a_thema_has(project) -> None:
    new_session(project).close()
    (project.root / "toetsen.yaml").write_text("taggen.klaar: enter,h\n", "utf-8")
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        hint = str(pilot.app.screen.query_one("#empty-hint").render())
        assert "1 sessie(s) · Enter = openen" in hint
        assert "toetsen.yaml:1: toets 'h' is in het codeboek al thema" in hint


def test_the_readme_lists_every_key_id() -> None:
    from pathlib import Path

    from goedwerkplaats.project.key_table import DEFAULT_KEYS

    readme = " ".join((Path(__file__).parents[1] / "README.md").read_text("utf-8").split())
    for binding_id in DEFAULT_KEYS:
        screen, action = binding_id.split(".", 1)
        listed = readme.split(f"`{screen}.`", 1)[1].split("`", 1)[0]
        assert action in [word.strip(",;.") for word in listed.split()], binding_id


async def test_hints_on_screen_name_the_remapped_key(project) -> None:
    new_session(project).close()
    (project.root / "toetsen.yaml").write_text("live.opname: ctrl+b\n", "utf-8")
    async with build_app(project, FakeClock()).run_test() as pilot:
        live = await open_live(pilot)
        live.show_timers()
        timers = str(live.query_one("#timers").render())
        assert "opname – (^B)" in timers and "^R" not in timers


def test_the_key_table_follows_the_bindings() -> None:
    from goedwerkplaats.tui.keys import TABLE_PATH, key_table_source

    assert TABLE_PATH.read_text("utf-8") == key_table_source(), (
        "project/key_table.py loopt achter op de Bindings van de schermen: "
        "schrijf hem opnieuw met `python -m goedwerkplaats.tui.keys`"
    )


def test_every_binding_with_an_id_is_known() -> None:
    """A screen or part with keys of its own that key_scopes() forgot would have keys that
    toetsen.yaml cannot remap and help that does not list them."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import goedwerkplaats.tui
    from goedwerkplaats.project.key_table import DEFAULT_KEYS, KEYS_OF
    from goedwerkplaats.tui.keys import our_bindings

    for module in pkgutil.walk_packages(goedwerkplaats.tui.__path__, "goedwerkplaats.tui."):
        importlib.import_module(module.name)
    classes, todo = [], [DOMNode]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("goedwerkplaats.") and our_bindings(cls):
            classes.append(cls)
    assert len(classes) >= 15
    for cls in classes:
        assert cls.__name__ in KEYS_OF, f"{cls.__name__} ontbreekt in key_scopes() (tui/keys.py)"
        for binding in our_bindings(cls):
            assert binding.id in DEFAULT_KEYS, binding.id
            assert binding.id.count(".") == 1, f"{binding.id}: een id is scherm.actie"


def test_the_quote_input_keys_can_be_remapped(project) -> None:
    from goedwerkplaats.cli import main

    (project.root / "toetsen.yaml").write_text("invoer.aanvullen: f6\n", "utf-8")
    assert main(["--project", str(project.root), "check"]) == 0


def test_the_list_keys_clash_in_the_coding_screen_too(project, capsys) -> None:
    from goedwerkplaats.cli import main

    (project.root / "toetsen.yaml").write_text("lijst.bewerken: f4\ncoderen.zoeken: f4\n", "utf-8")
    assert main(["--project", str(project.root), "check"]) == 1
    assert "toets 'f4' is op hetzelfde scherm al gekozen voor 'lijst.bewerken'" in (
        capsys.readouterr().out
    )


def test_check_reads_toetsen_yaml_without_textual(project) -> None:
    import subprocess
    import sys

    (project.root / "toetsen.yaml").write_text("live.markring: f2\n", "utf-8")
    script = (
        "import sys\n"
        "from goedwerkplaats.cli import main\n"
        f"code = main(['--project', {str(project.root)!r}, 'check'])\n"
        "print('textual geladen' if 'textual' in sys.modules else 'zonder textual', code)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "onbekend toets-id 'live.markring' (bedoelde u 'live.markering'" in run.stdout
    assert run.stdout.strip().endswith("zonder textual 1"), run.stdout + run.stderr


async def test_help_rows_come_from_the_bindings_as_remapped(project) -> None:
    new_session(project).close()
    (project.root / "toetsen.yaml").write_text("coderen.notitie: f7\n", "utf-8")
    async with build_app(project, FakeClock()).run_test() as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f1")
        rows = dict(pilot.app.screen.rows)
        assert rows["F7"] == "notitie" and "^N" not in rows
        assert rows["^T"] == "splitsen op de cursor"
        assert rows["Enter"] == "tekst bewerken"  # the segment list's own key, not the live list's
