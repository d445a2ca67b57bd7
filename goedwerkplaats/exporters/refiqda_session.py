"""One session as REFI-QDA parts: its transcript, coded selections, notes and cases.

Everything here is already as it may leave the project: pseudonyms, names in the text replaced,
mask terms applied, and positions counted on that very text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from goedwerkplaats.exporters.privacy import Anonymizer
from goedwerkplaats.exporters.refiqda_codebook import Codebook
from goedwerkplaats.exporters.refiqda_ids import Guids
from goedwerkplaats.exporters.refiqda_text import (
    Line,
    Transcript,
    Utterance,
    build_transcript,
    one_line,
    shorten,
    speaker_label,
    xml_safe,
)
from goedwerkplaats.exporters.selection import exported_segments
from goedwerkplaats.model.session import Segment, Session
from goedwerkplaats.model.timecode import format_time


@dataclass(frozen=True)
class Selection:
    """A PlainTextSelection: a span of the transcript and the codes on it."""

    guid: str
    name: str
    start: int
    end: int
    created: str
    codes: tuple[tuple[str, str], ...]  # (coding guid, code guid)
    note: str = ""
    note_guid: str | None = None


@dataclass(frozen=True)
class NoteItem:
    guid: str
    name: str
    text: str
    created: str


@dataclass(frozen=True)
class CaseItem:
    guid: str
    name: str
    description: str
    values: tuple[tuple[str, str], ...]  # (variable key, value)
    selections: tuple[str, ...]


@dataclass
class SessionPart:
    """What one session contributes to the project file."""

    session_id: str
    source_guid: str
    source_name: str
    description: str
    created: str
    transcript: Transcript
    selections: list[Selection] = field(default_factory=list)
    notes: list[NoteItem] = field(default_factory=list)
    cases: list[CaseItem] = field(default_factory=list)
    values: list[tuple[str, str]] = field(default_factory=list)  # source variables


@dataclass(frozen=True)
class _Context:
    session: Session
    anonymizer: Anonymizer
    codebook: Codebook
    guids: Guids
    base_time: dt.datetime


def build_session(
    session: Session, anonymizer: Anonymizer, codebook: Codebook, guids: Guids, now: dt.datetime
) -> SessionPart:
    context = _Context(session, anonymizer, codebook, guids, _session_start(session, now))
    spoken = _spoken_segments(context)
    transcript = build_transcript([utterance for _segment, utterance in spoken])
    part = SessionPart(
        session_id=session.id,
        source_guid=guids.of("source", session.id),
        source_name=_source_name(context),
        description=_source_description(context),
        created=_stamp(context.base_time),
        transcript=transcript,
    )
    segments = [segment for segment, _utterance in spoken]
    part.selections = _statement_selections(context, segments, transcript)
    by_speaker: dict[str, list[str]] = {}
    for segment in segments:
        selection = _add_segment(part, context, segment, transcript.lines[segment.id])
        if selection and segment.speaker:
            by_speaker.setdefault(segment.speaker, []).append(selection.guid)
    part.selections.sort(key=lambda s: (s.start, -s.end))
    part.cases = _cases(context, by_speaker)
    part.values = [(key, value) for key, value in _source_values(context) if value]
    return part


def _spoken_segments(context: _Context) -> list[tuple[Segment, Utterance]]:
    """Every segment with words, in time order; bare markers stay out of the transcript."""
    session, anonymizer = context.session, context.anonymizer
    speakers: dict[str | None, str] = {}
    spoken = []
    for segment in exported_segments(session):
        if segment.is_marker:
            continue
        # cleaned before too: a control character inside a name must not hide it from the
        # anonymizer and then vanish, leaving the name
        text = _line(anonymizer, segment.text)
        if not text:
            continue
        if segment.speaker not in speakers:
            speaker = anonymizer.speaker(segment.speaker) if segment.speaker else None
            speakers[segment.speaker] = speaker_label(speaker)
        time = session.recording_time(segment.start)
        spoken.append((segment, Utterance(segment.id, time, speakers[segment.speaker], text)))
    return spoken


def _add_segment(
    part: SessionPart, context: _Context, segment: Segment, line: Line
) -> Selection | None:
    """A selection for a segment that carries something: a code, the citaat flag or a note."""
    codes = _codings(context, segment)
    note = _clean(context.anonymizer, segment.note) if segment.note else ""
    if not codes and not note:
        return None
    session_id, guids = context.session.id, context.guids
    created = _stamp(_moment(context, segment))
    note_guid = guids.of("note", session_id, segment.id) if note else None
    selection = Selection(
        guid=guids.of("selection", session_id, segment.id),
        name=shorten(part.transcript.text[line.text_start : line.text_end]),
        start=line.text_start,
        end=line.text_end,
        created=created,
        codes=codes,
        note=note,
        note_guid=note_guid,
    )
    part.selections.append(selection)
    if note_guid:
        part.notes.append(NoteItem(note_guid, _note_name(context, segment), note, created))
    return selection


def _line(anonymizer: Anonymizer, text: str) -> str:
    """One line as it may leave: cleaned, anonymised, cleaned again (a mask substitute is
    free text too)."""
    return one_line(anonymizer.text(one_line(text)))


def _clean(anonymizer: Anonymizer, text: str) -> str:
    """Multi-line text (a note) as it may leave: clean, then anonymised, then clean again."""
    text = xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))
    return xml_safe(anonymizer.text(text)).strip()


def _codings(context: _Context, segment: Segment) -> tuple[tuple[str, str], ...]:
    """One Coding per theme, one for the arena, one for the citaat flag."""
    codebook = context.codebook
    targets = [codebook.themes.get(theme) for theme in dict.fromkeys(segment.themes)]
    if segment.arena:
        targets.append(codebook.arenas.get(segment.arena))
    if segment.is_quote:
        targets.append(codebook.quote)
    return tuple(
        (context.guids.of("coding", context.session.id, segment.id, code_guid), code_guid)
        for code_guid in targets
        if code_guid
    )


def _statement_selections(
    context: _Context, segments: list[Segment], transcript: Transcript
) -> list[Selection]:
    """Structural coding: each run of lines under one stelling, from its first to last line."""
    runs: list[list[Segment]] = []
    for segment in segments:
        if runs and runs[-1][0].statement == segment.statement:
            runs[-1].append(segment)
        else:
            runs.append([segment])
    selections = []
    for run in runs:
        code_guid = context.codebook.statements.get(run[0].statement or "")
        if code_guid is None:
            continue
        first, last = transcript.lines[run[0].id], transcript.lines[run[-1].id]
        guid = context.guids.of("stellingblok", context.session.id, run[0].id)
        coding = context.guids.of("coding", context.session.id, run[0].id, code_guid)
        selections.append(
            Selection(
                guid=guid,
                name=f"Stelling {run[0].statement}",
                start=first.line_start,
                end=last.text_end,
                created=_stamp(_moment(context, run[0])),
                codes=((coding, code_guid),),
            )
        )
    return selections


def _cases(context: _Context, by_speaker: dict[str, list[str]]) -> list[CaseItem]:
    """Each participant (not the facilitator) as a case, with the selections of their words."""
    session, anonymizer = context.session, context.anonymizer
    cases: list[CaseItem] = []
    for participant in session.ordered_participants():
        if participant.facilitator:
            continue
        label = one_line(anonymizer.speaker(participant.id))
        if any(case.name == f"{session.id} {label}" for case in cases):
            label = f"{label} ({participant.id})"  # two aliases alike; importers need unique names
        values = [("sessie", session.id)] + [
            (one_line(key), _line(anonymizer, value)) for key, value in participant.attributes
        ]
        cases.append(
            CaseItem(
                guid=context.guids.of("case", session.id, participant.id),
                name=f"{session.id} {label}",
                description=f"Deelnemer {label} in sessie {session.id}",
                values=tuple((key, value) for key, value in values if key and value),
                selections=tuple(by_speaker.get(participant.id, ())),
            )
        )
    return cases


def _source_values(context: _Context) -> list[tuple[str, str]]:
    meta = context.session.meta
    return [("datum", one_line(meta.date)), ("vorm", one_line(meta.form))]


def _source_name(context: _Context) -> str:
    """Session id and title; QualCoder saves the source under this name, so no path characters."""
    title = _line(context.anonymizer, context.session.meta.title)
    name = f"{context.session.id} {title}".strip()
    return "".join("-" if char in '\\/:*?"<>|' else char for char in name)


def _source_description(context: _Context) -> str:
    meta, anonymizer = context.session.meta, context.anonymizer
    speakers = [
        one_line(anonymizer.speaker(p.id))
        for p in context.session.ordered_participants()
        if not p.facilitator
    ]
    lines = [
        f"Sessie {meta.id}: {_line(anonymizer, meta.title)}",
        f"Datum: {one_line(meta.date)}" if meta.date else "",
        f"Vorm: {one_line(meta.form)}" if meta.form else "",
        f"Locatie: {_line(anonymizer, meta.location)}" if meta.location else "",
        f"Gespreksleider: {one_line(anonymizer.facilitator())}" if meta.facilitator else "",
        f"Deelnemers: {', '.join(speakers)}" if speakers else "",
        _time_note(context.session),
    ]
    return "\n".join(line for line in lines if line)


def _time_note(session: Session) -> str:
    offset = session.meta.recording_offset
    if offset is None:
        return "Tijden: sessietijd (vanaf het begin van de bijeenkomst)."
    return (
        f"Tijden: opnametijd (de opname begon op {format_time(offset)} sessietijd); "
        "wat vóór de opname gezegd is, staat op 00:00:00."
    )


def _note_name(context: _Context, segment: Segment) -> str:
    time = format_time(max(0.0, context.session.recording_time(segment.start)))
    speaker = context.anonymizer.speaker(segment.speaker) if segment.speaker else None
    return f"Notitie {context.session.id} {time} {speaker_label(speaker)}"


# A session with only a date starts at 10:00 UTC: a session of a few hours then keeps its date
# for every reader between UTC-10 and UTC+10, wherever the export was made (midnight local
# time was the previous day in UTC, and QualCoder showed that day).
DATE_ONLY_HOUR_UTC = 10


def _session_start(session: Session, now: dt.datetime) -> dt.datetime:
    """When the session began: its start moment, else its date, else the export moment."""
    text = session.meta.started_at or ""
    try:
        moment = dt.datetime.fromisoformat(text)
        return moment if moment.tzinfo else moment.astimezone()  # naive: local time
    except ValueError:
        pass
    try:
        day = dt.date.fromisoformat((session.meta.date or "").strip())
    except ValueError:
        return now
    return dt.datetime.combine(day, dt.time(DATE_ONLY_HOUR_UTC), tzinfo=dt.UTC)


def _moment(context: _Context, segment: Segment) -> dt.datetime:
    # the moment it was said: the only date a segment has, and stable across exports
    return context.base_time + dt.timedelta(seconds=max(0.0, segment.start))


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
