"""Changes to a session: the unit that is journalled, applied, and undone."""

from __future__ import annotations

from dataclasses import dataclass

from goedwerkplaats.model.session import (
    ErasureRecord,
    ImportRecord,
    Participant,
    Segment,
    Session,
    SessionMeta,
    Stance,
    StatementSwitch,
)


@dataclass(frozen=True)
class SetMeta:
    meta: SessionMeta


@dataclass(frozen=True)
class PutParticipant:
    participant: Participant


@dataclass(frozen=True)
class PutSegment:
    segment: Segment


@dataclass(frozen=True)
class DeleteSegment:
    segment_id: str


@dataclass(frozen=True)
class PutStance:
    stance: Stance


@dataclass(frozen=True)
class DeleteStance:
    key: tuple[str, str, str]


@dataclass(frozen=True)
class SwitchStatement:
    switch: StatementSwitch


@dataclass(frozen=True)
class AddImport:
    record: ImportRecord


@dataclass(frozen=True)
class EraseParticipant:
    """Remove a participant with every segment and stance of theirs."""

    participant_id: str
    when: str


Change = (
    SetMeta
    | PutParticipant
    | PutSegment
    | DeleteSegment
    | PutStance
    | DeleteStance
    | SwitchStatement
    | AddImport
    | EraseParticipant
)


def apply_change(session: Session, change: Change) -> None:
    """Fold one change into the session, in place."""
    match change:
        case SetMeta(meta):
            session.meta = meta
        case PutParticipant(participant):
            session.participants[participant.id] = participant
        case PutSegment(segment):
            session.segments.put(segment)
        case DeleteSegment(segment_id):
            session.segments.remove(segment_id)
        case PutStance(stance):
            session.stances[stance.key] = stance
        case DeleteStance(key):
            session.stances.pop(key, None)
        case SwitchStatement(switch):
            session.timeline.append(switch)
            session.timeline.sort(key=lambda s: s.time)
        case AddImport(record):  # a record with the same id is replaced (erasure renames)
            ids = [r.id for r in session.imports]
            if record.id in ids:
                session.imports[ids.index(record.id)] = record
            else:
                session.imports.append(record)
        case EraseParticipant(participant_id, when):
            _erase(session, participant_id, when)


def _erase(session: Session, participant_id: str, when: str) -> None:
    removed = [s.id for s in session.segments if s.speaker == participant_id]
    for segment_id in removed:
        session.segments.remove(segment_id)
    session.stances = {k: v for k, v in session.stances.items() if v.participant != participant_id}
    session.participants.pop(participant_id, None)
    session.erasures.append(ErasureRecord(when, participant_id, len(removed)))


def inverse(session: Session, change: Change) -> Change | None:
    """The change that undoes `change` on the session as it is now (before applying)."""
    match change:
        case SetMeta():
            return SetMeta(session.meta)
        case PutParticipant(participant):
            old = session.participants.get(participant.id)
            return PutParticipant(old) if old else None
        case PutSegment(segment):
            old_segment = session.segments.get(segment.id)
            return PutSegment(old_segment) if old_segment else DeleteSegment(segment.id)
        case DeleteSegment(segment_id):
            gone = session.segments.get(segment_id)
            return PutSegment(gone) if gone else None
        case PutStance(stance):
            old_stance = session.stances.get(stance.key)
            return PutStance(old_stance) if old_stance else DeleteStance(stance.key)
        case DeleteStance(key):
            gone_stance = session.stances.get(key)
            return PutStance(gone_stance) if gone_stance else None
    return None
