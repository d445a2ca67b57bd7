"""`enquete.yaml`: each mistake gets its line and what to do; tables find their place."""

from __future__ import annotations

from pathlib import Path

import pytest

from goedwerkplaats.report.outline_file import implicit_outline, parse_outline
from goedwerkplaats.survey.mapping_file import parse_mapping
from goedwerkplaats.survey.model import DEFAULT_TITLE_MANY, DEFAULT_TITLE_ONE
from goedwerkplaats.survey.placement import place_tables
from tests.data.report.builders import STUDY_OUTLINE
from tests.data.survey.builders import MAPPING

GOOD = MAPPING.format(bestand="export.csv")


def problems(text: str) -> list[str]:
    mapping, found = parse_mapping(text, "enquete.yaml")
    assert mapping is None
    return [str(p) for p in found]


def test_the_example_mapping_reads() -> None:
    mapping, found = parse_mapping(GOOD, "enquete.yaml")
    assert found == [] and mapping is not None
    first, second = mapping.tables
    assert first.title == DEFAULT_TITLE_MANY  # two items: 'op stellingen'
    assert first.scale.labels[0] == "Helemaal mee oneens"
    assert first.scale.points[0].values == ("A1", "1")
    assert first.scale.excluded == ("N.v.t.", "A6")
    assert [i.column for i in first.items] == ["Q6_1", "Q6_13"]
    assert first.items[1].text == "Ik word door cliënten met wantrouwen benaderd"
    assert first.section == "handhaver"
    assert second.statement == "2" and second.items[0].column == "Q7"
    assert second.scale.points[3].values == ("4",)  # nummers_vanaf: 1


def test_one_item_gets_the_single_caption() -> None:
    text = GOOD.replace(
        "      - kolom: Q6_13\n        tekst: Ik word door cliënten met wantrouwen benaderd\n", ""
    )
    mapping, _ = parse_mapping(text, "enquete.yaml")
    assert mapping is not None and mapping.tables[0].title == DEFAULT_TITLE_ONE
    assert mapping.tables[0].caption([235]) == (
        "Antwoordverdeling in percentages op een stelling (n = 235)"
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("schalen:", "schaalen:", "enquete.yaml:2: onbekende sleutel 'schaalen'"),
        ("bestand: export.csv", "bestand: export.pdf", "enquete.yaml:1: 'export.pdf' is geen CSV"),
        ("bestand: export.csv\n", "", "enquete.yaml:1: enquete.yaml heeft geen 'bestand'"),
        ("bestand: export.csv", "bestand: export.xls", "enquete.yaml:1: 'export.xls' is de oude"),
        (
            "schaal: duidelijk",
            "schaal: duidlijk",
            "onbekende schaal 'duidlijk' (bedoelde u 'duidelijk'?)",
        ),
        (
            "  - paragraaf: handhaver\n",
            "  - titel: T\n",
            "tabel 1 zegt niet waar hij in het rapport komt",
        ),
        (
            "waarden: [A2, 2]",
            "waarden: [A1, 2]",
            "'A1' hoort bij schaal 'eens' al bij 'Helemaal mee oneens'",
        ),
        (
            "niet_meetellen: [N.v.t., A6]",
            "niet_meetellen: [N.v.t., A5]",
            "'A5' staat bij schaal 'eens' zowel in de antwoorden",
        ),
        ("    vragen: [Q7]", "    vragen: []", "tabel 2 heeft geen 'vragen'"),
        (
            "    schaal: eens\n",
            "    schaal: eens\n    grafiek: misschien\n",
            "'grafiek' moet ja of nee zijn",
        ),
        (
            "nummers_vanaf: 1",
            "nummers_vanaf: een",
            "'nummers_vanaf' van schaal 'duidelijk' moet een heel getal",
        ),
        ("kolom: Q6_1\n", "kolom:\n", "een vraag van tabel 1 heeft geen 'kolom'"),
        ("tabellen:", "tabellen: ja\nx:", "'tabellen' moet een lijst zijn"),
        ("  - titel:", "  - titel: [", "ongeldige YAML"),
    ],
)
def test_each_mistake_is_named(old: str, new: str, expected: str) -> None:
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    found = problems(text)
    assert any(expected in p for p in found), found


