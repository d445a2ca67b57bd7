"""An attribution that would single out one person is flagged before export; the user chooses
to coarsen rare values or to drop the characteristics of whoever stands out."""

from __future__ import annotations

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.exporters import docx_styles as styles
from goedwerkplaats.exporters.synthesis import SynthesisOptions, export_synthesis
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.changes import PutParticipant
from goedwerkplaats.model.session import Participant
from goedwerkplaats.privacy.singling_out import COARSEN, DROP, protected, singled_out
from tests.data.export.builders import open_docx, styled
from tests.helpers import new_session, segment

GEMEENTE = ("organisatie", "Een gemeente")


def person(pid: str, *values: tuple[str, str]) -> tuple[str, Participant]:
    return ("g1", Participant(pid, attributes=values))


PEOPLE = [
    person("P1", ("functie", "Werk"), GEMEENTE),
    person("P2", ("functie", "Werk"), GEMEENTE),
    person("P3", ("functie", "Jobcoach"), GEMEENTE),  # the only jobcoach
    person("P4", ("functie", "Werk"), ("organisatie", "het UWV")),  # the only one at UWV
    person("P5"),  # no characteristics: nothing to single out
]


def test_a_combination_held_by_one_participant_is_found() -> None:
    found = singled_out(PEOPLE)
    assert [f.participant for f in found] == ["P3", "P4"]
    assert found[0].describe() == (
        "P3 (g1) is de enige met functie 'Jobcoach', organisatie 'Een gemeente'"
    )
    assert singled_out(PEOPLE[:2]) == []  # two alike: no one stands out


def test_coarsening_turns_rare_values_into_anders_and_drops_what_still_stands_out() -> None:
    shown = protected(PEOPLE, COARSEN)
    assert shown[("g1", "P1")] == (("functie", "Werk"), GEMEENTE)
    # P3's and P4's rare values become 'anders'; each combination is then still unique
    assert shown[("g1", "P3")] == () and shown[("g1", "P4")] == ()
    # two rare functions at the same kind of organisation: coarsened, they share 'anders'
    pair = [*PEOPLE[:3], person("P6", ("functie", "Activering"), GEMEENTE)]
    shown = protected(pair, COARSEN)
    assert shown[("g1", "P3")] == (("functie", "anders"), GEMEENTE)
    assert shown[("g1", "P6")] == (("functie", "anders"), GEMEENTE)
    assert protected(pair, DROP)[("g1", "P3")] == ()


def test_dropping_leaves_the_others_as_they_are() -> None:
    shown = protected(PEOPLE, DROP)
    assert shown[("g1", "P3")] == () and shown[("g1", "P4")] == ()
    assert shown[("g1", "P2")] == (("functie", "Werk"), GEMEENTE)


@pytest.fixture
def group(project):  # type: ignore[no-untyped-def]
    store = new_session(project)  # P1 (functie consulent), P2 (none), GL
    store.apply(
        PutParticipant(
            Participant("P2", name="Aylin Demir", attributes=(("functie", "consulent"),))
        ),
        PutParticipant(Participant("P3", name="Kees Vos", attributes=(("functie", "jurist"),))),
        segment(1, speaker="P1", themes=("klant",)),
        segment(2, speaker="P3", themes=("klant",)),
    )
    store.close()
    return project


def test_the_synthesis_refuses_until_the_user_chooses(group, capsys) -> None:
    with pytest.raises(GwpError) as refused:
        export_synthesis(group, SynthesisOptions(sources="kenmerken"))
    message = str(refused.value)
    assert "P3 (gwp-1) is de enige met functie 'jurist'" in message
    assert "Kees" not in message and "--herkenbaar grof" in message
    assert list(group.exports_dir.iterdir()) == []  # nothing written
    document = open_docx(
        export_synthesis(group, SynthesisOptions(sources="kenmerken", singling_out="grof"))
    )
    sources = styled(document, styles.SOURCE)
    assert "(consulent)" in sources  # P1 shares the value with P2
    assert "jurist" not in " ".join(sources)
    root = ["--project", str(group.root), "export", "synthesis", "--bron", "kenmerken"]
    assert main(root) == 1
    assert "--herkenbaar weglaten" in capsys.readouterr().err
    assert main([*root, "--herkenbaar", "weglaten", "-o", "s2"]) == 0
    sources = styled(open_docx(group.exports_dir / "s2.docx"), styles.SOURCE)
    assert "(consulent)" in sources and "jurist" not in " ".join(sources)


async def test_the_export_screen_says_who_stands_out_and_offers_the_choice(group) -> None:
    from goedwerkplaats.tui.app import build_app
    from tests.helpers import FakeClock
    from tests.test_export_screen import choose, open_export

    async with build_app(group, FakeClock()).run_test(size=(80, 24)) as pilot:
        screen = await open_export(pilot)
        choose(screen, "synthesis")
        await pilot.pause()
        assert screen.query_one("#row-singling").display
        screen.query_one("#sources").value = "kenmerken"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        outcome = str(screen.query_one("#outcome").render())
        assert "P3 (gwp-1) is de enige met functie 'jurist'" in outcome
        assert "'Herkenbaar'" in outcome
        screen.query_one("#singling").value = "grof"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Geschreven" in str(screen.query_one("#outcome").render())
        choose(screen, "citaten")
        await pilot.pause()
        assert not screen.query_one("#row-singling").display  # no characteristics there
        choose(screen, "report")
        await pilot.pause()
        assert screen.query_one("#row-singling").display  # the composition table in the report
    sources = styled(open_docx(group.exports_dir / "synthese.docx"), styles.SOURCE)
    assert "(consulent)" in sources and "jurist" not in " ".join(sources)


def test_the_choice_is_checked_in_one_place() -> None:
    from goedwerkplaats.files.problems import GwpError
    from goedwerkplaats.privacy.singling_out import check_choice

    assert check_choice(" Grof ") == "grof" and check_choice("") == ""
    with pytest.raises(GwpError, match="herkenbaar 'vaag' bestaat niet; kies grof of weglaten"):
        check_choice("vaag")
