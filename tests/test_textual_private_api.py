"""key_order.py relies on one private Textual method, `App._check_bindings`: the app's own
lookup of a key in the focus chain, toetsen.yaml included. The `<9` pin in pyproject keeps
Textual from changing under us; this test says clearly what broke when it does anyway."""

from __future__ import annotations

import inspect

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input

BROKEN = (
    "Textual changed App._check_bindings, which goedwerkplaats/tui/key_order.py uses to run a "
    "key's binding at once (keys typed fast act in the order typed). Check how this Textual "
    "finds and runs a binding for a key and adapt run_binding_now; see the README, Architectuur."
)


def test_check_bindings_still_takes_a_key_and_says_whether_it_ran() -> None:
    method = getattr(App, "_check_bindings", None)
    assert method is not None, BROKEN
    assert inspect.iscoroutinefunction(method), BROKEN
    parameters = list(inspect.signature(method).parameters)
    assert parameters[:2] == ["self", "key"], BROKEN


class _Probe(App[None]):
    BINDINGS = [Binding("f5", "mark", "Markeren", id="probe.mark")]

    def __init__(self) -> None:
        super().__init__()
        self.marked = 0

    def compose(self) -> ComposeResult:
        yield Input()

    def action_mark(self) -> None:
        self.marked += 1


async def test_check_bindings_runs_a_remapped_binding_and_only_that() -> None:
    app = _Probe()
    async with app.run_test() as pilot:
        app.set_keymap({"probe.mark": "f6"})
        await pilot.pause()
        ran_f6 = await app._check_bindings("f6")
        ran_f5 = await app._check_bindings("f5")
        await pilot.pause()
        assert (ran_f6, ran_f5, app.marked) == (True, False, 1), BROKEN


def test_the_idle_wait_the_suite_speeds_up_is_still_there() -> None:
    """tests/conftest.py samples Pilot's idle check every 4 ms instead of 20 ms (suite speed):
    the module-level constants it sets must still be the ones `wait_for_idle` reads."""
    import textual._wait as wait

    source = inspect.getsource(wait.wait_for_idle)
    message = (
        "Textual changed textual._wait (SLEEP_GRANULARITY, SLEEP_IDLE), which tests/conftest.py "
        "sets to make Pilot's idle wait shorter; adapt or drop that setting."
    )
    assert "sleep(SLEEP_GRANULARITY)" in source and "SLEEP_IDLE" in source, message
    assert wait.SLEEP_GRANULARITY == 0.004, message  # conftest's setting took effect


def test_the_radio_set_and_toggle_internals_the_export_form_uses_are_still_there() -> None:
    """KindChoice (tui/screens/export.py) sets RadioSet._selected and _pressed_button so that
    arrows typed in a burst each step from the chosen kind; SignedRadioButton/SignedCheckbox
    (tui/widgets/toggles.py) override ToggleButton._button so a state is a sign, not a colour."""
    from textual.widgets import RadioSet
    from textual.widgets._toggle_button import ToggleButton

    message = (
        "Textual changed RadioSet (_selected, _pressed_button) or ToggleButton._button, which "
        "the export form's KindChoice and tui/widgets/toggles.py use; adapt them (README, "
        "Architectuur)."
    )
    init_source = inspect.getsource(RadioSet)
    assert "self._selected" in init_source and "self._pressed_button" in init_source, message
    assert isinstance(inspect.getattr_static(ToggleButton, "_button"), property), message
    assert "self._button" in inspect.getsource(ToggleButton), message
