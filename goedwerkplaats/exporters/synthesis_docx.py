"""The synthesis as a Word document: the material, the counts, the chapters, the positions."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.exporters import docx_styles as styles
from goedwerkplaats.exporters.docx_body import CENTER, LEFT, RIGHT, BodyBuilder, Table
from goedwerkplaats.exporters.docx_document import new_document, save_document
from goedwerkplaats.exporters.dutch import (
    enumeration,
    long_date,
    number,
    plural,
    quoted,
    statement_title,
)
from goedwerkplaats.exporters.material import Material, describe_filter
from goedwerkplaats.exporters.progress import Progress, ProgressTicker
from goedwerkplaats.exporters.quote_records import SOURCE_ATTRIBUTES, SOURCE_NONE, QuoteRecord
from goedwerkplaats.exporters.selection import exported_segments
from goedwerkplaats.exporters.synthesis_groups import STATEMENT, Group, Grouper
from goedwerkplaats.exporters.synthesis_tables import (
    MOMENT_LABELS,
    SCALE_POINTS,
    count_table,
    distributions,
    statements_with_stances,
)
from goedwerkplaats.model.session import Session
from goedwerkplaats.storage.session_format import SCALE

DIMENSION_WORDS = {"stelling": "stelling", "thema": "thema", "arena": "arena"}
FORM_WORDS = {"video": "via video", "op locatie": "op locatie"}


@dataclass(frozen=True)
class SynthesisLayout:
    dimensions: tuple[str, ...]
    sources: str


def write_synthesis(
    material: Material, layout: SynthesisLayout, target: Path, progress: Progress | None
) -> list[str]:
    """Write the document to `target`; returns the ids of the sessions it draws on."""
    theme_filter = _theme_filter(material)
    grouper = Grouper(material.guide, theme_filter)
    groups = grouper.group(material.quotes, layout.dimensions)
    stance_statements = _stance_statements(material)
    if layout.dimensions[0] == STATEMENT:
        groups = _with_stance_chapters(groups, stance_statements, grouper)
    ticker = ProgressTicker(sum(g.placements() for g in groups) + 1, progress)
    document = new_document("Synthese", material.guide.title)
    writer = _Writer(BodyBuilder(document), material, layout, grouper, ticker)
    writer.title_page()
    writer.account()
    writer.count_tables()
    for group in groups:
        writer.chapter(group, stance_statements)
    if layout.dimensions[0] != STATEMENT:
        writer.stance_appendix(stance_statements)
    writer.body.finish()
    save_document(document, target)
    ticker.finish()
    used = set(material.session_ids_with_quotes())
    if stance_statements:
        used.update(s.id for s in material.sessions if _has_stances(s, stance_statements))
    return [s.id for s in material.sessions if s.id in used]


def _theme_filter(material: Material) -> set[str]:
    wanted = set(material.quote_filter.themes)
    for theme_id in material.quote_filter.themes:
        wanted.update(child.id for child in material.guide.children(theme_id))
    return wanted


def _stance_statements(material: Material) -> list[str]:
    """Stellingen with recorded positions, in guide order, within the stelling filter."""
    recorded = statements_with_stances(material.sessions)
    wanted = material.quote_filter.statements
    chosen = [s for s in recorded if not wanted or s in wanted]
    return sorted(chosen, key=lambda s: (material.guide.statement_index(s), s))


def _has_stances(session: Session, statements: Sequence[str]) -> bool:
    return any(stance.statement in statements for stance in session.stances.values())


def _with_stance_chapters(
    groups: list[Group], statements: list[str], grouper: Grouper
) -> list[Group]:
    """A stelling with positions but no quotes still gets its chapter, for the table."""
    present = {g.key for g in groups}
    extra = [
        Group(STATEMENT, s, grouper.label(STATEMENT, s), grouper.intro(STATEMENT, s))
        for s in statements
        if s not in present
    ]
    return sorted([*groups, *extra], key=lambda g: grouper.order(STATEMENT, g.key))


class _Writer:
    def __init__(
        self,
        body: BodyBuilder,
        material: Material,
        layout: SynthesisLayout,
        grouper: Grouper,
        ticker: ProgressTicker,
    ) -> None:
        self.body = body
        self.material = material
        self.layout = layout
        self.grouper = grouper
        self.ticker = ticker
        self.guide = material.guide
        self._tables = 0

    # ---------------------------------------------------------------- opening

    def title_page(self) -> None:
        self.body.paragraph(self.guide.title or "Goed Werk Plaats", styles.TITLE)
        order = ", ".join(DIMENSION_WORDS[d] for d in self.layout.dimensions)
        self.body.paragraph(f"Synthese van de fragmenten, per {order}", styles.SUBTITLE)
        today = dt.date.today().isoformat()
        self.body.paragraph(
            f"Gemaakt op {long_date(today)} met goedwerkplaats. Deelnemers staan onder een "
            "pseudoniem; namen in de tekst zijn vervangen.",
            styles.INTRO,
        )

    def account(self) -> None:
        """What the synthesis is based on, before any quote."""
        sessions = self.material.sessions
        self.body.heading("Het materiaal", 1)
        self.body.paragraph(_account_text(sessions, self.material.quotes))
        for line in describe_filter(self.material.quote_filter, self.guide):
            self.body.bullet(line)
        self.body.paragraph(_reading_guide(self.layout.sources))
        self.caption("De bijeenkomsten")
        per_session = Counter(q.session for q in self.material.quotes)
        rows = [_session_row(s, per_session[s.id]) for s in sessions]
        self.body.table(
            Table(
                header=[
                    "Sessie",
                    "Datum",
                    "Vorm",
                    "Deelnemers",
                    "Fragmenten deelnemers",
                    "Fragmenten gespreksleider",
                    "Gecodeerd",
                    "In dit document",
                ],
                rows=rows,
                widths=[1.1, 1.6, 1.2, 1.2, 1.3, 1.4, 1.2, 1.2],
                align=[LEFT, LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT],
            )
        )
        self.body.paragraph(
            "Deelnemers: zonder gespreksleider. Fragmenten: uitspraken met tekst, van deelnemers "
            "en van de gespreksleider apart. Gecodeerd: fragmenten van deelnemers met een thema. "
            "In dit document: de fragmenten uit deze sessie in dit document.",
            styles.TABLE_NOTE,
        )

    def count_tables(self) -> None:
        by_statement: dict[str | None, list[QuoteRecord]] = {}
        for quote in self.material.quotes:
            by_statement.setdefault(quote.statement, []).append(quote)
        order = sorted(by_statement, key=lambda k: self.grouper.order(STATEMENT, k))
        self.body.heading("Fragmenten per thema en arena", 1)
        self.body.paragraph(
            "Per stelling het aantal fragmenten per thema en arena. Een fragment met twee "
            "thema's telt in beide rijen mee; de rij Totaal telt elk fragment één keer."
        )
        for statement in order:
            quotes = by_statement[statement]
            title = statement_title(self.guide, statement)
            self.caption(f"{title} (n = {number(len(quotes))})")
            table = count_table(quotes, self.grouper)
            rows = [[label, *map(_count, counts)] for label, counts in table.rows]
            rows.append(["Totaal", *map(_count, table.totals)])
            columns = len(table.columns)
            self.body.table(
                Table(
                    header=["Thema", *table.columns],
                    rows=rows,
                    align=[LEFT, *([RIGHT] * columns)],
                    total_row=True,
                )
            )
        self.body.paragraph("– = geen fragmenten.", styles.TABLE_NOTE)

    # ---------------------------------------------------------------- chapters

    def chapter(self, group: Group, stance_statements: list[str]) -> None:
        self.section(group, 1)
        if group.dimension == STATEMENT and group.key in stance_statements:
            self.body.heading("Antwoordverdeling", 2)
            self.stance_table(group.key)

    def section(self, group: Group, level: int) -> None:
        self.body.heading(group.label, level)
        if level == 1 and group.intro:
            self.body.paragraph(group.intro, styles.INTRO)
        if not group.children and not group.quotes:
            self.body.paragraph("Bij deze stelling zijn geen fragmenten geselecteerd.")
        for child in group.children:
            self.section(child, level + 1)
        for quote in group.quotes:
            self.quote(quote)

    def quote(self, quote: QuoteRecord) -> None:
        sources = self.layout.sources
        p = self.body.paragraph(quoted(quote.text), styles.QUOTE)
        if quote.note:
            self.body.comment(p, quote.note)
        if sources != SOURCE_NONE:
            self.body.paragraph(quote.source(sources), styles.SOURCE)
        self.ticker.advance()

    # ---------------------------------------------------------------- positions

    def stance_appendix(self, statements: list[str]) -> None:
        if not statements:
            return
        self.body.heading("Antwoordverdeling per stelling", 1)
        self.body.paragraph(
            "Hoe de deelnemers zich aan het begin en aan het eind van het gesprek over elke "
            "stelling uitspraken, op een schaal van helemaal mee oneens tot helemaal mee eens."
        )
        for statement in statements:
            self.stance_table(statement)

    def stance_table(self, statement: str) -> None:
        rows = []
        outside = 0
        for distribution in distributions(self.material.sessions, statement):
            label = MOMENT_LABELS.get(distribution.moment, distribution.moment)
            shown = [str(p) if distribution.n else "–" for p in distribution.percentages()]
            rows.append([label, number(distribution.n), *shown])
            outside += distribution.not_applicable
        self.caption(f"Antwoordverdeling in percentages, {statement_title(self.guide, statement)}")
        self.body.table(
            Table(
                header=["Moment", "n", *(SCALE[point] for point in SCALE_POINTS)],
                rows=rows,
                align=[LEFT, RIGHT, *([CENTER] * len(SCALE_POINTS))],
            )
        )
        note = "n = aantal deelnemers dat een positie koos. Percentages zijn afgerond"
        note += "; een rij telt daardoor niet altijd op tot 100."
        if outside:
            note += f" N.v.t. (niet meegeteld): {number(outside)}."
        self.body.paragraph(note, styles.TABLE_NOTE)

    def caption(self, text: str) -> None:
        self._tables += 1
        self.body.paragraph(f"Tabel {self._tables}. {text}", styles.CAPTION)


def _count(value: int) -> str:
    return number(value) if value else "–"


def _account_text(sessions: list[Session], quotes: list[QuoteRecord]) -> str:
    dates = sorted(s.meta.date for s in sessions if _is_date(s.meta.date))
    forms = Counter(s.meta.form for s in sessions if s.meta.form)
    participants = sum(len(s.took_part()) for s in sessions)
    counts = [_counts(s) for s in sessions]
    segments, facilitator, coded, marked = (sum(c[i] for c in counts) for i in range(4))
    text = f"Deze synthese is gebaseerd op {plural(len(sessions), 'bijeenkomst', 'bijeenkomsten')}"
    if dates:
        when = long_date(dates[0])
        if dates[-1] != dates[0]:
            text += f", gehouden tussen {when} en {long_date(dates[-1])}"
        else:
            text += f", gehouden op {when}"
    if forms:
        parts = [f"{n} {FORM_WORDS.get(form, form)}" for form, n in sorted(forms.items())]
        text += f" ({enumeration(parts)})"
    text += f", met in totaal {plural(participants, 'deelnemer', 'deelnemers')}. "
    text += f"Samen leverden ze {plural(segments, 'fragment', 'fragmenten')} op"
    if facilitator:
        text += f" (en de gespreksleider {number(facilitator)})"
    text += "; "
    text += f"daarvan zijn er {number(coded)} gecodeerd met een thema en {number(marked)} "
    text += "als citaat gemarkeerd. "
    sessions_used = len({q.session for q in quotes})
    text += f"In dit document staan {plural(len(quotes), 'fragment', 'fragmenten')} "
    text += f"uit {plural(sessions_used, 'bijeenkomst', 'bijeenkomsten')}."
    return text


def _reading_guide(sources: str) -> str:
    text = (
        "De hoofdstukken volgen de volgorde van de leidraad; groepen zonder fragmenten zijn "
        "weggelaten. Een fragment met meer thema's staat onder elk van die thema's. "
    )
    if sources == SOURCE_ATTRIBUTES:
        text += "Onder elk citaat staan tussen haakjes kenmerken van de spreker."
    elif sources != SOURCE_NONE:
        text += "Onder elk citaat staat tussen haakjes de bron: sessie, spreker en tijd."
    return text


def _session_row(session: Session, used: int) -> list[str]:
    meta = session.meta
    participants = len(session.took_part())
    total, facilitator, coded, _quotes = _counts(session)
    return [
        session.id,
        long_date(meta.date) if meta.date else "onbekend",
        meta.form or "onbekend",  # as the transcript's header says it
        number(participants),
        number(total),
        number(facilitator),
        number(coded),
        number(used),
    ]


def _counts(session: Session) -> tuple[int, int, int, int]:
    """(participants' fragments, the facilitator's, coded and marked as citaat among the
    participants') as the exports show them: a linked live quote counts once, as its
    transcript segment."""
    total = facilitator = coded = quotes = 0
    for segment in exported_segments(session):
        if segment.is_marker or not segment.text.strip():
            continue
        if session.is_facilitator(segment.speaker):
            facilitator += 1
            continue
        total += 1
        coded += segment.is_coded
        quotes += segment.is_quote
    return total, facilitator, coded, quotes


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
