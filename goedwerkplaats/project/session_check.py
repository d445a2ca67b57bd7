"""Checks of a session against the guide: speakers, stellingen and codes that exist."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from goedwerkplaats.files.checker import did_you_mean
from goedwerkplaats.files.problems import Problem, ProblemsError
from goedwerkplaats.files.yamlio import LineIndex, parse_yaml
from goedwerkplaats.guide.loader import check_guide
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import KNOWN_FLAGS, MOMENTS, Segment, Session
from goedwerkplaats.model.timecode import format_time
from goedwerkplaats.privacy.mask_terms import load_mask_terms
from goedwerkplaats.project.folder import Project
from goedwerkplaats.project.keymap_file import check_keymap
from goedwerkplaats.report.outline import Outline
from goedwerkplaats.report.outline_file import OUTLINE_FILE, check_outline, implicit_outline
from goedwerkplaats.storage.erasure_intent import INTENT_FILE, read_intent
from goedwerkplaats.storage.journal import BATCH_OP, read_journal
from goedwerkplaats.storage.session_store import JOURNAL_FILE, SNAPSHOT_FILE
from goedwerkplaats.survey.check import check_survey


def check_project(project: Project) -> list[Problem]:
    """Everything wrong in the guide, in toetsen.yaml and in every session, warnings
    included."""
    guide, problems = check_guide(project.guide_path)
    problems.extend(check_keymap(project.root, guide)[1])
    try:
        load_mask_terms(project.root)
    except ProblemsError as error:  # otherwise only the next export would say so
        problems.extend(error.problems)
    outline_path = project.root / OUTLINE_FILE
    outline: Outline | None = None
    if guide is not None and outline_path.exists():
        outline, outline_problems = check_outline(outline_path, guide)
        problems.extend(outline_problems)
    elif guide is not None:
        outline = implicit_outline(guide)
    problems.extend(check_survey(project.root, outline))
    for session_id in project.session_ids():
        problems.extend(check_session(project, session_id, guide))
    return problems


def check_session(project: Project, session_id: str, guide: Guide | None) -> list[Problem]:
    folder = project.session_folder(session_id)
    intent = read_intent(folder)
    unfinished = (
        [
            Problem(
                folder / INTENT_FILE,
                None,
                f"de wissing van {intent.participant} is niet afgemaakt (onderbroken door een "
                "crash of een volle schijf); open de sessie of voer 'goedwerkplaats "
                f"erase-participant --sessie {session_id} {intent.participant}' opnieuw uit",
            )
        ]
        if intent is not None
        else []
    )
    try:
        loaded = project.load_session(session_id, finish_erasure=False)
    except ProblemsError as error:
        return unfinished + error.problems
    problems = unfinished + list(loaded.problems)
    if guide is not None:
        folder = project.session_folder(session_id)
        locate = _Locator(folder)
        for segment_id, message in reference_problems(loaded.session, guide):
            file, line = locate(segment_id)
            problems.append(Problem(file, line, message))
    return problems


def reference_problems(session: Session, guide: Guide) -> Iterator[tuple[str | None, str]]:
    """(segment id or None, message) for each reference the guide or session does not know."""
    for segment in session.segments:
        for message in _segment_problems(segment, session, guide):
            yield segment.id, f"segment {segment.id}: {message}"
    statement_ids = [s.id for s in guide.statements]
    for stance in session.stances.values():
        if stance.statement not in statement_ids:
            yield None, f"positie van {stance.participant}: onbekende stelling '{stance.statement}'"
        if stance.participant not in session.participants:
            yield None, f"positie: onbekende deelnemer '{stance.participant}'"
        if stance.moment not in MOMENTS:
            yield None, f"positie van {stance.participant}: moment moet 'begin' of 'eind' zijn"
        if stance.value is not None and not 1 <= stance.value <= 5:
            yield None, f"positie van {stance.participant}: kies 1 t/m 5 of 'nvt'"
    for switch in session.timeline:
        if switch.statement not in statement_ids:
            yield None, f"verloop: onbekende stelling '{switch.statement}'"


def _segment_problems(segment: Segment, session: Session, guide: Guide) -> Iterator[str]:
    if segment.speaker is not None and segment.speaker not in session.participants:
        known = list(session.participants)
        yield (
            f"onbekende spreker '{segment.speaker}'{did_you_mean(segment.speaker, known)}; "
            f"voeg de deelnemer toe onder 'deelnemers' of kies uit {', '.join(known) or '-'}"
        )
    if segment.statement is not None and guide.statement(segment.statement) is None:
        ids = [s.id for s in guide.statements]
        yield f"onbekende stelling '{segment.statement}'; kies uit {', '.join(ids)}"
    theme_ids = [t.id for t in guide.themes]
    for theme in segment.themes:
        if guide.theme(theme) is None:
            yield (
                f"onbekend thema '{theme}'{did_you_mean(theme, theme_ids)}; "
                "voeg het toe aan stellingen.yaml of corrigeer de code"
            )
    if segment.primary_theme is not None and segment.primary_theme not in segment.themes:
        yield (
            f"hoofdthema '{segment.primary_theme}' is geen van de thema's van dit fragment; "
            "kies er een uit 'themas' of haal 'hoofdthema' weg"
        )
    if segment.arena is not None and guide.arena(segment.arena) is None:
        arena_ids = [a.id for a in guide.arenas]
        yield f"onbekende arena '{segment.arena}'; kies uit {', '.join(arena_ids)}"
    for flag in segment.flags:
        if flag not in KNOWN_FLAGS:
            yield f"onbekende vlag '{flag}'; bekend zijn: {', '.join(KNOWN_FLAGS)}"
    if segment.link is not None and segment.link not in session.segments:
        yield f"gekoppeld aan segment '{segment.link}', dat niet bestaat"
    if segment.end is not None and segment.end < segment.start:
        yield (
            f"eind {format_time(segment.end)} ligt vóór start {format_time(segment.start)}; "
            "verbeter een van beide of haal 'eind' weg"
        )


class _Locator:
    """Where a segment was last written: its journal line, else its place in the snapshot."""

    def __init__(self, folder: Path) -> None:
        self._snapshot = folder / SNAPSHOT_FILE
        self._journal = folder / JOURNAL_FILE
        self._lines: dict[str, tuple[Path, int | None]] | None = None

    def __call__(self, segment_id: str | None) -> tuple[Path, int | None]:
        if segment_id is None:
            return self._snapshot, None
        return self._index().get(segment_id, (self._snapshot, None))

    def _index(self) -> dict[str, tuple[Path, int | None]]:
        if self._lines is None:
            self._lines = {}
            text = self._snapshot.read_text(encoding="utf-8-sig")
            index = LineIndex(text)
            for number, item in enumerate(parse_yaml(text, self._snapshot).get("segmenten") or []):
                if isinstance(item, dict) and "id" in item:
                    self._lines[str(item["id"])] = (
                        self._snapshot,
                        index.line(("segmenten", number)),
                    )
            self._add_journal_lines()
        return self._lines

    def _add_journal_lines(self) -> None:
        assert self._lines is not None
        for number, record in enumerate(read_journal(self._journal).records, start=1):
            batch = record.get("d") if record.get("op") == BATCH_OP else [record]
            for change in batch if isinstance(batch, list) else []:
                data = change.get("d") if isinstance(change, dict) else None
                if change.get("op") == "segment" and isinstance(data, dict) and "id" in data:
                    self._lines[str(data["id"])] = (self._journal, number)
