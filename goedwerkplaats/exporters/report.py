"""The report (rapport) in Word: chapters from `rapport.yaml`, the researcher's prose from
`rapport/`, every participant quote once under its primary theme.

Call from the app (in a worker thread) or the CLI::

    from goedwerkplaats.exporters.report import ReportOptions, export_report

    path = export_report(project, ReportOptions(), progress=cb)

`ReportOptions`:
    quote_filter  `selection.QuoteFilter`: selectie (citaat/gecodeerd/alles) and filters
    attribution   None: as the outline says; else geen/pseudoniem/sessie/kenmerken
    names         real names instead of pseudonyms (privacy: off by default)
    extras        more `report_docx.SectionExtra` hooks adding content to chapters and sections
                  (the survey tables of `enquete.yaml` are always added: see `plan_report`)
    singling_out  'grof' or 'weglaten' when the composition table or the 'kenmerken'
                  attribution would single someone out (privacy.singling_out); without it
                  such an export is refused with who would stand out
    output, force where to write and whether to overwrite

`export synthesis` stays the flexible grouping export (any order of stelling, thema, arena,
every fragment under each of its themes); this is the book a researcher publishes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from goedwerkplaats.exporters.docx_document import new_document, save_document
from goedwerkplaats.exporters.material import describe_filter, population
from goedwerkplaats.exporters.output import output_path, record_export
from goedwerkplaats.exporters.privacy import Anonymizer
from goedwerkplaats.exporters.progress import Progress, ProgressTicker
from goedwerkplaats.exporters.report_crosstab import cross_tables
from goedwerkplaats.exporters.report_docx import ReportContent, SectionExtra, write_report
from goedwerkplaats.exporters.selection import (
    SELECT_ALL,
    SELECT_QUOTES,
    QuoteFilter,
    check_filter,
    load_sessions,
)
from goedwerkplaats.exporters.synthesis import refuse_singling_out
from goedwerkplaats.files.problems import GwpError, ProblemsError
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Session
from goedwerkplaats.privacy.mask_terms import load_mask_terms
from goedwerkplaats.privacy.singling_out import COARSEN, DROP, OTHER, check_choice, protected
from goedwerkplaats.project.folder import Project
from goedwerkplaats.report.breadth import BreadthIndex, totals
from goedwerkplaats.report.choices import load_choices
from goedwerkplaats.report.composition import composition, singled_out_cells
from goedwerkplaats.report.fragments import Fragment, counted_among, participant_fragments
from goedwerkplaats.report.outline import ATTRIBUTION_ATTRIBUTES, ATTRIBUTIONS, Outline
from goedwerkplaats.report.outline_file import load_outline, with_rest_chapter
from goedwerkplaats.report.placement import Placement, place_fragments
from goedwerkplaats.survey.load import Survey, load_survey
from goedwerkplaats.survey.placement import SurveyPlacement, place_tables

DEFAULT_NAME = "rapport"


@dataclass(frozen=True)
class ReportOptions:
    quote_filter: QuoteFilter = field(default_factory=QuoteFilter)
    attribution: str | None = None
    names: bool = False
    extras: Sequence[SectionExtra] = ()
    output: Path | None = None
    force: bool = False
    singling_out: str = ""


@dataclass(frozen=True)
class ReportPlan:
    """The report before it is written: also what the report screen shows."""

    outline: Outline
    guide: Guide
    sessions: list[Session]
    fragments: list[Fragment]
    breadth_fragments: list[Fragment]
    placement: Placement
    survey: Survey | None = None  # the tables of enquete.yaml, counted
    survey_placement: SurveyPlacement | None = None


def plan_report(
    project: Project, quote_filter: QuoteFilter | None = None, with_survey: bool = True
) -> ReportPlan:
    """Load guide, outline, choices and sessions, and place every fragment; `with_survey`
    also reads and counts the survey export (the report screen, which replans on every
    choice and shows no survey tables, leaves it out)."""
    quote_filter = quote_filter or QuoteFilter()
    guide = project.load_guide()
    check_filter(quote_filter, guide, project)
    outline = load_outline(project.root, guide)
    choices = load_choices(project.root)
    sessions = load_sessions(project, quote_filter.sessions)
    if not sessions:
        raise GwpError("er zijn nog geen sessies om een rapport van te maken")
    every = participant_fragments(sessions, SELECT_ALL, notes=True)
    fragments = _filtered(
        [f for f in every if _selected(f, quote_filter.selection, outline.notes)],
        quote_filter,
        guide,
    )
    breadth_fragments = counted_among(every)
    placement = place_fragments(outline, fragments, choices)
    if not outline.from_file and any(f.statement is None for f in placement.unplaced):
        # following the guide, fragments without a stelling get a chapter of their own
        outline = with_rest_chapter(outline, guide)
        placement = place_fragments(outline, fragments, choices)
    survey = load_survey(project.root) if with_survey else None
    survey_placement = None
    if survey is not None:
        survey_placement = place_tables(survey.mapping.tables, outline, survey.mapping_path)
        if survey_placement.problems:
            raise ProblemsError(survey_placement.problems)
    return ReportPlan(
        outline, guide, sessions, fragments, breadth_fragments, placement, survey, survey_placement
    )


def export_report(
    project: Project,
    options: ReportOptions | None = None,
    progress: Progress | None = None,
    plan: ReportPlan | None = None,
) -> Path:
    """Write the report as .docx and return its path (`plan`: one made just before)."""
    options = options or ReportOptions()
    if options.attribution is not None and options.attribution not in ATTRIBUTIONS:
        raise GwpError(
            f"onbekende bronvermelding '{options.attribution}'; kies uit {', '.join(ATTRIBUTIONS)}"
        )
    plan = plan or plan_report(project, options.quote_filter)
    attribution = options.attribution or plan.outline.attribution
    # the command line's choice wins over the outline's
    choice = check_choice(options.singling_out or plan.outline.singling_out)
    if not choice:
        if plan.outline.account:
            refuse_singling_out_cells(plan.guide, plan.sessions)
        if attribution == ATTRIBUTION_ATTRIBUTES:
            refuse_singling_out(plan.sessions)
    mask = load_mask_terms(project.root)
    anonymizers = {
        s.id: Anonymizer(s, mask, names=options.names, editorial=True) for s in plan.sessions
    }
    content = ReportContent(
        root=project.root,
        outline=plan.outline,
        guide=plan.guide,
        sessions=plan.sessions,
        placement=plan.placement,
        breadth=BreadthIndex(plan.breadth_fragments),
        totals=totals(plan.sessions),
        anonymizers=anonymizers,
        filter_lines=describe_filter(options.quote_filter, plan.guide),
        attribution=attribution,
        composition=composition(plan.guide, plan.sessions, choice)
        if plan.outline.account
        else None,
        singling_out=choice,
        shown_attributes=protected(population(plan.sessions), choice) if choice else None,
    )
    target = output_path(project, DEFAULT_NAME, ".docx", options.output, options.force)
    ticker = ProgressTicker(len(plan.placement.printed()) + 1, progress)
    document = new_document("Rapport", plan.outline.title)
    # the outline's cross-tables (`kruistabel:`), the survey's tables, then what the caller adds
    extras = (cross_tables, *_survey_extras(plan), *options.extras)
    write_report(document, content, ticker, extras)
    save_document(document, target)
    ticker.finish()
    used = sorted({f.session for f in plan.placement.printed()}) or [s.id for s in plan.sessions]
    what = "rapport (Word)" + (", met namen" if options.names else "")
    record_export(project, [s.id for s in plan.sessions if s.id in used], target, what)
    return target


def _survey_extras(plan: ReportPlan) -> tuple[SectionExtra, ...]:
    if plan.survey is None or plan.survey_placement is None:
        return ()
    from goedwerkplaats.exporters.report_survey import survey_extra

    return (survey_extra(plan.survey, plan.survey_placement, plan.outline),)


def refuse_singling_out_cells(guide: Guide, sessions: list[Session]) -> None:
    """The composition table must not point at one person: say who would stand out
    (pseudonym, session and value, never a name) and what the user can choose."""
    found = singled_out_cells(guide, sessions)
    if not found:
        return
    lines = "\n".join(f"  {f.describe()}" for f in found)
    raise GwpError(
        "de tabel met de samenstelling van de deelnemers (bijlage Verantwoording) zou "
        f"deelnemers herkenbaar maken:\n{lines}\n"
        f"kies --herkenbaar {COARSEN} (een waarde die in een bijeenkomst maar één deelnemer "
        f"heeft, wordt '{OTHER}') of --herkenbaar {DROP} (die waarde niet tonen), in het "
        f"exportscherm bij 'Herkenbaar' of als 'herkenbaar: {COARSEN}' in rapport.yaml; of zet "
        "'verantwoording: nee' in rapport.yaml"
    )


def _selected(fragment: Fragment, selection: str, notes: bool) -> bool:
    if fragment.note and not notes:
        return False
    if selection == SELECT_QUOTES:
        return fragment.starred
    return selection == SELECT_ALL or bool(fragment.themes)


def _filtered(fragments: list[Fragment], quote_filter: QuoteFilter, guide: Guide) -> list[Fragment]:
    themes = set(quote_filter.themes)
    for theme_id in quote_filter.themes:
        themes.update(child.id for child in guide.children(theme_id))
    return [
        f
        for f in fragments
        if (not quote_filter.statements or f.statement in quote_filter.statements)
        and (not themes or themes.intersection(f.themes))
        and (not quote_filter.arenas or f.arena in quote_filter.arenas)
    ]
