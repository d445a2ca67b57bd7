"""SRT subtitles (SubRip), as subtitle tools and some platforms write them."""

from __future__ import annotations

import html
import re
from pathlib import Path

from goedwerkplaats.importers.cues import CueReader, is_timing, scan_cues
from goedwerkplaats.importers.transcript import FORMAT_SRT, Findings, Transcript, split_lines

# Only the tags SRT knows, so that "a < b" in speech stays as it is; {\an8} is a position.
_TAG = re.compile(r"</?(?:i|b|u|s|font)(?:\s[^>]*)?>|\{\\[^}]*\}", re.IGNORECASE)


def has_cues(text: str, lines_to_look: int = 60) -> bool:
    """True when a timing line (`… --> …`) appears near the top."""
    return any(is_timing(line) for line in split_lines(text)[:lines_to_look])


def parse_srt(text: str, source: Path) -> Transcript:
    """Numbered cues with `Name: text`; wrapped lines are joined."""
    findings = Findings(source)
    lines = split_lines(text)
    reader = CueReader(findings)
    for cue in scan_cues(lines, 0, findings):
        rows: list[tuple[int, str | None, str]] = [
            (line, None, _clean(raw)) for line, raw in cue.payload
        ]
        reader.add(cue, rows, voiced=False)
    return reader.transcript(source, FORMAT_SRT)


def _clean(text: str) -> str:
    return html.unescape(_TAG.sub("", text))
