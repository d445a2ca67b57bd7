"""The report's cross-tables: a numbered Word table wherever the outline asks (`kruistabel:`).

A `SectionExtra` (see `report_docx`): written after a section's prose, before its quotes.
Rows are the section's themes (in a section without a theme: every theme of the chapter's
sections), counted within the chapter's stellingen like the section's breadth line. A column
that would point at one participant stops the export (nothing is written) until the outline
says `herkenbaar: grof` or `weglaten` for that table, or the export was given that choice
(`--herkenbaar`, which the composition table and attributions follow too).
"""

from __future__ import annotations

from goedwerkplaats.exporters.docx_body import LEFT, RIGHT, Table
from goedwerkplaats.exporters.dutch import enumeration, number, statement_short
from goedwerkplaats.exporters.report_docx import ReportWriter
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.privacy.singling_out import COARSEN, DROP, OTHER
from goedwerkplaats.report.crosstab import UNKNOWN, CrossTable, cross_table
from goedwerkplaats.report.outline import Chapter, CrossTableSpec, Section
from goedwerkplaats.report.outline_file import OUTLINE_FILE

NOBODY = "–"


def cross_tables(writer: ReportWriter, chapter: Chapter, section: Section | None) -> None:
    """Every cross-table the outline asks for in this section (none at chapter level)."""
    if section is None:
        return
    for spec in section.cross_tables:
        table = cross_table(
            writer.guide,
            writer.content.sessions,
            writer.content.breadth,
            spec.against,
            _themes(writer, chapter, section, spec),
            chapter.statements,
            spec.singling_out or writer.content.singling_out,  # the table's own, else the export's
        )
        _refuse_singling_out(table, section)
        _write(writer, chapter, table)


def _themes(
    writer: ReportWriter, chapter: Chapter, section: Section, spec: CrossTableSpec
) -> list[str]:
    if spec.themes:
        return list(spec.themes)
    sections = [section] if section.theme else list(chapter.sections)
    return [t for s in sections for t in s.themes()]


def _refuse_singling_out(table: CrossTable, section: Section) -> None:
    if not table.singled_out:
        return
    lines = "\n".join(f"  {found.describe()}" for found in table.singled_out)
    raise GwpError(
        f"{OUTLINE_FILE}: de kruistabel tegen '{table.dimension}' in paragraaf "
        f"'{section.title}' zou een deelnemer herkenbaar maken:\n{lines}\n"
        f"zet bij die kruistabel 'herkenbaar: {COARSEN}' (een waarde van één deelnemer wordt "
        f"'{OTHER}') of 'herkenbaar: {DROP}' (die deelnemer telt alleen in het totaal), of "
        "kies --herkenbaar bij de export (in het exportscherm bij 'Herkenbaar'); er is niets "
        "geschreven"
    )


def _write(writer: ReportWriter, chapter: Chapter, table: CrossTable) -> None:
    columns = [writer.private(c.key) for c in table.columns]
    header = ["Thema", *columns, "Deelnemers", "Groepen", "Fragmenten (extra)"]
    everyone = [
        "Alle deelnemers",
        *(number(c.people) for c in table.columns),
        number(table.people),
        number(table.sessions),
        "",
    ]
    rows = [everyone]
    for row in table.rows:
        rows.append(
            [
                ("– " if row.sub else "") + writer.private(row.label),
                *(_count(n) for n in row.participants),
                _count(row.total.participants),
                _count(row.total.sessions),
                _count(row.total.fragments),
            ]
        )
    writer.table(
        _caption(writer, chapter, table),
        Table(
            header=header,
            rows=rows,
            widths=[3.0, *[1.6] * len(columns), 1.8, 1.4, 1.8],
            align=[LEFT, *[RIGHT] * (len(header) - 1)],
        ),
        _note(table),
    )


def _count(value: int) -> str:
    return number(value) if value else NOBODY


def _caption(writer: ReportWriter, chapter: Chapter, table: CrossTable) -> str:
    against = "sessie" if table.by_session else table.title.lower()
    caption = f"Deelnemers die het thema noemden, per {against}"
    if chapter.statements:
        shown = [statement_short(writer.guide, s) for s in chapter.statements]
        caption += ", " + enumeration(shown)
    return caption


def _note(table: CrossTable) -> str:
    """What the numbers are, in words: people, not a share of a sample."""
    parts = [
        "Aantal deelnemers dat het thema noemde; een deelnemer telt één keer, hoe vaak hij het "
        "ook noemde. De eerste rij: alle deelnemers per kolom. Een hoofdthema telt wie het "
        "hoofdthema of een van zijn subthema's noemde. Alleen woorden van deelnemers tellen "
        "(een notitie van de gespreksleider telt de deelnemer over wie hij gaat). Fragmenten "
        f"(extra): het aantal uitspraken. {NOBODY} = niemand."
    ]
    if any(c.key == UNKNOWN for c in table.columns):
        parts.append(f"{UNKNOWN}: geen {table.title.lower()} vastgelegd.")
    if any(c.key == OTHER for c in table.columns):
        parts.append(f"{OTHER}: waarden die maar één deelnemer heeft, samengenomen.")
    if table.hidden:
        parts.append(
            f"{table.hidden} deelnemer(s) tellen alleen in 'Deelnemers': hun "
            f"{table.title.lower()} zou hen herkenbaar maken."
        )
    return " ".join(parts)
