"""Survey tables in the report: the answer distribution per item, in percentages of the valid
answers, under the table's own title with its n, in the chapter or section `enquete.yaml`
names. They are marked as survey results (the note says "Bron: enquête"); focus-group tables
never use this caption."""

from __future__ import annotations

from goedwerkplaats.exporters.docx_body import LEFT, RIGHT, Table
from goedwerkplaats.exporters.dutch import enumeration, number
from goedwerkplaats.exporters.report_chart import chart_png, charts_available
from goedwerkplaats.exporters.report_docx import ReportWriter, SectionExtra
from goedwerkplaats.report.outline import Chapter, Outline, Section
from goedwerkplaats.survey.distribution import TableResult
from goedwerkplaats.survey.load import Survey
from goedwerkplaats.survey.placement import SurveyPlacement

SURVEY_SOURCE = "Bron: enquête"


def survey_extra(survey: Survey, placement: SurveyPlacement, outline: Outline) -> SectionExtra:
    """The report hook that writes each survey table at its place."""
    by_key: dict[tuple[str, str | None], list[TableResult]] = {}
    for (chapter_index, section_index), indexes in placement.places.items():
        chapter = outline.chapters[chapter_index]
        key = None if section_index is None else chapter.sections[section_index].key
        by_key.setdefault((chapter.id, key), []).extend(survey.tables[i] for i in indexes)

    charts = charts_available()

    def write(writer: ReportWriter, chapter: Chapter, section: Section | None) -> None:
        for result in by_key.get((chapter.id, section.key if section else None), ()):
            write_survey_table(writer, result)
            if result.table.chart and charts:
                writer.figure(result.caption, chart_png(result))

    return write


def write_survey_table(writer: ReportWriter, result: TableResult) -> None:
    labels = result.table.scale.labels
    rows = []
    for item in result.items:
        cells = [f"{p}%" for p in item.percentages()] if item.n else ["–"] * len(labels)
        rows.append([item.label, *cells, number(item.n)])
    header = ["", *labels, "n"]
    writer.table(
        result.caption,
        Table(
            header=header,
            rows=rows,
            # the scale's labels are the long headers over short cells: give them the room
            widths=[3.0, *[1.6] * len(labels), 0.7],
            align=[LEFT, *[RIGHT] * (len(header) - 1)],
        ),
        survey_note(result),
    )


def survey_note(result: TableResult) -> str:
    """Where the figures come from and what is not in them."""
    note = (
        f"{SURVEY_SOURCE}. Percentages van de geldige antwoorden (n); hele procenten, een rij "
        "telt daardoor soms op tot 99 of 101%."
    )
    missing = sum(item.missing for item in result.items)
    excluded = sum(item.excluded for item in result.items)
    outside = result.outside
    parts = []
    if missing:
        parts.append(f"{number(missing)} zonder antwoord")
    if excluded:
        parts.append(f"{number(excluded)} {result.table.scale.excluded[0]}")  # its first name
    if outside:
        parts.append(f"{number(outside)} buiten de schaal")
    if parts:
        note += f" Niet meegeteld: {enumeration(parts)}."
    return note
