"""`export rapport`: the report from rapport.yaml, checked on the real .docx reopened."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.exporters.report import ReportOptions, export_report, plan_report
from goedwerkplaats.exporters.selection import QuoteFilter
from goedwerkplaats.model.changes import PutParticipant, PutSegment, PutStance
from goedwerkplaats.model.session import Participant, Stance
from goedwerkplaats.report.choices import CHOICES_FILE
from tests.data.export.builders import open_docx, paragraphs, styled, table_rows
from tests.data.report.builders import STUDY_OUTLINE, study_project

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
HEADINGS = {"Heading 1": 1, "Heading 2": 2, "Heading 3": 3}
DASH, OPEN, CLOSE = "\u2014 ", "\u2018", "\u2019"


def headings(document) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    return [(HEADINGS[s], t) for s, t in paragraphs(document) if s in HEADINGS]


def quotes(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        t.removeprefix(DASH).removeprefix(OPEN).removesuffix(CLOSE)
        for t in styled(document, "Quote")
    ]


def under(document, heading: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The paragraphs after `heading` up to the next chapter or section (sub-sections in)."""
    found = paragraphs(document)
    start = [t for _, t in found].index(heading) + 1
    result = []
    for style, text in found[start:]:
        if style in ("Heading 1", "Heading 2"):
            break
        result.append((style, text))
    return result


def xml(path, part: str = "word/document.xml") -> str:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode("utf-8")


@pytest.fixture
def study(project):  # type: ignore[no-untyped-def]
    return study_project(project)


def test_chapters_sections_and_sub_sections_come_from_the_outline(study) -> None:
    document = open_docx(export_report(study))
    assert headings(document) == [
        (1, "5 De SAM-professional over zijn maatschappelijke opdracht"),
        (2, "5.1 Een belangrijke maatschappelijke opdracht: helpen én handhaven"),
        (2, "5.2 De drie belangrijkste belemmeringen"),
        (3, "Prestatie-indicatoren"),  # a child theme of 'belemmeringen': its own sub-section
        (2, "5.3 Competenties"),
        (2, "5.4 Concluderend"),
        (1, "6 De gezagsrelatie tussen de SAM-professional en de burger"),
        (2, "6.1 De burger als 'klant'"),
        (2, "6.2 De SAM-professional als handhaver: alleen als het moet"),
        (2, "6.3 Vertrouwen"),
        (2, "6.4 Concluderend"),
        (1, "7 De SAM-professional in een complex krachtenveld"),
        (2, "7.1 Vakmanschap serieus genomen"),
        (3, "De spreekkamer"),  # arenas: ja
        (3, "De eigen organisatie"),
        (3, "Het maatschappelijke veld"),
        (2, "7.2 Concluderend"),
        (1, "Bijlage A Verantwoording"),
    ]


def test_every_coded_participant_fragment_appears_exactly_once(study) -> None:
    document = open_docx(export_report(study))
    printed = quotes(document)
    assert len(printed) == len(set(printed))
    assert sorted(printed) == sorted(
        [
            "Mensen helpen naar werk, dat is de kern.",
            "De cijfers sturen alles, [P1] weet dat ook.",
            "Uitstroom is het enige dat telt.",
            "Honderdtwintig dossiers, dat kan niemand.",
            "Ik zeg nooit klant, het is een burger.",
            "Handhaven hoort er gewoon bij.",
            "Sanctioneren doe ik alleen als het echt moet.",
            "Vertrouwen moet je verdienen.",
            "De wethouder neemt ons niet serieus.",
            "Werkgevers bellen mij als het misgaat.",
            "Mijn cliënten zien wat ik doe.",
        ]
    )
    # a fragment with two themes stands under the first in outline order, the other refers
    assert "De cijfers sturen alles, [P1] weet dat ook." in [
        q
        for s, q in under(
            document, "5.1 Een belangrijke maatschappelijke opdracht: helpen én handhaven"
        )
        for q in [q.removeprefix(DASH + OPEN).removesuffix(CLOSE)]
        if s == "Quote"
    ]
    assert ("Verwijzing", "Zie ook 5.1 (1 citaat): citaten die ook over dit thema gaan.") in under(
        document, "5.2 De drie belangrijkste belemmeringen"
    )


