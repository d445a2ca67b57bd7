"""The shipped rapport.yaml: chapters 5-7 of the SAM study, written by `init` next to the
study's guide, checked clean, and exported to a real Word file in the study's order."""

from __future__ import annotations

import re
from pathlib import Path

from goedwerkplaats.cli import main
from goedwerkplaats.guide.loader import GUIDE_FILE, check_guide, default_guide_text
from goedwerkplaats.project.folder import Project
from goedwerkplaats.report.outline_file import (
    OUTLINE_FILE,
    check_outline,
    load_outline,
    parse_outline,
    study_outline_text,
)
from tests.data.export.builders import open_docx, paragraphs
from tests.data.report.builders import study_project

REPO = Path(__file__).resolve().parent.parent
HEADINGS = {"Heading 1": 1, "Heading 2": 2, "Heading 3": 3}

# SAM-onderzoek.md §5: the study's chapters 5-7, their stelling and their sections
STUDY = [
    (
        "2",
        "De SAM-professional over zijn maatschappelijke opdracht",
        [
            "Een belangrijke maatschappelijke opdracht: helpen én handhaven",
            "De maatschappelijke opdracht is duidelijk",
            "De drie belangrijkste belemmeringen voor de realisering van de maatschappelijke "
            "opdracht",
            "Competenties die nodig zijn om de maatschappelijke opdracht te realiseren",
        ],
    ),
    (
        "1",
        "De gezagsrelatie tussen de SAM-professional en de burger",
        [
            "De burger als 'klant'",
            "De verschillende rollen van de SAM-professional",
            "De SAM-professional als handhaver: alleen als het moet",
            "Vertrouwen opbouwen zorgt voor een gezagsbasis",
        ],
    ),
    (
        "3",
        "De SAM-professional in een complex krachtenveld",
        [
            "Wat bepaalt het professionele handelen van de SAM-professional?",
            "Het vakmanschap van de SAM-professional",
            "Stellingen over het opereren binnen het krachtenveld",
        ],
    ),
]


def guide_of(root: Path):  # type: ignore[no-untyped-def]
    guide, problems = check_guide(root / GUIDE_FILE)
    assert problems == [] and guide is not None
    return guide


def test_init_on_an_empty_folder_writes_the_guide_and_the_study_outline(tmp_path, capsys) -> None:
    root = tmp_path / "nieuw"
    assert main(["init", str(root)]) == 0
    assert "rapport.yaml (opzet van het rapport" in capsys.readouterr().out
    assert (root / GUIDE_FILE).read_text("utf-8") == default_guide_text()
    assert (root / OUTLINE_FILE).read_text("utf-8") == study_outline_text()
    # checked clean against the guide it came with: no error, no warning
    assert check_outline(root / OUTLINE_FILE, guide_of(root))[1] == []
    assert main(["--project", str(root), "check"]) == 0
    assert "alles in orde: de leidraad, rapport.yaml" in capsys.readouterr().out


def test_the_empty_guide_and_an_existing_outline_get_no_study_outline(tmp_path) -> None:
    assert main(["init", str(tmp_path / "eigen"), "--leeg"]) == 0
    assert not (tmp_path / "eigen" / OUTLINE_FILE).exists()
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / OUTLINE_FILE).write_text("titel: eigen opzet\n", "utf-8")
    assert main(["init", str(kept)]) == 0
    assert (kept / OUTLINE_FILE).read_text("utf-8") == "titel: eigen opzet\n"
    # a folder with a guide of its own: the study's outline would not fit it
    own = tmp_path / "own"
    own.mkdir()
    (own / GUIDE_FILE).write_text(default_guide_text(empty=True), "utf-8")
    assert main(["init", str(own)]) == 0
    assert not (own / OUTLINE_FILE).exists()


