"""The coded transcript of one session as a Word document."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from goedwerkplaats.exporters import docx_styles as styles
from goedwerkplaats.exporters.docx_body import BodyBuilder, Span, Table
from goedwerkplaats.exporters.docx_document import new_document, save_document
from goedwerkplaats.exporters.dutch import long_date, number, statement_title
from goedwerkplaats.exporters.privacy import Anonymizer
from goedwerkplaats.exporters.progress import Progress, ProgressTicker
from goedwerkplaats.exporters.transcript_lines import TranscriptLine
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Session
from goedwerkplaats.model.timecode import format_time

OPENING = "Opening"
_UNSET = object()


def write_transcript_docx(
    session: Session,
    guide: Guide,
    anonymizer: Anonymizer,
    lines: Sequence[TranscriptLine],
    target: Path,
    progress: Progress | None,
) -> None:
    title = anonymizer.text(session.meta.title) or session.id
    document = new_document(f"Transcript {session.id}", guide.title)
    body = BodyBuilder(document)
    ticker = ProgressTicker(len(lines) + 1, progress)
    body.paragraph(f"Transcript: {title}", styles.TITLE)
    _header(body, session, anonymizer, lines)
    previous: object = _UNSET
    for line in lines:
        if line.statement != previous:
            body.heading(_statement_heading(guide, line.statement, previous), 1)
            previous = line.statement
        _line(body, line)
        ticker.advance()
    body.finish()
    save_document(document, target)
    ticker.finish()


def _statement_heading(guide: Guide, statement: str | None, previous: object) -> str:
    if statement is None:
        return OPENING if previous is _UNSET else "Zonder stelling"
    return statement_title(guide, statement)


def _line(body: BodyBuilder, line: TranscriptLine) -> None:
    stamp = Span(format_time(line.time), styles.TIMESTAMP)
    if line.is_marker:
        content = [stamp, Span("\t"), Span("Markering" + (": " if line.text else ""), italic=True)]
        content.append(Span(line.text, italic=True))
    else:
        content = [stamp, Span("\t"), Span(f"{line.speaker or 'Onbekend'}: ", styles.SPEAKER)]
        content.append(Span(line.text))
    p = body.paragraph(content, styles.UTTERANCE, keep_with_next=line.has_codes)
    if line.note:
        body.comment(p, line.note)
    if line.has_codes:
        body.paragraph(_codes(line), styles.CODES)


def _codes(line: TranscriptLine) -> str:
    parts = []
    if line.themes:
        parts.append(("thema's: " if len(line.themes) > 1 else "thema: ") + "; ".join(line.themes))
    if line.arena:
        parts.append(f"arena: {line.arena}")
    if line.is_quote:
        parts.append("citaat")
    return " \u00b7 ".join(parts)


def _header(
    body: BodyBuilder, session: Session, anonymizer: Anonymizer, lines: Sequence[TranscriptLine]
) -> None:
    meta = session.meta
    segments = [line for line in lines if not line.is_marker]
    coded = sum(1 for line in segments if line.themes)
    rows = [
        ["Sessie", session.id],
        ["Datum", long_date(meta.date) if meta.date else "onbekend"],
        ["Vorm", meta.form or "onbekend"],
        ["Locatie", anonymizer.text(meta.location) or "onbekend"],
        ["Gespreksleider", _facilitator(session, anonymizer)],
        ["Tijden", _times(meta.recording_offset)],
        ["Fragmenten", f"{number(len(segments))}, waarvan {number(coded)} gecodeerd"],
    ]
    body.table(Table(header=None, rows=rows, widths=[3.5, 12.5]))
    body.paragraph("Deelnemers", styles.CAPTION)
    body.table(_participants(session, anonymizer))
    body.paragraph(
        "Per uitspraak: de tijd, de spreker en de tekst; eronder de codes (thema's, arena, "
        "citaat). Notities staan als opmerking in de marge. Deelnemers staan onder een "
        "pseudoniem; namen in de tekst zijn vervangen.",
        styles.TABLE_NOTE,
    )


def _participants(session: Session, anonymizer: Anonymizer) -> Table:
    header = ["Pseudoniem", "Rol", "Kenmerken"]
    rows = []
    for participant in session.ordered_participants():
        attributes = "; ".join(
            f"{key}: {anonymizer.text(value)}" for key, value in participant.attributes if value
        )
        role = "gespreksleider" if participant.facilitator else "deelnemer"
        row = [participant.public_label(), role, attributes]
        if anonymizer.names:
            row.append(participant.name)
        rows.append(row)
    if anonymizer.names:
        header.append("Naam")
        return Table(header, rows, widths=[2.5, 3, 6.5, 4])
    return Table(header, rows, widths=[2.5, 3, 10.5])


def _facilitator(session: Session, anonymizer: Anonymizer) -> str:
    if anonymizer.names and session.meta.facilitator:
        return session.meta.facilitator
    labels = [p.public_label() for p in session.participants.values() if p.facilitator]
    return ", ".join(labels) or "niet vastgelegd"


def _times(offset: float | None) -> str:
    if offset is None:
        return "sessietijd: vanaf het begin van de bijeenkomst (geen opnamestart vastgelegd)"
    return f"opnametijd: de opname begon op {format_time(offset)} sessietijd"
