"""A recognition through the existing import pipeline, with suggested speakers and unsure words.

The recognised stretches become a transcript without speakers and go through `build_plan`
like any file: recording times, the recording's start (known or estimated from live quotes),
stellingen read out by the facilitator, live quotes linked and verified, a re-run refused by
the recording's hash. Then the live capture suggests speakers (see `speakers`): first the
plan is made once to learn where the recording starts in session time, the stretches are
split where the quoted speaker changes at a pause, and the plan is made again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.coding.inline_codes import keep_as_text
from goedwerkplaats.importers import ImportOptions, ImportPlan, build_plan, describe_plan
from goedwerkplaats.importers.plan import refuse_reimport
from goedwerkplaats.importers.plan_model import FOUND_BY_READING, OFFSET_NONE
from goedwerkplaats.importers.transcript import Transcript, Utterance
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import FLAG_SUGGESTED_SPEAKER, Segment, Session
from goedwerkplaats.speech.recognise import Piece, Recognition
from goedwerkplaats.speech.speakers import (
    Anchor,
    Turn,
    live_anchors,
    live_turns,
    split_at_changes,
    suggest,
)

FORMAT_SPEECH = "spraakherkenning"
HASH_BLOCK = 1024 * 1024
READING_ANCHOR = 0.5  # seconds into a stelling read out: the facilitator is speaking there


@dataclass(frozen=True)
class SpeechPlan:
    """The import plan of a recognition, and what the speaker suggestion came to."""

    plan: ImportPlan
    recognition: Recognition
    by_timeline: int  # segments whose speaker the live timeline suggests
    by_quotes: int  # segments whose speaker their linked live quote suggests
    split: int  # extra segments from splitting at a change of speaker
    unsure: int  # words the recogniser was unsure of
    note: str = ""  # why no speakers could be suggested, if so

    @property
    def unknown(self) -> int:
        return sum(1 for s in self.plan.segments if s.speaker is None)


@dataclass(frozen=True)
class Score:
    """Suggested speakers against the truth, where it is known (tests and benchmarks)."""

    right: int
    wrong: int
    unknown: int  # left without a suggestion

    @property
    def share_right(self) -> float:
        made = self.right + self.wrong
        return self.right / made if made else 0.0


def score_suggestions(
    segments: Iterable[Segment], truth: Callable[[float, float], str | None]
) -> Score:
    """`truth(start, end)`: who really spoke most of that stretch (session seconds)."""
    right = wrong = unknown = 0
    for segment in segments:
        if segment.speaker is None:
            unknown += 1
        elif segment.speaker == truth(segment.start, segment.end or segment.start):
            right += 1
        else:
            wrong += 1
    return Score(right, wrong, unknown)


def recording_hash(path: Path) -> str:
    """sha256 of the whole recording: the same recording is never imported twice."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(HASH_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def check_not_transcribed(session: Session, path: Path, sha256: str) -> None:
    """Before the long listening: this recording was imported into the session already."""
    refuse_reimport(session, sha256, path)


def plan_speech(
    session: Session,
    guide: Guide,
    recognition: Recognition,
    sha256: str,
    options: ImportOptions | None = None,
) -> SpeechPlan:
    """The import of `recognition` into `session` (only read), speakers suggested."""
    options = dataclasses.replace(options or ImportOptions(), merge=False)
    transcript = _transcript(recognition, recognition.pieces)
    first = build_plan(session, guide, transcript, sha256, options)
    anchors = live_anchors(session, first.offset)
    note = ""
    if anchors and first.offset_source == OFFSET_NONE:
        note = (
            "geen sprekers voorgesteld: waar de opname begon in sessietijd is onbekend. Geef "
            "de opnamestart op (--opname-start UU:MM:SS, of ^R tijdens het live leiden)"
        )
        anchors = []
    anchors = sorted([*anchors, *_readings(session, first)], key=lambda a: a.time)
    turns = live_turns(anchors, recognition.words)
    pieces = split_at_changes(recognition.pieces, turns)
    plan = build_plan(session, guide, _transcript(recognition, tuple(pieces)), sha256, options)
    segments, by_timeline, by_quotes = _suggested(plan, pieces, turns)
    plan = dataclasses.replace(plan, segments=tuple(segments))
    unsure = sum(len(s.unsure) for s in segments)
    split = len(pieces) - len(recognition.pieces)
    return SpeechPlan(plan, recognition, by_timeline, by_quotes, split, unsure, note)


