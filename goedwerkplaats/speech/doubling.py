"""Before listening: would this recording's transcript double one the session already has?

The recording's time in the session is known before a word is heard: it starts at the
recording start (given, else the session's own, else assumed at 0) and lasts as long as the
recording (the linked recording's stored length, else the file's). Asking then spares the user
minutes of listening that a refusal would throw away. The segments themselves are checked
again after listening (the import plan's `overlaps`), for when this could not be known.
"""

from __future__ import annotations

from pathlib import Path

from goedwerkplaats.importers import span_overlap_warning, span_overlaps
from goedwerkplaats.model.session import Session


def doubling_before_listening(session: Session, path: Path, offset: float | None) -> list[str]:
    """The warning (shaped as `overlap_warning`) when transcribing the recording at `path`,
    starting at `offset` session seconds if given, would double an earlier import; [] when
    it would not."""
    if not session.imports:  # nothing to double: not even the recording's length is needed
        return []
    start = offset if offset is not None else session.meta.recording_offset
    known = start is not None
    start = start or 0.0
    overlaps = span_overlaps(session, start, start + recording_length(session, path))
    return span_overlap_warning(overlaps, start, known)


def recording_length(session: Session, path: Path) -> float:
    """Seconds: the length stored with the session's link when `path` is that recording,
    else read from the file (a MediaError when it is no recording)."""
    # PyAV only here: building the command line must not load it
    from goedwerkplaats.media.decoder import probe
    from goedwerkplaats.media.link import is_same_recording

    link = session.meta.recording
    if link is not None and link.duration > 0 and is_same_recording(path, link):
        return link.duration
    return probe(path).duration