def test_the_outline_has_the_studys_chapters_order_titles_and_concluding_sections() -> None:
    guide, _ = check_guide(REPO / GUIDE_FILE)
    assert guide is not None
    outline, problems = parse_outline(study_outline_text(), OUTLINE_FILE, guide)
    assert problems == [] and outline is not None
    assert outline.title == "De SAM-professional als gezagsdrager"
    assert [outline.chapter_number(i) for i in range(len(outline.chapters))] == [5, 6, 7]
    got = [
        (c.statements, c.title, [s.title for s in c.sections], c.closing) for c in outline.chapters
    ]
    assert got == [((st,), title, sections, "Concluderend") for st, title, sections in STUDY]
    # the study prints quotes without attribution, after a dash, in single quotes
    assert outline.attribution == "geen" and outline.quote_marks == ("‘", "’")
    assert outline.quote_dash == "—"
    # §5.3's three sub-headings, §7.2's arena headings, §7.3 without quotes (survey only)
    obstacles = outline.chapters[0].sections[2]
    assert obstacles.theme == "belemmeringen"
    assert [obstacles.subtitle(c, "") for c in outline.children["belemmeringen"]] == [
        "Prestatie-indicatoren",
        "De burger met een grote afstand tot de arbeidsmarkt",
        "De invloed van de caseload",
    ]
    craft = outline.chapters[2].sections[1]
    assert craft.arenas == "ja" and craft.subtitle("spreekkamer", "") == "Arena 1: de spreekkamer"
    assert outline.chapters[2].sections[2].theme is None
    # every theme of the guide has a place: nothing coded falls outside the study's chapters
    placed = {t for (_, t) in outline.slots}
    assert placed == {t.id for t in guide.themes}


def test_our_additions_are_marked_apart_from_the_study() -> None:
    """The study gives the sections; which guide theme goes where is ours, and says so."""
    lines = study_outline_text().splitlines()
    for number, line in enumerate(lines):
        if re.match(r"\s+- thema: ", line):
            assert "[toevoeging]" in line, f"regel {number + 1}: {line}"
        if re.match(r"\s+(- )?titel: ", line) and number > 0:
            assert "§" in line, f"regel {number + 1} zegt niet waar het boek dit heeft: {line}"
        if re.match(r"\s+slot: ", line):
            assert "§" in line
    assert sum(bool(re.match(r"\s+- thema: .*\[toevoeging\]", line)) for line in lines) == 10


def test_the_repository_root_project_has_the_study_outline_too() -> None:
    assert (REPO / OUTLINE_FILE).read_text("utf-8") == study_outline_text()


def test_rapport_init_on_the_study_guide_starts_from_the_study_outline(project, capsys) -> None:
    study_project(project, outline=False)
    assert main(["--project", str(project.root), "rapport", "init"]) == 0
    assert (project.root / OUTLINE_FILE).read_text("utf-8") == study_outline_text()
    sub = project.root / "rapport" / "h5" / "afstand.md"  # a §5.3 sub-heading
    assert "'De burger met een grote afstand tot de arbeidsmarkt'" in sub.read_text("utf-8")
    assert (project.root / "rapport" / "h7" / "slot.md").exists()


def test_a_real_export_has_the_studys_chapter_numbers_and_titles_in_order(tmp_path, capsys) -> None:
    root = tmp_path / "sam"
    assert main(["init", str(root)]) == 0
    study_project(Project.at(root), outline=False)  # three coded groups, no outline of its own
    target = tmp_path / "rapport.docx"
    assert main(["--project", str(root), "export", "rapport", "-o", str(target)]) == 0
    found = [(HEADINGS[s], t) for s, t in paragraphs(open_docx(target)) if s in HEADINGS]
    chapters = [t for level, t in found if level == 1]
    assert chapters == [
        *(f"{5 + i} {title}" for i, (_, title, _) in enumerate(STUDY)),
        "Bijlage A Verantwoording",
    ]
    sections = [t for level, t in found if level == 2]
    expected = []
    for i, (_, _, titles) in enumerate(STUDY):
        expected += [f"{5 + i}.{j + 1} {title}" for j, title in enumerate(titles)]
        expected.append(f"{5 + i}.{len(titles) + 1} Concluderend")
    assert sections == expected
    subs = [t for level, t in found if level == 3]
    # the study's sub-headings where quotes are: §5.3 prestatie-indicatoren, §7.2's arenas
    assert subs == [
        "Prestatie-indicatoren",
        "Arena 1: de spreekkamer",
        "Arena 2: de eigen organisatie",
        "Arena 3: het maatschappelijke veld",
    ]
    outline = load_outline(root, guide_of(root))
    assert outline.from_file and outline.first_chapter == 5


