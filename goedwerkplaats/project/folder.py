"""A project folder: `stellingen.yaml`, `sessions/` and `exports/`."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goedwerkplaats.files.problems import GwpError, ProblemsError
from goedwerkplaats.guide.loader import GUIDE_FILE, default_guide_text, load_guide
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Session, SessionMeta
from goedwerkplaats.model.timing import clock_state
from goedwerkplaats.storage.atomic import write_atomic_text
from goedwerkplaats.storage.audit import append_audit
from goedwerkplaats.storage.erasure_intent import read_intent
from goedwerkplaats.storage.lock import SessionInUse
from goedwerkplaats.storage.session_store import (
    JOURNAL_FILE,
    SNAPSHOT_FILE,
    LoadedSession,
    SessionStore,
    load_session,
    write_new_session,
)
from goedwerkplaats.storage.snapshot_cache import read_summary, snapshot_key, write_summary

SESSIONS_DIR = "sessions"
EXPORTS_DIR = "exports"

_SESSION_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}


def check_session_id(session_id: str) -> str:
    """The id if it is safe as a folder name on every system; else a GwpError saying why."""
    if not _SESSION_ID.fullmatch(session_id or ""):  # match() lets "gwp-1\n" through
        raise GwpError(
            f"ongeldig sessie-id '{session_id}': gebruik 1 tot 64 kleine letters, "
            "cijfers, '-' of '_', beginnend met een letter of cijfer (bijv. gwp-1)"
        )
    if session_id.split(".")[0] in _RESERVED:
        raise GwpError(f"'{session_id}' is een gereserveerde naam in Windows; kies een ander id")
    return session_id


@dataclass(frozen=True)
class SessionSummary:
    id: str
    title: str
    date: str
    segments: int
    coded: int
    problem: str = ""
    has_transcript: bool = False  # imported transcript segments: the list opens it for coding
    codable: int = 0  # participants' words to code, as the coding screen counts them
    codable_coded: int = 0
    clock: str = ""  # niet gestart, loopt, gepauzeerd or beëindigd (ClockState)
    example: bool = False  # a fictional example: exports of the whole project skip it


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        # sessions read inside `sessions_kept()`, with the state of their files when read
        self._kept: dict[str, tuple[tuple[object, ...], LoadedSession]] | None = None

    @contextlib.contextmanager
    def sessions_kept(self) -> Iterator[None]:
        """Within the block, a session read again while its files are unchanged is not read
        again (an export and the name check after it read each session once). Only for
        blocks that do not change the sessions they read: the copy is shared."""
        self._kept = {}
        try:
            yield
        finally:
            self._kept = None

    @property
    def guide_path(self) -> Path:
        return self.root / GUIDE_FILE

    @property
    def sessions_dir(self) -> Path:
        return self.root / SESSIONS_DIR

    @property
    def exports_dir(self) -> Path:
        return self.root / EXPORTS_DIR

    @classmethod
    def at(cls, root: Path) -> Project:
        """The project in `root`; a clear error when it is not one."""
        root = root.expanduser()
        root_shown = root.resolve()  # "." says nothing in a message
        if not root.is_dir():
            raise GwpError(
                f"de projectmap {root_shown} bestaat niet; maak er een met "
                f"'goedwerkplaats init {root}'"
            )
        if not (root / GUIDE_FILE).exists():
            raise GwpError(
                f"{root_shown} is geen goedwerkplaats-project: {GUIDE_FILE} ontbreekt. "
                f"Maak een project met 'goedwerkplaats init {root}' of geef de map op "
                "met --project MAP"
            )
        return cls(root)

    def load_guide(self) -> Guide:
        return load_guide(self.guide_path)

    def session_folder(self, session_id: str) -> Path:
        return self.sessions_dir / check_session_id(session_id)

    def session_ids(self) -> list[str]:
        if not self.sessions_dir.is_dir():
            return []
        return sorted(
            p.name
            for p in self.sessions_dir.iterdir()
            if _has_session_files(p) and _SESSION_ID.fullmatch(p.name)
        )

    def has_session(self, session_id: str) -> bool:
        return _has_session_files(self.session_folder(session_id))

    def load_session(self, session_id: str, finish_erasure: bool = True) -> LoadedSession:
        """The session; an erasure a crash interrupted is finished first (nothing of an erased
        participant may reach an export), unless `finish_erasure` is False (check reports it)."""
        if not self.has_session(session_id):
            known = ", ".join(self.session_ids()) or "(nog geen)"
            raise GwpError(
                f"sessie '{session_id}' bestaat niet in {self.sessions_dir}; "
                f"bekende sessies: {known}"
            )
        folder = self.session_folder(session_id)
        if finish_erasure and read_intent(folder) is not None:
            self._finish_erasure(session_id)
        if self._kept is None or not finish_erasure:
            return load_session(folder)
        state = _files_state(folder)
        kept = self._kept.get(session_id)
        if kept is not None and kept[0] == state:
            return kept[1]
        loaded = load_session(folder)
        self._kept[session_id] = (state, loaded)
        return loaded

    def _finish_erasure(self, session_id: str) -> None:
        try:
            SessionStore.open(self.session_folder(session_id)).close()  # opening finishes it
        except SessionInUse:
            raise GwpError(
                f"in sessie '{session_id}' wordt net een deelnemer gewist; probeer het zo opnieuw"
            ) from None

    def open_session(self, session_id: str) -> SessionStore:
        self.load_session(session_id, finish_erasure=False)  # an error when it does not exist
        return SessionStore.open(self.session_folder(session_id))

    def create_session(self, meta: SessionMeta, via: str | None = None) -> Session:
        """A new, empty session; `via` (how it was made: "in het programma", "via de
        opdrachtregel") goes into its audit trail as the first line."""
        folder = self.session_folder(meta.id)
        session = Session(meta)
        self.sessions_dir.mkdir(parents=True, exist_ok=True)
        write_new_session(folder, session)
        if via is not None:
            append_audit(folder, "aangemaakt", via)
        return session

    def example_ids(self) -> list[str]:
        """The fictional example sessions (`voorbeeld: true`): exports of everything skip them."""
        return [s.id for s in self.summaries() if s.example]

    def summaries(self) -> list[SessionSummary]:
        """Every session, the broken ones with the first problem instead of counts."""
        return [self.summary(session_id) for session_id in self.session_ids()]

    def summary(self, session_id: str) -> SessionSummary:
        """Counts for the session list; taken from a small cache while the session is unchanged."""
        folder = self.session_folder(session_id)
        key = _summary_key(folder)
        cached = read_summary(folder, key) if key else None
        if cached is not None:
            with contextlib.suppress(KeyError, TypeError, ValueError):
                return _summary_from_cache(session_id, cached)
        summary = self._summary_from_load(session_id)
        if key and not summary.problem:
            write_summary(
                folder,
                key,
                {
                    "titel": summary.title,
                    "datum": summary.date,
                    "segmenten": summary.segments,
                    "gecodeerd": summary.coded,
                    "transcript": summary.has_transcript,
                    "te_coderen": summary.codable,
                    "te_coderen_gecodeerd": summary.codable_coded,
                    "klok": summary.clock,
                    "voorbeeld": summary.example,
                },
            )
        return summary

    def _summary_from_load(self, session_id: str) -> SessionSummary:
        try:
            loaded = self.load_session(session_id)
        except ProblemsError as error:
            return SessionSummary(session_id, "", "", 0, 0, str(error.problems[0]))
        except GwpError as error:
            return SessionSummary(session_id, "", "", 0, 0, str(error))
        session = loaded.session
        total, coded = session.counts()
        codable, codable_coded = session.coding_counts()
        transcript = session.has_transcript()
        return SessionSummary(
            session_id,
            session.meta.title,
            session.meta.date,
            total,
            coded,
            has_transcript=transcript,
            codable=codable,
            codable_coded=codable_coded,
            clock=clock_state(session.meta).value,
            example=session.meta.example,
        )


def _files_state(folder: Path) -> tuple[object, ...]:
    """What changes when a session's files do: file, size and time of snapshot and journal."""
    state: list[object] = []
    for name in (SNAPSHOT_FILE, JOURNAL_FILE):
        try:
            found = (folder / name).stat()
        except OSError:
            state.append(None)
            continue
        state.append((found.st_ino, found.st_size, found.st_mtime_ns))
    return tuple(state)


def _has_session_files(folder: Path) -> bool:
    """A session folder: its sessie.yaml, or (that deleted) a journal to rebuild it from."""
    if (folder / SNAPSHOT_FILE).is_file():
        return True
    journal = folder / JOURNAL_FILE
    return journal.is_file() and journal.stat().st_size > 0


def _summary_from_cache(session_id: str, cached: dict[str, Any]) -> SessionSummary:
    """KeyError/TypeError/ValueError when the cache misses a field: it is counted again."""
    transcript = cached["transcript"]
    if not isinstance(transcript, bool):
        raise TypeError("transcript")
    return SessionSummary(
        session_id,
        str(cached["titel"]),
        str(cached["datum"]),
        int(cached["segmenten"]),
        int(cached["gecodeerd"]),
        has_transcript=transcript,
        codable=int(cached["te_coderen"]),
        codable_coded=int(cached["te_coderen_gecodeerd"]),
        clock=str(cached["klok"]),
        example=bool(cached["voorbeeld"]),
    )


def _summary_key(folder: Path) -> str | None:
    """The snapshot's bytes and the journal's size and time: any change gives a new key."""
    try:
        snapshot = (folder / SNAPSHOT_FILE).read_bytes()
        journal = (folder / JOURNAL_FILE).stat() if (folder / JOURNAL_FILE).exists() else None
    except OSError:
        return None
    stamp = f"{journal.st_size}:{journal.st_mtime_ns}" if journal else "0"
    return f"{snapshot_key(snapshot)}:{stamp}"


def init_project(root: Path, *, empty: bool = False, outline: bool = True) -> Project:
    """Create a project with the SAM study's guide and (`outline`) the report outline of its
    chapters 5-7, or, `empty`, a blank guide and no outline. An existing guide or outline is
    never overwritten, and the study's outline only comes with the study's guide."""
    root = root.expanduser()
    try:
        root.mkdir(parents=True, exist_ok=True)
        (root / SESSIONS_DIR).mkdir(exist_ok=True)
        (root / EXPORTS_DIR).mkdir(exist_ok=True)
        if not (root / GUIDE_FILE).exists():
            write_atomic_text(root / GUIDE_FILE, default_guide_text(empty=empty))
            # imported here: the report's outline is not needed to open a project
            from goedwerkplaats.report.outline_file import OUTLINE_FILE, study_outline_text

            if outline and not empty and not (root / OUTLINE_FILE).exists():
                write_atomic_text(root / OUTLINE_FILE, study_outline_text())
    except OSError as error:
        raise GwpError(f"kan het project in {root} niet maken: {error.strerror}") from None
    return Project(root)
