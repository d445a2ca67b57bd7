"""Where each survey table goes in the report: a chapter of the outline, or one of its
sections. A table that names a section, chapter or stelling the outline does not have is a
problem with its line in `enquete.yaml`, never a table silently left out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from goedwerkplaats.files.checker import did_you_mean
from goedwerkplaats.files.problems import Problem
from goedwerkplaats.report.outline import Outline
from goedwerkplaats.survey.model import SurveyTable

# (chapter index, section index); a section index of None: at the chapter's start
SurveyPlace = tuple[int, int | None]


@dataclass(frozen=True)
class SurveyPlacement:
    places: dict[SurveyPlace, list[int]] = field(default_factory=dict)  # → table indexes
    problems: list[Problem] = field(default_factory=list)


def place_tables(
    tables: tuple[SurveyTable, ...], outline: Outline, mapping_path: Path | str
) -> SurveyPlacement:
    placement = SurveyPlacement()
    for index, table in enumerate(tables):
        place, problem = _place(table, outline)
        if place is None:
            placement.problems.append(Problem(mapping_path, table.line, problem))
        else:
            placement.places.setdefault(place, []).append(index)
    return placement


def _place(table: SurveyTable, outline: Outline) -> tuple[SurveyPlace | None, str]:
    chapters = list(enumerate(outline.chapters))
    what = f"de tabel '{table.title}'"
    if table.chapter:
        ids = [c.id for _, c in chapters]
        chapters = [(i, c) for i, c in chapters if c.id == table.chapter]
        if not chapters:
            return None, (
                f"{what}: het rapport heeft geen hoofdstuk '{table.chapter}'"
                f"{did_you_mean(table.chapter, ids)}; de hoofdstukken zijn: {', '.join(ids)}"
            )
    if table.statement:
        chapters = [(i, c) for i, c in chapters if table.statement in c.statements]
        if not chapters:
            return None, (
                f"{what}: geen hoofdstuk van het rapport gaat over stelling "
                f"'{table.statement}'; kies een 'paragraaf' of 'hoofdstuk' uit rapport.yaml"
            )
    if not table.section:
        return (chapters[0][0], None), ""
    keys: list[str] = []
    for c, chapter in chapters:
        for s, section in enumerate(chapter.sections):
            if table.section in (section.key, section.theme):
                return (c, s), ""
            if section.key not in keys:  # the implicit outline repeats them per chapter
                keys.append(section.key)
    return None, (
        f"{what}: het rapport heeft geen paragraaf '{table.section}'"
        f"{' in dat hoofdstuk' if table.chapter or table.statement else ''}"
        f"{did_you_mean(table.section, keys)}; een paragraaf heet naar zijn thema-id "
        "(zie rapport.yaml)"
    )