def test_quote_marks_dash_and_no_attribution_as_the_outline_says(study) -> None:
    document = open_docx(export_report(study))
    assert all(t.startswith(DASH + OPEN) and t.endswith(CLOSE) for t in styled(document, "Quote"))
    assert styled(document, "Citaatbron") == []
    marks = STUDY_OUTLINE.replace(
        'aanhalingstekens: "‘’"',
        'aanhalingstekens: "„”"\nbronvermelding: sessie\ncitaatstreep: nee',
    ).replace("bronvermelding: geen\n", "")
    (study.root / "rapport.yaml").write_text(marks, "utf-8")
    document = open_docx(export_report(study, ReportOptions(), None))
    first = styled(document, "Quote")[0]
    assert first.startswith("„") and first.endswith("”")
    assert styled(document, "Citaatbron")[0] == "(g1, P1, 00:00:20)"


def test_nothing_but_verbatim_participant_words_is_a_quote_under_any_selection(study) -> None:
    for selection in ("citaat", "gecodeerd", "alles"):
        document = open_docx(
            export_report(study, ReportOptions(QuoteFilter(selection=selection), force=True))
        )
        text = "\n".join(t for _, t in paragraphs(document))
        assert "Wat is voor jullie de opdracht?" not in text  # the facilitator
        assert "Dus vertrouwen is de basis?" not in text
        assert "P1 vindt de caseload te hoog" not in text  # an unlinked live note
    only_starred = quotes(
        open_docx(export_report(study, ReportOptions(QuoteFilter(selection="citaat"), force=True)))
    )
    assert sorted(only_starred) == sorted(
        [
            "Mensen helpen naar werk, dat is de kern.",
            "Sanctioneren doe ik alleen als het echt moet.",
            "Werkgevers bellen mij als het misgaat.",
        ]
    )


def test_facilitator_notes_only_when_asked_and_marked_as_notes(study) -> None:
    outline = study.root / "rapport.yaml"
    outline.write_text(
        outline.read_text("utf-8").replace(
            "bronvermelding: geen", "bronvermelding: geen\nnotities: ja"
        ),
        "utf-8",
    )
    document = open_docx(export_report(study))
    section = under(document, "5.3 Competenties")
    assert (
        "Notitie gespreksleider",
        "Notitie van de gespreksleider (geen letterlijk citaat): P1 vindt de caseload te hoog",
    ) in section
    assert "P1 vindt de caseload te hoog" not in "".join(quotes(document))


def test_the_chosen_primary_theme_decides_where_a_quote_goes(study) -> None:
    with study.open_session("g1") as store:
        segment = store.session.segments.get("t3")
        import dataclasses

        store.apply(PutSegment(dataclasses.replace(segment, primary_theme="belemmeringen")))
    document = open_docx(export_report(study))
    belemmeringen = [
        t for s, t in under(document, "5.2 De drie belangrijkste belemmeringen") if s == "Quote"
    ]
    assert belemmeringen == [
        f"{DASH}{OPEN}De cijfers sturen alles, [P1] weet dat ook.{CLOSE}",
        f"{DASH}{OPEN}Uitstroom is het enige dat telt.{CLOSE}",  # its sub-section
    ]
    assert ("Verwijzing", "Zie ook 5.2 (1 citaat): citaten die ook over dit thema gaan.") in under(
        document, "5.1 Een belangrijke maatschappelijke opdracht: helpen én handhaven"
    )


