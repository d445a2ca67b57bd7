"""Erasing a participant who withdrew consent: their segments, stances and name go, from the
session and from the journal history on disk; others' words stay, with the name replaced."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.changes import Change, EraseParticipant, PutSegment
from goedwerkplaats.model.session import Participant, Session
from goedwerkplaats.privacy.name_parts import name_forms, pseudonym_for
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.atomic import write_atomic_text
from goedwerkplaats.storage.audit import AUDIT_FILE, append_audit, now_iso, read_audit

DRAFT_FILE = "concept.json"


@dataclass(frozen=True)
class ErasurePlan:
    """What an erasure will remove, shown to the user before anything happens."""

    session_id: str
    participant: Participant
    segments: int
    stances: int
    mentions: int  # others' segments that name them: the name becomes the pseudonym
    exports: tuple[Path, ...]  # earlier exports of this session that may hold their words

    def describe(self) -> str:
        name = " (met naam)" if self.participant.name else ""
        lines = [
            f"Deelnemer {self.participant.id}{name} wordt gewist uit sessie {self.session_id}:",
            f"- {self.segments} segment(en) van {self.participant.id} verdwijnen",
            f"- {self.stances} positie(s) op stellingen verdwijnen",
            "- de naam verdwijnt uit de deelnemerslijst"
            + (
                f" en uit {self.mentions} segment(en) van anderen (wordt {self.participant.id})"
                if self.mentions
                else ""
            ),
            "- dit alles verdwijnt ook uit de wijzigingsgeschiedenis (journaal) op schijf",
            "- de sessie houdt alleen bij dát er is gewist: wanneer, welk pseudoniem, hoeveel",
        ]
        if self.exports:
            shown = ", ".join(p.name for p in self.exports)
            lines.append(f"- let op: eerdere exports kunnen nog citaten bevatten: {shown}")
        lines.append("Dit kan niet ongedaan worden gemaakt.")
        return "\n".join(lines)


def plan_erasure(project: Project, session_id: str, participant_id: str) -> ErasurePlan:
    session = project.load_session(session_id).session
    participant = _participant(session, participant_id)
    pattern = name_pattern(participant)
    mentions = 0
    if pattern is not None:
        mentions = sum(
            1
            for s in session.segments
            if s.speaker != participant.id and (pattern.search(s.text) or pattern.search(s.note))
        )
    return ErasurePlan(
        session_id=session_id,
        participant=participant,
        segments=sum(1 for s in session.segments if s.speaker == participant.id),
        stances=sum(1 for s in session.stances.values() if s.participant == participant.id),
        mentions=mentions,
        exports=tuple(_exports_of(project, session_id)),
    )


def erase_participant(
    project: Project, session_id: str, participant_id: str, delete_exports: bool = False
) -> ErasurePlan:
    """Erase and fold the journal at once, so no copy of their words stays on disk."""
    plan = plan_erasure(project, session_id, participant_id)
    folder = project.session_folder(session_id)
    with project.open_session(session_id) as store:
        changes = _mention_changes(store.session, plan.participant)
        changes.append(EraseParticipant(plan.participant.id, now_iso()))
        store.apply(*changes)
        store.compact()  # the journal, with their words, is emptied here
    _drop_draft(folder, plan.participant.id)
    _scrub_audit(folder, plan.participant)
    if delete_exports:
        for path in plan.exports:
            path.unlink(missing_ok=True)
    append_audit(
        folder,
        "gewist",
        f"{plan.participant.id}: {plan.segments} segment(en), "
        f"{plan.stances} positie(s)"
        + (", exports verwijderd" if delete_exports and plan.exports else ""),
    )
    return plan


def name_pattern(participant: Participant) -> re.Pattern[str] | None:
    """The name in the forms exports replace too (see `name_parts`), as whole words."""
    forms = name_forms(participant.name)
    if not forms:
        return None
    return re.compile("|".join(f"(?:{form.pattern})" for form in forms))


def _pseudonymise(pattern: re.Pattern[str], participant: Participant, text: str) -> str:
    return pattern.sub(lambda match: pseudonym_for(match, participant.id), text)


def _participant(session: Session, participant_id: str) -> Participant:
    participant = session.participants.get(
        participant_id.strip().upper()
    ) or session.participants.get(participant_id.strip())
    if participant is None:
        known = ", ".join(session.participants) or "(geen)"
        raise GwpError(
            f"deelnemer '{participant_id}' bestaat niet in sessie {session.id}; deelnemers: {known}"
        )
    return participant


def _mention_changes(session: Session, participant: Participant) -> list[Change]:
    pattern = name_pattern(participant)
    if pattern is None:
        return []
    changes: list[Change] = []
    for segment in session.segments:
        if segment.speaker == participant.id:
            continue
        text = _pseudonymise(pattern, participant, segment.text)
        note = _pseudonymise(pattern, participant, segment.note)
        if (text, note) != (segment.text, segment.note):
            changes.append(PutSegment(dataclasses.replace(segment, text=text, note=note)))
    return changes


def _drop_draft(folder: Path, participant_id: str) -> None:
    draft = folder / DRAFT_FILE
    try:
        data = json.loads(draft.read_text("utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict) and data.get("spreker") == participant_id:
        draft.unlink(missing_ok=True)


def _scrub_audit(folder: Path, participant: Participant) -> None:
    """Earlier audit lines (say, an imported file named after someone) lose the name too."""
    pattern = name_pattern(participant)
    path = folder / AUDIT_FILE
    if pattern is None or not path.exists():
        return
    text = path.read_text("utf-8")
    scrubbed = "".join(
        _scrub_line(pattern, participant, line) for line in text.splitlines(keepends=True)
    )
    if scrubbed != text:
        write_atomic_text(path, scrubbed)


def _scrub_line(pattern: re.Pattern[str], participant: Participant, line: str) -> str:
    """In the values, not the JSON text: there a name after a line break reads '\\nAnouk'."""
    try:
        entry = json.loads(line)
    except ValueError:
        return _pseudonymise(pattern, participant, line)
    if not isinstance(entry, dict):
        return _pseudonymise(pattern, participant, line)
    clean = {
        key: _pseudonymise(pattern, participant, value) if isinstance(value, str) else value
        for key, value in entry.items()
    }
    if clean == entry:
        return line
    return json.dumps(clean, ensure_ascii=False) + ("\n" if line.endswith("\n") else "")


def _exports_of(project: Project, session_id: str) -> list[Path]:
    """Files this session was exported to that are still in the project."""
    found: list[Path] = []
    for entry in read_audit(project.session_folder(session_id)):
        if entry.action != "geëxporteerd" or ": " not in entry.detail:
            continue
        path = project.root / entry.detail.split(": ", 1)[1]
        if path.exists() and path not in found:
            found.append(path)
    return found
