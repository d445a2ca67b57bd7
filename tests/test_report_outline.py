"""rapport.yaml: the report outline, its checks with file and line, and `rapport init`."""

from __future__ import annotations

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.files.problems import ProblemsError
from goedwerkplaats.report.outline_file import (
    OUTLINE_FILE,
    implicit_outline,
    load_outline,
    parse_outline,
)
from tests.data.export.builders import named_session, second_session

SAM_OUTLINE = """\
titel: De SAM-professional als gezagsdrager
eerste_hoofdstuk: 5
bronvermelding: geen
aanhalingstekens: "‘’"
hoofdstukken:
  - titel: De SAM-professional over zijn maatschappelijke opdracht
    stellingen: [2]
    paragrafen:
      - thema: opdracht
        titel: "Een belangrijke maatschappelijke opdracht: helpen én handhaven"
      - thema: belemmeringen
      - thema: vakmanschap
        arenas: ja
        breedte: ja
    slot: Concluderend
  - id: burger
    titel: De gezagsrelatie tussen de SAM-professional en de burger
    stellingen: [1]
    paragrafen:
      - klant
      - thema: vertrouwen
        arenas: auto
"""


def run(project, *args: str) -> int:  # type: ignore[no-untyped-def]
    return main(["--project", str(project.root), *args])


def problems_of(text: str, guide) -> list[str]:  # type: ignore[no-untyped-def]
    _outline, problems = parse_outline(text, "rapport.yaml", guide)
    return [str(p) for p in problems]


def test_the_study_outline_reads_with_numbers_titles_and_children(guide) -> None:
    outline, problems = parse_outline(SAM_OUTLINE, "rapport.yaml", guide)
    assert outline is not None
    assert [p for p in problems if not p.warning] == []
    first, second = outline.chapters
    assert outline.chapter_number(1) == 6
    assert outline.section_number(0, 2) == "5.3"
    assert first.id == "stelling-2" and second.id == "burger"
    assert first.sections[0].title.startswith("Een belangrijke maatschappelijke opdracht")
    assert first.sections[1].title == "Belemmeringen"  # the theme's label
    assert first.sections[2].arenas == "ja" and first.sections[2].breadth
    assert second.sections[0].theme == "klant"  # the short form '- klant'
    assert second.sections[1].arenas == "auto"
    assert first.closing == "Concluderend"
    assert first.sections[0].prose == "rapport/stelling-2/opdracht.md"
    assert first.closing_prose == "rapport/stelling-2/slot.md"
    assert outline.quote_marks == ("‘", "’")
    # a parent theme's section holds its children: caseload goes under belemmeringen (5.2)
    assert outline.slots[(0, "caseload")] == (0, 1)
    assert outline.slots[(1, "wantrouwen")] == (1, 1)


def test_themes_not_in_any_chapter_are_a_warning(guide) -> None:
    _outline, problems = parse_outline(SAM_OUTLINE, "rapport.yaml", guide)
    warnings = [str(p) for p in problems if p.warning]
    assert len(warnings) == 1
    assert "in geen enkel hoofdstuk: competenties, rollen, handhaver," in warnings[0]
    assert "caseload" not in warnings[0]  # placed with its parent


def test_unknown_ids_name_the_line_and_the_nearest_id(guide) -> None:
    text = SAM_OUTLINE.replace("stellingen: [1]", "stellingen: [7]").replace(
        "thema: vakmanschap", "thema: vakmanchap"
    )
    found = problems_of(text, guide)
    assert any(
        p.startswith("rapport.yaml:12: onbekend thema 'vakmanchap'") and "'vakmanschap'" in p
        for p in found
    )
    assert any(p.startswith("rapport.yaml:18: onbekende stelling '7'") for p in found)


def test_a_theme_placed_twice_in_a_chapter_is_an_error(guide) -> None:
    twice = SAM_OUTLINE.replace("      - klant\n", "      - klant\n      - thema: klant\n")
    assert any(
        p.startswith("rapport.yaml:21: thema 'klant' staat al in dit hoofdstuk")
        for p in problems_of(twice, guide)
    )
    child = SAM_OUTLINE.replace("      - klant\n", "      - klant\n      - thema: wantrouwen\n")
    found = problems_of(child, guide)
    assert any("rapport.yaml:22: thema 'vertrouwen' staat al in dit hoofdstuk" in p for p in found)