def test_prose_files_are_woven_in_above_the_quotes_with_word_styles(study) -> None:
    folder = study.root / "rapport" / "opdracht"
    folder.mkdir(parents=True)
    (folder / "opdracht.md").write_text(
        "<!-- wat hier staat -->\nDe deelnemers zijn het *eens*:\n"
        "de opdracht is **helpen én handhaven**.\n\n"
        "- helpen\n- handhaven\n\n1. eerst\n",
        "utf-8",
    )
    (folder / "slot.md").write_text("Alles bij elkaar genomen.\n", "utf-8")
    target = export_report(study)
    document = open_docx(target)
    section = under(document, "5.1 Een belangrijke maatschappelijke opdracht: helpen én handhaven")
    assert section[1] == (
        "Normal",
        "De deelnemers zijn het eens: de opdracht is helpen én handhaven.",
    )
    assert section[2:5] == [
        ("List Bullet", "helpen"),
        ("List Bullet", "handhaven"),
        ("List Number", "eerst"),
    ]
    assert section[5][0] == "Quote"  # the quotes come after the researcher's words
    assert under(document, "5.4 Concluderend") == [("Normal", "Alles bij elkaar genomen.")]
    paragraph = next(p for p in document.paragraphs if p.text.startswith("De deelnemers zijn"))
    assert [(r.text, r.italic, r.bold) for r in paragraph.runs if r.italic or r.bold] == [
        ("eens", True, None),
        ("helpen én handhaven", None, True),
    ]
    assert "wat hier staat" not in xml(target)
    # more coding, a new export: the researcher's words are still there
    with study.open_session("g2") as store:
        import dataclasses

        store.apply(
            PutSegment(
                dataclasses.replace(
                    store.session.segments.get("t3"), themes=("vertrouwen", "opdracht")
                )
            )
        )
    again = open_docx(export_report(study, ReportOptions(force=True)))
    assert ("Normal", "De deelnemers zijn het eens: de opdracht is helpen én handhaven.") in under(
        again, "5.1 Een belangrijke maatschappelijke opdracht: helpen én handhaven"
    )


def test_quote_choice_and_order_per_section_come_from_keuze_yaml(study) -> None:
    # default: the ★ citaat-flagged first, then in time order
    document = open_docx(export_report(study))
    assert quotes_under(document, "7.1 Vakmanschap serieus genomen") == [
        "Mijn cliënten zien wat ik doe.",  # sub-sections by arena in guide order
        "De wethouder neemt ons niet serieus.",
        "Werkgevers bellen mij als het misgaat.",
    ]
    first = quotes_under(
        document, "5.1 Een belangrijke maatschappelijke opdracht: helpen én handhaven"
    )
    assert first[0] == "Mensen helpen naar werk, dat is de kern."  # ★ first
    (study.root / CHOICES_FILE).parent.mkdir()
    (study.root / CHOICES_FILE).write_text(
        "opdracht/opdracht:\n  volgorde: [g2/t1]\n  weg: [g1/t3]\n", "utf-8"
    )
    document = open_docx(export_report(study, ReportOptions(force=True)))
    assert quotes_under(
        document, "5.1 Een belangrijke maatschappelijke opdracht: helpen én handhaven"
    ) == [
        "Handhaven hoort er gewoon bij.",
        "Mensen helpen naar werk, dat is de kern.",
    ]


def quotes_under(document, heading: str) -> list[str]:  # type: ignore[no-untyped-def]
    found = paragraphs(document)
    start = [t for _, t in found].index(heading) + 1
    result = []
    for style, text in found[start:]:
        if style == "Heading 2" or style == "Heading 1":
            break
        if style == "Quote":
            result.append(text.removeprefix(DASH + OPEN).removesuffix(CLOSE))
    return result


def test_breadth_line_counts_participants_and_groups(study) -> None:
    document = open_docx(export_report(study))
    section = under(document, "5.1 Een belangrijke maatschappelijke opdracht: helpen én handhaven")
    # opdracht under stelling 2: g1 P1 and P2, g2 P1 (the facilitator's line does not count)
    assert section[0] == ("Breedte", "Genoemd door 3 van de 7 deelnemers, in 2 van de 3 groepen.")
    assert not any(s == "Breedte" for s, _ in under(document, "6.1 De burger als 'klant'"))


def test_stance_table_counts_with_n_and_scale_labels_in_a_numbered_field_caption(study) -> None:
    target = export_report(study)
    document = open_docx(target)
    captions = styled(document, "Caption")
    assert captions[0].startswith("Tabel 5.1 Posities van de deelnemers bij stelling 2")
    assert "(aantallen; focusgroepen, geen enquête)" in captions[0]
    assert "Antwoordverdeling in percentages" not in "".join(captions)
    rows = table_rows(document.tables[0])
    assert rows[0] == [
        "Moment",
        "n",
        "Helemaal mee oneens",
        "Mee oneens",
        "Neutraal",
        "Mee eens",
        "Helemaal mee eens",
    ]
    assert rows[1] == ["Begin van het gesprek", "2", "0", "1", "0", "1", "0"]  # counts, no %
    assert "SEQ Tabel \\* ARABIC \\r 1" in xml(target)
    assert [c for c in captions if c.startswith("Tabel A.")][:2] == [
        "Tabel A.1 De bijeenkomsten",
        "Tabel A.2 Samenstelling van de deelnemers naar kenmerk",
    ]


