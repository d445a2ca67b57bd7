"""Typed transcripts: one utterance per paragraph, with or without a time.

Recognised openings of an utterance (the time may also be MM:SS or carry .mmm):

    [00:00:04] Marieke Jansen: text        00:00:04 Marieke Jansen: text
    Tom Bakker (00:00:41): text            Tom Bakker [00:00:41] text
    Tom Bakker: text                       Tom Bakker   0:41      (text on the next lines)
    [00:00:04] text                        (a time without a speaker)

Lines that follow are joined to the utterance until a blank line. A paragraph with no
opening continues the previous speaker as a new segment; paragraphs before the first
utterance are a title or header and are skipped (and said so). `Name: text` without a time
starts an utterance only at the start of a paragraph or for a speaker already seen, so
"Wat ik bedoel: …" halfway a paragraph stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from goedwerkplaats.files.problems import ProblemsError
from goedwerkplaats.importers.marks import parse_mark
from goedwerkplaats.importers.speakers import looks_like_name, normal_name, split_speaker
from goedwerkplaats.importers.transcript import (
    FORMAT_TEXT,
    UNIT_LINE,
    Findings,
    Item,
    TimeOrder,
    Transcript,
    Utterance,
    split_lines,
)
from goedwerkplaats.model.timecode import parse_time

_T = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_TIME_FIRST = re.compile(rf"^[\[(](?P<time>{_T})[\])]\s*(?P<rest>.*)$")
_BARE_TIME_FIRST = re.compile(rf"^(?P<time>{_T})\s+(?P<rest>.+)$")
_NAME_TIME = re.compile(
    rf"^(?P<name>[^\W\d_][^()\[\]:]{{0,48}}?)\s*[\[(](?P<time>{_T})[\])]\s*:?\s*(?P<text>.*)$"
)
_NAME_BARE_TIME = re.compile(rf"^(?P<name>[^\W\d_][^:]{{0,48}}?)\s+(?P<time>{_T})\s*:?$")
_SPACES = re.compile(r"\s+")

Row = tuple[int, str]


@dataclass(frozen=True)
class _Start:
    name: str | None
    time: float | None
    text: str


@dataclass
class _Open:
    line: int
    speaker: str | None
    start: float | None
    parts: list[Row] = field(default_factory=list)


def parse_plain_text(text: str, source: Path) -> Transcript:
    rows = [(number, line) for number, line in enumerate(split_lines(text), start=1)]
    return parse_rows(rows, source, FORMAT_TEXT, UNIT_LINE)


def parse_rows(rows: list[Row], source: Path, format_name: str, unit: str) -> Transcript:
    """Rows are (line or paragraph number, text); an empty text separates paragraphs."""
    findings = Findings(source, unit)
    reader = _Reader(findings)
    for paragraph in _paragraphs(rows):
        reader.paragraph(paragraph)
    items = reader.finish()
    if findings.errors:
        raise ProblemsError(findings.errors)
    return Transcript(
        source,
        format_name,
        tuple(items),
        warnings=tuple(findings.warnings),
        notes=tuple(findings.notes),
        unit=unit,
    )


def _paragraphs(rows: list[Row]) -> list[list[Row]]:
    paragraphs: list[list[Row]] = []
    current: list[Row] = []
    for number, text in rows:
        cleaned = _SPACES.sub(" ", text).strip()
        if cleaned:
            current.append((number, cleaned))
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


class _Reader:
    def __init__(self, findings: Findings) -> None:
        self.findings = findings
        self.items: list[Item] = []
        self.titles: list[list[Row]] = []
        self.in_title = False  # lines are being collected as a title paragraph
        self.started = False
        self.known: set[str] = set()
        self.current: _Open | None = None
        self.last_speaker: str | None = None
        self.order = TimeOrder(findings)

    def paragraph(self, rows: list[Row]) -> None:
        self.in_title = False
        for index, (number, text) in enumerate(rows):
            self.line(number, text, first=index == 0)
        if self.current is not None and self.current.parts:
            self.close()  # a paragraph ends an utterance; a bare "Name 0:41" header waits

    def line(self, number: int, text: str, first: bool) -> None:
        mark = parse_mark(number, text)
        if mark is not None and (mark.explicit or first):
            self.close()
            self.in_title = False
            self.items.append(mark)
            return
        start = _classify(text)
        if start is not None and (
            start.time is not None or first or normal_name(start.name or "") in self.known
        ):
            self.open(number, start)
            return
        if self.current is not None:
            self.current.parts.append((number, text))
        elif not self.started:
            if not self.in_title:
                self.titles.append([])
                self.in_title = True
            self.titles[-1].append((number, text))
        else:
            self.current = _Open(number, self.last_speaker, None, [(number, text)])

    def open(self, number: int, start: _Start) -> None:
        self.close()
        self.started = True
        if start.name:
            self.known.add(normal_name(start.name))
        self.order.check(number, start.time)
        self.current = _Open(number, start.name, start.time)
        if start.text:
            self.current.parts.append((number, start.text))

    def close(self) -> None:
        current, self.current = self.current, None
        if current is None or not current.parts:
            return
        text = " ".join(t for _n, t in current.parts)
        self.items.append(
            Utterance(
                current.parts[0][0],
                text,
                current.speaker,
                current.start,
                None,
                tuple(current.parts),
            )
        )
        self.last_speaker = current.speaker

    def finish(self) -> list[Item]:
        self.close()
        self.order.finish()
        if not self.started:
            return self._untitled()
        for title in self.titles:
            self.findings.notes.append(
                f"{self.findings.unit} {title[0][0]} overgeslagen als titel of kop: "
                f"'{title[0][1][:60]}'"
            )
        return self.items

    def _untitled(self) -> list[Item]:
        """No utterance opening anywhere: every paragraph is one utterance without speaker."""
        items: list[Item] = list(self.items)
        for title in self.titles:
            text = " ".join(t for _n, t in title)
            items.append(Utterance(title[0][0], text, None, None, None, tuple(title)))
        if self.titles:
            self.findings.warn(
                None,
                "geen sprekers of tijden herkend; elke alinea is een fragment zonder spreker. "
                "Schrijf een spreker als 'Naam: tekst' of '[00:01:02] Naam: tekst'",
            )
        return items


def _classify(text: str) -> _Start | None:
    """The utterance opening on this line, if any."""
    match = _TIME_FIRST.match(text)
    if match and (time := parse_time(match.group("time"))) is not None:
        name, rest = split_speaker(match.group("rest"))
        return _Start(name, time, rest) if name else _Start(None, time, match.group("rest"))
    match = _NAME_TIME.match(text)
    if match and _plausible(match.group("name")):
        time = parse_time(match.group("time"))
        if time is not None:
            return _Start(match.group("name").strip(), time, match.group("text").strip())
    match = _NAME_BARE_TIME.match(text)
    if match and looks_like_name(match.group("name").strip()):
        time = parse_time(match.group("time"))
        if time is not None:
            return _Start(match.group("name").strip(), time, "")
    match = _BARE_TIME_FIRST.match(text)
    if match and (time := parse_time(match.group("time"))) is not None:
        name, rest = split_speaker(match.group("rest"))
        if name:
            return _Start(name, time, rest)
    name, rest = split_speaker(text)
    return _Start(name, None, rest) if name else None


def _plausible(name: str) -> bool:
    """A name right before a time in brackets: any short run of words that starts a line."""
    words = name.split()
    return 1 <= len(words) <= 5 and len(name.strip()) <= 50
