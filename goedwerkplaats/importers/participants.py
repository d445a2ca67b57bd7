"""Speakers in a file → the session's participants: reused by name, else a new pseudonym."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from goedwerkplaats.importers.plan_model import SpeakerChoice
from goedwerkplaats.importers.speakers import is_facilitator_label, normal_name
from goedwerkplaats.importers.transcript import Findings
from goedwerkplaats.model.session import FACILITATOR_ID, Participant, Segment, Session


class SpeakerMap:
    """Which participant each name in the file is; new participants are only planned."""

    def __init__(self, session: Session, names: Sequence[str], facilitators: Sequence[str]) -> None:
        self.session = session
        self.new: dict[str, Participant] = {}
        self.named: dict[str, Participant] = {}  # known participants named by the file
        self.order: list[tuple[str, str]] = []  # (name as written, participant id)
        self._by_name: dict[str, str] = {}
        self._facilitator_names = _facilitator_names(session, facilitators)
        self._assign(names)

    def participant_id(self, name: str | None) -> str | None:
        return None if not name else self._by_name.get(normal_name(name))

    def name_of(self, participant_id: str) -> str:
        return next((n for n, pid in self.order if pid == participant_id), participant_id)

    def is_facilitator(self, participant_id: str | None) -> bool:
        if participant_id is None:
            return False
        participant = self.new.get(participant_id) or self.session.participant(participant_id)
        return bool(participant and participant.facilitator)

    @property
    def has_facilitator(self) -> bool:
        return any(self.is_facilitator(pid) for _name, pid in self.order)

    def choices(self, segments: Sequence[Segment]) -> tuple[SpeakerChoice, ...]:
        counts: dict[str | None, int] = {}
        for segment in segments:
            counts[segment.speaker] = counts.get(segment.speaker, 0) + 1
        return tuple(
            SpeakerChoice(
                name,
                pid,
                pid in self.new,
                self.is_facilitator(pid),
                counts.get(pid, 0),
                by_quotes=pid in self.named,
            )
            for name, pid in self.order
        )

    def merge(self, known: dict[str, str], segments: list[Segment]) -> list[Segment]:
        """New participants that turn out to be known ones (`known`: new id → existing id)
        take the existing pseudonym and give it their name; the other new ones are numbered
        again so no gap is left. Returns the segments with their speakers set accordingly."""
        renamed = dict(known)
        participants = dict(self.session.participants)
        for new_id, participant in list(self.new.items()):
            del self.new[new_id]
            if new_id in known:
                existing = participants[known[new_id]]
                self.named[existing.id] = dataclasses.replace(existing, name=participant.name)
                continue
            if not participant.facilitator:
                renamed[new_id] = Session(self.session.meta, participants).next_pseudonym()
            participant = dataclasses.replace(participant, id=renamed.get(new_id, new_id))
            participants[participant.id] = self.new[participant.id] = participant
        self.order = [(name, renamed.get(pid, pid)) for name, pid in self.order]
        self._by_name = {key: renamed.get(pid, pid) for key, pid in self._by_name.items()}
        return [
            dataclasses.replace(s, speaker=renamed[s.speaker]) if s.speaker in renamed else s
            for s in segments
        ]

    def _assign(self, names: Sequence[str]) -> None:
        participants = dict(self.session.participants)
        existing = {normal_name(p.name): p.id for p in participants.values() if p.name}
        facilitator_id = next((p.id for p in participants.values() if p.facilitator), None)
        for name in names:
            key = normal_name(name)
            if key in self._by_name:
                continue
            if self._is_facilitator_name(name):
                if facilitator_id is None:
                    facilitator = self._new_facilitator(participants, names)
                    participants[facilitator.id] = self.new[facilitator.id] = facilitator
                    facilitator_id = facilitator.id
                participant_id = facilitator_id
            elif key in existing:
                participant_id = existing[key]
            else:
                participant_id = Session(self.session.meta, participants).next_pseudonym()
                participants[participant_id] = Participant(participant_id, name=name)
                self.new[participant_id] = participants[participant_id]
            self._by_name[key] = participant_id
            self.order.append((name, participant_id))

    def _is_facilitator_name(self, name: str) -> bool:
        return is_facilitator_label(name) or normal_name(name) in self._facilitator_names

    def _new_facilitator(
        self, participants: dict[str, Participant], names: Sequence[str]
    ) -> Participant:
        """GL, named after the first real name (not a label like 'Interviewer') it goes by."""
        real = [n for n in names if self._is_facilitator_name(n) and not is_facilitator_label(n)]
        name = real[0] if real else self.session.meta.facilitator
        participant_id, number = FACILITATOR_ID, 1
        while participant_id in participants:
            number += 1
            participant_id = f"{FACILITATOR_ID}{number}"
        return Participant(participant_id, name=name, facilitator=True)


def _facilitator_names(session: Session, given: Sequence[str]) -> set[str]:
    names = {normal_name(n) for n in given}
    names.add(normal_name(session.meta.facilitator))
    names.update(normal_name(p.name) for p in session.participants.values() if p.facilitator)
    return names - {""}


def check_facilitators_named(
    given: Sequence[str], names: Sequence[str], findings: Findings
) -> None:
    """A facilitator name given for the import that no speaker in the file has: a typo?"""
    present = {normal_name(n) for n in names}
    for name in given:
        if name.strip() and normal_name(name) not in present:
            spoken = ", ".join(names[:8]) or "geen"
            findings.warn(
                None,
                f"gespreksleider '{name}' komt niet voor als spreker in het bestand "
                f"(sprekers: {spoken}); controleer de spelling",
            )
