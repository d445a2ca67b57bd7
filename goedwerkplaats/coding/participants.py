"""Adding a participant: the one rule the app, the CLI and the import share.

A participant gets the next free pseudonym (P1, P2…); the name stays local, the
characteristics (functie, organisatie) describe the person in reports.
"""

from __future__ import annotations

from collections.abc import Iterable

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.session import Participant, Session

ATTRIBUTE_FIELDS = ("functie", "organisatie")  # the characteristics a participant may carry


def clean(text: str) -> str:
    """Whitespace as typed is not part of a name: 'Fatima  El Amrani ' → 'Fatima El Amrani'."""
    return " ".join(text.split())


def new_participant(
    session: Session,
    name: str = "",
    attributes: Iterable[tuple[str, str]] = (),
    *,
    pseudonym: str | None = None,
) -> Participant:
    """A participant to add to `session` (not yet added: apply a PutParticipant).

    `pseudonym` keeps a pseudonym already shown (a row in the participants dialog) when it is
    still free; otherwise the next free one is taken. A name already in the session is refused:
    two rows for one person would count her twice.
    """
    name = clean(name)
    cleaned = tuple((key, clean(value)) for key, value in attributes if clean(value))
    unknown = [key for key, _value in cleaned if key not in ATTRIBUTE_FIELDS]
    if unknown:
        raise GwpError(
            f"onbekend kenmerk '{unknown[0]}'; bekend zijn: {', '.join(ATTRIBUTE_FIELDS)}"
        )
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