def test_percentages_with_percent_signs_once_n_is_large_enough(study) -> None:
    with study.open_session("g3") as store:
        changes = []
        for number in range(4, 26):
            changes.append(PutParticipant(Participant(f"P{number}")))
            changes.append(PutStance(Stance("3", f"P{number}", "begin", 5 if number % 2 else 4)))
        store.apply(*changes)
    document = open_docx(export_report(study))
    caption = next(c for c in styled(document, "Caption") if "stelling 3" in c)
    assert caption.startswith("Tabel 7.1 ") and "aantallen en percentages" in caption
    table = next(
        t
        for t in document.tables
        if table_rows(t)[0][0] == "Moment" and table_rows(t)[1][1] == "22"
    )
    assert table_rows(table)[1][5:] == ["11 (50%)", "11 (50%)"]


def test_a_book_title_page_contents_page_numbers_and_chapter_breaks(study) -> None:
    target = export_report(study)
    document = open_docx(target)
    assert styled(document, "Title") == ["De SAM-professional als gezagsdrager"]
    assert styled(document, "Subtitle") == ["Resultaten van de focusgroepen"]
    body = xml(target)
    assert 'TOC \\o "1-2" \\h \\z \\u' in body
    assert (
        styled(document, "toc 1")[0].rstrip("\t")
        == "5 De SAM-professional over zijn maatschappelijke opdracht"
    )
    assert "PAGEREF _Toc" in body
    settings = xml(target, "word/settings.xml")
    assert '<w:updateFields w:val="true"/>' in settings
    footer = "".join(
        xml(target, name) for name in zipfile.ZipFile(target).namelist() if "footer" in name
    )
    assert " PAGE " in footer
    chapters = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert all(p.paragraph_format.page_break_before for p in chapters)
    assert document.sections[0].different_first_page_header_footer


def test_the_account_is_an_appendix_counting_people_and_the_facilitator_apart(study) -> None:
    document = open_docx(export_report(study))
    account = " ".join(t for s, t in under(document, "Bijlage A Verantwoording") if s == "Normal")
    assert "3 bijeenkomsten (1 zonder vastgelegde vorm en 2 via video)" in account
    assert "7 deelnemers (de gespreksleider niet meegeteld)" in account
    assert "Deelnemers zeiden 12 fragmenten met tekst; de gespreksleider 2" in account
    assert (
        "1 live notitie van de gespreksleider is niet aan het transcript gekoppeld en dus geen "
        "letterlijk citaat; die staat niet in dit rapport." in account
    )
    sessions = next(t for t in document.tables if table_rows(t)[0][0] == "Sessie")
    assert table_rows(sessions)[0] == [
        "Sessie",
        "Datum",
        "Vorm",
        "Deelnemers",
        "Fragmenten deelnemers",
        "Fragmenten gespreksleider",
        "In dit rapport",
    ]
    assert table_rows(sessions)[3][2] == "onbekend"
    breadth = next(t for t in document.tables if table_rows(t)[0][0] == "Thema")
    assert table_rows(breadth)[0][-3:] == ["Deelnemers", "Groepen", "Fragmenten (extra)"]
    outline = study.root / "rapport.yaml"
    outline.write_text(
        outline.read_text("utf-8").replace(
            "bronvermelding: geen", "bronvermelding: geen\nverantwoording: nee"
        ),
        "utf-8",
    )
    document = open_docx(export_report(study, ReportOptions(force=True)))
    assert "Bijlage A Verantwoording" not in [t for _, t in headings(document)]


