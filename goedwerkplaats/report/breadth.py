"""Breadth, not volume: how many participants and groups raised a theme.

A researcher writes "meerdere deelnemers" or "in alle vijf groepen", so the report counts
people (a participant is a speaker within one session) and sessions. Fragment counts are kept
only as a clearly labelled extra. Facilitators are never counted; the facilitator's live notes
do count the participant they are about (who said it), never as a quote.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Session
from goedwerkplaats.report.fragments import Fragment, counted_fragments


@dataclass(frozen=True)
class Breadth:
    participants: int
    sessions: int
    fragments: int


@dataclass(frozen=True)
class Totals:
    participants: int
    sessions: int


def totals(sessions: Iterable[Session]) -> Totals:
    sessions = list(sessions)
    return Totals(sum(len(s.took_part()) for s in sessions), len(sessions))


_ANY = object()


class BreadthIndex:
    """Who raised what, indexed once: (stelling, theme, arena) → participants and fragments.

    There are few such keys (stellingen × themes × arenas), so any count is a union over
    them, however many fragments there are.
    """

    def __init__(self, fragments: Iterable[Fragment]) -> None:
        self._people: dict[tuple[str | None, str, str | None], set[tuple[str, str]]] = {}
        self._refs: dict[tuple[str | None, str, str | None], set[str]] = {}
        self._owner: dict[str, tuple[str, str]] = {}  # fragment ref → who said it
        for fragment in fragments:
            person = (fragment.session, fragment.speaker)
            self._owner[fragment.ref] = person
            for theme in fragment.themes:
                key = (fragment.statement, theme, fragment.arena)
                self._people.setdefault(key, set()).add(person)
                self._refs.setdefault(key, set()).add(fragment.ref)

    def statements(self) -> set[str | None]:
        return {key[0] for key in self._people}

    def arenas(self, statement: str | None) -> set[str | None]:
        return {key[2] for key in self._people if key[0] == statement}

    def count(
        self,
        themes: Collection[str],
        statements: Collection[str | None] = (),
        arena: object = _ANY,
    ) -> Breadth:
        """Participants, sessions and fragments with any of `themes` (within `statements`
        when given, and in `arena` when given; None is 'no arena')."""
        people: set[tuple[str, str]] = set()
        refs: set[str] = set()
        for key in self._matching(themes, statements, arena):
            people |= self._people[key]
            refs |= self._refs[key]
        return Breadth(len(people), len({session for session, _ in people}), len(refs))

    def by_person(
        self, themes: Collection[str], statements: Collection[str | None] = ()
    ) -> dict[tuple[str, str], int]:
        """Who raised any of `themes` (within `statements`): (session, participant) → how
        many of their fragments; a fragment with two of the themes counts once."""
        refs: set[str] = set()
        for key in self._matching(themes, statements, _ANY):
            refs |= self._refs[key]
        result: dict[tuple[str, str], int] = {}
        for ref in refs:
            person = self._owner[ref]
            result[person] = result.get(person, 0) + 1
        return result

    def _matching(
        self, themes: Collection[str], statements: Collection[str | None], arena: object
    ) -> list[tuple[str | None, str, str | None]]:
        return [
            key
            for key in self._people
            if key[1] in themes
            and (not statements or key[0] in statements)
            and (arena is _ANY or key[2] == arena)
        ]

    def outside(self, themes: Collection[str], statement: str | None, known: set[str]) -> int:
        """Participants whose fragments have no arena, or one the guide no longer knows."""
        people: set[tuple[str, str]] = set()
        for (within, theme, arena), who in self._people.items():
            if within == statement and theme in themes and arena not in known:
                people |= who
        return len(people)


def session_index(sessions: Iterable[Session]) -> BreadthIndex:
    """Who raised what in these sessions (see `fragments.counted_fragments`)."""
    return BreadthIndex(counted_fragments(sessions))


def breadth(
    fragments: Iterable[Fragment],
    themes: Collection[str],
    statements: Collection[str] = (),
) -> Breadth:
    """Participants, sessions and fragments with any of `themes` (within `statements`)."""
    return BreadthIndex(fragments).count(themes, statements)


def breadth_sentence(found: Breadth, total: Totals) -> str:
    """'Genoemd door 7 van de 19 deelnemers, in 4 van de 5 groepen.'"""
    people = "deelnemer" if total.participants == 1 else "deelnemers"
    groups = "groep" if total.sessions == 1 else "groepen"
    return (
        f"Genoemd door {found.participants} van de {total.participants} {people}, "
        f"in {found.sessions} van de {total.sessions} {groups}."
    )


@dataclass(frozen=True)
class BreadthTable:
    """Per theme (rows, tree order): participants per arena, then participants, groups and
    fragments in all arenas."""

    arenas: list[str | None]
    rows: list[tuple[str, list[int], Breadth]]


def breadth_table(guide: Guide, index: BreadthIndex, statement: str | None) -> BreadthTable:
    arenas: list[str | None] = [a.id for a in guide.arenas]
    if any(a not in arenas for a in index.arenas(statement)):
        arenas.append(None)  # 'Zonder arena', also for arenas the guide no longer knows
    known = {a for a in arenas if a is not None}
    rows = []
    for theme in guide.themes_in_tree_order():
        covered = {theme.id, *(c.id for c in guide.children(theme.id))}
        overall = index.count(covered, (statement,))
        if not overall.fragments:
            continue
        per_arena = [
            index.count(covered, (statement,), a).participants
            if a is not None
            else index.outside(covered, statement, known)
            for a in arenas
        ]
        rows.append((theme.id, per_arena, overall))
    return BreadthTable(arenas, rows)