def test_a_theme_in_ook_brings_its_fragments_to_that_section(tmp_path) -> None:
    root = tmp_path / "sam"
    assert main(["init", str(root)]) == 0
    study_project(Project.at(root), outline=False)
    target = tmp_path / "rapport.docx"
    assert main(["--project", str(root), "export", "rapport", "-o", str(target)]) == 0
    texts = [t for _, t in paragraphs(open_docx(target))]
    first = texts.index("5.1 Een belangrijke maatschappelijke opdracht: helpen én handhaven")
    second = texts.index("5.2 De maatschappelijke opdracht is duidelijk")
    # coded 'opdracht' only: §5.1 holds it through 'ook: [opdracht]'
    assert "— ‘Mensen helpen naar werk, dat is de kern.’" in texts[first:second]


BASE = """\
titel: T
hoofdstukken:
  - titel: H
    stellingen: [2]
    paragrafen:
"""


def outline_problems(sections: str) -> list[str]:
    guide, _ = check_guide(REPO / GUIDE_FILE)
    _outline, problems = parse_outline(BASE + sections, OUTLINE_FILE, guide)
    return [str(p) for p in problems if not p.warning]


def test_ook_and_subkopjes_name_known_themes_and_arenas_with_their_line() -> None:
    assert outline_problems("      - thema: klant\n        ook: [vertrouwn]\n") == [
        "rapport.yaml:7: onbekend thema 'vertrouwn' in 'ook' bij paragraaf 1 van hoofdstuk 1 "
        "(bedoelde u 'vertrouwen' of 'wantrouwen'?); gebruik thema-ids uit stellingen.yaml"
    ]
    assert outline_problems("      - titel: Los\n        ook: [klant]\n") == [
        "rapport.yaml:7: paragraaf 1 van hoofdstuk 1 heeft 'ook' maar geen 'thema'; zet er "
        "een 'thema' bij"
    ]
    wrong = "      - thema: belemmeringen\n        subkopjes:\n          klant: Klant\n"
    [problem] = outline_problems(wrong)
    assert problem.startswith(
        "rapport.yaml:8: 'klant' in 'subkopjes' bij paragraaf 1 van hoofdstuk 1 is geen "
        "subthema van 'belemmeringen' en geen arena"
    )
    assert (
        outline_problems(
            "      - thema: vakmanschap\n        subkopjes:\n          spreekkamer: Arena 1\n"
        )
        == []
    )


def test_a_theme_in_ook_counts_as_placed_in_its_chapter() -> None:
    twice = "      - thema: klant\n        ook: [caseload]\n      - thema: belemmeringen\n"
    [problem] = outline_problems(twice)
    assert problem.startswith("rapport.yaml:8: thema 'belemmeringen' staat al in dit hoofdstuk")
    again = "      - thema: klant\n        ook: [vertrouwen]\n      - thema: rollen\n"
    assert outline_problems(again + "        ook: [vertrouwen]\n") == [
        "rapport.yaml:9: thema 'vertrouwen' staat al in dit hoofdstuk (regel 6); een thema "
        "krijgt per hoofdstuk één paragraaf (een hoofdthema neemt zijn subthema's mee)"
    ]
    # a parent in 'ook' holds only itself: its children may have sections of their own
    assert (
        outline_problems("      - thema: klant\n        ook: [opdracht]\n      - duidelijkheid\n")
        == []
    )