def _readings(session: Session, plan: ImportPlan) -> list[Anchor]:
    """The facilitator speaks where a stelling is read out: they rarely quote themselves."""
    facilitator = next((p.id for p in session.participants.values() if p.facilitator), None)
    if facilitator is None:
        return []
    ends = {s.start: s.end for s in plan.segments}
    anchors = []
    for found in plan.statements:
        end = ends.get(found.start)
        if found.how == FOUND_BY_READING and end is not None:
            start = found.start - plan.offset
            anchors.append(
                Anchor(round(start + READING_ANCHOR, 3), facilitator, round(end - plan.offset, 3))
            )
    return anchors


def _transcript(recognition: Recognition, pieces: tuple[Piece, ...] | list[Piece]) -> Transcript:
    # The recogniser's words are words: a '#' it writes must not become a code.
    items = tuple(
        Utterance(number, keep_as_text(piece.text, piece.text), None, piece.start, piece.end)
        for number, piece in enumerate(pieces, start=1)
    )
    return Transcript(
        recognition.source,
        f"{FORMAT_SPEECH}, model {recognition.model}, taal {recognition.language}",
        items,
        notes=recognition.notes,
        unit="fragment",
    )


def _suggested(
    plan: ImportPlan, pieces: list[Piece], turns: list[Turn]
) -> tuple[list[Segment], int, int]:
    """Each segment with its suggested speaker (flagged as a suggestion) and unsure words."""
    offset = plan.offset
    by_piece = {round(p.start + offset, 3): p for p in pieces}
    quoted = {q.link: q.speaker for q in plan.live_updates if q.link and q.speaker}
    segments: list[Segment] = []
    by_timeline = by_quotes = 0
    for segment in plan.segments:
        piece = by_piece.get(segment.start)
        unsure = () if piece is None else _unsure(piece, offset)
        speaker = quoted.get(segment.id)
        if speaker is not None:
            by_quotes += 1
        elif piece is not None:
            speaker = suggest(piece.start, piece.end, turns)
            by_timeline += speaker is not None
        flags = segment.flags
        if speaker is not None:
            flags = segment.with_flag(FLAG_SUGGESTED_SPEAKER, True)
        segments.append(dataclasses.replace(segment, speaker=speaker, flags=flags, unsure=unsure))
    return segments, by_timeline, by_quotes


def _unsure(piece: Piece, offset: float) -> tuple[tuple[float, str], ...]:
    return tuple(
        (round(word.start + offset, 3), word.text.strip()) for word in piece.words if word.unsure
    )


def describe_speech(speech: SpeechPlan, applied: bool = True) -> list[str]:
    """The import report, with what the live capture suggested and what stays open."""
    lines = describe_plan(speech.plan, applied)
    lines = [line for line in lines if not line.startswith(("sprekers: geen", "  zonder spreker"))]
    counts = Counter(s.speaker for s in speech.plan.segments if s.speaker)
    if counts:
        each = ", ".join(f"{pid} {n}" for pid, n in sorted(counts.items()))
        lines.append(
            f"sprekers voorgesteld uit de live opname: {each} segment(en) ({speech.by_timeline} "
            f"op tijd, {speech.by_quotes} aan een gekoppeld citaat); gemarkeerd als voorstel "
            "tot u de spreker bevestigt"
        )
    if speech.split:
        lines.append(f"  {speech.split} keer gesplitst waar de spreker wisselde bij een pauze")
    if speech.note:
        lines.append(speech.note)
    if speech.unknown:
        lines.append(
            f"spreker onbekend: {speech.unknown} segment(en); wijs de spreker toe bij het coderen"
        )
    lines.append(
        f"onzekere woorden: {speech.unsure} (gemarkeerd; in het codeerscherm springt u erheen)"
    )
    return lines
