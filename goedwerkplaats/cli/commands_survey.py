"""`enquete`: preview the survey beside the quotes (enquete.yaml and the export it names)."""

from __future__ import annotations

import argparse
from pathlib import Path

from goedwerkplaats.cli.commands_project import project_of
from goedwerkplaats.cli.flags import flags
from goedwerkplaats.cli.messages import shown_path
from goedwerkplaats.cli.parser import Commands
from goedwerkplaats.files.problems import GwpError, Problem, ProblemsError
from goedwerkplaats.project.folder import Project
from goedwerkplaats.report.outline import Outline
from goedwerkplaats.survey.check import capped
from goedwerkplaats.survey.distribution import TableResult
from goedwerkplaats.survey.load import Survey, read_survey, survey_path
from goedwerkplaats.survey.mapping_file import SURVEY_FILE
from goedwerkplaats.survey.overview import column_summaries
from goedwerkplaats.survey.placement import SurveyPlace, place_tables
from goedwerkplaats.survey.reader import read_responses


def register(commands: Commands) -> None:
    survey = commands.add_parser(
        "enquete",
        help=f"toon de enquêtetabellen zoals het rapport ze krijgt ({SURVEY_FILE}), of de "
        "kolommen van een export",
    )
    survey.add_argument(
        "bestand",
        nargs="?",
        type=Path,
        metavar="BESTAND",
        help=f"een export (CSV of .xlsx) om te bekijken: met {SURVEY_FILE} gelezen zoals die "
        "het zegt (in plaats van het bestand daarin), zonder: de kolommen en hun antwoorden",
    )
    survey.add_argument(
        *flags("--alles"),
        dest="all",
        action="store_true",
        help="toon alle antwoorden buiten de schaal (standaard de eerste 20)",
    )
    survey.set_defaults(handler=cmd_survey)


def cmd_survey(args: argparse.Namespace) -> int:
    project = project_of(args)
    mapping = survey_path(project.root)
    if not mapping.exists():
        if args.bestand is None:
            raise GwpError(
                f"dit project heeft nog geen {SURVEY_FILE}; bekijk eerst de kolommen van de "
                "export met 'goedwerkplaats enquete BESTAND' en schrijf dan enquete.yaml "
                "(zie de README, Enquête)"
            )
        return _columns(args.bestand)
    survey = read_survey(mapping, project.root, args.bestand)
    outline = _outline(project)
    places: dict[int, SurveyPlace] = {}
    problems: list[Problem] = []
    if outline is not None:
        placement = place_tables(survey.mapping.tables, outline, mapping)
        places = {i: place for place, indexes in placement.places.items() for i in indexes}
        problems = placement.problems
    _print_survey(survey, outline, places)
    if any(t.chart for t in survey.mapping.tables):
        from goedwerkplaats.exporters.report_chart import MISSING_NOTE, charts_available

        if not charts_available():
            print(f"let op: {MISSING_NOTE}")
    warnings = list(survey.warnings) if args.all else capped(list(survey.warnings))
    for problem in [*warnings, *problems]:
        print(problem)
    if problems:
        print(f"{len(problems)} tabel(len) zonder plek in het rapport; pas {SURVEY_FILE} aan")
        return 1
    return 0


def _outline(project: Project) -> Outline | None:
    from goedwerkplaats.report.outline_file import load_outline

    try:
        return load_outline(project.root, project.load_guide())
    except ProblemsError as error:
        print(f"let op: de plek in het rapport is onbekend, want:\n{error}")
        return None


def _print_survey(survey: Survey, outline: Outline | None, places: dict[int, SurveyPlace]) -> None:
    responses = survey.responses
    print(
        f"{SURVEY_FILE}: {shown_path(responses.path)} ({responses.how}), "
        f"{survey.respondents} respondent(en)"
    )
    for index, result in enumerate(survey.tables):
        print()
        where = _where(outline, places.get(index)) if outline is not None else ""
        print(f"Tabel {index + 1}{where}: {result.caption}")
        _print_table(result)


def _where(outline: Outline, place: SurveyPlace | None) -> str:
    if place is None:
        return " (geen plek in het rapport)"
    chapter_index, section_index = place
    chapter = outline.chapters[chapter_index]
    if section_index is None:
        return f", in hoofdstuk {outline.chapter_number(chapter_index)} {chapter.title}"
    section = chapter.sections[section_index]
    return f", in {outline.section_number(chapter_index, section_index)} {section.title}"


def _print_table(result: TableResult) -> None:
    labels = result.table.scale.labels
    width = max(len(label) for label in labels)
    for item in result.items:
        column = f" (kolom {item.column})" if item.column != item.label else ""
        print(f"  {item.label}{column}")
        for label, count, percent in zip(labels, item.counts, item.percentages(), strict=True):
            print(f"    {label:<{width}}  {count:>5}  {percent:>3}%")
        extra = [f"zonder antwoord {item.missing}"]
        if item.excluded:
            extra.append(
                f"niet meegeteld ({', '.join(result.table.scale.excluded)}) {item.excluded}"
            )
        if item.outside:
            extra.append(f"buiten de schaal {len(item.outside)} (zie hieronder)")
        print(f"    n = {item.n}; {'; '.join(extra)}")


def _columns(path: Path) -> int:
    responses = read_responses(path)
    print(f"{shown_path(path)} ({responses.how}): {len(responses.rows)} respondent(en)")
    for number, summary in enumerate(column_summaries(responses), start=1):
        answers = ", ".join(f"'{value}' {count}×" for value, count in summary.common)
        more = (
            f", … ({summary.distinct} verschillende)"
            if summary.distinct > len(summary.common)
            else ""
        )
        print(f"{number:>3}. {summary.header or '(zonder kop)'}: {summary.answered} antwoorden")
        if answers:
            print(f"     {answers}{more}")
    for warning in responses.warnings:
        print(warning)
    print(f"schrijf nu {SURVEY_FILE}: welke kolommen, hun schaal en hun plek (zie de README)")
    return 0
