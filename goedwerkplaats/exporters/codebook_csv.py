"""The codebook as CSV in the form Taguette imports (`tag`, `description`).

Public API (callable from a worker thread):

    export_codebook_csv(project, CodebookCsvOptions(separator=",", output=None, force=False),
                        progress=None) -> Path

One row per theme, per arena and one for "Citaat voor rapport", in codebook order. Taguette has
flat tags whose highlights are filtered by name prefix, so a subtheme is written as
"Hoofdthema.Subthema" and an arena as "Arena.De spreekkamer": choosing the parent shows the
children too. Dots inside a label would fake a level and become "·". Stellingen are left out:
the .qdpx codes them automatically, in Taguette one tags by hand.

UTF-8 with a byte-order mark: Taguette guesses the encoding (a BOM makes the guess certain)
and Excel then shows accents correctly. Taguette reads commas only; `;` is for Excel with Dutch
settings.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.exporters.output import output_path
from goedwerkplaats.exporters.refiqda_codebook import (
    STATEMENTS_NAME,
    THEMES_NAME,
    Code,
    Codebook,
    build_codebook,
)
from goedwerkplaats.exporters.refiqda_guide import project_masker
from goedwerkplaats.exporters.refiqda_ids import Guids
from goedwerkplaats.files.csv_cells import safe_row
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.privacy.mask_terms import MaskList, load_mask_terms
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.atomic import write_atomic

SEPARATORS = (",", ";")
HEADER = ("tag", "description")


@dataclass(frozen=True)
class CodebookCsvOptions:
    separator: str = ","
    output: Path | None = None
    force: bool = False


def export_codebook_csv(
    project: Project,
    options: CodebookCsvOptions = CodebookCsvOptions(),
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the CSV codebook; returns the path written."""
    if options.separator not in SEPARATORS:
        raise GwpError(f"scheidingsteken '{options.separator}' kan niet; kies ',' of ';'")
    if progress:
        progress(0, 1)
    guide = project.load_guide()
    target = output_path(project, "codeboek", ".csv", options.output, options.force)
    write_atomic(
        target, codebook_csv_bytes(guide, load_mask_terms(project.root), options.separator)
    )
    if progress:
        progress(1, 1)
    return target


def codebook_csv_bytes(guide: Guide, mask: MaskList, separator: str = ",") -> bytes:
    codebook = build_codebook(guide, Guids(guide.title), project_masker(mask))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(safe_row(row) for row in codebook_rows(codebook))
    return buffer.getvalue().encode("utf-8-sig")


def codebook_rows(codebook: Codebook) -> list[tuple[str, str]]:
    """(tag, description) for every code one can tag with, parents before children."""
    rows = []
    for path, code in codebook.walk():
        if not code.codable or (path and path[0] == STATEMENTS_NAME):
            continue
        names = [*path, code.name]
        if names[0] == THEMES_NAME:
            names = names[1:]  # themes are the codebook proper; no prefix needed
        rows.append((".".join(_segment(name) for name in names), _description(code)))
    return rows


def _segment(name: str) -> str:
    return name.replace(".", "·")


def _description(code: Code) -> str:
    # Taguette shows one line; a stelling's toelichting or a long omschrijving stays readable
    return " ".join(code.description.split())
