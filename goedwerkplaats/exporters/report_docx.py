"""The report as a Word book: title page, contents, chapters from the outline, the appendix.

Per chapter: its title (on a new page), the researcher's introduction, the positions table for
its stellingen, then numbered sections. Per section: the breadth line (when asked), the
researcher's prose, extra content from other modules (survey tables: see `SectionExtra`), the
quotes placed there (each quote once in the whole report), sub-sections by child theme or
arena, and a "zie ook" line. The closing section holds only prose.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from docx.document import Document
from docx.oxml.text.paragraph import CT_P
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from lxml import etree

from goedwerkplaats.exporters import docx_book as book
from goedwerkplaats.exporters import docx_styles as styles
from goedwerkplaats.exporters.docx_body import LEFT, RIGHT, BodyBuilder, Span, Table
from goedwerkplaats.exporters.dutch import enumeration, long_date, number, plural, statement_title
from goedwerkplaats.exporters.privacy import Anonymizer, every_session
from goedwerkplaats.exporters.progress import ProgressTicker
from goedwerkplaats.exporters.synthesis_tables import MOMENT_LABELS, SCALE_POINTS, distributions
from goedwerkplaats.exporters.text_clean import clean_text
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Segment, Session
from goedwerkplaats.model.timecode import format_time
from goedwerkplaats.privacy.singling_out import COARSEN, DROP, OTHER, Values
from goedwerkplaats.report.breadth import BreadthIndex, Totals, breadth_sentence, breadth_table
from goedwerkplaats.report.composition import HIDDEN, NOT_RECORDED, Composition
from goedwerkplaats.report.fragments import Fragment
from goedwerkplaats.report.outline import (
    ARENAS_AUTO,
    ARENAS_NO,
    ATTRIBUTION_ATTRIBUTES,
    ATTRIBUTION_NONE,
    ATTRIBUTION_PSEUDONYM,
    Chapter,
    Outline,
    Section,
)
from goedwerkplaats.report.outline_file import prose_path
from goedwerkplaats.report.placement import Place, Placed, Placement
from goedwerkplaats.report.prose import BULLET, NUMBERED, read_prose
from goedwerkplaats.storage.session_format import SCALE

PERCENT_FROM_N = 20  # below this many positions a percentage means little: counts only
APPENDIX = "A"
NO_ARENA_TITLE = "Zonder arena"


@dataclass(frozen=True)
class ReportContent:
    """Everything the writer needs, gathered and placed beforehand."""

    root: Path
    outline: Outline
    guide: Guide
    sessions: list[Session]
    placement: Placement
    breadth: BreadthIndex  # every participant fragment with a theme, for the counts
    totals: Totals
    anonymizers: dict[str, Anonymizer]
    filter_lines: list[str] = field(default_factory=list)
    attribution: str = ATTRIBUTION_NONE
    composition: Composition | None = None  # the participants per characteristic (appendix)
    singling_out: str = ""  # the user's choice when a table or attribution points at someone
    shown_attributes: dict[tuple[str, str], Values] | None = None  # attributions, protected


SectionExtra = Callable[["ReportWriter", Chapter, "Section | None"], None]
"""Extra content (survey tables): called once per chapter with section None (after its
introduction and positions tables, before its first section), then once per section (after
its prose, before its quotes). Call `writer.table(caption, Table(...), note)` for a numbered
table."""


def write_report(
    document: Document,
    content: ReportContent,
    ticker: ProgressTicker,
    extras: Sequence[SectionExtra] = (),
) -> None:
    writer = ReportWriter(document, content, ticker, extras)
    writer.front_matter()
    for index, chapter in enumerate(content.outline.chapters):
        writer.chapter(index, chapter)
    if content.outline.account:
        writer.account()
    writer.finish()


class ReportWriter:
    def __init__(
        self,
        document: Document,
        content: ReportContent,
        ticker: ProgressTicker,
        extras: Sequence[SectionExtra] = (),
    ) -> None:
        self.document = document
        self.body = BodyBuilder(document)
        self.content = content
        self.outline = content.outline
        self.guide = content.guide
        self.ticker = ticker
        self._private = every_session(content.anonymizers.values())
        self.extras = extras
        self._sessions = {s.id: s for s in content.sessions}
        self._label = ""
        self._tables = 0
        self._figures = 0
        self._open, self._close = self.outline.quote_marks
        self._dash = f"{self.outline.quote_dash} " if self.outline.quote_dash else ""
        self.toc: book.TableOfContents | None = None
        self.guide_arenas = [a.id for a in self.guide.arenas]
        self._arena_ids = set(self.guide_arenas)

    # ---------------------------------------------------------------- front matter

    def front_matter(self) -> None:
        outline = self.outline
        self.body.paragraph(outline.title or "Goed Werk Plaats", styles.TITLE)
        if outline.subtitle:
            self.body.paragraph(outline.subtitle, styles.SUBTITLE)
        today = dt.date.today().isoformat()
        self.body.paragraph(
            f"Gemaakt op {long_date(today)} met goedwerkplaats. Citaten zijn letterlijke woorden "
            "van deelnemers; vervangen namen staan tussen vierkante haken.",
            styles.INTRO,
        )
        if outline.table_of_contents:
            heading = self.body.paragraph("Inhoud", styles.TOC_HEADING)
            book.page_break_before(heading)
            self.toc = book.TableOfContents(self.body.paragraph())
            book.update_fields_on_open(self.document)
        book.page_numbers(self.document)

    def heading(self, text: str, level: int) -> etree._Element:
        p = self.body.heading(text, level)
        if self.toc is not None:
            self.toc.mark(p, level, text)
        return p

    def finish(self) -> None:
        if self.toc is not None:
            self.toc.finish([self.body.style_id(name) for name, _ in styles.TOC_LEVELS])
        self.body.finish()

    # ---------------------------------------------------------------- chapters

    def chapter(self, index: int, chapter: Chapter) -> None:
        self._label = str(self.outline.chapter_number(index))
        self._tables = 0
        self._figures = 0
        heading = self.heading(f"{self._label} {chapter.title}", 1)
        book.page_break_before(heading)
        self.prose(chapter.prose)
        if chapter.stances:
            for statement in self._stance_statements(chapter):
                self.stance_table(statement)
        for extra in self.extras:
            extra(self, chapter, None)
        for s, section in enumerate(chapter.sections):
            self.section((index, s), chapter, section)
        if chapter.closing:
            number_text = self.outline.section_number(index, len(chapter.sections))
            self.heading(f"{number_text} {chapter.closing}", 2)
            self.prose(chapter.closing_prose)

    def section(self, place: Place, chapter: Chapter, section: Section) -> None:
        number_text = self.outline.section_number(*place)
        self.heading(f"{number_text} {section.title}", 2)
        if section.breadth and section.theme:
            self.breadth_line(chapter, section)
        self.prose(section.prose)
        for extra in self.extras:
            extra(self, chapter, section)
        shown = self.content.placement.shown(place)
        children = self.outline.children.get(section.theme or "", ())
        if children:
            self.quotes([p for p in shown if p.via not in children])
            for child in children:
                self.child_section(chapter, section, child, [p for p in shown if p.via == child])
        else:
            self.arena_sections(section, shown)
        self.see_also(place)

    def child_section(
        self, chapter: Chapter, section: Section, theme_id: str, placed: list[Placed]
    ) -> None:
        prose = prose_path(chapter.id, theme_id)
        if not placed and not read_prose(self.content.root / prose):
            return
        self.heading(section.subtitle(theme_id, self.guide.theme_label(theme_id)), 3)
        self.prose(prose)
        self.quotes(placed)

    def arena_sections(self, section: Section, placed: list[Placed]) -> None:
        known = self._arena_ids
        groups: dict[str | None, list[Placed]] = {}
        for item in placed:  # one pass; an arena the guide no longer knows is 'no arena'
            arena = item.fragment.arena
            groups.setdefault(arena if arena in known else None, []).append(item)
        split = section.arenas != ARENAS_NO and placed
        if section.arenas == ARENAS_AUTO and len(groups) < 2:
            split = False
        if not split:
            self.quotes(placed)
            return
        for arena in [*self.guide_arenas, None]:
            group = groups.get(arena)
            if group:
                label = self.guide.arena_label(arena) if arena else NO_ARENA_TITLE
                self.heading(section.subtitle(arena or "", label), 3)
                self.quotes(group)

    def breadth_line(self, chapter: Chapter, section: Section) -> None:
        themes = self.outline.section_themes(section)
        found = self.content.breadth.count(themes, chapter.statements)
        self.body.paragraph(breadth_sentence(found, self.content.totals), styles.BREADTH)

    def see_also(self, place: Place) -> None:
        if not self.outline.see_also:
            return
        refs = self.content.placement.see_also.get(place)
        if not refs:
            return
        parts = [
            f"{self.outline.section_number(*other)} ({plural(count, 'citaat', 'citaten')})"
            for other, count in sorted(refs.items())
        ]
        self.body.paragraph(
            f"Zie ook {enumeration(parts)}: citaten die ook over dit thema gaan.", styles.SEE_ALSO
        )

    # ---------------------------------------------------------------- prose and quotes

    def prose(self, relative: str) -> None:
        if not relative:
            return
        for block in read_prose(self.content.root / relative):
            spans = [Span(self.private(r.text), bold=r.bold, italic=r.italic) for r in block.runs]
            style = {BULLET: styles.BULLET, NUMBERED: styles.NUMBERED}.get(block.kind)
            self.body.paragraph(spans, style)

    def private(self, text: str) -> str:
        """The researcher's own words pass the privacy pass the quotes pass: a participant's
        name (of any session) becomes its pseudonym, terms from maskeren.yaml are masked."""
        return self._private(text)

    def quotes(self, placed: list[Placed]) -> None:
        for item in placed:
            self.quote(item.fragment)

    def quote(self, fragment: Fragment) -> None:
        session = self._sessions[fragment.session]
        segment = session.segments.get(fragment.segment)
        if segment is None:
            return
        anonymizer = self.content.anonymizers[session.id]
        text = anonymizer.text(segment.text).strip()  # the body builder cleans what it writes
        if fragment.note:  # the facilitator's words for what was said: never a quote
            self.body.paragraph(
                [
                    Span("Notitie van de gespreksleider (geen letterlijk citaat): ", italic=True),
                    Span(text),
                ],
                styles.NOTE,
            )
        else:
            self.body.paragraph(f"{self._dash}{self._open}{text}{self._close}", styles.QUOTE)
            if self.content.attribution != ATTRIBUTION_NONE:
                self.body.paragraph(self.source(session, segment, anonymizer), styles.SOURCE)
        self.ticker.advance()

    def source(self, session: Session, segment: Segment, anonymizer: Anonymizer) -> str:
        kind = self.content.attribution
        if kind == ATTRIBUTION_NONE:
            return ""
        speaker = anonymizer.speaker(segment.speaker)
        if kind == ATTRIBUTION_PSEUDONYM:
            return f"({speaker})"
        if kind == ATTRIBUTION_ATTRIBUTES:
            participant = session.participant(segment.speaker)
            attributes: Values = participant.attributes if participant else ()
            protected = self.content.shown_attributes
            if participant and protected is not None:
                attributes = protected.get((session.id, participant.id), ())
            values = [clean_text(anonymizer.text(v)).strip() for _, v in attributes]
            shown = ", ".join(v for v in values if v)
            return f"({shown or speaker})"
        time = format_time(session.recording_time(segment.start))
        return f"({session.id}, {speaker}, {time})"

    # ---------------------------------------------------------------- tables

    def table(self, caption: str, table: Table, note: str = "") -> None:
        """A table numbered within its chapter ('Tabel 6.1') with a Word SEQ field."""
        self._tables += 1
        self._caption("Tabel", self._tables, caption)
        self.body.table(table)
        if note:
            self.body.paragraph(note, styles.TABLE_NOTE)

    def _caption(self, word: str, number: int, caption: str) -> None:
        """'Tabel 6.1 …': the chapter's label, then a SEQ field that restarts per chapter."""
        p = self.body.paragraph("", styles.CAPTION)
        book.text_run(p, f"{word} {self._label}.")
        restart = " \\r 1" if number == 1 else ""
        book.field(p, f"SEQ {word} \\* ARABIC{restart}", str(number))
        book.text_run(p, f" {caption}")

    def figure(self, caption: str, png: bytes, width_cm: float = 16.0) -> None:
        """A picture with a caption numbered within its chapter ('Figuur 6.1'), SEQ field."""
        self._figures += 1
        self._caption("Figuur", self._figures, caption)
        # python-docx places the image part and its relationship; the paragraph is ours
        picture = Paragraph(cast(CT_P, self.body.paragraph("")), self.document)
        picture.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))

    def _stance_statements(self, chapter: Chapter) -> list[str]:
        recorded = {st.statement for s in self.content.sessions for st in s.stances.values()}
        wanted = chapter.statements or tuple(s.id for s in self.guide.statements)
        return [s for s in wanted if s in recorded]

    def stance_table(self, statement: str) -> None:
        rows = []
        outside = 0
        largest = 0
        for distribution in distributions(self.content.sessions, statement):
            n = distribution.n
            largest = max(largest, n)
            cells = [
                _count_cell(count, percent, n >= PERCENT_FROM_N)
                for count, percent in zip(
                    distribution.counts, distribution.percentages(), strict=True
                )
            ]
            label = MOMENT_LABELS.get(distribution.moment, distribution.moment)
            rows.append([label, number(n), *cells])
            outside += distribution.not_applicable
        if not rows:
            return
        percent = largest >= PERCENT_FROM_N
        what = "aantallen en percentages" if percent else "aantallen"
        caption = (
            f"Posities van de deelnemers bij {statement_title(self.guide, statement).lower()} "
            f"({what}; focusgroepen, geen enquête)"
        )
        note = "n = aantal deelnemers dat een positie koos."
        if not percent:
            note += f" Percentages staan er pas bij vanaf n = {PERCENT_FROM_N}."
        if outside:
            note += f" N.v.t. (niet meegeteld): {number(outside)}."
        header = ["Moment", "n", *(SCALE[point].capitalize() for point in SCALE_POINTS)]
        self.table(
            caption,
            Table(header=header, rows=rows, align=[LEFT, *[RIGHT] * (len(header) - 1)]),
            note,
        )

    # ---------------------------------------------------------------- appendix

    def account(self) -> None:
        self._label = APPENDIX
        self._tables = 0
        heading = self.heading(f"Bijlage {APPENDIX} Verantwoording", 1)
        book.page_break_before(heading)
        self.body.paragraph(self.account_text())
        for line in self.content.filter_lines:
            self.body.bullet(line)
        self.sessions_table()
        self.characteristics_table()
        for statement in self._statements_with_breadth():
            self.breadth_table(statement)

    def account_text(self) -> str:
        content = self.content
        sessions = content.sessions
        counts = [_speaker_counts(s) for s in sessions]
        participant_lines = sum(c[0] for c in counts)
        facilitator_lines = sum(c[1] for c in counts)
        notes = sum(c[2] for c in counts)
        printed = content.placement.printed()
        people = {(f.session, f.speaker) for f in printed}
        groups = {session for session, _ in people}
        text = (
            f"Dit rapport is gebaseerd op {plural(len(sessions), 'bijeenkomst', 'bijeenkomsten')}"
        )
        forms = Counter(s.meta.form for s in sessions)
        text += (
            " (" + enumeration([_form_words(form, n) for form, n in sorted(forms.items())]) + ")"
        )
        text += f", met in totaal {plural(content.totals.participants, 'deelnemer', 'deelnemers')} "
        text += "(de gespreksleider niet meegeteld). "
        text += (
            f"Deelnemers zeiden {plural(participant_lines, 'fragment', 'fragmenten')} met tekst; "
        )
        text += (
            f"de gespreksleider {number(facilitator_lines)}, die nooit als citaat worden gebruikt. "
        )
        if notes:
            one = notes == 1
            shown = "als notitie gemarkeerd" if self.outline.notes else "niet in dit rapport"
            text += (
                f"{plural(notes, 'live notitie', 'live notities')} van de gespreksleider "
                f"{'is' if one else 'zijn'} niet aan het transcript gekoppeld en dus geen "
                f"letterlijk citaat; {'die staat' if one else 'die staan'} {shown}. "
            )
        text += (
            f"In dit rapport staan {plural(len(printed), 'citaat', 'citaten')} van "
            f"{plural(len(people), 'deelnemer', 'deelnemers')} uit "
            f"{plural(len(groups), 'bijeenkomst', 'bijeenkomsten')}, elk één keer. "
        )
        outside = len(content.placement.unplaced)
        if outside:
            text += (
                f"{plural(outside, 'geselecteerd fragment', 'geselecteerde fragmenten')} "
                f"{'valt' if outside == 1 else 'vallen'} buiten de opzet: hun stelling of thema "
                "heeft in rapport.yaml geen paragraaf."
            )
        return text

    def sessions_table(self) -> None:
        rows = []
        shown = Counter(f.session for f in self.content.placement.printed())
        for session in self.content.sessions:
            participants, facilitator, _notes = _speaker_counts(session)
            rows.append(
                [
                    session.id,
                    long_date(session.meta.date)
                    if _is_date(session.meta.date)
                    else (session.meta.date or "–"),
                    session.meta.form or "onbekend",
                    number(len(session.took_part())),
                    number(participants),
                    number(facilitator),
                    number(shown[session.id]),
                ]
            )
        header = [
            "Sessie",
            "Datum",
            "Vorm",
            "Deelnemers",
            "Fragmenten deelnemers",
            "Fragmenten gespreksleider",
            "In dit rapport",
        ]
        note = (
            "Deelnemers: zonder gespreksleider. Fragmenten: uitspraken met tekst. In dit rapport: "
            "de citaten uit deze bijeenkomst die in het rapport staan."
        )
        self.table(
            "De bijeenkomsten",
            Table(
                header=header,
                rows=rows,
                widths=[1.1, 1.6, 1.3, 1.2, 1.3, 1.4, 1.1],
                align=[LEFT, LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT],
            ),
            note,
        )

    def characteristics_table(self) -> None:
        """The composition of the participants: per characteristic and value, how many people
        in each session and in total (see report.composition)."""
        found = self.content.composition
        if found is None or not found.rows:
            return
        rows = []
        previous = ""
        for row in found.rows:
            value = _COMPOSITION_VALUES.get(row.value) or clean_text(self.private(row.value))
            rows.append(
                [
                    row.label if row.characteristic != previous else "",
                    value,
                    *(number(n) if n else "–" for n in row.counts),
                    number(row.total),
                ]
            )
            previous = row.characteristic
        rows.append(
            [
                "Deelnemers",
                "",
                *(number(n) for n in found.participants),
                number(sum(found.participants)),
            ]
        )
        header = ["Kenmerk", "Waarde", *found.sessions, "Totaal"]
        note = (
            "Aantal deelnemers per waarde, per bijeenkomst en in totaal; de gespreksleider telt "
            "niet mee en een deelnemer telt één keer per kenmerk, hoe vaak hij ook sprak. "
            "– = niemand."
        )
        note += _SINGLING_OUT_NOTES.get(self.content.singling_out, "")
        sessions = len(found.sessions)
        self.table(
            "Samenstelling van de deelnemers naar kenmerk",
            Table(
                header=header,
                rows=rows,
                widths=[2.4, 4.6, *[1.1] * sessions, 1.3],
                align=[LEFT, LEFT, *[RIGHT] * (sessions + 1)],
                total_row=True,
            ),
            note,
        )

    def _statements_with_breadth(self) -> list[str | None]:
        present = self.content.breadth.statements()
        ordered: list[str | None] = [s.id for s in self.guide.statements if s.id in present]
        if None in present:
            ordered.append(None)
        return ordered

    def breadth_table(self, statement: str | None) -> None:
        table = breadth_table(self.guide, self.content.breadth, statement)
        if not table.rows:
            return
        columns = [self.guide.arena_label(a) if a else NO_ARENA_TITLE for a in table.arenas]
        rows = []
        for theme_id, per_arena, overall in table.rows:
            theme = self.guide.theme(theme_id)
            label = ("– " if theme and theme.parent else "") + self.guide.theme_label(theme_id)
            rows.append(
                [
                    label,
                    *(number(n) if n else "–" for n in per_arena),
                    number(overall.participants),
                    number(overall.sessions),
                    number(overall.fragments),
                ]
            )
        header = ["Thema", *columns, "Deelnemers", "Groepen", "Fragmenten (extra)"]
        title = statement_title(self.guide, statement) if statement else "Zonder stelling"
        note = (
            "Aantal deelnemers dat het thema noemde, per arena en in totaal; een deelnemer telt "
            "één keer, hoe vaak hij het ook noemde. Groepen: bijeenkomsten waarin het thema "
            "aan bod kwam. Fragmenten (extra): het aantal uitspraken; een uitspraak met twee "
            "thema's telt in beide rijen. Een hoofdthema telt zijn subthema's mee. – = niemand."
        )
        self.table(
            f"Deelnemers en groepen per thema en arena, {title}",
            Table(
                header=header,
                rows=rows,
                widths=[3.2, *[1.5] * len(columns), 1.4, 1.1, 1.4],
                align=[LEFT, *[RIGHT] * (len(header) - 1)],
            ),
            note,
        )


