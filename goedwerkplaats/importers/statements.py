"""Which stelling each utterance belongs to: stelling lines, and the facilitator reading one out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from goedwerkplaats.importers.marks import spoken_mark
from goedwerkplaats.importers.participants import SpeakerMap
from goedwerkplaats.importers.plan_model import FOUND_BY_LINE, FOUND_BY_READING, OptionWords
from goedwerkplaats.importers.rows import Row
from goedwerkplaats.importers.textmatch import content_words, ordered_coverage
from goedwerkplaats.importers.transcript import Findings
from goedwerkplaats.model.guide import Guide

READ_OUT_SHARE = 0.75  # of the stelling's words, in its order
READ_OUT_WORDS = 4  # at least this many of them (all of them for a shorter stelling)
WINDOW = 3  # a stelling read out may run over this many cues of one speaker


@dataclass(frozen=True)
class Switch:
    """From row `index` on, `statement` holds; found on `line`, `how` (line or reading)."""

    index: int
    statement: str
    line: int
    how: str


class StatementReader:
    """Recognises a stelling read out, even with a few words different or left out."""

    def __init__(self, guide: Guide) -> None:
        self._statements = [(s.id, content_words(s.text)) for s in guide.statements]
        self._statements = [(sid, words) for sid, words in self._statements if words]

    def read_out(self, texts: Sequence[str]) -> str | None:
        """The stelling read out in these consecutive texts of one speaker, if any."""
        first = set(content_words(texts[0])) if texts else set()
        said = [word for text in texts[:WINDOW] for word in content_words(text)]
        said_set = set(said)
        best, best_share = None, 0.0
        for statement_id, wanted in self._statements:
            needed = min(READ_OUT_WORDS, len(wanted))
            if len(said_set.intersection(wanted)) < needed or not first.intersection(wanted):
                continue  # cheap tests first; and the reading must begin in the first text
            share, matched = ordered_coverage(wanted, said)
            if share >= READ_OUT_SHARE and matched >= needed and share > best_share:
                best, best_share = statement_id, share
        return best


def assign_statements(
    rows: list[Row],
    guide: Guide,
    speakers: SpeakerMap,
    findings: Findings,
    words: OptionWords,
) -> list[Switch]:
    """Set each row's stelling from the switches found; returns those switches."""
    reader = StatementReader(guide)
    anyone_reads = not speakers.has_facilitator  # no facilitator known: anyone may read out
    switches: list[Switch] = []
    suggested: set[str] = set()
    current: str | None = None
    for index, row in enumerate(rows):
        switch = None
        if row.mark is not None:
            switch = Switch(index, row.mark[0], row.mark[1], FOUND_BY_LINE)
        elif row.speaker is None or anyone_reads or speakers.is_facilitator(row.speaker):
            switch = _switch_in(rows, index, guide, reader)
        if switch is not None and switch.statement != current:
            current = switch.statement
            switches.append(switch)
            _suggest_facilitator(row, switch, speakers, findings, suggested, words)
        row.statement = current
    return switches


def _switch_in(rows: list[Row], index: int, guide: Guide, reader: StatementReader) -> Switch | None:
    row = rows[index]
    named = spoken_mark(row.text)
    if named is not None and guide.statement(named) is not None:
        return Switch(index, named, row.line, FOUND_BY_LINE)
    window = [row.text]
    for following in rows[index + 1 : index + WINDOW]:
        if following.speaker != row.speaker or following.mark is not None:
            break
        window.append(following.text)
    statement = reader.read_out(window)
    return None if statement is None else Switch(index, statement, row.line, FOUND_BY_READING)


def _suggest_facilitator(
    row: Row,
    switch: Switch,
    speakers: SpeakerMap,
    findings: Findings,
    suggested: set[str],
    words: OptionWords,
) -> None:
    """Someone not known as facilitator read a stelling out: probably the facilitator."""
    if switch.how != FOUND_BY_READING or row.speaker is None or row.speaker in suggested:
        return
    if speakers.is_facilitator(row.speaker):
        return
    suggested.add(row.speaker)
    findings.warn(
        switch.line,
        f"{speakers.name_of(row.speaker)} leest stelling {switch.statement} voor; is dat de "
        f"gespreksleider? Geef die naam dan op {words.facilitator}, dan telt die niet als "
        "deelnemer",
    )
