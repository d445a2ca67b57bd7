"""`goedwerkplaats check` for the survey: the mapping file, the export it names, the columns,
answers outside the scales, and whether each table has its place in the report outline."""

from __future__ import annotations

from pathlib import Path

from goedwerkplaats.files.problems import Problem, ProblemsError
from goedwerkplaats.report.outline import Outline
from goedwerkplaats.survey.load import read_survey, survey_path
from goedwerkplaats.survey.placement import place_tables

MAX_OUTSIDE_LISTED = 20


def check_survey(root: Path, outline: Outline | None) -> list[Problem]:
    """Every problem of the project's survey (none without `enquete.yaml`)."""
    path = survey_path(root)
    if not path.exists():
        return []
    try:
        survey = read_survey(path, root)
    except ProblemsError as error:
        return error.problems
    problems = capped(list(survey.warnings))
    if outline is not None:
        problems.extend(place_tables(survey.mapping.tables, outline, path).problems)
    return problems


def capped(warnings: list[Problem], limit: int = MAX_OUTSIDE_LISTED) -> list[Problem]:
    """At most `limit` answer warnings, then one line saying how many more there are."""
    if len(warnings) <= limit:
        return warnings
    rest = len(warnings) - limit
    more = Problem(
        warnings[limit].file,
        None,
        f"nog {rest} zulke meldingen; 'goedwerkplaats enquete --alles' toont ze allemaal",
        warning=True,
    )
    return [*warnings[:limit], more]