_COMPOSITION_VALUES = {
    OTHER: "Anders (samengevoegd)",
    HIDDEN: "Niet getoond",
    NOT_RECORDED: "Niet vastgelegd",
}
_SINGLING_OUT_NOTES = {
    COARSEN: (
        " Een waarde die in een bijeenkomst maar één deelnemer had, staat als 'Anders "
        "(samengevoegd)'; wie dan nog alleen stond, staat onder 'Niet getoond'."
    ),
    DROP: (
        " Een waarde die in een bijeenkomst maar één deelnemer had, is weggelaten: die "
        "deelnemer staat onder 'Niet getoond'."
    ),
}


def _form_words(form: str, count: int) -> str:
    if form == "video":
        return f"{count} via video"
    if form:
        return f"{count} {form}"
    return f"{count} zonder vastgelegde vorm"


def _count_cell(count: int, percent: int, with_percent: bool) -> str:
    return f"{number(count)} ({percent}%)" if with_percent else number(count)


def _speaker_counts(session: Session) -> tuple[int, int, int]:
    """(participants' fragments, facilitator's fragments, unlinked live notes) with text."""
    participants = facilitator = notes = 0
    for segment in session.segments:
        if segment.is_marker or not segment.text.strip() or session.is_superseded(segment):
            continue
        if session.is_facilitator(segment.speaker):
            facilitator += 1
        elif segment.kind == "live":
            notes += 1
        elif segment.speaker is not None:
            participants += 1
    return participants, facilitator, notes


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
