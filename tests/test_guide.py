"""The guide: the default one is complete, and every mistake in a hand-edited one is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.guide.loader import check_guide, default_guide_text, parse_guide
from tests.conftest import REPO

STUDY_STATEMENTS = [  # exact, from the study (method/SAM-onderzoek.md, section 2)
    "De cliënten van de klantmanager zijn geen klanten.",
    "De maatschappelijke opdracht van de klantmanager is duidelijk en uitvoerbaar.",
    "De klantmanager wordt door interne en externe partners als professional serieus genomen.",
]

# The study's sections (chapters 5-7) and concepts, with its hierarchy: the three obstacles
# of §5.3 under one parent, the three sources of authority of §3.1.2 under 'gezag'.
STUDY_TREE = {
    "opdracht": ["helpen-handhaven", "duidelijkheid"],
    "belemmeringen": ["prestaties", "afstand", "caseload"],
    "competenties": [],
    "klant": [],
    "rollen": [],
    "handhaver": [],
    "vertrouwen": ["wantrouwen"],
    "gezag": ["gezag-institutioneel", "gezag-positioneel", "gezag-persoonsgebonden"],
    "handelen": [],
    "vakmanschap": [],
    "professionele-ruimte": [],
    "werkstijlen": [],
    "doelmatigheid": [],
}

VALID = """\
titel: Test
stellingen:
  - id: 1
    tekst: Eerste stelling.
    minuten: 10
themas:
  - id: vertrouwen
    label: Vertrouwen
    toets: v
  - id: relatie
    label: Relatie
    toets: r
arenas:
  - id: spreekkamer
    label: De spreekkamer
    toets: "1"
