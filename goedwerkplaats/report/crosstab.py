"""Cross-tables: who raised which theme, per group or per kind of participant.

Like MAXQDA's code matrix and crosstabs: a row per theme (tree order), a column per session or
per value of one participant characteristic (kenmerk), and in each cell the number of
participants who raised the theme: distinct people (a person is a participant within one
session) with at least one fragment with that theme. A main theme's row counts whoever raised
it or any of its sub-themes. Fragments are counted too, as a clearly labelled extra.

The counts come from `BreadthIndex`, so a row's total is the breadth line's and the breadth
table's number: only participants' fragments count, never the facilitator's lines; a live note
counts the participant it is about (who said it), as it does there.

A column for a value only one participant holds would point at that person. Those columns are
flagged (`singled_out`); with a choice from `privacy.singling_out` ('grof' or 'weglaten') the
rare value becomes 'anders', or whoever still stands out is counted only in the total.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Participant, Session
from goedwerkplaats.privacy.singling_out import (
    OTHER,
    Person,
    SingledOut,
    check_choice,
    protected,
    singled_out,
)
from goedwerkplaats.report.breadth import Breadth, BreadthIndex
from goedwerkplaats.report.fragments import chronological
from goedwerkplaats.report.outline import DIMENSION_SESSION, dimensions

UNKNOWN = "onbekend"  # the participant has no value for the characteristic (not recorded)

Who = tuple[str, str]  # (session id, participant id)


@dataclass(frozen=True)
class Column:
    key: str  # session id, or the characteristic's value ('anders', 'onbekend')
    people: int  # everyone in this column who took part, whether or not they raised a theme

    @property
    def alone(self) -> bool:
        """One participant only: a value that points at that person (never for 'onbekend')."""
        return self.people == 1 and self.key != UNKNOWN


@dataclass(frozen=True)
class CrossRow:
    theme: str
    label: str
    sub: bool  # a sub-theme, shown under its main theme
    parent: bool  # has sub-themes: its counts include theirs
    participants: tuple[int, ...]  # per column: people who raised it
    fragments: tuple[int, ...]  # per column: their fragments (an extra, labelled as such)
    total: Breadth  # participants, groups and fragments over all columns


@dataclass(frozen=True)
class CrossTable:
    dimension: str  # 'sessie' or a characteristic id
    title: str  # 'Sessie', or the characteristic's label
    columns: tuple[Column, ...]
    rows: tuple[CrossRow, ...]
    people: int  # everyone who took part in these sessions
    sessions: int
    statements: tuple[str, ...] = ()  # counted within these stellingen (empty: all)
    singled_out: tuple[SingledOut, ...] = ()  # who an unprotected column would point at
    protection: str = ""  # '' (flag only), 'grof' or 'weglaten'
    hidden: int = 0  # participants counted only in the total: their value would point at them

    @property
    def by_session(self) -> bool:
        return self.dimension == DIMENSION_SESSION


def check_dimension(guide: Guide, dimension: str) -> str:
    chosen = dimension.strip().lower() or DIMENSION_SESSION
    if chosen not in dimensions(guide):
        raise GwpError(
            f"kruistabel tegen '{dimension}' kan niet; kies uit {', '.join(dimensions(guide))} "
            "(de kenmerken staan onder 'kenmerken:' in stellingen.yaml)"
        )
    return chosen


def row_themes(guide: Guide, themes: Sequence[str] = ()) -> list[str]:
    """The rows: the given themes (each followed by its sub-themes), or every theme, in tree
    order; unknown ids are left out (the outline check names them)."""
    if not themes:
        return [t.id for t in guide.themes_in_tree_order()]
    rows: list[str] = []
    for theme_id in themes:
        if guide.theme(theme_id) is None:
            continue
        for row in (theme_id, *(c.id for c in guide.children(theme_id))):
            if row not in rows:
                rows.append(row)
    return rows


def cross_table(
    guide: Guide,
    sessions: Iterable[Session],
    index: BreadthIndex,
    dimension: str = DIMENSION_SESSION,
    themes: Sequence[str] = (),
    statements: Collection[str] = (),
    protection: str = "",
) -> CrossTable:
    """Themes against sessions or a characteristic; see the module's doc for what counts."""
    dimension = check_dimension(guide, dimension)
    protection = check_choice(protection)
    sessions = chronological(sessions)
    rows = row_themes(guide, themes)
    everyone = _population(sessions, index, guide)
    found: tuple[SingledOut, ...] = ()
    if dimension == DIMENSION_SESSION:
        column_of: dict[Who, str | None] = {who: who[0] for who in everyone}
        order = [s.id for s in sessions]
    else:
        column_of, found = _characteristic_columns(everyone, dimension, protection)
        order = _value_order(guide, dimension, column_of.values())
    counted = Counter(c for c in column_of.values() if c is not None)
    columns = tuple(Column(key, counted[key]) for key in order if counted[key])
    position = {column.key: i for i, column in enumerate(columns)}
    return CrossTable(
        dimension=dimension,
        title=_title(guide, dimension),
        columns=columns,
        rows=tuple(_row(guide, index, t, statements, column_of, position) for t in rows),
        people=len(everyone),
        sessions=len(sessions),
        statements=tuple(statements),
        singled_out=() if protection else found,
        protection=protection,
        hidden=sum(1 for c in column_of.values() if c is None),
    )


