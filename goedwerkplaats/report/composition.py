"""The composition of the participants: how many people per value of each characteristic, per
session and in total, for the report's Verantwoording. Never names; the facilitator never
counts; a person counts once per characteristic, however often they spoke.

A cell of the table is read against the people of one session: a value only one of them holds
points at that person. Whether it does, and what to show instead, is decided by the one rule in
`privacy.singling_out`, applied per session and per characteristic (the table shows no
combinations of characteristics). The total is the sum of what the sessions show, so it never
tells what a session's column hides.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Participant, Session
from goedwerkplaats.privacy.singling_out import (
    OTHER,
    Person,
    SingledOut,
    Values,
    protected,
    singled_out,
)

NOT_RECORDED = "niet vastgelegd"
HIDDEN = "niet getoond (herkenbaar)"


@dataclass(frozen=True)
class CompositionRow:
    characteristic: str  # the characteristic's id
    label: str  # the guide's label for it
    value: str  # as recorded, or OTHER / NOT_RECORDED / HIDDEN
    counts: tuple[int, ...]  # per session, in the order of `Composition.sessions`

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Composition:
    sessions: tuple[str, ...]
    participants: tuple[int, ...]  # per session: the people counted (no facilitator)
    rows: tuple[CompositionRow, ...]


def characteristic_ids(guide: Guide, sessions: Sequence[Session]) -> list[str]:
    """The guide's characteristics in its order, then any other key participants carry."""
    ids = [c.id for c in guide.characteristics]
    for session in sessions:
        for participant in session.took_part():
            for key, value in participant.attributes:
                if value.strip() and key not in ids:
                    ids.append(key)
    return ids


def _one_characteristic(people: list[Person], key: str) -> list[Person]:
    """Everyone with only their value for `key`: the combination a table cell shows."""
    return [
        (
            session,
            dataclasses.replace(
                p, attributes=tuple((k, v) for k, v in p.attributes if k == key and v.strip())
            ),
        )
        for session, p in people
    ]


def _people(session: Session) -> list[Person]:
    return [(session.id, p) for p in session.took_part()]


def singled_out_cells(guide: Guide, sessions: Sequence[Session]) -> list[SingledOut]:
    """Who a cell of the composition table would single out: alone in their session with a
    value of one characteristic."""
    found: list[SingledOut] = []
    people = [_people(session) for session in sessions]  # took_part reads every segment
    for key in characteristic_ids(guide, sessions):
        for group in people:
            found += singled_out(_one_characteristic(group, key))
    return found


def composition(guide: Guide, sessions: Sequence[Session], choice: str = "") -> Composition:
    """The counts; with `choice` ('grof' or 'weglaten') as `privacy.singling_out.protected`
    shows them, without it as recorded (the export refuses that when someone stands out)."""
    ids = characteristic_ids(guide, sessions)
    per_session: list[dict[str, Counter[str]]] = []
    sizes = []
    for session in sessions:
        people = _people(session)
        sizes.append(len(people))
        counts: dict[str, Counter[str]] = {}
        for key in ids:
            projected = _one_characteristic(people, key)
            shown: dict[tuple[str, str], Values] = (
                protected(projected, choice)
                if choice
                else {(s, p.id): p.attributes for s, p in projected}
            )
            counts[key] = Counter(
                _cell(person, shown[(session.id, person.id)]) for _s, person in projected
            )
        per_session.append(counts)
    rows = []
    for key in ids:
        characteristic = guide.characteristic(key)
        label = characteristic.label if characteristic else key
        present = Counter[str]()
        for counts in per_session:
            present.update(counts[key])
        for value in _ordered(present, characteristic.values if characteristic else ()):
            rows.append(
                CompositionRow(key, label, value, tuple(c[key][value] for c in per_session))
            )
    return Composition(tuple(s.id for s in sessions), tuple(sizes), tuple(rows))


def _cell(person: Participant, shown: Values) -> str:
    if shown:
        return shown[0][1]
    return HIDDEN if person.attributes else NOT_RECORDED


def _ordered(present: Counter[str], guide_values: Sequence[str]) -> list[str]:
    """The guide's values in its order, then other recorded values A-Z, then the rest."""
    special = (OTHER, HIDDEN, NOT_RECORDED)
    values = [v for v in guide_values if present[v]]
    values += sorted((v for v in present if v not in values and v not in special), key=str.casefold)
    return values + [v for v in special if present[v]]
