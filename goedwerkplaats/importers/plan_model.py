"""What an import will do: the options it was asked with and the plan it comes to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.files.problems import Problem
from goedwerkplaats.importers.transcript import FORMAT_SRT, FORMAT_WEBVTT
from goedwerkplaats.model.changes import (
    AddImport,
    Change,
    PutParticipant,
    PutSegment,
    SetMeta,
    SwitchStatement,
)
from goedwerkplaats.model.session import (
    ImportRecord,
    Participant,
    Segment,
    SessionMeta,
    StatementSwitch,
)

OFFSET_SESSION = "sessie"  # the session already had its recording mark
OFFSET_GIVEN = "opgegeven"  # given by the user for this import
OFFSET_ESTIMATED = "geschat"  # estimated from live quotes
OFFSET_NONE = "onbekend"  # unknown: transcript times are stored as they are

FOUND_BY_LINE = "regel"  # `!stelling 2`, `Stelling 2`
FOUND_BY_READING = "voorgelezen"  # the facilitator read it out

FROM_FILE = "bestand"  # where the segments' stellingen come from
FROM_TIMELINE = "verloop"


@dataclass(frozen=True)
class OptionWords:
    """How the user gives an import's options where they are, for the hints in messages: the
    command line names its flags (the default), the app its fields."""

    facilitator: str = "met --gespreksleider NAAM"  # "Geef die naam dan op {facilitator}"
    recording_start: str = "met --opname-start UU:MM:SS"  # "geef de opnamestart op {…}"
    no_recording_start: str = "laat --opname-start weg"  # the given start clashes


@dataclass(frozen=True)
class ImportOptions:
    merge: bool | None = None  # None: merge for WebVTT/SRT (small cues), not for text/Word
    facilitators: tuple[str, ...] = ()  # names in the file that are the facilitator
    recording_offset: float | None = None  # recording start in session seconds, if known
    words: OptionWords = OptionWords()

    def merges(self, format_name: str) -> bool:
        if self.merge is not None:
            return self.merge
        return format_name in (FORMAT_WEBVTT, FORMAT_SRT)


@dataclass(frozen=True)
class SpeakerChoice:
    """A speaker in the file and the participant their words go to."""

    name: str
    participant: str
    new: bool
    facilitator: bool
    segments: int
    by_quotes: bool = False  # a known participant, recognised by the linked live quotes


@dataclass(frozen=True)
class StatementFound:
    statement: str
    start: float  # session seconds
    line: int
    how: str  # FOUND_BY_LINE or FOUND_BY_READING


@dataclass(frozen=True)
class Overlap:
    """An earlier import whose time the new transcript covers again: most likely a second
    transcript of the same recording, which would put every utterance in the session twice."""

    file: str  # the earlier import's file name
    when: str  # when it was imported
    start: float  # session seconds: the stretch the earlier import's segments cover
    end: float
    inside: int  # new segments that start within that stretch
    new: int  # new segments in all


@dataclass(frozen=True)
class ImportPlan:
    session_id: str
    source: Path
    format: str
    encoding: str | None
    unit: str  # 'regel' or 'alinea': how places in the file are named
    record: ImportRecord
    participants: tuple[Participant, ...]  # new ones only
    named: tuple[Participant, ...]  # known ones that get the name the file gives them
    speakers: tuple[SpeakerChoice, ...]
    segments: tuple[Segment, ...]  # new transcript segments, time order
    live_updates: tuple[Segment, ...]  # live quotes now linked and verified
    live_before: tuple[Segment, ...]  # the same quotes as they were when planned
    unmatched: tuple[Segment, ...]  # live quotes not found in the transcript
    outside: int  # live quotes outside this transcript's time, not looked for
    statements: tuple[StatementFound, ...]
    statement_source: str  # FROM_FILE, FROM_TIMELINE or '' (none)
    switches: tuple[StatementSwitch, ...]  # added to an empty session timeline
    meta: SessionMeta | None  # the session's metadata with the new recording mark, if set
    meta_before: SessionMeta
    offset: float
    offset_source: str
    offset_evidence: int  # live quotes the estimate rests on
    utterances: int  # utterances read from the file, before merging
    warnings: tuple[Problem, ...]
    notes: tuple[str, ...]
    overlaps: tuple[Overlap, ...] = ()  # earlier imports of the same time: ask before importing

    @property
    def merged(self) -> int:
        return self.utterances - len(self.segments)

    def changes(self) -> list[Change]:
        """Every change of this import, to be persisted as one batch."""
        changes: list[Change] = []
        if self.meta is not None:
            changes.append(SetMeta(self.meta))
        changes.extend(PutParticipant(p) for p in (*self.named, *self.participants))
        changes.extend(PutSegment(s) for s in self.segments)
        changes.extend(PutSegment(s) for s in self.live_updates)
        changes.extend(SwitchStatement(s) for s in self.switches)
        changes.append(AddImport(self.record))
        return changes