def _population(
    sessions: list[Session], index: BreadthIndex, guide: Guide
) -> dict[Who, Participant]:
    """Everyone who took part; a speaker the session does not list (an id without a
    participant row) counts too, without values."""
    people = {(s.id, p.id): p for s in sessions for p in s.took_part()}
    known = {s.id for s in sessions}
    for who in index.by_person([t.id for t in guide.themes]):
        if who[0] in known and who not in people:
            people[who] = Participant(who[1])
    return people


def _characteristic_columns(
    everyone: dict[Who, Participant], dimension: str, protection: str
) -> tuple[dict[Who, str | None], tuple[SingledOut, ...]]:
    """Each person's column: their value, 'onbekend' without one; with a protection, the
    value `privacy.singling_out.protected` leaves, None when it leaves none (hidden)."""
    values = {who: " ".join(p.attribute(dimension).split()) for who, p in everyone.items()}
    # the singling-out rule, read for this one characteristic: the table shows nothing else
    people: list[Person] = [
        (who[0], _only(p, dimension, values[who])) for who, p in everyone.items()
    ]
    shown = protected(people, protection) if protection else None
    columns: dict[Who, str | None] = {}
    for who, value in values.items():
        if not value:
            columns[who] = UNKNOWN
        elif shown is None:
            columns[who] = value
        else:
            kept = shown.get(who, ())
            columns[who] = kept[0][1] if kept else None
    return columns, tuple(singled_out(people))


def _row(
    guide: Guide,
    index: BreadthIndex,
    theme_id: str,
    statements: Collection[str],
    column_of: dict[Who, str | None],
    position: dict[str, int],
) -> CrossRow:
    theme = guide.theme(theme_id)
    covered = {theme_id, *(c.id for c in guide.children(theme_id))}
    raised = index.by_person(covered, statements)
    people = [0] * len(position)
    fragments = [0] * len(position)
    for who, count in raised.items():
        column = column_of.get(who, UNKNOWN)
        if column is None or column not in position:
            continue  # hidden: counted in the total only
        people[position[column]] += 1
        fragments[position[column]] += count
    total = Breadth(len(raised), len({s for s, _ in raised}), sum(raised.values()))
    return CrossRow(
        theme=theme_id,
        label=guide.theme_label(theme_id),
        sub=bool(theme and theme.parent),
        parent=len(covered) > 1,
        participants=tuple(people),
        fragments=tuple(fragments),
        total=total,
    )


def _title(guide: Guide, dimension: str) -> str:
    if dimension == DIMENSION_SESSION:
        return "Sessie"
    characteristic = guide.characteristic(dimension)
    return characteristic.label if characteristic else dimension


def _value_order(guide: Guide, dimension: str, present: Iterable[str | None]) -> list[str]:
    """The guide's values in its order, then free-text values (alphabetical), then 'anders'
    and 'onbekend'."""
    characteristic = guide.characteristic(dimension)
    listed = list(characteristic.values) if characteristic else []
    seen = {v for v in present if v is not None}
    free = sorted(v for v in seen if v not in listed and v not in (OTHER, UNKNOWN))
    return list(dict.fromkeys([*listed, *free, OTHER, UNKNOWN]))


def _only(participant: Participant, dimension: str, value: str) -> Participant:
    return dataclasses.replace(participant, attributes=((dimension, value),) if value else ())