def test_a_theme_in_two_chapters_is_allowed(guide) -> None:
    text = SAM_OUTLINE.replace("      - klant\n", "      - klant\n      - opdracht\n")
    outline, problems = parse_outline(text, "rapport.yaml", guide)
    assert outline is not None and not [p for p in problems if not p.warning]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('aanhalingstekens: "‘’"', 'aanhalingstekens: "„"', "rapport.yaml:4: 'aanhalingstekens'"),
        (
            "bronvermelding: geen",
            "bronvermelding: naam",
            "rapport.yaml:3: 'bronvermelding' is 'naam'",
        ),
        ("arenas: ja", "arenas: soms", "rapport.yaml:13: 'arenas' van paragraaf 3"),
        ("eerste_hoofdstuk: 5", "eerste_hoofdstuk: nul", "rapport.yaml:2: 'eerste_hoofdstuk'"),
        (
            "    slot: Concluderend",
            "    slt: Concluderend",
            "rapport.yaml:15: onbekende sleutel 'slt'",
        ),
        (
            "      - thema: belemmeringen",
            "      - arenas: ja",
            "rapport.yaml:11: paragraaf 2 van hoofdstuk 1 heeft geen 'thema'",
        ),
    ],
)
def test_bad_values_are_errors_with_lines(guide, old: str, new: str, message: str) -> None:
    assert old in SAM_OUTLINE
    found = problems_of(SAM_OUTLINE.replace(old, new), guide)
    assert any(p.startswith(message) for p in found), found


def test_without_rapport_yaml_the_outline_follows_the_guide(project, guide) -> None:
    outline = load_outline(project.root, guide)
    assert outline == implicit_outline(guide)
    assert not outline.from_file
    assert [c.statements for c in outline.chapters] == [("1",), ("2",), ("3",)]
    assert outline.chapters[0].title == guide.statements[0].text
    main_themes = [t.id for t in guide.themes if t.parent is None]
    assert [s.theme for s in outline.chapters[0].sections] == main_themes


def test_a_broken_outline_stops_loading(project, guide) -> None:
    (project.root / OUTLINE_FILE).write_text("hoofdstukken: [", "utf-8")
    with pytest.raises(ProblemsError) as raised:
        load_outline(project.root, guide)
    assert f"{project.root / OUTLINE_FILE}:2: ongeldige YAML" in str(raised.value)


def test_check_reports_rapport_yaml(project, capsys) -> None:
    (project.root / OUTLINE_FILE).write_text(SAM_OUTLINE.replace("- klant", "- klantt"), "utf-8")
    assert run(project, "check") == 1
    out = capsys.readouterr().out
    assert f"{project.root / OUTLINE_FILE}:20: onbekend thema 'klantt'" in out
    assert "nagekeken: de leidraad, rapport.yaml" in out


def own_study(project):  # type: ignore[no-untyped-def]
    """The SAM guide under another title: no longer the study's, so `rapport init` builds the
    outline from the guide and the data instead of writing the study's chapters."""
    path = project.guide_path
    text = path.read_text("utf-8").replace(
        "titel: De SAM-professional als gezagsdrager", "titel: Ons eigen onderzoek"
    )
    path.write_text(text, "utf-8")
    return project.load_guide()


def test_rapport_init_writes_an_outline_from_the_data_and_empty_prose_files(
    project, capsys
) -> None:
    guide = own_study(project)
    named_session(project)
    second_session(project)
    assert run(project, "rapport", "init") == 0
    outline = load_outline(project.root, guide)
    assert outline.from_file
    assert [c.id for c in outline.chapters] == ["stelling-1", "stelling-2", "stelling-3"]
    # only themes coded under a stelling, most participants first
    assert [s.theme for s in outline.chapters[0].sections] == [
        "opdracht",  # one participant each: guide order; helpen-handhaven counts for it
        "klant",
        "vertrouwen",
    ]
    assert [s.theme for s in outline.chapters[2].sections] == ["vakmanschap", "vertrouwen"]
    assert all(c.closing == "Concluderend" for c in outline.chapters)
    intro = project.root / "rapport" / "stelling-1" / "inleiding.md"
    assert intro.read_text("utf-8").startswith("<!-- Inleiding van hoofdstuk")
    child = project.root / "rapport" / "stelling-3" / "wantrouwen.md"  # under 'vertrouwen'
    assert child.exists()
    assert (project.root / "rapport" / "stelling-2" / "slot.md").exists()
    assert run(project, "check") == 0
    out = capsys.readouterr().out
    assert "geschreven: " in out


def test_rapport_init_never_overwrites_the_researchers_words(project, capsys) -> None:
    own_study(project)
    named_session(project)
    assert run(project, "rapport", "init") == 0
    own = project.root / "rapport" / "stelling-1" / "klant.md"
    own.write_text("Mijn analyse.\n", "utf-8")
    outline_file = project.root / OUTLINE_FILE
    outline_file.write_text(
        outline_file.read_text("utf-8").replace("eerste_hoofdstuk: 1", "eerste_hoofdstuk: 5"),
        "utf-8",
    )
    assert run(project, "rapport", "init") == 0
    assert "bestond al en blijft staan" in capsys.readouterr().out
    assert "eerste_hoofdstuk: 5" in outline_file.read_text("utf-8")
    assert run(project, "rapport", "init", "--opnieuw") == 0
    assert "eerste_hoofdstuk: 1" in outline_file.read_text("utf-8")
    assert own.read_text("utf-8") == "Mijn analyse.\n"


def test_paths_in_tekst_stay_inside_the_project(guide) -> None:
    text = SAM_OUTLINE.replace("    slot: Concluderend", "    tekst: ../buiten.md")
    assert any(
        p.startswith("rapport.yaml:15: 'tekst' van hoofdstuk 1") for p in problems_of(text, guide)
    )
