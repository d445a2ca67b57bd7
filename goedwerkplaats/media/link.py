"""Linking a recording to a session, and finding it again after it moved.

The recording stays where the user keeps it (it is not copied into the project: see the
README on data protection). The session stores its path with its size, duration and a hash
of its first MiB, so the same recording is recognised under another folder or name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.media.decoder import probe
from goedwerkplaats.media.errors import SUPPORTED_SUFFIXES, MediaError, missing_file
from goedwerkplaats.media.fingerprint import head_sha256
from goedwerkplaats.model.session import RecordingLink, Session
from goedwerkplaats.model.timecode import format_time

PARENT_LEVELS = 3  # the project's folder and this many above it are searched by name
MAX_FILES_PER_FOLDER = 2_000  # a folder the user gives is searched by content, within reason


def make_link(path: Path) -> RecordingLink:
    """The link to store for a recording; a MediaError if it cannot be played."""
    path = path.expanduser().resolve()
    info = probe(path)  # missing, not a file, no audio, undecodable: each its own message
    return RecordingLink(
        path=str(path),
        size=path.stat().st_size,
        duration=round(info.duration, 3),
        head_sha256=head_sha256(path),
    )


def is_same_recording(path: Path, link: RecordingLink) -> bool:
    """Whether `path` holds the linked recording: same size and the same first MiB."""
    try:
        return (
            path.is_file()
            and path.stat().st_size == link.size
            and head_sha256(path) == link.head_sha256
        )
    except OSError:
        return False


@dataclass(frozen=True)
class Located:
    """Where the linked recording is now; `moved` when not at the stored path."""

    path: Path
    moved: bool


def locate(link: RecordingLink, project_root: Path, extra_folders: Iterable[Path] = ()) -> Located:
    """The linked recording at its stored path, or found again after a move; else a
    MediaError that says where it was looked for and how to link it again."""
    stored = Path(link.path)
    if is_same_recording(stored, link):
        return Located(stored, moved=False)
    for candidate in _candidates(stored, project_root, list(extra_folders)):
        if candidate != stored and is_same_recording(candidate, link):
            return Located(candidate, moved=True)
    if stored.is_file():
        raise MediaError(
            f"{stored}: dit is niet meer dezelfde opname als die gekoppeld werd (grootte of "
            "begin verschilt); koppel de juiste opname opnieuw met 'goedwerkplaats opname "
            "--sessie ID BESTAND'"
        )
    raise missing_file(stored)


def _candidates(stored: Path, project_root: Path, extra: list[Path]) -> Iterator[Path]:
    """Same name next to the old place, in the project and the folders above it; any
    recording of the right size in a folder the user names."""
    name = stored.name
    folders = [stored.parent, project_root.resolve()]
    folders += list(project_root.resolve().parents)[:PARENT_LEVELS]
    for folder in [*extra, *folders]:
        yield folder / name
    for folder in extra:
        yield from _recordings_in(folder)


def _recordings_in(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir())[:MAX_FILES_PER_FOLDER]
    except OSError:
        return
    for entry in entries:
        if entry.suffix.lower() in SUPPORTED_SUFFIXES:
            yield entry


def shorter_than_transcript(session: Session, link: RecordingLink) -> str | None:
    """A warning when the transcript goes on after the recording ends (wrong file, or a
    recording that stopped early); None when it fits. Nothing is changed either way."""
    times = [session.recording_time(s.end or s.start) for s in session.segments]
    last_recording_time = max(times, default=0.0)
    if link.duration <= 0 or last_recording_time <= link.duration + 1.0:
        return None
    return (
        f"let op: de opname duurt {format_time(link.duration)}, maar het transcript loopt tot "
        f"{format_time(last_recording_time)}; is dit de goede opname, en klopt de opname-start?"
    )
