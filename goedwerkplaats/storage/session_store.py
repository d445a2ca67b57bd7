"""Reading sessions (snapshot + journal) and writing them durably, one writer at a time."""

from __future__ import annotations

import contextlib
import errno
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from goedwerkplaats.files.checker import Checker
from goedwerkplaats.files.problems import GwpError, Problem, ProblemsError
from goedwerkplaats.files.yamlio import LineIndex, dump_yaml, parse_yaml
from goedwerkplaats.model.changes import Change, apply_change
from goedwerkplaats.model.session import Session, SessionMeta
from goedwerkplaats.storage.atomic import append_durably, remove_stale_temporaries, write_atomic
from goedwerkplaats.storage.audit import append_audit
from goedwerkplaats.storage.erasure_intent import (
    INTENT_FILE,
    ErasureIntent,
    clear_intent,
    finish_side_files,
    read_intent,
)
from goedwerkplaats.storage.journal import (
    JournalWriter,
    encode_record,
    expand_records,
    numbered_records,
    read_journal,
)
from goedwerkplaats.storage.lock import SessionLock
from goedwerkplaats.storage.session_format import (
    change_from_record,
    change_to_record,
    session_from_dict,
    session_to_dict,
)
from goedwerkplaats.storage.snapshot_cache import read_cached, snapshot_key, write_cached

SNAPSHOT_FILE = "sessie.yaml"
JOURNAL_FILE = "journaal.jsonl"
QUARANTINE_FILE = "journaal.beschadigd.jsonl"  # journal lines that could not be read, kept
COMPACT_AFTER = 2000  # journal records; folding them into the snapshot on open keeps loads fast

_HEADER = (
    "# Sessie van goedwerkplaats (YAML). Met de hand bewerken kan als de sessie nergens open is;\n"
    "# controleer daarna met 'goedwerkplaats check'. Recente wijzigingen staan in {journal}\n"
    "# tot ze bij het sluiten in dit bestand worden opgenomen.\n"
)


@dataclass
class LoadedSession:
    session: Session
    version: int
    problems: list[Problem] = field(default_factory=list)
    journal_records: int = 0
    journal_valid_size: int = 0
    erasure_pending: bool = False  # the journal still holds the words of someone erased
    damaged: list[bytes] = field(default_factory=list)  # journal lines to keep in quarantine


def write_snapshot(folder: Path, session: Session, version: int) -> None:
    """The new snapshot, atomically, and its JSON copy for fast loading."""
    data = session_to_dict(session, version)
    raw = (_HEADER.format(journal=JOURNAL_FILE) + dump_yaml(data)).encode("utf-8")
    write_atomic(folder / SNAPSHOT_FILE, raw)
    write_cached(folder, snapshot_key(raw), data)


def load_session(folder: Path) -> LoadedSession:
    """The session in `folder`; ProblemsError when the files cannot be read as a session."""
    for _attempt in range(5):
        loaded, raced = _load_once(folder)
        if not raced:
            return loaded
    return loaded