def test_without_rapport_yaml_the_report_follows_the_guide(project) -> None:
    study_project(project, outline=False)
    document = open_docx(export_report(project))
    found = headings(document)
    assert found[0] == (1, "1 De cliënten van de klantmanager zijn geen klanten.")
    assert (2, "1.1 Maatschappelijke opdracht") in found
    assert len(quotes(document)) == 11


def test_arenas_auto_splits_only_when_more_than_one_arena_has_quotes(study) -> None:
    outline = study.root / "rapport.yaml"
    text = outline.read_text("utf-8").replace(
        "      - thema: vertrouwen\n", "      - thema: vertrouwen\n        arenas: auto\n"
    )
    text = text.replace(
        "      - thema: vakmanschap\n        arenas: ja\n",
        "      - thema: vakmanschap\n        arenas: auto\n",
    )
    outline.write_text(text, "utf-8")
    found = [t for _, t in headings(open_docx(export_report(study)))]
    assert "De spreekkamer" in found  # vakmanschap: three arenas
    index = found.index("6.3 Vertrouwen")
    assert found[index + 1] == "6.4 Concluderend"  # vertrouwen: all in one arena, no sub-heading


def test_cli_export_rapport_and_the_fragments_outside_the_outline(study, capsys) -> None:
    outline = study.root / "rapport.yaml"
    outline.write_text(
        outline.read_text("utf-8").replace("      - thema: competenties\n", ""), "utf-8"
    )
    assert main(["--project", str(study.root), "export", "rapport"]) == 0
    out = capsys.readouterr().out
    assert "let op: 1 geselecteerde fragment(en) vallen buiten de opzet" in out
    # which ones, and why: the researcher can find them and fix the outline or the coding
    (unplaced,) = plan_report(study).placement.unplaced
    assert f"stelling {unplaced.statement}, thema " in out
    assert f": 1 ({unplaced.ref})" in out
    assert "Geef zo'n thema een paragraaf" in out
    assert (study.exports_dir / "rapport.docx").is_file()
    assert len(plan_report(study).placement.unplaced) == 1


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is niet geïnstalleerd")
def test_the_report_renders_in_libreoffice(study, tmp_path) -> None:
    target = export_report(study)
    out = tmp_path / "pdf"
    profile = tmp_path / "libreoffice-profiel"
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(target),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    pdf = out / "rapport.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    if PDFTOTEXT:
        pages = subprocess.run(
            [PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split("\f")
        assert " ".join(pages[0].split()).startswith("De SAM-professional als gezagsdrager")
        assert pages[1].strip().startswith("Inhoud")
        assert (
            pages[2].strip().startswith("5 De SAM-professional over zijn maatschappelijke")
        )  # own page
        assert "Tabel 5.1 Posities" in pages[2]
        assert "Tom Bakker" not in "".join(pages)


def test_the_report_passes_the_open_xml_schema_check(study) -> None:
    audit = pytest.importorskip("openxml_audit", reason="openxml-audit is niet geïnstalleerd")
    folder = study.root / "rapport" / "opdracht"
    folder.mkdir(parents=True)
    (folder / "opdracht.md").write_text("Tekst met *nadruk*.\n\n- een punt\n", "utf-8")
    result = audit.OpenXmlValidator().validate(str(export_report(study)))
    assert result.is_valid, [str(e) for e in result.errors][:5]


def test_names_in_the_researchers_prose_are_replaced_and_masked_terms_masked(study) -> None:
    (study.root / "maskeren.yaml").write_text("termen:\n  - Zwolle\n", "utf-8")
    folder = study.root / "rapport" / "opdracht"
    folder.mkdir(parents=True)
    (folder / "opdracht.md").write_text(
        "Zoals Eva Bos en **Sanne** in Zwolle zeiden, en Marieke Jansen vroeg door.\n", "utf-8"
    )
    document = open_docx(export_report(study))
    prose = next(p.text for p in document.paragraphs if p.text.startswith("Zoals"))
    for name in ("Eva", "Bos", "Sanne", "Marieke", "Jansen", "Zwolle"):
        assert name not in prose, prose
    assert "[P2]" in prose and "[P1]" in prose and "[…]" in prose
    with_names = open_docx(export_report(study, ReportOptions(names=True, force=True)))
    assert any("Eva Bos" in p.text for p in with_names.paragraphs), "asked for explicitly"
