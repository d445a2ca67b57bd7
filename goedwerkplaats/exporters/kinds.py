"""Every export kind, defined once: its id (English, as in code and on the command line), its
Dutch label (the app's form; the command line accepts it too), what it writes, its formats and
the options it takes, and the function that writes it from an `ExportForm`.

The command line (`goedwerkplaats export ID`), the app's export form, the README test and the
privacy test all iterate `KINDS`; adding an export is an exporter, one entry here and a test.
The exporters themselves are imported only when a kind runs, so nothing here slows a start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.exporters.export_form import (
    OPTION_AGAINST,
    OPTION_BY,
    OPTION_FILTERS,
    OPTION_NAMES,
    OPTION_SELECTION,
    OPTION_SEPARATOR,
    OPTION_SESSION,
    OPTION_SESSIONS,
    OPTION_SINGLING_OUT,
    OPTION_SOURCES,
    ExportForm,
    chosen_format,
    chosen_separator,
    chosen_source,
    quote_filter,
)
from goedwerkplaats.exporters.quote_records import SOURCE_SESSION, SOURCES
from goedwerkplaats.exporters.selection import example_note, parse_ids, project_session_ids
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.project.folder import Project
from goedwerkplaats.report.outline import ATTRIBUTIONS

Progress = Callable[[int, int], None]

TRANSCRIPT_FORMATS = ("docx", "txt")
QUOTE_FORMATS = ("docx", "csv", "md", "json")
CODEBOOK_FORMATS = ("csv",)
CROSSTAB_FORMATS = ("csv",)


@dataclass(frozen=True)
class Exported:
    """The file written (numbered name and all) and what the user should know about it."""

    path: Path
    notes: tuple[str, ...] = ()


Writer = Callable[[Project, ExportForm, "Progress | None"], Exported]


@dataclass(frozen=True)
class ExportKind:
    id: str  # English: code, file names of tests, `goedwerkplaats export ID`
    label: str  # Dutch: the form's choice, also accepted on the command line
    description: str  # Dutch, one line: the form and `goedwerkplaats export --help`
    written: str  # Dutch: "… geschreven: PAD" after the export ("" for a plain "geschreven")
    write: Writer
    options: tuple[str, ...] = ()  # besides format, output and force, which every kind takes
    formats: tuple[str, ...] = ()  # the first is the default; empty: one fixed format
    sources: tuple[str, ...] = ()  # choices for the source line under each quote
    default_source: str = ""  # "": as the kind itself decides

    @property
    def names_allowed(self) -> bool:
        return OPTION_NAMES in self.options

    @property
    def format_choice(self) -> bool:
        """Whether there is a format to choose (the form shows the field only then)."""
        return len(self.formats) > 1

    @property
    def aliases(self) -> tuple[str, ...]:
        return () if self.label == self.id else (self.label,)


def _transcript(project: Project, form: ExportForm, progress: Progress | None) -> Exported:
    from goedwerkplaats.exporters.transcript import TranscriptOptions, export_transcript

    if not form.session.strip():
        raise GwpError("kies de sessie voor het transcript")
    chosen = chosen_format(form, TRANSCRIPT_FORMATS, "transcript")
    options = TranscriptOptions(
        form.session.strip(), chosen, form.names, form.output_path, form.force
    )
    return Exported(export_transcript(project, options, progress))


def _synthesis(project: Project, form: ExportForm, progress: Progress | None) -> Exported:
    from goedwerkplaats.exporters.synthesis import SynthesisOptions, export_synthesis
    from goedwerkplaats.exporters.synthesis_groups import parse_dimensions

    options = SynthesisOptions(
        parse_dimensions(form.by),
        quote_filter(form),
        chosen_source(form, SOURCES, SOURCE_SESSION),
        form.names,
        form.output_path,
        form.force,
        _singling_out(form),
    )
    written = export_synthesis(project, options, progress)
    return Exported(written, _example(project, options.quote_filter.sessions))


def _singling_out(form: ExportForm) -> str:
    from goedwerkplaats.privacy.singling_out import check_choice

    return check_choice(form.singling_out)


def _report(project: Project, form: ExportForm, progress: Progress | None) -> Exported:
    from goedwerkplaats.exporters.report import ReportOptions, export_report, plan_report

    attribution = chosen_source(form, ATTRIBUTIONS, "") or None  # None: as rapport.yaml says
    options = ReportOptions(
        quote_filter(form),
        attribution,
        form.names,
        output=form.output_path,
        force=form.force,
        singling_out=_singling_out(form),
    )
    plan = plan_report(project, options.quote_filter)
    written = export_report(project, options, progress, plan=plan)
    outside = len(plan.placement.unplaced)
    notes = _example(project, options.quote_filter.sessions)
    if outside:
        from goedwerkplaats.report.unplaced import describe_unplaced

        lines = describe_unplaced(plan.placement.unplaced, plan.guide)
        notes += (
            f"{outside} geselecteerde fragment(en) vallen buiten de opzet: geen paragraaf in "
            "rapport.yaml voor hun stelling en thema\n" + "\n".join(lines),
        )
    if plan.survey is not None and plan.survey.outside:
        notes += (
            f"{plan.survey.outside} enquêteantwoord(en) staan niet op hun schaal en zijn niet "
            "meegeteld; 'goedwerkplaats enquete' noemt ze met bestand en rij",
        )
    if plan.survey is not None and any(t.chart for t in plan.survey.mapping.tables):
        from goedwerkplaats.exporters.report_chart import MISSING_NOTE, charts_available

        if not charts_available():
            notes += (MISSING_NOTE,)
    return Exported(written, notes)


def _quotes(project: Project, form: ExportForm, progress: Progress | None) -> Exported:
    from goedwerkplaats.exporters.quotes import QuoteExportOptions, export_quotes

    options = QuoteExportOptions(
        chosen_format(form, QUOTE_FORMATS, "citaten"),
        quote_filter(form),
        chosen_separator(form),
        form.names,
        form.output_path,
        form.force,
    )
    written = export_quotes(project, options, progress)
    return Exported(written, _example(project, options.quote_filter.sessions))


def _qdpx(project: Project, form: ExportForm, progress: Progress | None) -> Exported:
    from goedwerkplaats.exporters.refiqda import QdpxOptions, export_qdpx

    options = QdpxOptions(parse_ids(form.sessions), form.names, form.output_path, form.force)
    return Exported(export_qdpx(project, options, progress), _example(project, options.sessions))


def _qdc(project: Project, form: ExportForm, progress: Progress | None) -> Exported:
    from goedwerkplaats.exporters.refiqda import QdcOptions, export_qdc

    return Exported(export_qdc(project, QdcOptions(form.output_path, form.force), progress))


def _codebook(project: Project, form: ExportForm, progress: Progress | None) -> Exported:
    from goedwerkplaats.exporters.codebook_csv import CodebookCsvOptions, export_codebook_csv

    chosen_format(form, CODEBOOK_FORMATS, "het codeboek")
    options = CodebookCsvOptions(chosen_separator(form), form.output_path, form.force)
    notes = (
        (
            "Taguette leest alleen een codeboek met ',' als scheidingsteken; dit bestand met "
            "';' is voor Excel",
        )
        if options.separator != ","
        else ()
    )
    return Exported(export_codebook_csv(project, options, progress), notes)


def _crosstab(project: Project, form: ExportForm, progress: Progress | None) -> Exported:
    from goedwerkplaats.exporters.crosstab_csv import CrosstabCsvOptions, export_crosstab_csv

    chosen_format(form, CROSSTAB_FORMATS, "de kruistabel")
    options = CrosstabCsvOptions(
        form.against.strip() or "sessie",
        parse_ids(form.sessions),
        _singling_out(form),
        chosen_separator(form),
        form.output_path,
        form.force,
    )
    written, table = export_crosstab_csv(project, options, progress)
    notes = ["telt deelnemers (mensen) per thema; de kolommen 'fragmenten' staan er ter info bij"]
    if table.hidden:
        notes.append(
            f"{table.hidden} deelnemer(s) tellen alleen mee in 'deelnemers: totaal': hun "
            f"waarde zou hen herkenbaar maken ({table.protection})"
        )
    return Exported(written, (*notes, *_example(project, options.sessions)))


def _example(project: Project, asked: tuple[str, ...]) -> tuple[str, ...]:
    note = example_note(project, asked)
    return (note,) if note else ()


_QUOTE_OPTIONS = (OPTION_SELECTION, OPTION_SESSIONS, OPTION_FILTERS)

KINDS: tuple[ExportKind, ...] = (
    ExportKind(
        "transcript",
        "transcript",
        "gecodeerd transcript van één sessie (Word of tekst)",
        "",
        _transcript,
        (OPTION_SESSION, OPTION_NAMES),
        formats=TRANSCRIPT_FORMATS,
    ),
    ExportKind(
        "synthesis",
        "synthese",
        "synthese in hoofdstukken (Word)",
        "",
        _synthesis,
        (OPTION_BY, *_QUOTE_OPTIONS, OPTION_SOURCES, OPTION_SINGLING_OUT, OPTION_NAMES),
        sources=SOURCES,
        default_source=SOURCE_SESSION,
    ),
    ExportKind(
        "report",
        "rapport",
        "rapport als boek: opzet uit rapport.yaml, elk citaat één keer (Word)",
        "",
        _report,
        (*_QUOTE_OPTIONS, OPTION_SOURCES, OPTION_SINGLING_OUT, OPTION_NAMES),
        sources=ATTRIBUTIONS,
    ),
    ExportKind(
        "quotes",
        "citaten",
        "citatenverzameling (Word, CSV, Markdown of JSON)",
        "",
        _quotes,
        (*_QUOTE_OPTIONS, OPTION_SEPARATOR, OPTION_NAMES),
        formats=QUOTE_FORMATS,
    ),
    ExportKind(
        "qdpx",
        "qdpx",
        "REFI-QDA-project (.qdpx) voor MAXQDA, ATLAS.ti, NVivo, QualCoder",
        "REFI-QDA-project",
        _qdpx,
        (OPTION_SESSIONS, OPTION_NAMES),
    ),
    ExportKind("qdc", "qdc", "codeboek als REFI-QDA (.qdc)", "REFI-QDA-codeboek", _qdc),
    ExportKind(
        "codebook",
        "codeboek-csv",
        "codeboek als CSV voor Taguette",
        "codeboek (CSV)",
        _codebook,
        (OPTION_SEPARATOR,),
        formats=CODEBOOK_FORMATS,
    ),
    ExportKind(
        "crosstab",
        "kruistabel",
        "wie noemde welk thema, per sessie of per kenmerk (CSV)",
        "kruistabel (CSV)",
        _crosstab,
        (OPTION_AGAINST, OPTION_SESSIONS, OPTION_SINGLING_OUT, OPTION_SEPARATOR),
        formats=CROSSTAB_FORMATS,
    ),
)


def kind_named(name: str) -> ExportKind:
    """The kind with this id or Dutch label; a Dutch GwpError naming the choices otherwise."""
    for kind in KINDS:
        if name in (kind.id, kind.label):
            return kind
    raise GwpError(f"onbekende export '{name}'; kies uit {', '.join(k.label for k in KINDS)}")


def run_export(project: Project, form: ExportForm, progress: Progress | None = None) -> Exported:
    """Write the export the form describes."""
    kind = kind_named(form.kind)
    if form.names and not kind.names_allowed:
        form = ExportForm(**{**form.__dict__, "names": False})
    return kind.write(project, form, progress)


def unmasked_in_export(project: Project, form: ExportForm) -> list[str]:
    """Likely names an export just written did not mask (nobody entered them): none for a kind
    without participants' text or when names were asked for; else over the sessions it took
    (when none were named: all but the fictional examples, as the export did)."""
    if form.names or not kind_named(form.kind).names_allowed:
        return []
    from goedwerkplaats.privacy.name_candidates import unmasked_names

    ids = list(parse_ids(form.session or form.sessions)) or project_session_ids(project)
    return unmasked_names(project, ids)