def _load_once(folder: Path) -> tuple[LoadedSession, bool]:
    snapshot = folder / SNAPSHOT_FILE
    # The journal first, then the snapshot: a fold writes the snapshot before it empties the
    # journal, so the snapshot read second is never older than the journal read first. (The
    # other way round, a fold in between left an old snapshot and an empty journal.)
    journal = read_journal(folder / JOURNAL_FILE)
    rebuilt = not snapshot.exists() and (journal.records or journal.damaged)
    if rebuilt:  # sessie.yaml deleted: what the journal holds is what is left of the session
        session, version = Session(SessionMeta(id=folder.name)), 0
    else:
        session, version = _read_snapshot(snapshot)
    records = expand_records(journal.records)
    fresh = [r for r in records if isinstance(r.get("n"), int) and r["n"] > version]
    if fresh and fresh[0]["n"] > version + 1 and _snapshot_changed(snapshot, version):
        return LoadedSession(session, version), True  # a writer compacted while we read
    problems = list(journal.problems)
    damaged = list(journal.damaged)
    if rebuilt:
        problems.append(
            Problem(
                snapshot,
                None,
                f"{SNAPSHOT_FILE} ontbreekt; de sessie is opgebouwd uit het journaal "
                f"({JOURNAL_FILE}): alleen wat sinds het laatste opslaan van {SNAPSHOT_FILE} "
                "veranderde. Zet een reservekopie van het bestand terug als u die heeft",
                warning=True,
            )
        )
    if (folder / QUARANTINE_FILE).exists():
        problems.append(
            Problem(
                folder / QUARANTINE_FILE,
                None,
                "wijzigingen die niet te lezen waren, staan hier bewaard (niets is "
                "weggegooid); bekijk ze en voer ze zo nodig opnieuw in",
                warning=True,
            )
        )
    last = version
    for record in fresh:
        try:
            apply_change(session, change_from_record(record))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            problems.append(
                Problem(
                    folder / JOURNAL_FILE,
                    None,
                    f"wijziging {record.get('n')} is onleesbaar ({_unreadable(error)}) en is "
                    f"overgeslagen; hij wordt bewaard in {QUARANTINE_FILE}",
                    warning=True,
                )
            )
            damaged.append(encode_record(record))
        last = record["n"]
    erased = any(record.get("op") == "wissen" for record in fresh)
    loaded = LoadedSession(session, last, problems, len(fresh), journal.valid_size, erased, damaged)
    return loaded, False


def keep_in_quarantine(folder: Path, lines: list[bytes]) -> None:
    """Append unreadable journal lines to the quarantine file (each once), durably."""
    if not lines:  # the usual open: nothing to read or add
        return
    path = folder / QUARANTINE_FILE
    try:
        kept = set(path.read_bytes().splitlines(keepends=True))
    except FileNotFoundError:
        kept = set()
    new = [line for line in dict.fromkeys(lines) if line not in kept]
    if new:
        append_durably(path, b"".join(new))


def _unreadable(error: Exception) -> str:
    """Why a journal record could not be read, in words: not just "('d')"."""
    if isinstance(error, KeyError):
        return f"het veld {error} ontbreekt"
    return str(error) or type(error).__name__


def _snapshot_changed(snapshot: Path, version: int) -> bool:
    try:
        _session, now = _read_snapshot(snapshot)
    except ProblemsError:
        return False
    return now != version


def _read_snapshot(path: Path) -> tuple[Session, int]:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise ProblemsError([Problem(path, None, "het sessiebestand ontbreekt")]) from None
    except UnicodeDecodeError as error:
        raise ProblemsError(
            [
                Problem(
                    path, None, f"het bestand is geen UTF-8-tekst ({error}); sla het op als UTF-8"
                )
            ]
        ) from None
    except OSError as error:
        raise ProblemsError([Problem(path, None, f"niet te lezen: {error.strerror}")]) from None
    key = snapshot_key(raw)
    data = read_cached(path.parent, key)
    fresh = data is None
    if fresh:
        data = parse_yaml(text, path)
    check = Checker(path, LineIndex(text))
    session, version = session_from_dict(data, check)
    if session is None or check.has_errors:
        raise ProblemsError(check.problems)
    if fresh:
        write_cached(path.parent, key, data)
    return session, version


def write_new_session(folder: Path, session: Session) -> None:
    """Create the folder and first snapshot of a new session; refuse to overwrite one."""
    try:
        folder.mkdir(parents=True, exist_ok=False)
    except FileExistsError:
        message = f"er bestaat al een sessie '{session.id}' ({folder}); kies een ander id"
        raise GwpError(message) from None
    except OSError as error:
        raise GwpError(f"kan de sessiemap {folder} niet maken: {error.strerror}") from None
    try:
        write_snapshot(folder, session, 0)
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)  # else the id "bestaat al" without a session
        raise _write_error(error, folder) from None


