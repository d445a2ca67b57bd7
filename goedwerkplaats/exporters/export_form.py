"""One form for every export, as the app's export screen fills it in (text fields and
switches), turned into the options of the export it names. Errors are Dutch GwpErrors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.exporters.codebook_csv import CodebookCsvOptions, export_codebook_csv
from goedwerkplaats.exporters.quotes import QuoteExportOptions, export_quotes
from goedwerkplaats.exporters.refiqda import QdcOptions, QdpxOptions, export_qdc, export_qdpx
from goedwerkplaats.exporters.selection import SELECTIONS, QuoteFilter, parse_ids
from goedwerkplaats.exporters.synthesis import SynthesisOptions, export_synthesis
from goedwerkplaats.exporters.synthesis_groups import parse_dimensions
from goedwerkplaats.exporters.transcript import TranscriptOptions, export_transcript
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.project.folder import Project

KINDS = {
    "transcript": "gecodeerd transcript van één sessie (Word of tekst)",
    "synthese": "synthese in hoofdstukken (Word)",
    "citaten": "citatenverzameling (Word, CSV, Markdown of JSON)",
    "qdpx": "REFI-QDA-project (.qdpx) voor MAXQDA, ATLAS.ti, NVivo, QualCoder",
    "qdc": "codeboek als REFI-QDA (.qdc)",
    "codeboek-csv": "codeboek als CSV voor Taguette",
}
FORMATS = {"transcript": ("docx", "txt"), "citaten": ("docx", "csv", "md", "json")}

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportForm:
    kind: str = "synthese"
    session: str = ""
    format: str = ""
    by: str = "stelling,thema,arena"
    selection: str = "gecodeerd"
    sessions: str = ""
    statements: str = ""
    themes: str = ""
    arenas: str = ""
    sources: str = "sessie"
    separator: str = ","
    names: bool = False
    output: str = ""
    force: bool = False


def run_export(project: Project, form: ExportForm, progress: Progress | None = None) -> Path:
    """Write the export the form describes; the path it was written to."""
    output = Path(form.output.strip()) if form.output.strip() else None
    if form.kind == "transcript":
        if not form.session:
            raise GwpError("kies de sessie voor het transcript")
        options = TranscriptOptions(form.session, _format(form), form.names, output, form.force)
        return export_transcript(project, options, progress)
    if form.kind == "synthese":
        return export_synthesis(
            project,
            SynthesisOptions(
                parse_dimensions(form.by),
                _filter(form),
                form.sources,
                form.names,
                output,
                form.force,
            ),
            progress,
        )
    if form.kind == "citaten":
        return export_quotes(
            project,
            QuoteExportOptions(
                _format(form), _filter(form), _separator(form), form.names, output, form.force
            ),
            progress,
        )
    if form.kind == "qdpx":
        return export_qdpx(
            project, QdpxOptions(parse_ids(form.sessions), form.names, output, form.force), progress
        )
    if form.kind == "qdc":
        return export_qdc(project, QdcOptions(output, form.force), progress)
    if form.kind == "codeboek-csv":
        return export_codebook_csv(
            project, CodebookCsvOptions(_separator(form), output, form.force), progress
        )
    raise GwpError(f"onbekende export '{form.kind}'; kies uit {', '.join(KINDS)}")


def _format(form: ExportForm) -> str:
    formats = FORMATS[form.kind]
    chosen = form.format.strip().lower() or formats[0]
    if chosen not in formats:
        raise GwpError(
            f"formaat '{chosen}' kan niet voor {form.kind}; kies uit {', '.join(formats)}"
        )
    return chosen


def _separator(form: ExportForm) -> str:
    if form.separator not in (",", ";"):
        raise GwpError("het scheidingsteken is ',' of ';'")
    return form.separator


def _filter(form: ExportForm) -> QuoteFilter:
    if form.selection not in SELECTIONS:
        raise GwpError(f"selectie '{form.selection}': kies uit {', '.join(SELECTIONS)}")
    return QuoteFilter(
        selection=form.selection,
        sessions=parse_ids(form.sessions),
        statements=parse_ids(form.statements),
        themes=parse_ids(form.themes),
        arenas=parse_ids(form.arenas),
    )
