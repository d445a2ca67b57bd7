"""Live participants recognised in a transcript through the quotes linked to it.

A facilitator who captured quotes live under P1 and P2 without typing names, and then
imports the recording's transcript with "Tom Bakker" and "Aylin Demir", means the same
people: the quotes that were linked show who is who, so no second pseudonym is made.
"""

from __future__ import annotations

from collections import defaultdict

from goedwerkplaats.model.session import Segment, Session


def speakers_from_links(
    session: Session,
    new_ids: set[str],
    segments: list[Segment],
    linked: list[Segment],
) -> dict[str, str]:
    """New participant id → the live participant whose linked quotes all fall on their words.

    Only unambiguous pairs: every linked quote of one live participant on one new speaker
    and the other way round, the live participant without a name yet, not the facilitator.
    """
    speaker_of = {s.id: s.speaker for s in segments}
    pairs: dict[str, set[str]] = defaultdict(set)  # new id → live ids
    reverse: dict[str, set[str]] = defaultdict(set)  # live id → new ids
    for quote in linked:
        heard = speaker_of.get(quote.link or "")
        if heard in new_ids and quote.speaker:
            pairs[heard].add(quote.speaker)
            reverse[quote.speaker].add(heard)
    mapping = {}
    for new_id, live_ids in pairs.items():
        live_id = next(iter(live_ids))
        participant = session.participant(live_id)
        if (
            len(live_ids) == 1
            and len(reverse[live_id]) == 1
            and participant is not None
            and not participant.name
            and not participant.facilitator
        ):
            mapping[new_id] = live_id
    return mapping