class SessionStore:
    """A session open for writing: holds its lock; every change is fsynced before it counts."""

    def __init__(
        self, folder: Path, loaded: LoadedSession, lock: SessionLock, journal: JournalWriter
    ) -> None:
        self.folder = folder
        self.session = loaded.session
        self.version = loaded.version
        self.problems = loaded.problems
        self.lock = lock
        self._journal = journal
        self._pending_records = loaded.journal_records

    @classmethod
    def open(cls, folder: Path) -> SessionStore:
        """Lock and load; refuses with a clear message when another process has it open."""
        session_id = folder.name
        lock = SessionLock(folder, session_id)
        try:
            lock.acquire()
        except OSError as error:
            raise _write_error(error, folder) from None
        try:
            remove_stale_temporaries(folder)
            loaded = load_session(folder)
            keep_in_quarantine(folder, loaded.damaged)  # before a fold drops them
            journal = JournalWriter(folder / JOURNAL_FILE, loaded.journal_valid_size)
            store = cls(folder, loaded, lock, journal)
            intent = read_intent(folder)
            if intent is not None:
                store.finish_erasure(intent)  # one a crash or a full disk interrupted
            elif store._pending_records >= COMPACT_AFTER or loaded.erasure_pending:
                store.compact()
        except OSError as error:
            lock.release()
            raise _write_error(error, folder) from None
        except BaseException:
            lock.release()
            raise
        return store

    @property
    def journal_records(self) -> int:
        """Changes in the journal that the snapshot does not hold yet."""
        return self._pending_records

    def persist(self, changes: list[Change]) -> None:
        """Write changes durably to the journal; on error nothing is written (OSError/GwpError)."""
        if not changes:
            return
        records = numbered_records(self.version + 1, [change_to_record(c) for c in changes])
        try:
            self._journal.append(records)
        except OSError as error:
            raise _write_error(error, self.folder) from None
        self.version += len(changes)
        self._pending_records += len(changes)

    def apply(self, *changes: Change) -> None:
        """Persist, then fold into the session held here."""
        self.persist(list(changes))
        for change in changes:
            apply_change(self.session, change)

    def finish_erasure(self, intent: ErasureIntent) -> None:
        """Carry out a recorded erasure; every step may run twice, the intent goes last."""
        if intent.participant == "?":
            raise GwpError(
                f"{self.folder / INTENT_FILE} (een onderbroken wissing) is beschadigd; voer "
                "'goedwerkplaats erase-participant' voor die deelnemer opnieuw uit en "
                "verwijder daarna dit bestand"
            )
        if intent.participant in self.session.participants:
            try:
                self.apply(*[change_from_record(body) for body in intent.changes])
            except (KeyError, TypeError, ValueError) as error:
                raise GwpError(f"{self.folder / INTENT_FILE} is onleesbaar ({error})") from None
        self.compact()  # the journal, with their words, is emptied here
        try:
            finish_side_files(self.folder, intent)
            if intent.audit_detail:
                append_audit(self.folder, "gewist", intent.audit_detail)
            clear_intent(self.folder)
        except OSError as error:
            raise _write_error(error, self.folder) from None

    def compact(self, session: Session | None = None) -> None:
        """Write the whole session as a new snapshot and empty the journal."""
        try:
            write_snapshot(self.folder, session or self.session, self.version)
            self._journal.reset()
        except OSError as error:
            raise _write_error(error, self.folder) from None
        self._pending_records = 0

    def close(self, compact: bool = True) -> None:
        try:
            if compact and self._pending_records:
                with contextlib.suppress(GwpError):
                    self.compact()
        finally:
            self._journal.close()
            self.lock.release()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _write_error(error: OSError, folder: Path) -> GwpError:
    if error.errno == errno.ENOSPC:
        return SaveError(
            f"de schijf is vol: kan niet opslaan in {folder}. Maak ruimte vrij",
            "; wat u invoerde blijft bewaard in het programma tot opslaan weer lukt",
        )
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return SaveError(
            f"geen schrijfrechten in {folder} (alleen-lezen?). Kies een map waarin u mag schrijven",
            "; wat u invoerde blijft bewaard in het programma",
        )
    return SaveError(
        f"opslaan in {folder} mislukt: {error.strerror or error}",
        ". Wat u invoerde blijft bewaard in het programma",
    )


class SaveError(GwpError):
    """Writing to disk failed; nothing half-written was left behind.

    The message promises the app keeps what was typed; `without_promise` is for a command,
    which ends right after (and saved nothing of itself: a batch is all or nothing)."""

    def __init__(self, message: str, promise: str = "") -> None:
        super().__init__(message + promise)
        self.without_promise = message
