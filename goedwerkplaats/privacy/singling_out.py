"""Would an attribution or table single out one person? A combination of characteristic
values that only one participant holds does, however anonymous the pseudonym.

The check runs before an export that shows characteristics; the user then chooses to coarsen
(rare values become 'anders') or to drop the characteristics of whoever stands out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.session import Participant

COARSEN = "grof"
DROP = "weglaten"
CHOICES = (COARSEN, DROP)
OTHER = "anders"


def check_choice(choice: str) -> str:
    """The user's choice as the rules take it ('' = none made); a Dutch GwpError otherwise."""
    chosen = choice.strip().lower()
    if chosen and chosen not in CHOICES:
        raise GwpError(f"herkenbaar '{choice.strip()}' bestaat niet; kies {' of '.join(CHOICES)}")
    return chosen


Values = tuple[tuple[str, str], ...]
Person = tuple[str, Participant]  # (session id, participant)


@dataclass(frozen=True)
class SingledOut:
    session: str
    participant: str
    values: Values

    def describe(self) -> str:
        shown = ", ".join(f"{key} '{value}'" for key, value in self.values)
        return f"{self.participant} ({self.session}) is de enige met {shown}"


def _values(participant: Participant) -> Values:
    return tuple((key, value) for key, value in participant.attributes if value.strip())


def singled_out(people: Iterable[Person]) -> list[SingledOut]:
    """Everyone whose combination of values no one else among `people` holds."""
    people = list(people)
    combinations = Counter(_values(p) for _, p in people if _values(p))
    return [
        SingledOut(session, p.id, _values(p))
        for session, p in people
        if _values(p) and combinations[_values(p)] == 1
    ]


def protected(people: Iterable[Person], choice: str) -> dict[tuple[str, str], Values]:
    """The values to show per (session, participant) so that no one stands out alone.

    grof: a value only one person holds becomes 'anders'; who still stands out shows nothing.
    weglaten: whoever stands out shows nothing; the others keep their values.
    """
    people = list(people)
    shown = {(s, p.id): _values(p) for s, p in people}
    if choice == COARSEN:
        counts = Counter(pair for values in shown.values() for pair in values)
        shown = {
            key: tuple((k, v if counts[(k, v)] > 1 else OTHER) for k, v in values)
            for key, values in shown.items()
        }
    combinations = Counter(v for v in shown.values() if v)
    return {key: (v if combinations[v] > 1 else ()) for key, v in shown.items()}
