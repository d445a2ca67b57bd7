"""The flat quote collection: Word, CSV, Markdown or JSON.

Call from the app (in a worker thread) or the CLI::

    from goedwerkplaats.exporters.quotes import QuoteExportOptions, export_quotes

    path = export_quotes(project, QuoteExportOptions(format="csv", separator=";"))

`QuoteExportOptions`:
    format        "docx", "csv", "md" or "json"
    quote_filter  `selection.QuoteFilter`: selectie (citaat/gecodeerd/alles) and filters,
                  including one or more sessions
    separator     CSV only: "," (default) or ";" (Dutch Excel; then also decimal commas)
    names         real names instead of pseudonyms (privacy: off by default)
    output, force where to write (see `output.output_path`) and whether to overwrite

JSON is a list of objects and CSV has one row per segment, both with the fields `session,
segment, start, time, speaker, stelling, themes, arena, text, citaat, note` (`start` in
seconds of the recording when the session has a recording mark, `themes` ';'-joined in CSV).
CSV is UTF-8 with a BOM so Excel reads it. `progress(done, total)` is called now and then;
user errors raise `GwpError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from goedwerkplaats.exporters.kinds import QUOTE_FORMATS
from goedwerkplaats.exporters.material import describe_filter, gather, require_quotes
from goedwerkplaats.exporters.output import output_path, record_export
from goedwerkplaats.exporters.progress import Progress, ProgressTicker
from goedwerkplaats.exporters.quotes_docx import write_quotes_docx
from goedwerkplaats.exporters.quotes_flat import quotes_csv, quotes_json, quotes_markdown
from goedwerkplaats.exporters.selection import QuoteFilter
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.atomic import write_atomic

FORMATS = QUOTE_FORMATS
SEPARATORS = (",", ";")
DEFAULT_NAME = "citaten"


@dataclass(frozen=True)
class QuoteExportOptions:
    format: str = "docx"
    quote_filter: QuoteFilter = field(default_factory=QuoteFilter)
    separator: str = ","
    names: bool = False
    output: Path | None = None
    force: bool = False


def export_quotes(
    project: Project, options: QuoteExportOptions | None = None, progress: Progress | None = None
) -> Path:
    """Write the quote collection and return its path."""
    options = options or QuoteExportOptions()
    _check(options)
    material = gather(project, options.quote_filter, options.names)
    require_quotes(material)
    target = output_path(project, DEFAULT_NAME, f".{options.format}", options.output, options.force)
    quotes, guide = material.quotes, material.guide
    about = describe_filter(options.quote_filter, guide)
    if options.format == "docx":
        write_quotes_docx(quotes, guide, about, target, progress)
    else:
        if options.format == "csv":
            text = quotes_csv(quotes, options.separator)
        elif options.format == "json":
            text = quotes_json(quotes)
        else:
            text = quotes_markdown(quotes, guide, about)
        write_atomic(target, text.encode("utf-8"))
        ProgressTicker(1, progress).finish()
    what = f"citaten ({options.format})" + (", met namen" if options.names else "")
    record_export(project, material.session_ids_with_quotes(), target, what)
    return target


def _check(options: QuoteExportOptions) -> None:
    if options.format not in FORMATS:
        raise GwpError(f"onbekend formaat '{options.format}'; kies uit {', '.join(FORMATS)}")
    if options.separator not in SEPARATORS:
        raise GwpError(f"scheidingsteken '{options.separator}' kan niet; kies ',' of ';'")
