"""Planning an import: everything a transcript adds to a session, worked out without changing it.

`plan_import` reads the file and returns an `ImportPlan`; the session passed in is only read.
`ImportPlan.changes()` are the changes that carry the plan out, in one batch.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from goedwerkplaats.coding.inline_codes import InlineCodeError, parse_inline_codes
from goedwerkplaats.files.problems import GwpError, ProblemsError
from goedwerkplaats.importers.linking import link_live_quotes, live_quotes
from goedwerkplaats.importers.live import estimate_offset
from goedwerkplaats.importers.overlap import find_overlaps
from goedwerkplaats.importers.participants import SpeakerMap, check_facilitators_named
from goedwerkplaats.importers.plan_model import (
    FOUND_BY_LINE,
    FOUND_BY_READING,
    FROM_FILE,
    FROM_TIMELINE,
    OFFSET_ESTIMATED,
    OFFSET_GIVEN,
    OFFSET_NONE,
    OFFSET_SESSION,
    ImportOptions,
    ImportPlan,
    SpeakerChoice,
    StatementFound,
)
from goedwerkplaats.importers.reader import read_transcript_file
from goedwerkplaats.importers.rows import Row, fill_times, merge_rows, turns
from goedwerkplaats.importers.speaker_links import speakers_from_links
from goedwerkplaats.importers.speakers import normal_name
from goedwerkplaats.importers.statements import assign_statements
from goedwerkplaats.importers.transcript import Findings, StatementMark, Transcript, Utterance
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import (
    FLAG_QUOTE,
    KIND_TRANSCRIPT,
    ImportRecord,
    Segment,
    Session,
    SessionMeta,
    StatementSwitch,
)
from goedwerkplaats.model.timecode import format_time
from goedwerkplaats.storage.audit import now_iso

__all__ = [
    "FOUND_BY_LINE",
    "FOUND_BY_READING",
    "ImportOptions",
    "ImportPlan",
    "SpeakerChoice",
    "StatementFound",
    "build_plan",
    "plan_import",
    "refuse_reimport",
]

SAME_OFFSET = 0.5  # seconds; a given recording start this close to the session's is the same


def plan_import(
    session: Session, guide: Guide, path: Path, options: ImportOptions | None = None
) -> ImportPlan:
    """Read `path` and plan its import into `session` (only read, never changed).

    Raises ProblemsError (file and line) or GwpError with a Dutch message."""
    path = Path(path)
    read = read_transcript_file(path)
    refuse_reimport(session, read.sha256, path)
    return build_plan(session, guide, read.transcript, read.sha256, options or ImportOptions())


def refuse_reimport(session: Session, sha256: str, path: Path) -> None:
    for record in session.imports:
        if record.sha256 == sha256:
            raise GwpError(
                f"{path.name} is al geïmporteerd in sessie '{session.id}' ({record.when}, "
                f"'{record.file}', {record.segments} segmenten); er is niets gewijzigd. Een "
                "bestand wordt maar één keer ingelezen, zodat niets dubbel in de sessie staat"
            )


def build_plan(
    session: Session, guide: Guide, transcript: Transcript, sha256: str, options: ImportOptions
) -> ImportPlan:
    """The plan for an already read transcript (for callers that read the file themselves)."""
    return _Planner(session, guide, transcript, options).plan(sha256)


class _Planner:
    def __init__(
        self, session: Session, guide: Guide, transcript: Transcript, options: ImportOptions
    ) -> None:
        self.session = session
        self.guide = guide
        self.transcript = transcript
        self.options = options
        self.findings = Findings(transcript.source, transcript.unit)
        self.findings.warnings.extend(transcript.warnings)
        self.findings.notes.extend(transcript.notes)
        names = _speaker_names(transcript)
        self.names = names
        self.speakers = SpeakerMap(session, names, options.facilitators)
        check_facilitators_named(options.facilitators, names, self.findings)

    def _recognise_facilitator(self) -> None:
        """No facilitator named or labelled, and one speaker reads the stellingen out: that is
        the facilitator (GL), not a participant who would count in every table."""
        if self.speakers.has_facilitator or self.options.facilitators:
            return
        kept, self.findings = self.findings, Findings(self.transcript.source, self.transcript.unit)
        try:  # a trial run: its findings are found again in the real one
            rows = self._rows()
            switches = assign_statements(
                rows, self.guide, self.speakers, self.findings, self.options.words
            )
        finally:
            self.findings = kept
        readers = {
            self.speakers.name_of(speaker)
            for switch in switches
            if switch.how == FOUND_BY_READING and (speaker := rows[switch.index].speaker)
        }
        if len(readers) != 1:
            return
        name = readers.pop()
        self.speakers = SpeakerMap(self.session, self.names, (*self.options.facilitators, name))
        self.findings.notes.append(
            f"{name} leest de stellingen voor en is daarom de gespreksleider (GL); is dat niet "
            f"zo, geef dan de juiste naam op {self.options.words.facilitator}"
        )

    def plan(self, sha256: str) -> ImportPlan:
        self._recognise_facilitator()
        rows = self._rows()
        switches = assign_statements(
            rows, self.guide, self.speakers, self.findings, self.options.words
        )
        offset, offset_source, evidence = self._offset(rows)
        fill_times(rows, offset)
        found = tuple(
            StatementFound(s.statement, rows[s.index].session_start, s.line, s.how)
            for s in switches
        )
        source = FROM_FILE if switches else self._statements_from_timeline(rows)
        if not rows and not self.findings.errors:
            self.findings.error(
                None,
                "er staat geen gesproken tekst in het bestand, alleen codes of stellingregels",
            )
        if self.findings.errors:
            raise ProblemsError(self.findings.errors)
        utterances = len(rows)
        if self.options.merges(self.transcript.format):
            rows = merge_rows(rows)
        record = self._record(sha256, len(rows))
        timed = offset_source != OFFSET_NONE and self.transcript.timed
        links = link_live_quotes(self.session, self._segments(rows, record.id), timed)
        # the facilitator in the file is never one of the participants, whoever they quoted
        speakers = {pid for pid in self.speakers.new if not self.speakers.is_facilitator(pid)}
        known = speakers_from_links(self.session, speakers, links.segments, links.updates)
        links.segments = self.speakers.merge(known, links.segments)
        return ImportPlan(
            session_id=self.session.id,
            source=self.transcript.source,
            format=self.transcript.format,
            encoding=self.transcript.encoding,
            unit=self.transcript.unit,
            record=record,
            participants=tuple(self.speakers.new.values()),
            named=tuple(self.speakers.named.values()),
            speakers=self.speakers.choices(links.segments),
            segments=tuple(links.segments),
            live_updates=tuple(links.updates),
            live_before=tuple(links.before),
            unmatched=tuple(links.unmatched),
            outside=links.outside,
            statements=found,
            statement_source=source,
            switches=self._switches(found),
            meta=self._meta(offset, offset_source),
            meta_before=self.session.meta,
            offset=offset,
            offset_source=offset_source,
            offset_evidence=evidence,
            utterances=utterances,
            warnings=tuple(self.findings.warnings),
            notes=tuple(self.findings.notes),
            overlaps=find_overlaps(self.session, links.segments),
        )

    # ------------------------------------------------------------ rows and codes

    def _rows(self) -> list[Row]:
        rows: list[Row] = []
        mark: tuple[str, int] | None = None
        for item in self.transcript.items:
            if isinstance(item, StatementMark):
                if self.guide.statement(item.statement) is not None:
                    mark = (item.statement, item.line)
                    continue
                utterance = self._unknown_mark(item)
                if utterance is None:
                    continue
                item = utterance
            row = self._row(item, rows)
            if row is not None:
                row.mark, mark = mark, None
                rows.append(row)
        return rows

    def _unknown_mark(self, mark: StatementMark) -> Utterance | None:
        known = ", ".join(s.id for s in self.guide.statements) or "geen"
        if mark.explicit:
            self.findings.error(
                mark.line,
                f"onbekende stelling '{mark.statement}' in '{mark.text}'; de leidraad kent: "
                f"{known}. Verbeter het nummer of voeg de stelling toe aan stellingen.yaml",
            )
            return None
        self.findings.warn(
            mark.line,
            f"'{mark.text[:40]}' noemt een stelling die de leidraad niet kent (bekend: {known}); "
            "de regel is als gewone tekst ingelezen",
        )
        return Utterance(mark.line, mark.text, None, None, None, ((mark.line, mark.text),))

    def _row(self, utterance: Utterance, rows: list[Row]) -> Row | None:
        try:
            codes = parse_inline_codes(utterance.text, self.guide)
        except InlineCodeError as error:
            self.findings.error(_code_line(utterance, error.code), str(error))
            return None
        if not codes.text:
            if codes.themes or codes.arena or codes.quote:
                self._codes_to_previous(utterance, codes.themes, codes.arena, rows)
                if codes.quote and rows:
                    rows[-1].quote = True
            return None
        speaker = self.speakers.participant_id(utterance.speaker)
        return Row(
            utterance.line,
            speaker,
            codes.text,
            codes.themes,
            codes.arena,
            utterance.start,
            utterance.end,
            quote=codes.quote,
        )

    def _codes_to_previous(
        self, utterance: Utterance, themes: tuple[str, ...], arena: str | None, rows: list[Row]
    ) -> None:
        """A line of nothing but codes codes the utterance above it."""
        if not rows:
            self.findings.warn(utterance.line, "codes zonder tekst ervoor; overgeslagen")
            return
        previous = rows[-1]
        if arena and previous.arena and arena != previous.arena:
            self.findings.error(
                utterance.line,
                f"twee arena's voor één fragment (@{previous.arena} en @{arena}); kies er één",
            )
            return
        previous.themes = tuple(dict.fromkeys((*previous.themes, *themes)))
        previous.arena = previous.arena or arena

    # ------------------------------------------------------------ stellingen

    def _statements_from_timeline(self, rows: list[Row]) -> str:
        """No stelling in the file: take them from the session's timeline, if it has one."""
        if not self.session.timeline:
            return ""
        for row in rows:
            row.statement = self.session.statement_at(row.session_start)
        return FROM_TIMELINE

    def _switches(self, found: tuple[StatementFound, ...]) -> tuple[StatementSwitch, ...]:
        """Stellingen found become the session's timeline, if it has none yet."""
        if self.session.timeline:
            return ()
        return tuple(StatementSwitch(s.start, s.statement) for s in found)

    # ------------------------------------------------------------ time

    def _offset(self, rows: list[Row]) -> tuple[float, str, int]:
        """The recording's start in session seconds, and where that figure comes from."""
        given = self.options.recording_offset
        known = self.session.meta.recording_offset
        if given is not None:
            if known is not None and abs(known - given) > SAME_OFFSET:
                raise GwpError(
                    f"sessie '{self.session.id}' heeft al een opnamestart ({format_time(known)} "
                    f"sessietijd), anders dan de opgegeven {format_time(given)}. "
                    f"{_sentence(self.options.words.no_recording_start)}, of pas "
                    "'opname_start' aan in sessie.yaml"
                )
            return given, OFFSET_GIVEN, 0
        if known is not None:
            return known, OFFSET_SESSION, 0
        quotes = live_quotes(self.session)
        if not quotes:
            return 0.0, OFFSET_NONE, 0
        if not self.transcript.timed:
            self.findings.warn(
                None, "het transcript heeft geen tijden: live citaten zijn alleen op tekst gezocht"
            )
            return 0.0, OFFSET_NONE, 0
        estimate = estimate_offset(quotes, turns(rows))
        if estimate is None:
            self.findings.warn(
                None,
                "de sessie heeft live citaten, maar het begin van de opname in sessietijd is "
                "onbekend en niet zeker te schatten (te weinig citaten die letterlijk "
                "terugkomen). De tijden van het transcript zijn opgeslagen als opnametijd; "
                f"geef de opnamestart op {self.options.words.recording_start}",
            )
            return 0.0, OFFSET_NONE, 0
        return estimate.offset, OFFSET_ESTIMATED, estimate.evidence

    def _meta(self, offset: float, offset_source: str) -> SessionMeta | None:
        """The session's metadata with the recording start, when this import sets it."""
        if offset_source not in (OFFSET_GIVEN, OFFSET_ESTIMATED):
            return None
        if self.session.meta.recording_offset is not None:
            return None
        return dataclasses.replace(self.session.meta, recording_offset=offset)

    # ------------------------------------------------------------ segments

    def _record(self, sha256: str, count: int) -> ImportRecord:
        taken = {r.id for r in self.session.imports}
        number = len(self.session.imports) + 1
        while f"i{number}" in taken:
            number += 1
        return ImportRecord(f"i{number}", self.transcript.source.name, sha256, now_iso(), count)

    def _segments(self, rows: list[Row], record_id: str) -> list[Segment]:
        ids = self.session.segments.copy()  # hands out ids without touching the session
        segments = [
            Segment(
                id=ids.next_id(),
                start=row.session_start,
                end=row.session_end,
                speaker=row.speaker,
                statement=row.statement,
                text=row.text,
                themes=row.themes,
                arena=row.arena,
                flags=(FLAG_QUOTE,) if row.quote else (),
                kind=KIND_TRANSCRIPT,
                source=record_id,
            )
            for row in rows
        ]
        return sorted(segments, key=lambda s: s.start)


def _speaker_names(transcript: Transcript) -> list[str]:
    """Each speaker once, as first written, in order of appearance."""
    names: dict[str, str] = {}
    for item in transcript.items:
        if isinstance(item, Utterance) and item.speaker:
            names.setdefault(normal_name(item.speaker), item.speaker)
    return list(names.values())


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _code_line(utterance: Utterance, code: str) -> int:
    """The source line that holds the offending code, so the message points at it."""
    if code:
        for line, text in utterance.parts:
            lowered = text.lower()
            if f"#{code}" in lowered or f"@{code}" in lowered:
                return line
    return utterance.line
