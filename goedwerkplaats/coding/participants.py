"""Adding a participant: the one rule the app, the CLI and the import share.

A participant gets the next free pseudonym (P1, P2…); the name stays local, the
characteristics (functie, organisatie) describe the person in reports.
"""

from __future__ import annotations

from collections.abc import Iterable

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.guide import FREE_CHARACTERISTICS, Characteristic
from goedwerkplaats.model.session import Participant, Session

ATTRIBUTE_FIELDS = tuple(c.id for c in FREE_CHARACTERISTICS)  # a guide without 'kenmerken:'


def clean(text: str) -> str:
    """Whitespace as typed is not part of a name: 'Fatima  El Amrani ' → 'Fatima El Amrani'."""
    return " ".join(text.split())


def new_participant(
    session: Session,
    name: str = "",
    attributes: Iterable[tuple[str, str]] = (),
    *,
    pseudonym: str | None = None,
    characteristics: tuple[Characteristic, ...] = FREE_CHARACTERISTICS,
) -> Participant:
    """A participant to add to `session` (not yet added: apply a PutParticipant).

    `pseudonym` keeps a pseudonym already shown (a row in the participants dialog) when it is
    still free; otherwise the next free one is taken. A name already in the session is refused:
    two rows for one person would count her twice.
    """
    name = clean(name)
    cleaned = checked_attributes(attributes, characteristics)
    same = next(
        (p for p in session.participants.values() if name and p.name.casefold() == name.casefold()),
        None,
    )
    if same is not None:
        raise GwpError(f"'{name}' is al deelnemer {same.id} in sessie {session.meta.id}")
    free = pseudonym is not None and pseudonym not in session.participants
    return Participant(
        pseudonym if free and pseudonym else session.next_pseudonym(),
        name=name,
        attributes=cleaned,
    )


def checked_attributes(
    attributes: Iterable[tuple[str, str]], characteristics: tuple[Characteristic, ...]
) -> tuple[tuple[str, str], ...]:
    """The attributes as the guide spells them, in the guide's order; an unknown
    characteristic or a value outside its list is refused with the values that are allowed."""
    given = {key: clean(value) for key, value in attributes if clean(value)}
    known = {c.id: c for c in characteristics}
    unknown = [key for key in given if key not in known]
    if unknown:
        names = ", ".join(known) or "(geen: de leidraad heeft geen kenmerken)"
        raise GwpError(f"onbekend kenmerk '{unknown[0]}'; bekend zijn: {names}")
    result = []
    for characteristic in characteristics:
        if characteristic.id not in given:
            continue
        value = characteristic.allowed(given[characteristic.id])
        if value is None:
            raise GwpError(not_allowed(characteristic, given[characteristic.id]))
        result.append((characteristic.id, value))
    return tuple(result)


def not_allowed(characteristic: Characteristic, value: str) -> str:
    choices = "; ".join(f"{n}. {v}" for n, v in enumerate(characteristic.values, start=1))
    return (
        f"'{value}' is geen waarde van kenmerk '{characteristic.id}' in de leidraad; "
        f"kies (naam of nummer): {choices}"
    )