def test_numbered_answers_may_not_clash_with_other_values() -> None:
    text = (
        "bestand: e.csv\nschalen:\n  ja:\n    antwoorden:\n      - label: Nee\n"
        "        waarden: [2]\n      - Ja\n    nummers_vanaf: 1\ntabellen: []\n"
    )
    assert any(":8: 2 hoort bij schaal 'ja' al bij 'Nee'" in p for p in problems(text))


def test_a_scale_needs_two_answers() -> None:
    text = "bestand: e.csv\nschalen:\n  ja:\n    - Ja\ntabellen: []\n"
    assert any("schaal 'ja' heeft minder dan twee 'antwoorden'" in p for p in problems(text))


def test_an_empty_mapping_points_to_the_readme() -> None:
    assert problems("") == [
        "enquete.yaml: het bestand is leeg; zie de README (Enquête) voor een voorbeeld"
    ]


# ---------------------------------------------------------------------------- placement


def study_outline(guide):  # type: ignore[no-untyped-def]
    outline, found = parse_outline(STUDY_OUTLINE, "rapport.yaml", guide)
    assert outline is not None, found
    return outline


def test_tables_go_to_a_section_or_the_chapter_of_their_stelling(guide) -> None:  # type: ignore[no-untyped-def]
    mapping, _ = parse_mapping(GOOD, "enquete.yaml")
    assert mapping is not None
    placed = place_tables(mapping.tables, study_outline(guide), "enquete.yaml")
    assert placed.problems == []
    # chapter 'burger' (index 1), section 'handhaver' (index 1); stelling 2: chapter 0 itself
    assert placed.places == {(1, 1): [0], (0, None): [1]}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "paragraaf: handhaver",
            "paragraaf: handhaven",
            "geen paragraaf 'handhaven' (bedoelde u 'handhaver'?)",
        ),
        (
            "paragraaf: handhaver",
            "paragraaf: handhaver\n    hoofdstuk: opdracht",
            "geen paragraaf 'handhaver' in dat hoofdstuk",
        ),
        (
            "paragraaf: handhaver",
            "hoofdstuk: burgr",
            "geen hoofdstuk 'burgr' (bedoelde u 'burger'?)",
        ),
        ("stelling: 2", "stelling: 9", "geen hoofdstuk van het rapport gaat over stelling '9'"),
    ],
)
def test_a_place_the_outline_lacks_is_a_problem_with_its_line(guide, old, new, expected) -> None:  # type: ignore[no-untyped-def]
    mapping, _ = parse_mapping(GOOD.replace(old, new), "enquete.yaml")
    assert mapping is not None
    placed = place_tables(mapping.tables, study_outline(guide), "enquete.yaml")
    [problem] = placed.problems
    assert expected in problem.message
    lines = GOOD.replace(old, new).splitlines()
    first_table = lines.index("tabellen:") + 2  # the line of '  - paragraaf: …' or its stand-in
    second_table = next(n for n, line in enumerate(lines, 1) if line.startswith("  - titel:"))
    assert problem.line == (second_table if "stelling" in old else first_table)


def test_without_rapport_yaml_a_section_is_a_main_theme_of_the_guide(guide) -> None:  # type: ignore[no-untyped-def]
    mapping, _ = parse_mapping(GOOD, "enquete.yaml")
    assert mapping is not None
    outline = implicit_outline(guide)  # a chapter per stelling, a section per main theme
    placed = place_tables(mapping.tables, outline, Path("enquete.yaml"))
    assert placed.problems == []
    handhaver = [s.key for s in outline.chapters[0].sections].index("handhaver")
    assert placed.places == {(0, handhaver): [0], (1, None): [1]}  # stelling 2 is chapter 2


def test_the_readme_example_lands_where_the_study_has_its_tables(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from goedwerkplaats.project.folder import init_project
    from goedwerkplaats.report.outline_file import load_outline
    from tests.conftest import REPO

    project = init_project(tmp_path / "sam")  # with the outline of the study's chapters 5-7
    guide = project.load_guide()

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("bestand: enquete/resultaten.xlsx")
    mapping, found = parse_mapping(readme[start : readme.index("```", start)], "enquete.yaml")
    assert found == [] and mapping is not None
    outline = load_outline(project.root, guide)  # the SAM outline that init ships
    placed = place_tables(mapping.tables, outline, "enquete.yaml")
    assert placed.problems == []
    where = {
        tables[0]: outline.section_number(chapter, section or 0)
        for (chapter, section), tables in placed.places.items()
    }
    assert where == {0: "6.4", 1: "5.2"}
    assert mapping.tables[1].chart
