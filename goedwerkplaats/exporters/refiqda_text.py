"""Text as REFI-QDA can carry it: XML-safe strings and the plain-text transcript with positions.

The transcript is one line per segment, `[HH:MM:SS] Spreker: tekst`, with a blank line between
segments: the convention MAXQDA, ATLAS.ti, NVivo and QualCoder read with their speaker and
timestamp detection, laid out as `export transcript --format txt` does it. Positions are
0-based Unicode code points with an exclusive end (REFI-QDA 1.5 §10.2), counted on exactly the
text written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from goedwerkplaats.model.timecode import format_time

# Characters XML 1.0 cannot hold (C0 controls but tab/LF/CR, lone surrogates, FFFE/FFFF), and
# C1 controls: legal XML, but always debris from copy-paste or a wrong decoding.
_NOT_XML = re.compile("[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Everything a reader may take for a line break; one segment must stay one line.
_LINE_BREAKS = re.compile("[\r\n\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]+")
UNKNOWN_SPEAKER = "Onbekend"


def xml_safe(text: str) -> str:
    """The text without characters XML cannot store (control characters from copy-paste)."""
    return _NOT_XML.sub("", text)


def one_line(text: str) -> str:
    """XML-safe, NFC-normalised text on one line, every run of white space one space.

    NFC because importers that normalise would otherwise shift every position after an
    'ë' typed as 'e' + combining diaeresis.
    """
    text = _LINE_BREAKS.sub(" ", unicodedata.normalize("NFC", text))
    return " ".join(xml_safe(text).split())


def shorten(text: str, limit: int = 100) -> str:
    """A name for a selection or note: the start of the text, with an ellipsis if cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Line:
    """Where one segment sits in the transcript: the whole line and the quoted text in it."""

    segment_id: str
    line_start: int
    text_start: int
    text_end: int


@dataclass(frozen=True)
class Transcript:
    """The text of one source and, per segment id in transcript order, where its line sits."""

    text: str
    lines: dict[str, Line]


@dataclass(frozen=True)
class Utterance:
    """One segment as it will be written: anonymised and cleaned (`speaker_label` for the
    speaker), so positions count exactly what is written."""

    segment_id: str
    time: float
    speaker: str
    text: str


def build_transcript(utterances: list[Utterance]) -> Transcript:
    """The transcript text, "\\n" line endings (QualCoder miscounts "\\r\\n"), no BOM (an
    importer reading it as a character would shift every position by one)."""
    parts: list[str] = []
    lines: dict[str, Line] = {}
    position = 0
    for utterance in utterances:
        if parts:
            parts.append("\n")  # the blank line between segments
            position += 1
        # before the recording started there is no recording time: such a line shows 0
        prefix = f"[{format_time(max(utterance.time, 0.0))}] {utterance.speaker}: "
        text_start = position + len(prefix)
        text_end = text_start + len(utterance.text)
        lines[utterance.segment_id] = Line(utterance.segment_id, position, text_start, text_end)
        parts.append(f"{prefix}{utterance.text}\n")
        position = text_end + 1
    return Transcript("".join(parts), lines)


def speaker_label(label: str | None) -> str:
    """A speaker as speaker detection reads it: one line, no colon of its own."""
    return one_line(label or "").replace(":", "").strip() or UNKNOWN_SPEAKER
