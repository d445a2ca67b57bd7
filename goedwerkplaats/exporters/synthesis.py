"""The chapter-style synthesis across sessions, in Word.

Call from the app (in a worker thread) or the CLI::

    from goedwerkplaats.exporters.synthesis import SynthesisOptions, export_synthesis

    path = export_synthesis(project, SynthesisOptions(by=("thema", "arena")), progress=cb)

`SynthesisOptions`:
    by            the grouping, one to three of "stelling", "thema", "arena", in any order
    quote_filter  `selection.QuoteFilter`: selectie (citaat/gecodeerd/alles) and filters
    sources       "sessie" (session, speaker, time), "kenmerken" (participant attributes)
                  or "geen" under each quote
    names         real names instead of pseudonyms (privacy: off by default)
    output, force where to write (see `output.output_path`) and whether to overwrite

`progress(done, total)` is called now and then while quotes are written. Errors the user can
fix (unknown ids, nothing selected, a file open in Word) raise `GwpError` with a Dutch message;
nothing is written then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from goedwerkplaats.exporters.material import gather, population, require_quotes
from goedwerkplaats.exporters.output import output_path, record_export
from goedwerkplaats.exporters.progress import Progress
from goedwerkplaats.exporters.quote_records import SOURCE_ATTRIBUTES, SOURCE_SESSION, SOURCES
from goedwerkplaats.exporters.selection import QuoteFilter
from goedwerkplaats.exporters.synthesis_docx import SynthesisLayout, write_synthesis
from goedwerkplaats.exporters.synthesis_groups import DIMENSIONS, parse_dimensions
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.session import Session
from goedwerkplaats.privacy.singling_out import COARSEN, DROP, OTHER, singled_out
from goedwerkplaats.project.folder import Project

DEFAULT_NAME = "synthese"


@dataclass(frozen=True)
class SynthesisOptions:
    by: tuple[str, ...] = DIMENSIONS
    quote_filter: QuoteFilter = field(default_factory=QuoteFilter)
    sources: str = SOURCE_SESSION
    names: bool = False
    output: Path | None = None
    force: bool = False
    singling_out: str = ""  # 'grof' or 'weglaten' when attributions would single someone out


def export_synthesis(
    project: Project, options: SynthesisOptions | None = None, progress: Progress | None = None
) -> Path:
    """Write the synthesis as .docx and return its path."""
    options = options or SynthesisOptions()
    layout = SynthesisLayout(parse_dimensions(options.by), _checked_sources(options.sources))
    material = gather(project, options.quote_filter, options.names, options.singling_out)
    require_quotes(material)
    if layout.sources == SOURCE_ATTRIBUTES and not options.singling_out:
        refuse_singling_out(material.sessions)
    target = output_path(project, DEFAULT_NAME, ".docx", options.output, options.force)
    used = write_synthesis(material, layout, target, progress)
    what = "synthese (Word)" + (", met namen" if options.names else "")
    record_export(project, used, target, what)
    return target


def _checked_sources(sources: str) -> str:
    if sources not in SOURCES:
        raise GwpError(f"onbekende bronvermelding '{sources}'; kies uit {', '.join(SOURCES)}")
    return sources


def refuse_singling_out(sessions: list[Session]) -> None:
    """Characteristics under quotes must not point at one person: say who would stand out
    (pseudonym and values, never a name) and what the user can choose."""
    found = singled_out(population(sessions))
    if not found:
        return
    lines = "\n".join(f"  {f.describe()}" for f in found)
    raise GwpError(
        "de kenmerken onder de citaten zouden deelnemers herkenbaar maken:\n"
        f"{lines}\n"
        f"kies --herkenbaar {COARSEN} (een waarde die maar één deelnemer heeft, wordt "
        f"'{OTHER}') of --herkenbaar {DROP} (geen kenmerken bij wie herkenbaar is), in het "
        "exportscherm bij 'Herkenbaar', of een andere bronvermelding"
    )
