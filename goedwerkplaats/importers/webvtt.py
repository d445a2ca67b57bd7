"""WebVTT as video-call platforms and speech-to-text tools write it."""

from __future__ import annotations

import html
import re
from pathlib import Path

from goedwerkplaats.files.problems import ProblemsError
from goedwerkplaats.importers.cues import Cue, CueReader, is_timing, scan_cues
from goedwerkplaats.importers.transcript import (
    FORMAT_WEBVTT,
    Findings,
    Transcript,
    split_lines,
)

_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+(?P<name>[^>]*))?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")  # <b>, <i>, <c.yellow>, <lang nl>, <00:00:01.000>, </v>…
_SKIP_BLOCKS = ("NOTE", "STYLE", "REGION")


def is_webvtt(text: str) -> bool:
    return text.lstrip("\ufeff \t\r\n").startswith("WEBVTT")


def parse_webvtt(text: str, source: Path) -> Transcript:
    """Cues with `Name: text` or `<v Name>text</v>`; cue ids, NOTE/STYLE and styling ignored."""
    findings = Findings(source)
    lines = split_lines(text)
    first = _first_content_line(lines)
    if first is None:
        raise ProblemsError(
            [findings.problem(1, "een WebVTT-bestand begint met de regel 'WEBVTT'")]
        )
    reader = CueReader(findings)
    for cue in scan_cues(lines, _after_header(lines, first), findings, _SKIP_BLOCKS):
        rows, voiced = _rows(cue)
        reader.add(cue, rows, voiced)
    return reader.transcript(source, FORMAT_WEBVTT)


def _first_content_line(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped:
            return index if stripped.startswith("WEBVTT") else None
    return None


def _after_header(lines: list[str], first: int) -> int:
    """Skip the header ('Kind: captions', 'Language: nl'); some tools put no blank after it."""
    index = first + 1
    while index < len(lines) and lines[index].strip() and not is_timing(lines[index]):
        index += 1
    if index < len(lines) and is_timing(lines[index]) and index - 1 > first:
        index -= 1  # that line is the first cue's id
    return index


def _rows(cue: Cue) -> tuple[list[tuple[int, str | None, str]], bool]:
    """(line, voice, text) per payload line; a voice tag holds until the next one."""
    rows: list[tuple[int, str | None, str]] = []
    voice: str | None = None
    voiced = False
    for line, raw in cue.payload:
        position = 0
        for match in _VOICE.finditer(raw):
            rows.append((line, voice, _clean(raw[position : match.start()])))
            voice = (match.group("name") or "").strip() or None
            voiced = True
            position = match.end()
        rows.append((line, voice, _clean(raw[position:])))
    return rows, voiced


def _clean(text: str) -> str:
    return html.unescape(_TAG.sub("", text)).replace("\u200e", "").replace("\u200f", "")
