"""A session (bijeenkomst): its metadata, participants, segments and recorded stances."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

FLAG_QUOTE = "citaat"
FLAG_VERIFIED = "geverifieerd"
# the speaker was suggested by the speech recognition import, not yet confirmed by a person
FLAG_SUGGESTED_SPEAKER = "sprekervoorstel"
KNOWN_FLAGS = (FLAG_QUOTE, FLAG_VERIFIED, FLAG_SUGGESTED_SPEAKER)

KIND_LIVE = "live"
KIND_TRANSCRIPT = "transcript"
KIND_MARKER = "markering"
KINDS = (KIND_LIVE, KIND_TRANSCRIPT, KIND_MARKER)

FORMS = ("video", "op locatie")
MOMENTS = ("begin", "eind")
FACILITATOR_ID = "GL"


@dataclass(frozen=True)
class Participant:
    """A participant, known by pseudonym (P1, P2…); the real name stays in the session."""

    id: str
    name: str = ""
    alias: str = ""
    facilitator: bool = False
    attributes: tuple[tuple[str, str], ...] = ()

    def public_label(self) -> str:
        """What leaves the project: the alias if chosen, else the pseudonym."""
        return self.alias or self.id

    def attribute(self, key: str) -> str:
        return dict(self.attributes).get(key, "")


@dataclass(frozen=True)
class Segment:
    """One quote, transcript utterance or bare time marker. Times are session seconds."""

    id: str
    start: float
    end: float | None = None
    speaker: str | None = None
    statement: str | None = None
    text: str = ""
    themes: tuple[str, ...] = ()
    arena: str | None = None
    note: str = ""
    flags: tuple[str, ...] = ()
    kind: str = KIND_LIVE
    link: str | None = None
    source: str | None = None
    # words the speech recogniser was unsure of: (session seconds, the word as recognised)
    unsure: tuple[tuple[float, str], ...] = ()
    primary_theme: str | None = None  # where the report prints it when it has several themes

    @property
    def is_quote(self) -> bool:
        return FLAG_QUOTE in self.flags

    @property
    def is_coded(self) -> bool:
        return bool(self.themes)

    @property
    def is_marker(self) -> bool:
        return self.kind == KIND_MARKER

    @property
    def speaker_suggested(self) -> bool:
        return FLAG_SUGGESTED_SPEAKER in self.flags

    def unsure_words(self) -> list[tuple[float, str]]:
        """The unsure words still in the text (a corrected word is no longer unsure)."""
        lowered = self.text.casefold()
        return [(time, word) for time, word in self.unsure if word.strip().casefold() in lowered]

    def with_flag(self, flag: str, on: bool) -> tuple[str, ...]:
        if on:
            return self.flags if flag in self.flags else (*self.flags, flag)
        return tuple(f for f in self.flags if f != flag)


@dataclass(frozen=True)
class Stance:
    """Where a participant stands on a stelling: 1 (helemaal mee oneens) … 5, None = n.v.t."""

    statement: str
    participant: str
    moment: str
    value: int | None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.statement, self.participant, self.moment)


@dataclass(frozen=True)
class StatementSwitch:
    """From `time` (session seconds) on, `statement` is the current stelling."""

    time: float
    statement: str


@dataclass(frozen=True)
class ImportRecord:
    """A transcript file imported into the session; its hash keeps re-imports out."""

    id: str
    file: str
    sha256: str
    when: str
    segments: int


@dataclass(frozen=True)
class ErasureRecord:
    """That a participant was erased, without any content."""

    when: str
    participant: str
    segments: int


@dataclass(frozen=True)
class RecordingLink:
    """Where the session's recording is, and enough to recognise it after a move: the file
    stays where the user keeps it (recordings are not copied into the project)."""

    path: str
    size: int
    duration: float
    head_sha256: str


@dataclass(frozen=True)
class SessionMeta:
    id: str
    title: str = ""
    date: str = ""
    location: str = ""
    form: str = ""
    facilitator: str = ""
    started_at: str | None = None
    ended_at: str | None = None
    recording_offset: float | None = None
    paused_at: str | None = None  # the clock stands still from here until resumed
    paused_seconds: float = 0.0  # earlier pauses, not counted as session time
    example: bool = False  # a fictional example session: exports of the whole project skip it
    recording: RecordingLink | None = None


class SegmentList:
    """Segments kept in time order (ties in insertion order), findable by id."""

    def __init__(self, segments: list[Segment] | None = None) -> None:
        self._by_id: dict[str, Segment] = {}
        self._order: dict[str, int] = {}
        self._keys: list[tuple[float, int]] = []
        self._items: list[Segment] = []
        self._counter = 0
        self._max_number = 0
        for segment in segments or []:
            self.put(segment)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Segment]:
        return iter(self._items)

    def __getitem__(self, index: int) -> Segment:
        return self._items[index]

    def __contains__(self, segment_id: object) -> bool:
        return segment_id in self._by_id

    def get(self, segment_id: str) -> Segment | None:
        return self._by_id.get(segment_id)

    def copy(self) -> SegmentList:
        """A cheap copy; segments are immutable, so the copy shares them."""
        clone = SegmentList()
        clone._by_id = dict(self._by_id)
        clone._order = dict(self._order)
        clone._keys = list(self._keys)
        clone._items = list(self._items)
        clone._counter = self._counter
        clone._max_number = self._max_number
        return clone

    def index_of(self, segment_id: str) -> int:
        segment = self._by_id[segment_id]
        return bisect.bisect_left(self._keys, (segment.start, self._order[segment_id]))

    def after(self, segment_id: str) -> Segment | None:
        """The segment that follows in time order, or None after the last."""
        index = self.index_of(segment_id) + 1
        return self._items[index] if index < len(self._items) else None

    def as_list(self) -> list[Segment]:
        return list(self._items)

    def put(self, segment: Segment) -> None:
        old = self._by_id.get(segment.id)
        if old is not None and old.start == segment.start:
            self._items[self.index_of(segment.id)] = segment
            self._by_id[segment.id] = segment
            return
        if old is not None:
            self.remove(segment.id)
        order = self._order.get(segment.id)
        if order is None:
            self._counter += 1
            order = self._counter
        key = (segment.start, order)
        index = bisect.bisect_right(self._keys, key)
        self._keys.insert(index, key)
        self._items.insert(index, segment)
        self._by_id[segment.id] = segment
        self._order[segment.id] = order
        self._note_number(segment.id)

    def remove(self, segment_id: str) -> Segment | None:
        if segment_id not in self._by_id:
            return None
        index = self.index_of(segment_id)
        del self._keys[index]
        del self._items[index]
        return self._by_id.pop(segment_id)

    def next_id(self) -> str:
        self._max_number += 1
        return f"s{self._max_number}"

    def _note_number(self, segment_id: str) -> None:
        if segment_id.startswith("s") and segment_id[1:].isdigit():
            self._max_number = max(self._max_number, int(segment_id[1:]))


@dataclass
class Session:
    """The whole state of one session, as folded from its snapshot and journal."""

    meta: SessionMeta
    participants: dict[str, Participant] = field(default_factory=dict)
    segments: SegmentList = field(default_factory=SegmentList)
    stances: dict[tuple[str, str, str], Stance] = field(default_factory=dict)
    timeline: list[StatementSwitch] = field(default_factory=list)
    imports: list[ImportRecord] = field(default_factory=list)
    erasures: list[ErasureRecord] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.meta.id

    def snapshot(self) -> Session:
        """A copy that later changes to this session do not touch (for saving in a thread)."""
        return Session(
            meta=self.meta,
            participants=dict(self.participants),
            segments=self.segments.copy(),
            stances=dict(self.stances),
            timeline=list(self.timeline),
            imports=list(self.imports),
            erasures=list(self.erasures),
        )

    def participant(self, participant_id: str | None) -> Participant | None:
        return None if participant_id is None else self.participants.get(participant_id)

    def is_facilitator(self, participant_id: str | None) -> bool:
        participant = self.participant(participant_id)
        return bool(participant and participant.facilitator)

    def is_codable(self, segment: Segment) -> bool:
        """What a transcriber is expected to code: participants' words, not markers, and not
        a live quote whose transcript segment carries its codes."""
        return (
            not segment.is_marker
            and not self.is_facilitator(segment.speaker)
            and not self.is_superseded(segment)
        )

    def is_superseded(self, segment: Segment) -> bool:
        """A live quote linked to the transcript segment it was taken from: that segment holds
        the same words with the codes and verification, so the quote is not counted or exported."""
        return (
            segment.kind == KIND_LIVE and segment.link is not None and segment.link in self.segments
        )

    def counts(self) -> tuple[int, int]:
        """(segments, coded segments), markers and superseded live quotes left out."""
        total = coded = 0
        for segment in self.segments:
            if segment.is_marker or self.is_superseded(segment):
                continue
            total += 1
            coded += segment.is_coded
        return total, coded

    def has_transcript(self) -> bool:
        return any(segment.kind == KIND_TRANSCRIPT for segment in self.segments)

    def coding_counts(self) -> tuple[int, int]:
        """(segments to code, of which coded): what the coding screen's progress counts."""
        codable = [segment for segment in self.segments if self.is_codable(segment)]
        return len(codable), sum(segment.is_coded for segment in codable)

    def statement_at(self, time: float) -> str | None:
        current = None
        for switch in self.timeline:
            if switch.time > time:
                break
            current = switch.statement
        return current

    def recording_time(self, session_time: float) -> float:
        return session_time - (self.meta.recording_offset or 0.0)

    def session_time(self, recording_time: float) -> float:
        """The inverse of recording_time: where a moment of the recording lies in the session."""
        return recording_time + (self.meta.recording_offset or 0.0)

    def took_part(self) -> list[Participant]:
        """Participants other than the facilitator who spoke, took a position or were named.

        A new session offers rows P1-P3 that may stay empty; they are not counted.
        """
        active = {s.speaker for s in self.segments} | {s.participant for s in self.stances.values()}
        return [
            p
            for p in self.participants.values()
            if not p.facilitator and (p.id in active or p.name or p.attributes)
        ]

    def ordered_participants(self) -> list[Participant]:
        """Participants P1, P2… in number order, then others, the facilitator last."""

        def order(p: Participant) -> tuple[int, int, str]:
            number = int(p.id[1:]) if p.id[:1] == "P" and p.id[1:].isdigit() else 10_000
            return (int(p.facilitator), number, p.id)

        return sorted(self.participants.values(), key=order)

    def speaker_choices(self) -> list[Participant]:
        """Everyone who may be picked as speaker: the participants, then a next new one and,
        when there is none yet, the facilitator; not yet in the session until picked.

        A transcript without speaker names (an automatic transcription) starts with no
        participants at all, and the transcriber has to be able to say who speaks.
        """
        choices = self.ordered_participants()
        choices.insert(
            len([p for p in choices if not p.facilitator]), Participant(self.next_pseudonym())
        )
        if not any(p.facilitator for p in choices):
            choices.append(self.new_facilitator())
        return choices

    def new_facilitator(self) -> Participant:
        """GL, named as the session's metadata names the facilitator."""
        return Participant(FACILITATOR_ID, name=self.meta.facilitator, facilitator=True)

    def next_pseudonym(self) -> str:
        taken = {p.id for p in self.participants.values()}
        number = 1
        while f"P{number}" in taken:
            number += 1
        return f"P{number}"
