"""What an export across sessions works from: the guide, the sessions and the chosen quotes."""

from __future__ import annotations

from dataclasses import dataclass

from goedwerkplaats.exporters.dutch import enumeration, statement_short
from goedwerkplaats.exporters.privacy import Anonymizer
from goedwerkplaats.exporters.quote_records import QuoteRecord, anonymizers, prepare
from goedwerkplaats.exporters.selection import (
    SELECT_ALL,
    SELECT_QUOTES,
    QuoteFilter,
    check_filter,
    load_sessions,
    select,
)
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Session
from goedwerkplaats.privacy.mask_terms import load_mask_terms
from goedwerkplaats.privacy.singling_out import Person, protected
from goedwerkplaats.project.folder import Project

SELECTION_TEXT = {
    SELECT_QUOTES: "alleen fragmenten die als citaat zijn gemarkeerd",
    SELECT_ALL: "alle fragmenten met tekst, gecodeerd of niet",
}
SELECTION_DEFAULT_TEXT = "fragmenten met minstens één thema"


@dataclass(frozen=True)
class Material:
    guide: Guide
    quote_filter: QuoteFilter
    sessions: list[Session]
    anonymizers: dict[str, Anonymizer]
    quotes: list[QuoteRecord]

    def session_ids_with_quotes(self) -> list[str]:
        present = {q.session for q in self.quotes}
        return [s.id for s in self.sessions if s.id in present]


def gather(
    project: Project, quote_filter: QuoteFilter, names: bool = False, singling_out: str = ""
) -> Material:
    """Load and select; unknown ids in the filter and an empty result are errors.

    `singling_out` is the user's choice for attributions that would single out one person
    ('grof' or 'weglaten', see privacy.singling_out); without it, attributions show every
    characteristic and `singled_out_people` names who would stand out."""
    guide = project.load_guide()
    check_filter(quote_filter, guide, project)
    mask = load_mask_terms(project.root)
    sessions = load_sessions(project, quote_filter.sessions)
    if not sessions:
        raise GwpError("er zijn nog geen sessies om te exporteren")
    by_session = anonymizers(sessions, mask, names)
    shown = protected(population(sessions), singling_out) if singling_out else None
    quotes = prepare(select(sessions, guide, quote_filter), by_session, shown)
    return Material(guide, quote_filter, sessions, by_session, quotes)


def population(sessions: list[Session]) -> list[Person]:
    """Everyone who took part in the exported sessions: the people an attribution is read
    against."""
    return [(s.id, p) for s in sessions for p in s.took_part()]


def require_quotes(material: Material) -> None:
    if not material.quotes:
        raise GwpError(
            "geen fragmenten gevonden voor deze selectie en filters; er is niets geschreven. "
            "Probeer --selectie alles, of minder filters"
        )


def describe_filter(quote_filter: QuoteFilter, guide: Guide) -> list[str]:
    """The selection and filters in words, one line each, for the top of a document."""
    lines = [f"Selectie: {SELECTION_TEXT.get(quote_filter.selection, SELECTION_DEFAULT_TEXT)}"]
    if quote_filter.sessions:
        lines.append(f"Sessies: {enumeration(list(quote_filter.sessions))}")
    if quote_filter.statements:
        shown = [statement_short(guide, s) for s in quote_filter.statements]
        lines.append(f"Stellingen: {enumeration(shown)}")
    if quote_filter.themes:
        shown = [guide.theme_label(t) for t in quote_filter.themes]
        lines.append(f"Thema's: {enumeration(shown)} (met hun subthema's)")
    if quote_filter.arenas:
        lines.append(f"Arena's: {enumeration([guide.arena_label(a) for a in quote_filter.arenas])}")
    return lines
