"""The plain-text transcript: `[HH:MM:SS] Spreker: tekst`, one utterance per line.

MAXQDA, ATLAS.ti, NVivo and QualCoder recognise this form with their speaker and timestamp
detection, so the file carries nothing else: no header, no codes, no markers, and each
utterance on one line with a blank line between utterances.
"""

from __future__ import annotations

from collections.abc import Sequence

from goedwerkplaats.exporters.text_clean import one_line
from goedwerkplaats.exporters.transcript_lines import TranscriptLine
from goedwerkplaats.model.timecode import format_time

UNKNOWN_SPEAKER = "Onbekend"


def transcript_text(lines: Sequence[TranscriptLine]) -> str:
    out = []
    for line in lines:
        if line.is_marker or not line.text:
            continue
        # an utterance before the recording started has no place in it: show it at 0
        stamp = format_time(max(line.time, 0.0))
        speaker = one_line(line.speaker).replace(":", "") or UNKNOWN_SPEAKER
        out.append(f"[{stamp}] {speaker}: {one_line(line.text)}\n")
    return "\n".join(out)
