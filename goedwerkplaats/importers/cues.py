"""Subtitle cues (WebVTT and SRT alike): timing lines, cue text, and who says it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from goedwerkplaats.files.problems import ProblemsError
from goedwerkplaats.importers.marks import parse_mark
from goedwerkplaats.importers.speakers import normal_name, split_speaker
from goedwerkplaats.importers.transcript import Findings, Item, TimeOrder, Transcript, Utterance
from goedwerkplaats.model.timecode import parse_time

_TIMING = re.compile(r"^\s*(?P<start>\S+)\s*-->\s*(?P<end>\S+)")
# A timing line with a mistyped arrow ("->", "—>") must be reported, not read as text.
_LOOSE_TIMING = re.compile(r"^\s*\d{1,2}:\d{2}[\d:.,]*\s*(?:-+>?|[—–]+>?|=>)\s*\d{1,2}:\d")
_DASH = re.compile(r"^[-–—]\s+")
_SPACES = re.compile(r"\s+")

Row = tuple[int, str]  # (line number, text)


@dataclass
class Cue:
    line: int
    start: float
    end: float | None
    payload: list[Row] = field(default_factory=list)


def scan_cues(
    lines: list[str], first: int, findings: Findings, skip_blocks: tuple[str, ...] = ()
) -> list[Cue]:
    """The cues from line index `first` on; blocks starting with a `skip_blocks` word
    (NOTE, STYLE, REGION) are left out; text outside any cue joins the cue before it."""
    cues: list[Cue] = []
    for block in _blocks(lines, first):
        head = block[0][1].strip()
        if head.split(" ", 1)[0] in skip_blocks and not is_timing(head):
            continue
        timing_rows = [k for k, (_n, text) in enumerate(block) if is_timing(text)]
        if not timing_rows:
            _stray(block, cues, findings)
            continue
        if timing_rows[0] > 1:  # the line right before the timing is the cue id / number
            _stray(block[: timing_rows[0] - 1], cues, findings)
        for index, row in enumerate(timing_rows):
            stop = timing_rows[index + 1] if index + 1 < len(timing_rows) else len(block)
            payload = block[row + 1 : stop]
            if index + 1 < len(timing_rows) and payload and _is_cue_id(payload[-1][1]):
                payload = payload[:-1]
            cue = _cue(block[row], payload, findings)
            if cue is not None:
                cues.append(cue)
    return cues


def is_timing(text: str) -> bool:
    return "-->" in text or _LOOSE_TIMING.match(text) is not None


def _blocks(lines: list[str], first: int) -> Iterator[list[Row]]:
    block: list[Row] = []
    for index in range(first, len(lines)):
        text = lines[index]
        if text.strip():
            block.append((index + 1, text))
        elif block:
            yield block
            block = []
    if block:
        yield block


def _is_cue_id(text: str) -> bool:
    stripped = text.strip()
    return stripped.isdigit() or (
        " " not in stripped and any(c.isdigit() for c in stripped) and len(stripped) <= 80
    )


def _stray(rows: list[Row], cues: list[Cue], findings: Findings) -> None:
    if cues:
        cues[-1].payload.extend(rows)
        findings.warn(
            rows[0][0],
            "tekst buiten een blok (na een lege regel, zonder tijdregel); "
            "toegevoegd aan het blok ervoor",
        )
    else:
        findings.warn(rows[0][0], f"tekst vóór het eerste blok overgeslagen: '{rows[0][1][:60]}'")


def _cue(timing: Row, payload: list[Row], findings: Findings) -> Cue | None:
    line, text = timing
    match = _TIMING.match(text)
    start = parse_time(match.group("start")) if match else None
    end = parse_time(match.group("end")) if match else None
    if start is None or end is None:
        findings.error(
            line,
            f"tijdregel niet te lezen: '{text.strip()[:80]}'; verwacht bijvoorbeeld "
            "'00:01:02.500 --> 00:01:05.000' (uren mogen ontbreken)",
        )
        return None
    if end < start:
        findings.warn(line, "het blok eindigt vóór het begint; de eindtijd is genegeerd")
        return Cue(line, start, None, payload)
    return Cue(line, start, end, payload)


class CueReader:
    """Turns cues into utterances; speakers seen once are recognised on later lines too."""

    def __init__(self, findings: Findings) -> None:
        self.findings = findings
        self.items: list[Item] = []
        self.empty = 0
        self._known: set[str] = set()
        self._order = TimeOrder(findings)

    def add(self, cue: Cue, rows: list[tuple[int, str | None, str]], voiced: bool) -> None:
        """Rows are (line, voice or None, cleaned text); `voiced` when the cue had voice tags."""
        rows = [(n, voice, _SPACES.sub(" ", text).strip()) for n, voice, text in rows]
        rows = [row for row in rows if row[2]]
        if not rows:
            self.empty += 1
            return
        self._order.check(cue.line, cue.start)
        groups = _by_voice(rows) if voiced else self._by_name(rows)
        if not voiced and len(groups) == 1 and groups[0][0] is None:
            mark = parse_mark(rows[0][0], " ".join(text for _n, _v, text in rows))
            # Only a bare "Stelling 2" is a mark; "Stelling 2: de opdracht …" is speech and
            # stays (the plan still sees the stelling in it).
            if mark is not None and not mark.rest:
                self.items.append(mark)
                return
        for speaker, parts in groups:
            text = " ".join(t for _n, t in parts)
            if text:
                self.items.append(
                    Utterance(parts[0][0], text, speaker, cue.start, cue.end, tuple(parts))
                )

    def finish(self) -> None:
        self._order.finish()
        if self.empty:
            blocks = "leeg blok" if self.empty == 1 else "lege blokken"
            self.findings.notes.append(f"{self.empty} {blocks} overgeslagen")

    def transcript(self, source: Path, format_name: str) -> Transcript:
        """What was read, once every cue is in; the errors found, if any, instead."""
        self.finish()
        if self.findings.errors:
            raise ProblemsError(self.findings.errors)
        return Transcript(
            source,
            format_name,
            tuple(self.items),
            warnings=tuple(self.findings.warnings),
            notes=tuple(self.findings.notes),
        )

    def _by_name(
        self, rows: list[tuple[int, str | None, str]]
    ) -> list[tuple[str | None, list[Row]]]:
        groups: list[tuple[str | None, list[Row]]] = []
        for index, (line, _voice, raw) in enumerate(rows):
            dashed = _DASH.match(raw) is not None
            text = _DASH.sub("", raw)
            name, rest = split_speaker(text)
            starts = name is not None and (index == 0 or dashed or normal_name(name) in self._known)
            if starts:
                self._known.add(normal_name(name or ""))
                groups.append((name, [(line, rest)] if rest else []))
            elif dashed or not groups:
                groups.append((None, [(line, text)]))
            else:
                groups[-1][1].append((line, text))
        return [(speaker, parts) for speaker, parts in groups if parts]


def _by_voice(rows: list[tuple[int, str | None, str]]) -> list[tuple[str | None, list[Row]]]:
    groups: list[tuple[str | None, list[Row]]] = []
    for line, voice, text in rows:
        if groups and groups[-1][0] == voice:
            groups[-1][1].append((line, text))
        else:
            groups.append((voice, [(line, text)]))
    return groups