"""


def test_repository_root_checks_clean_guide_outline_and_example_session(capsys) -> None:
    # a new user's first 'goedwerkplaats check' in the shipped project finds nothing to fix
    assert main(["--project", str(REPO), "check"]) == 0
    said = capsys.readouterr().out
    assert "alles in orde" in said, said


def problems_of(text: str) -> list[str]:
    guide, problems = parse_guide(text, "stellingen.yaml")
    assert guide is None or not [p for p in problems if not p.warning]
    return [str(p) for p in problems]


def test_repository_root_is_a_ready_project_with_the_default_guide() -> None:
    # one source: the root's guide is the packaged default that 'init' writes
    assert (REPO / "stellingen.yaml").read_text("utf-8") == default_guide_text()
    guide, problems = check_guide(REPO / "stellingen.yaml")
    assert problems == []
    assert guide is not None
    assert [a.id for a in guide.arenas] == [
        "spreekkamer",
        "eigen-organisatie",
        "maatschappelijk-veld",
    ]
    keys = [c.key for c in (*guide.themes, *guide.arenas)]
    assert all(keys) and len(set(keys)) == len(keys)


def test_the_default_guide_follows_the_study() -> None:
    guide, problems = parse_guide(default_guide_text(), "stellingen.yaml")
    assert problems == [] and guide is not None
    assert guide.title == "De SAM-professional als gezagsdrager"
    assert [s.text for s in guide.statements] == STUDY_STATEMENTS
    assert all(s.explanation and s.follow_ups and s.minutes for s in guide.statements)
    # the study names citizens first among the partners of stelling 3
    assert "burgers" in guide.statement("3").explanation
    tree = {t.id: [c.id for c in guide.children(t.id)] for t in guide.themes if not t.parent}
    assert tree == STUDY_TREE
    assert [t.id for t in guide.themes_in_tree_order()] == [t.id for t in guide.themes]
    assert guide.theme_label("helpen-handhaven") == "Helpen én handhaven"
    # the study has no follow-up questions and no time per stelling: both are ours
    assert guide.is_suggestion("doorvragen") and guide.is_suggestion("minuten")
    assert not guide.is_suggestion("toelichting")


def test_no_follow_up_question_names_a_theme() -> None:
    """A repeat study must not turn a finding into a prompt: the follow-ups stay open."""
    guide, _problems = parse_guide(default_guide_text(), "stellingen.yaml")
    assert guide is not None
    names = {t.label.lower() for t in guide.themes}
    names |= {t.id for t in guide.themes if "-" not in t.id}  # caseload, prestaties, …
    for statement in guide.statements:
        # a word of the stelling itself ('opdracht' for stelling 2) is no finding
        own = [n for n in names if n not in statement.text.lower()]
        for question in statement.follow_ups:
            named = [n for n in own if n in question.lower()]
            assert named == [], f"stelling {statement.id}: '{question}' noemt {named}"


def test_init_offers_an_empty_guide_for_a_new_study(tmp_path, capsys) -> None:
    assert main(["init", str(tmp_path / "eigen"), "--leeg"]) == 0
    assert "lege leidraad" in capsys.readouterr().out
    guide, problems = check_guide(tmp_path / "eigen" / "stellingen.yaml")
    assert problems == [] and guide is not None
    assert guide.themes == () and guide.arenas == () and len(guide.statements) == 1
    assert not guide.suggested and not guide.source


def test_suggestions_name_known_parts_of_a_stelling() -> None:
    text = VALID + "suggesties: [doorvragen, tijd]\n"
    assert problems_of(text) == [
        "stellingen.yaml:17: 'tijd' onder 'suggesties' is onbekend; gebruik doorvragen, "
        "minuten, toelichting"
    ]


def test_a_valid_guide_loads_with_ids_as_text() -> None:
    guide, problems = parse_guide(VALID, "stellingen.yaml")
    assert problems == []
    assert guide is not None
    assert guide.statement("1").minutes == 10
    assert guide.code_for_key("v").id == "vertrouwen"
    assert guide.code_for_key("1").id == "spreekkamer"


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (
            VALID.replace("    tekst: Eerste", "    tekts: Eerste"),
            [
                "stellingen.yaml:4: onbekende sleutel 'tekts' bij stelling 1 (bedoelde u 'tekst'?)",
                "stellingen.yaml:3: stelling 1 heeft geen 'tekst'",
            ],
        ),
        (
            VALID.replace("id: relatie", "id: vertrouwen"),
            ["stellingen.yaml:10: id 'vertrouwen' van thema is al in gebruik (thema op regel 7)"],
        ),
        (
            VALID.replace("toets: r", "toets: v"),
            [
                "stellingen.yaml:12: toets 'v' van thema 'relatie' is al in gebruik bij thema "
                "'vertrouwen' (regel 9)"
            ],
        ),
        (
            VALID.replace('toets: "1"', "toets: v"),
            ["stellingen.yaml:16: toets 'v' van arena 'spreekkamer' is al in gebruik"],
        ),
        (
            VALID.replace("    toets: r", "    toets: r\n    onder: verbinding"),
            [
                "stellingen.yaml:13: thema 'relatie' hangt onder 'verbinding', maar dat thema "
                "bestaat niet; gebruik één van: vertrouwen"
            ],
        ),
        (
            VALID.replace("    tekst: Eerste stelling.\n", ""),
            ["stellingen.yaml:3: stelling 1 heeft geen 'tekst'; vul 'tekst: …' in"],
        ),
        (
            VALID.replace("  - id: 1\n", "  - id: 1\n    kleur: rood\n"),
            ["stellingen.yaml:4: onbekende sleutel 'kleur' bij stelling 1"],
        ),
        (VALID + "extra: 1\n", ["stellingen.yaml:17: onbekende sleutel 'extra' bij de leidraad"]),
        (
            VALID.replace("toets: r", "toets: rr"),
            ["stellingen.yaml:12: toets 'rr' van thema 'relatie' is ongeldig"],
        ),
        (
            VALID.replace("id: relatie", "id: Relatie Thema"),
            ["stellingen.yaml:10: id 'Relatie Thema' van thema 2 is ongeldig"],
        ),
        (
            VALID.replace("minuten: 10", "minuten: tien"),
            ["stellingen.yaml:5: 'minuten' van stelling 1 moet een heel getal groter dan 0 zijn"],
        ),
        (
            VALID.replace("titel: Test", "titel: Test\ntitel: Dubbel"),
            ["stellingen.yaml:2: de sleutel 'titel' staat hier dubbel"],
        ),
        (
            VALID.replace(
                "    tekst: Eerste stelling.",
                "    tekst: Eerste stelling.\n    doorvragen:\n      - Waar: in de spreekkamer?",
            ),
            [
                "'doorvragen' van stelling 1 moet een lijst van teksten zijn; een regel met ': ' "
                "erin wordt als sleutel gelezen, zet zo'n tekst tussen aanhalingstekens"
            ],
        ),
        ("", ["stellingen.yaml: het bestand is leeg"]),
        ("titel: [kapot\n", ["stellingen.yaml:1: ongeldige YAML: een lijst die met [ begint"]),
        ("- gewoon een lijst\n", ["stellingen.yaml:1: de leidraad moet een lijst van sleutels"]),
    ],
)
def test_each_mistake_names_file_line_and_fix(broken: str, expected: list[str]) -> None:
    found = problems_of(broken)
    for fragment in expected:
        assert any(fragment in p for p in found), (fragment, found)


def test_nesting_is_one_level_deep() -> None:
    text = VALID.replace("    toets: r", "    toets: r\n    onder: vertrouwen").replace(
        "arenas:", "  - id: dieper\n    label: Dieper\n    onder: relatie\narenas:"
    )
    found = problems_of(text)
    assert any(
        "stellingen.yaml:16: thema 'dieper' hangt onder 'relatie', dat zelf al onder "
        "'vertrouwen' hangt" in p
        for p in found
    ), found


def test_check_command_prints_file_line_and_exits_1(project, capsys) -> None:
    project.guide_path.write_text(VALID.replace("toets: r", "toets: v"), encoding="utf-8")
    code = main(["--project", str(project.root), "check"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{project.guide_path}:12: toets 'v' van thema 'relatie' is al in gebruik" in out
    assert "Traceback" not in out


def test_missing_guide_is_a_clear_error(tmp_path: Path, capsys) -> None:
    code = main(["--project", str(tmp_path), "sessions"])
    err = capsys.readouterr().err
    assert code == 1
    assert "geen goedwerkplaats-project: stellingen.yaml ontbreekt" in err
    assert "goedwerkplaats init" in err
