"""`export synthesis`: chapters, sections and quotes in guide order, counts and positions."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.exporters import docx_styles as styles
from goedwerkplaats.exporters.selection import QuoteFilter
from goedwerkplaats.exporters.synthesis import SynthesisOptions, export_synthesis
from goedwerkplaats.exporters.synthesis_groups import DIMENSIONS, parse_dimensions
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.changes import PutParticipant
from goedwerkplaats.model.session import Participant
from goedwerkplaats.storage.audit import read_audit
from tests.data.export.builders import (
    named_session,
    open_docx,
    paragraphs,
    second_session,
    styled,
    table_rows,
    write_mask_file,
)

S1 = "Stelling 1: De cliënten van de klantmanager zijn geen klanten."
S2 = "Stelling 2: De maatschappelijke opdracht van de klantmanager is duidelijk en uitvoerbaar."
S3 = (
    "Stelling 3: De klantmanager wordt door interne en externe partners als professional "
    "serieus genomen."
)
OPENING_CHAPTERS = ["Het materiaal", "Fragmenten per thema en arena"]
HEADINGS = {"Heading 1": 1, "Heading 2": 2, "Heading 3": 3}


def outline(document) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """(level, text) of the headings after the opening chapters."""
    found = [(HEADINGS[s], t) for s, t in paragraphs(document) if s in HEADINGS]
    assert [t for _, t in found[:2]] == OPENING_CHAPTERS
    return found[2:]


@pytest.fixture
def two_sessions(project):  # type: ignore[no-untyped-def]
    named_session(project)
    second_session(project)
    return project


def test_default_grouping_stelling_thema_arena(two_sessions) -> None:
    seen: list[tuple[int, int]] = []
    target = export_synthesis(two_sessions, progress=lambda d, t: seen.append((d, t)))
    assert target == two_sessions.exports_dir / "synthese.docx"
    assert seen[-1][0] == seen[-1][1]
    document = open_docx(target)
    assert outline(document) == [
        (1, S1),
        (2, "Helpen én handhaven"),
        (3, "Het maatschappelijke veld"),
        (2, "De burger als 'klant'"),
        (3, "De spreekkamer"),
        (2, "Vertrouwen"),
        (3, "De spreekkamer"),
        (2, "Antwoordverdeling"),
        (1, S2),
        (2, "Belemmeringen"),
        (3, "Zonder arena"),
        (2, "Prestatie-indicatoren"),
        (3, "De eigen organisatie"),
        (2, "Competenties"),
        (3, "Zonder arena"),
        (1, S3),
        (2, "Aanvankelijk wantrouwen"),
        (3, "Het maatschappelijke veld"),
        (2, "Vakmanschap serieus genomen"),
        (3, "Het maatschappelijke veld"),
        (3, "Zonder arena"),
    ]
    pairs = paragraphs(document)
    quote = "— „Ik zeg nooit klant. P2 zei het al: het is een burger.”"
    assert styled(document, "Quote").count(quote) == 2  # two themes: under both
    at = pairs.index(("Quote", quote))
    assert pairs[at + 1] == (styles.SOURCE, "(gwp-1, P1, 00:00:20)")  # recording time
    intro = pairs[pairs.index(("Heading 1", S1)) + 1]
    assert (
        intro[0] == styles.INTRO
        and intro[1] == two_sessions.load_guide().statement("1").explanation
    )
    assert [c.text for c in document.comments] == ["Mooi citaat; P3 knikte."] * 2


def test_the_material_the_counts_and_the_positions(two_sessions) -> None:
    document = open_docx(export_synthesis(two_sessions))
    account = paragraphs(document)[4][1]
    assert account.startswith(
        "Deze synthese is gebaseerd op 2 bijeenkomsten, gehouden tussen 28 november 2026 en "
        "5 december 2026 (1 op locatie en 1 via video), met in totaal 5 deelnemers."
    )
    assert "In dit document staan 6 fragmenten uit 2 bijeenkomsten." in account
    sessions, counts_1, counts_2, counts_3, stances = document.tables
    assert table_rows(sessions) == [
        [
            "Sessie",
            "Datum",
            "Vorm",
            "Deelnemers",
            "Fragmenten deelnemers",
            "Fragmenten gespreksleider",
            "Gecodeerd",
            "In dit document",
        ],
        ["gwp-1", "28 november 2026", "op locatie", "3", "5", "1", "4", "4"],
        ["gwp-2", "5 december 2026", "video", "2", "3", "0", "2", "2"],
    ]
    # the facilitator's words are counted apart, never as the participants' material
    assert "Samen leverden ze 8 fragmenten op (en de gespreksleider 1); daarvan zijn er 6 " in (
        account
    )
    header = ["Thema", "De spreekkamer", "De eigen organisatie", "Het maatschappelijke veld"]
    assert table_rows(counts_1) == [
        [*header, "Totaal"],
        ["– Helpen én handhaven", "–", "–", "1", "1"],  # a sub-theme, shown as one
        ["De burger als 'klant'", "1", "–", "–", "1"],
        ["Vertrouwen", "1", "–", "–", "1"],
        ["Totaal", "1", "–", "1", "2"],  # each quote once, though it has two themes
    ]
    assert table_rows(counts_2) == [
        [*header, "Zonder arena", "Totaal"],
        ["Belemmeringen", "–", "–", "–", "1", "1"],
        ["– Prestatie-indicatoren", "–", "1", "–", "–", "1"],
        ["Competenties", "–", "–", "–", "1", "1"],
        ["Totaal", "–", "1", "–", "1", "2"],
    ]
    assert table_rows(counts_3)[-1] == ["Totaal", "–", "–", "1", "1", "2"]
    captions = styled(document, "Caption")
    assert captions[1] == f"Tabel 2. {S1} (n = 2)"
    assert captions[-1] == f"Tabel 5. Antwoordverdeling in percentages, {S1}"
    assert table_rows(stances) == [
        [
            "Moment",
            "n",
            "helemaal mee oneens",
            "mee oneens",
            "neutraal",
            "mee eens",
            "helemaal mee eens",
        ],
        ["Begin van het gesprek", "2", "0", "50", "0", "50", "0"],
        ["Eind van het gesprek", "3", "0", "0", "0", "67", "33"],
    ]
    assert "N.v.t. (niet meegeteld): 1." in styled(document, styles.TABLE_NOTE)[-1]
    assert stances.style.name == styles.TABLE


@pytest.mark.parametrize(
    "dimensions",
    [p for n in (1, 2, 3) for p in itertools.permutations(DIMENSIONS, n)],
    ids=lambda d: ",".join(d),
)
def test_every_grouping_order_and_depth(two_sessions, dimensions) -> None:
    options = SynthesisOptions(by=dimensions)
    document = open_docx(export_synthesis(two_sessions, options))
    headings = [h for h in outline(document) if not h[1].startswith("Antwoordverdeling")]
    levels = {level for level, _ in headings}
    assert levels == set(range(1, len(dimensions) + 1))
    expected = 6 + (3 if "thema" in dimensions else 0)  # three of the six have two themes
    assert len(styled(document, "Quote")) == expected == len(styled(document, styles.SOURCE))
    first = [text for level, text in headings if level == 1]
    if dimensions[0] == "arena":
        assert first == [
            "De spreekkamer",
            "De eigen organisatie",
            "Het maatschappelijke veld",
            "Zonder arena",
        ]
    if dimensions[0] == "stelling":
        assert first == [S1, S2, S3]
    if dimensions[0] != "stelling":
        assert "Antwoordverdeling per stelling" in styled(document, "Heading 1")
    if len(dimensions) == 1 and dimensions[0] == "thema":
        assert first[:3] == [
            "Helpen én handhaven",
            "Belemmeringen",
            "Prestatie-indicatoren",
        ]


def test_filters_selection_and_sources(two_sessions) -> None:
    only = SynthesisOptions(quote_filter=QuoteFilter(themes=("vakmanschap",)), by=("thema",))
    document = open_docx(export_synthesis(two_sessions, only))
    assert [t for _, t in outline(document)] == [
        "Vakmanschap serieus genomen",
        "Antwoordverdeling per stelling",  # positions are per stelling, not per theme
    ]
    quoted = SynthesisOptions(quote_filter=QuoteFilter(selection="citaat"), sources="geen")
    document = open_docx(export_synthesis(two_sessions, quoted))
    assert len(styled(document, "Quote")) == 3  # s2 twice (two themes) and s7
    assert styled(document, styles.SOURCE) == []
    write_mask_file(two_sessions)
    with two_sessions.open_session("gwp-1") as store:  # no one alone with their values
        p1 = store.session.participants["P1"]
        store.apply(
            PutParticipant(
                dataclasses.replace(store.session.participants["P3"], attributes=p1.attributes)
            ),
            PutParticipant(Participant("P4", attributes=(("rol", "team"),))),
        )
    by_person = SynthesisOptions(
        quote_filter=QuoteFilter(sessions=("gwp-1",), statements=("1",)), sources="kenmerken"
    )
    document = open_docx(export_synthesis(two_sessions, by_person))
    assert styled(document, styles.SOURCE) == [
        "(team)",
        "(consulent, gemeente […])",
        "(consulent, gemeente […])",
    ]
    assert [t for lvl, t in outline(document) if lvl == 1] == [S1]
    everything = SynthesisOptions(quote_filter=QuoteFilter(selection="alles"), by=("thema",))
    document = open_docx(export_synthesis(two_sessions, everything))
    assert "Overig" in [t for _, t in outline(document)]


def test_a_stelling_with_positions_but_no_quotes_keeps_its_chapter(two_sessions) -> None:
    options = SynthesisOptions(quote_filter=QuoteFilter(arenas=("eigen-organisatie",)))
    document = open_docx(export_synthesis(two_sessions, options))
    assert [t for lvl, t in outline(document) if lvl == 1] == [S1, S2]
    assert "Bij deze stelling zijn geen fragmenten geselecteerd." in [
        t for _, t in paragraphs(document)
    ]


def test_errors_leave_no_file(two_sessions) -> None:
    with pytest.raises(GwpError, match="geen fragmenten gevonden"):
        export_synthesis(
            two_sessions, SynthesisOptions(quote_filter=QuoteFilter(themes=("gezag",)))
        )
    with pytest.raises(GwpError, match="onbekende indeling 'plaats'"):
        parse_dimensions("stelling,plaats")
    with pytest.raises(GwpError, match="twee keer"):
        parse_dimensions("thema,thema's")
    with pytest.raises(GwpError, match="onbekend thema"):
        export_synthesis(two_sessions, SynthesisOptions(quote_filter=QuoteFilter(themes=("x",))))
    assert list(two_sessions.exports_dir.glob("*.docx")) == []


def test_cli_synthesis(two_sessions, capsys) -> None:
    root = str(two_sessions.root)
    args = ["--project", root, "export", "synthesis", "--by", "arena,thema", "--no-bronnen"]
    assert main([*args, "-o", "hoofdstukken"]) == 0
    assert "exports/hoofdstukken.docx" in capsys.readouterr().out
    document = open_docx(two_sessions.exports_dir / "hoofdstukken.docx")
    assert outline(document)[0] == (1, "De spreekkamer")
    assert styled(document, styles.SOURCE) == []
    assert main(["--project", root, "export", "synthesis", "--by", "plaats"]) == 1
    assert "onbekende indeling" in capsys.readouterr().err
    assert main(["--project", root, "export", "synthesis", "--thema", "gezag"]) == 1
    assert "geen fragmenten" in capsys.readouterr().err
    audit = read_audit(two_sessions.session_folder("gwp-2"))
    assert audit[-1].detail == "synthese (Word): exports/hoofdstukken.docx"


def test_rows_offered_for_a_new_session_and_left_empty_are_not_counted(two_sessions) -> None:
    from goedwerkplaats.model.changes import PutParticipant
    from goedwerkplaats.model.session import Participant

    with two_sessions.open_session("gwp-2") as store:  # P3 offered, never filled, never spoke
        store.apply(PutParticipant(Participant("P3")))
    account = paragraphs(open_docx(export_synthesis(two_sessions)))[4][1]
    assert "met in totaal 5 deelnemers." in account
