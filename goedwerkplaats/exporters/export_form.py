"""One request for every export: the options as the app's export form and the command line
collect them (text, as typed), checked and turned into what an exporter takes. Errors are
Dutch GwpErrors. Which options a kind uses, and its formats, are in `exporters.kinds`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.exporters.selection import SELECT_CODED, SELECTIONS, QuoteFilter, parse_ids
from goedwerkplaats.files.problems import GwpError

# The options a kind may use; the form shows only these rows, the CLI adds only these flags.
OPTION_SESSION = "session"  # the one session of a transcript
OPTION_BY = "by"  # the synthesis's chapters, sections, subsections
OPTION_SELECTION = "selection"
OPTION_SESSIONS = "sessions"
OPTION_FILTERS = "filters"  # stellingen, thema's, arena's
OPTION_SOURCES = "sources"  # the source line under each quote
OPTION_SEPARATOR = "separator"
OPTION_NAMES = "names"
OPTION_SINGLING_OUT = "singling"  # grof | weglaten when characteristics would point at someone
OPTION_AGAINST = "against"  # a cross-table's columns: sessie or a characteristic id

DEFAULT_BY = "stelling,thema,arena"


@dataclass(frozen=True)
class ExportForm:
    """What the user asked for; empty text means the kind's default."""

    kind: str = "synthesis"
    session: str = ""
    format: str = ""
    by: str = DEFAULT_BY
    selection: str = SELECT_CODED
    sessions: str = ""
    statements: str = ""
    themes: str = ""
    arenas: str = ""
    sources: str = ""
    singling_out: str = ""  # grof | weglaten: attributions that would single someone out
    against: str = ""  # the cross-table's columns: sessie (default) or a characteristic id
    separator: str = ","
    names: bool = False
    output: str = ""
    force: bool = False

    @property
    def output_path(self) -> Path | None:
        return Path(self.output.strip()) if self.output.strip() else None


def chosen_format(form: ExportForm, formats: tuple[str, ...], label: str) -> str:
    chosen = form.format.strip().lower() or formats[0]
    if chosen not in formats:
        raise GwpError(f"formaat '{chosen}' kan niet voor {label}; kies uit {', '.join(formats)}")
    return chosen


def chosen_separator(form: ExportForm) -> str:
    if form.separator not in (",", ";"):
        raise GwpError("het scheidingsteken is ',' of ';'")
    return form.separator


def chosen_source(form: ExportForm, sources: tuple[str, ...], default: str) -> str:
    chosen = form.sources.strip() or default
    if chosen and chosen not in sources:
        raise GwpError(f"bron '{chosen}': kies uit {', '.join(sources)}")
    return chosen


def quote_filter(form: ExportForm) -> QuoteFilter:
    if form.selection not in SELECTIONS:
        raise GwpError(f"selectie '{form.selection}': kies uit {', '.join(SELECTIONS)}")
    return QuoteFilter(
        selection=form.selection,
        sessions=parse_ids(form.sessions),
        statements=parse_ids(form.statements),
        themes=parse_ids(form.themes),
        arenas=parse_ids(form.arenas),
    )
