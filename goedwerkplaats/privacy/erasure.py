"""Erasing a participant who withdrew consent: their segments, stances and name go, from the
session and from the journal history on disk; others' words stay, with the name replaced."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.changes import AddImport, Change, EraseParticipant, PutSegment
from goedwerkplaats.model.session import Participant, Session
from goedwerkplaats.privacy.name_parts import name_forms, pseudonym_for
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.audit import (
    AUDIT_FILE,
    EXPORTED,
    export_record_lines,
    now_iso,
    read_audit,
)
from goedwerkplaats.storage.draft import DRAFT_FILE, read_draft
from goedwerkplaats.storage.erasure_intent import ErasureIntent, read_intent, write_intent
from goedwerkplaats.storage.session_format import change_to_record


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
    return _plan(project, session_id, project.load_session(session_id).session, participant_id)


def _plan(project: Project, session_id: str, session: Session, participant_id: str) -> ErasurePlan:
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
        exports=tuple(path for path, _sha in _exports_of(project, session_id)),
    )


def erase_participant(
    project: Project,
    session_id: str,
    participant_id: str,
    delete_exports: bool = False,
    confirm: Callable[[ErasurePlan], bool] | None = None,
) -> ErasurePlan | None:
    """Erase and fold the journal at once, so no copy of their words stays on disk.

    The session is locked first, so `confirm` (shown the plan) is only asked when the erasure
    can go ahead; None when it says no. An erasure a crash interrupted is finished instead."""
    folder = project.session_folder(session_id)
    unfinished = read_intent(folder)
    if unfinished is not None and unfinished.participant.upper() == participant_id.upper():
        project.load_session(session_id)  # opening finishes it
        return None
    with project.open_session(session_id) as store:
        plan = _plan(project, session_id, store.session, participant_id)
        if confirm is not None and not confirm(plan):
            return None
        intent = _intent(project, store.session, plan, delete_exports)
        try:
            write_intent(folder, intent)  # first: from here on, any crash is finished later
        except OSError as error:
            raise GwpError(f"kan niet wissen in {folder}: {error.strerror or error}") from None
        store.finish_erasure(intent)
    return plan


def _intent(
    project: Project, session: Session, plan: ErasurePlan, delete_exports: bool
) -> ErasureIntent:
    participant = plan.participant
    changes = _mention_changes(session, participant)
    changes.append(EraseParticipant(participant.id, now_iso()))
    exports = dict(_exports_of(project, session.id)) if delete_exports else {}
    return ErasureIntent(
        participant=participant.id,
        when=now_iso(),
        changes=[change_to_record(c) for c in changes],
        audit_lines=_audit_rewrites(project.session_folder(session.id), participant),
        draft=_draft_action(project.session_folder(session.id), participant),
        exports={str(path): sha for path, sha in exports.items() if sha},
        audit_detail=f"{participant.id}: {plan.segments} segment(en), {plan.stances} positie(s)"
        + (", exports verwijderd" if exports else ""),
    )


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
        # the words speech recognition was unsure of are words of the text too
        unsure = tuple((t, _pseudonymise(pattern, participant, w)) for t, w in segment.unsure)
        if (text, note, unsure) != (segment.text, segment.note, segment.unsure):
            changes.append(
                PutSegment(dataclasses.replace(segment, text=text, note=note, unsure=unsure))
            )
    for record in session.imports:  # a transcript file named after them
        file = _pseudonymise_file_name(pattern, participant, record.file)
        if file != record.file:
            changes.append(AddImport(dataclasses.replace(record, file=file)))
    return changes


def _pseudonymise_file_name(pattern: re.Pattern[str], participant: Participant, name: str) -> str:
    """'interview-Tom-Bakker.txt': in file names, '-', '_' and '.' separate the name's parts."""
    spaced = re.sub(r"[-_.]", " ", name)
    if pattern.search(spaced) is None:
        return name
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    words = re.sub(r"[-_]", " ", stem)
    repeated = re.compile(rf"{re.escape(participant.id)}(?:\s+{re.escape(participant.id)})+")
    clean = repeated.sub(participant.id, _pseudonymise(pattern, participant, words))
    return clean.replace(" ", "-") + dot + suffix


def _draft_action(folder: Path, participant: Participant) -> str | None:
    """What happens to the draft still being typed: gone when it is theirs, has no speaker
    (it may be theirs) or cannot be read, their name replaced when someone else mentions them."""
    if not (folder / DRAFT_FILE).exists():
        return None
    draft = read_draft(folder)
    if draft is None or draft.speaker in (None, "", participant.id):
        return "weg"
    pattern = name_pattern(participant)
    if pattern is None:
        return None
    clean = dataclasses.replace(draft, text=_pseudonymise(pattern, participant, draft.text))
    return None if clean == draft else clean.to_json()


def _audit_rewrites(folder: Path, participant: Participant) -> dict[str, str]:
    """Earlier audit lines (say, an imported file named after someone) lose the name too: the
    session's own and the export records that list it."""
    pattern = name_pattern(participant)
    path = folder / AUDIT_FILE
    if pattern is None:
        return {}
    lines = path.read_text("utf-8").splitlines() if path.exists() else []
    rewrites = {}
    for line in [*lines, *export_record_lines(folder)]:
        clean = _scrub_line(pattern, participant, line)
        if clean != line:
            rewrites[line] = clean
    return rewrites


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


def _exports_of(project: Project, session_id: str) -> list[tuple[Path, str]]:
    """Files this session was exported to that are still in exports/, with the sha256 they
    had when written ('' for exports logged before that was noted: listed, never deleted).
    The log is not trusted: a path outside exports/ (or a link out of it) is left alone."""
    exports = project.exports_dir.resolve()
    found: dict[Path, str] = {}
    for entry in read_audit(project.session_folder(session_id)):
        if entry.action != EXPORTED or not entry.path:
            continue
        path = project.root / entry.path
        if path.is_symlink() or not path.is_file():
            continue
        if not path.resolve().is_relative_to(exports) or path.resolve() == exports:
            continue
        found[path] = entry.sha256
    return list(found.items())
