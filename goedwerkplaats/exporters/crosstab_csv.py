"""The cross-table (kruistabel) as CSV: themes against sessions or a characteristic.

Public API (callable from a worker thread):

    export_crosstab_csv(project, CrosstabCsvOptions(against="functie"), progress=None)
        -> (Path, CrossTable)

One row per theme in tree order (`niveau` says main or sub-theme; a main theme counts whoever
raised it or one of its sub-themes), first a row with everyone who took part per column. The
columns `deelnemers: …` count people, `fragmenten: …` their fragments, labelled as such. See
`report.crosstab` for what counts. Cells are CSV-injection safe (`files.csv_cells`); values
of characteristics pass the project's privacy pass (names and maskeren.yaml terms).

A column that would single out one participant is refused until the user chooses 'grof' or
'weglaten' (`--herkenbaar`), as for the synthesis.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.exporters.output import output_path, record_export
from goedwerkplaats.exporters.privacy import Anonymizer, every_session
from goedwerkplaats.exporters.selection import load_sessions
from goedwerkplaats.files.csv_cells import safe_row
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.session import Session
from goedwerkplaats.privacy.mask_terms import load_mask_terms
from goedwerkplaats.privacy.singling_out import COARSEN, DROP, OTHER
from goedwerkplaats.project.folder import Project
from goedwerkplaats.report.breadth import session_index
from goedwerkplaats.report.crosstab import CrossTable, cross_table
from goedwerkplaats.report.outline import DIMENSION_SESSION
from goedwerkplaats.storage.atomic import write_atomic

SEPARATORS = (",", ";")
DEFAULT_NAME = "kruistabel"
ALL_PEOPLE = "Alle deelnemers (wie meedeed, ook zonder dit thema)"


@dataclass(frozen=True)
class CrosstabCsvOptions:
    against: str = DIMENSION_SESSION  # 'sessie' or a characteristic id
    sessions: tuple[str, ...] = ()
    singling_out: str = ""  # 'grof' or 'weglaten' (privacy.singling_out)
    separator: str = ","
    output: Path | None = None
    force: bool = False


def export_crosstab_csv(
    project: Project,
    options: CrosstabCsvOptions = CrosstabCsvOptions(),
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Path, CrossTable]:
    """Write the cross-table; returns the path written and the table (for the notes)."""
    if options.separator not in SEPARATORS:
        raise GwpError(f"scheidingsteken '{options.separator}' kan niet; kies ',' of ';'")
    if progress:
        progress(0, 1)
    guide = project.load_guide()
    sessions = load_sessions(project, options.sessions)
    if not sessions:
        raise GwpError("er zijn nog geen sessies om een kruistabel van te maken")
    table = cross_table(
        guide,
        sessions,
        session_index(sessions),
        options.against,
        protection=options.singling_out,
    )
    refuse_singling_out(table)
    target = output_path(
        project, f"{DEFAULT_NAME}-{table.dimension}", ".csv", options.output, options.force
    )
    write_atomic(target, crosstab_csv_bytes(table, column_masker(project, sessions), options))
    record_export(project, [s.id for s in sessions], target, "kruistabel (CSV)")
    if progress:
        progress(1, 1)
    return target, table


def refuse_singling_out(table: CrossTable) -> None:
    """A column that points at one participant needs the user's choice first: say who would
    stand out (pseudonym and value, never a name) and what to choose."""
    if not table.singled_out:
        return
    lines = "\n".join(f"  {found.describe()}" for found in table.singled_out)
    raise GwpError(
        f"een kolom van de kruistabel tegen '{table.dimension}' zou een deelnemer herkenbaar "
        f"maken:\n{lines}\n"
        f"kies --herkenbaar {COARSEN} (een waarde die maar één deelnemer heeft, wordt "
        f"'{OTHER}') of --herkenbaar {DROP} (die deelnemer telt alleen in het totaal), in het "
        "exportscherm bij 'Herkenbaar'"
    )


def column_masker(project: Project, sessions: list[Session]) -> Callable[[str], str]:
    """Characteristic values are typed text: every session's names and the project's mask
    terms are replaced in them, as in the researcher's prose."""
    mask = load_mask_terms(project.root)
    return every_session(Anonymizer(s, mask, editorial=True) for s in sessions)


def crosstab_csv_bytes(
    table: CrossTable, masked: Callable[[str], str], options: CrosstabCsvOptions
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=options.separator, lineterminator="\r\n")
    writer.writerows(safe_row(row) for row in crosstab_rows(table, masked))
    return buffer.getvalue().encode("utf-8-sig")  # Excel then shows accents correctly


def crosstab_rows(table: CrossTable, masked: Callable[[str], str]) -> list[list[object]]:
    names = [masked(c.key) for c in table.columns]
    header: list[object] = [
        "thema-id",
        "thema",
        "niveau",
        *(f"deelnemers: {n}" for n in names),
        "deelnemers: totaal",
        "groepen: totaal",
        *(f"fragmenten: {n}" for n in names),
        "fragmenten: totaal",
    ]
    everyone: list[object] = [
        "",
        ALL_PEOPLE,
        "",
        *(c.people for c in table.columns),
        table.people,
        table.sessions,
        *("" for _ in table.columns),
        "",
    ]
    rows = [header, everyone]
    for row in table.rows:
        level = "subthema" if row.sub else "hoofdthema"
        if row.parent:
            level += " (met subthema's)"
        rows.append(
            [
                row.theme,
                masked(row.label),
                level,
                *row.participants,
                row.total.participants,
                row.total.sessions,
                *row.fragments,
                row.total.fragments,
            ]
        )
    return rows
