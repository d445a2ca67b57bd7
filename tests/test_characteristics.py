"""Participant characteristics (kenmerken) as data: defined in the guide, picked from its lists."""

from __future__ import annotations

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.coding.participants import checked_attributes
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.guide.loader import parse_guide
from goedwerkplaats.model.guide import FREE_CHARACTERISTICS
from goedwerkplaats.tui.app import build_app
from tests.helpers import FakeClock, new_session
from tests.live_driver import open_live, settle, type_text

GUIDE = """\
titel: Test
stellingen:
  - tekst: Eerste stelling.
kenmerken:
  - id: functie
    label: Functie
    waarden: [Consulent, Jobcoach]
  - id: organisatie
    label: Organisatie
    waarden: [Gemeente]
    vrij: ja
"""


def guide_of(text: str):  # type: ignore[no-untyped-def]
    guide, problems = parse_guide(text, "stellingen.yaml")
    return guide, [str(p) for p in problems]


def test_the_guide_defines_characteristics_with_allowed_values() -> None:
    guide, problems = guide_of(GUIDE)
    assert problems == []
    function, organisation = guide.characteristics
    assert function.values == ("Consulent", "Jobcoach") and not function.free
    assert organisation.free
    picked = checked_attributes(
        [("organisatie", "Stichting X"), ("functie", "2")], guide.characteristics
    )
    assert picked == (("functie", "Jobcoach"), ("organisatie", "Stichting X"))  # guide order
    assert checked_attributes([("functie", " jobCOACH ")], guide.characteristics) == (
        ("functie", "Jobcoach"),
    )
    with pytest.raises(GwpError, match="'7' is geen waarde van kenmerk 'organisatie'"):
        checked_attributes([("organisatie", "7")], guide.characteristics)  # a number picks


def test_a_value_outside_the_list_is_refused_with_the_choices() -> None:
    guide, _problems = guide_of(GUIDE)
    with pytest.raises(GwpError, match=r"'Jurist' is geen waarde .* 1\. Consulent; 2\. Jobcoach"):
        checked_attributes([("functie", "Jurist")], guide.characteristics)
    with pytest.raises(GwpError, match="onbekend kenmerk 'leeftijd'; bekend zijn: functie"):
        checked_attributes([("leeftijd", "40")], guide.characteristics)


def test_a_guide_without_kenmerken_keeps_free_function_and_organisation() -> None:
    guide, problems = guide_of(GUIDE.split("kenmerken:")[0])
    assert problems == [] and guide.characteristics == FREE_CHARACTERISTICS
    assert checked_attributes([("functie", "jurist")], guide.characteristics) == (
        ("functie", "jurist"),
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "    waarden: [Consulent, Jobcoach]\n",
            "",
            "stellingen.yaml:5: kenmerk 'functie' heeft geen 'waarden'",
        ),
        (
            "[Consulent, Jobcoach]",
            "[Consulent, consulent]",
            "stellingen.yaml:7: een waarde van kenmerk 'functie' 'consulent' staat er twee keer in",
        ),
        (
            "vrij: ja",
            "vrij: soms",
            "stellingen.yaml:11: 'vrij' van kenmerk 'organisatie' is 'soms'",
        ),
        (
            "  - id: organisatie",
            "  - id: functie",
            "stellingen.yaml:8: kenmerk 'functie' komt twee keer voor",
        ),
    ],
)
def test_bad_characteristics_are_named_with_their_line(old: str, new: str, message: str) -> None:
    assert old in GUIDE
    guide, problems = guide_of(GUIDE.replace(old, new))
    assert guide is None
    assert any(p.startswith(message) for p in problems), problems


def test_the_cli_lists_the_values_and_picks_by_number(project, capsys) -> None:
    new_session(project).close()
    root = ["--project", str(project.root), "participants", "--session", "gwp-1"]
    assert main([*root, "kenmerken"]) == 0
    out = capsys.readouterr().out
    assert " 3. Professional Re-integratiebegeleider" in out
    assert "organisatie: Organisatie (of vrije tekst)" in out
    assert (
        main([*root, "add", "Kees", "--kenmerk", "functie=3", "--kenmerk", "organisatie=HET UWV"])
        == 0
    )
    person = project.load_session("gwp-1").session.participants["P3"]
    assert person.attributes == (
        ("functie", "Professional Re-integratiebegeleider"),
        ("organisatie", "het UWV"),
    )
    assert main([*root, "add", "Els", "--functie", "klantmanager"]) == 1
    assert "'klantmanager' is geen waarde van kenmerk 'functie'" in capsys.readouterr().err
    assert "P4" not in project.load_session("gwp-1").session.participants
    assert main([*root, "add", "Els", "--kenmerk", "functie"]) == 1
    assert "schrijf ID=WAARDE" in capsys.readouterr().err


async def test_the_dialog_shows_the_choices_and_refuses_a_value_outside_them(project) -> None:
    new_session(project).close()
    async with build_app(project, FakeClock()).run_test(size=(100, 30)) as pilot:
        live = await open_live(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        await pilot.press("tab")  # P1's function
        await settle(pilot)
        screen = pilot.app.screen
        choices = str(screen.query_one("#choices").render())
        assert "1 Professional Werk" in choices and "12 Geen van deze opties" in choices
        await type_text(pilot, "klantmanager")
        await pilot.press("tab")
        await settle(pilot)
        assert screen.query_one("#functie-P1").value == "klantmanager"  # kept, to correct
        # not saved: P1 keeps the function it had
        assert live.editor.session.participants["P1"].attribute("functie") == "consulent"
        await pilot.press("shift+tab")
        await pilot.press(*["backspace"] * len("klantmanager"))
        await type_text(pilot, "11")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one("#functie-P1").value == "Professional Handhaving en naleving"
        await pilot.press("escape")
        await settle(pilot)
    saved = project.load_session("gwp-1").session.participants["P1"]
    assert saved.attribute("functie") == "Professional Handhaving en naleving"


def test_picked_values_reach_refi_qda_as_case_variables(project) -> None:
    from goedwerkplaats.exporters.refiqda import export_qdpx
    from tests.test_export_refiqda import NS, read_qdpx

    new_session(project).close()
    root = ["--project", str(project.root), "participants", "--session", "gwp-1"]
    assert main([*root, "add", "Kees", "--kenmerk", "functie=9", "--organisatie", "2"]) == 0
    xml, _texts = read_qdpx(export_qdpx(project))
    variables = {v.get("guid"): v.get("name") for v in xml.iterfind(".//q:Variable", NS)}
    (case,) = [c for c in xml.iterfind(".//q:Case", NS) if c.get("name") == "gwp-1 P3"]
    values = {
        variables[v.find("q:VariableRef", NS).get("targetGUID")]: v.findtext(
            "q:TextValue", namespaces=NS
        )
        for v in case.iterfind("q:VariableValue", NS)
    }
    assert values == {
        "sessie": "gwp-1",
        "functie": "Professional Jobcoach",
        "organisatie": "Een sociale dienst/gemeentelijke uitvoeringsorganisatie/gemeentelijk "
        "samenwerkingsverband",
    }
