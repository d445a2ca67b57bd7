"""What leaves the project: pseudonyms instead of names, masked terms."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from goedwerkplaats.model.session import Session
from goedwerkplaats.privacy.mask_terms import MaskList
from goedwerkplaats.privacy.name_parts import NameForm, fold, name_forms, pseudonym_for


@dataclass(frozen=True)
class _Replacement:
    pattern: re.Pattern[str]
    substitute: str
    probe: str  # the term as `fold` writes it, for the quick pre-check

    def apply(self, text: str) -> str:
        return self.pattern.sub(lambda match: pseudonym_for(match, self.substitute), text)


class Anonymizer:
    """Speaker labels and text as they may leave the project for one session."""

    def __init__(
        self,
        session: Session,
        mask: MaskList | None = None,
        names: bool = False,
        editorial: bool = False,
    ) -> None:
        """`editorial`: a replaced name is marked as the editor's change, '[P2]' (reports)."""
        self.session = session
        self.names = names
        # the project's terms first: "Bakkerij Jansen" must go whole before the name "Jansen"
        self._replacements = _mask_replacements(mask or MaskList())
        if not names:
            self._replacements += _name_replacements(session, editorial)
        self._any = _any_of(self._replacements)

    def speaker(self, participant_id: str | None) -> str:
        """The label a reader sees: pseudonym or alias, the real name only with `names`."""
        if participant_id is None:
            return "onbekend"
        participant = self.session.participant(participant_id)
        if participant is None:
            return participant_id
        if self.names and participant.name:
            return participant.name
        return participant.public_label()

    def text(self, text: str) -> str:
        # most texts hold no name or term at all: one search instead of a pass per variant
        if not text or self._any is None:
            return text
        folded = fold(text)
        if not self._any.search(folded):
            return text
        for replacement in self._replacements:
            if replacement.probe in folded:  # only the forms that can be there
                text = replacement.apply(text)
        return text

    def facilitator(self) -> str:
        """The facilitator as named in the session's metadata, hidden unless `names`."""
        return self.session.meta.facilitator if self.names else "gespreksleider"


def _name_replacements(session: Session, editorial: bool = False) -> list[_Replacement]:
    """Full names before first and last names, longest first, so 'Tom Bakker' wins over 'Tom';
    which parts go alone is decided in `name_parts` (erasure uses the same rule)."""
    forms: dict[str, tuple[NameForm, str]] = {}
    for participant in session.participants.values():
        for form in name_forms(participant.name):
            forms.setdefault(form.pattern, (form, _mark(participant.public_label(), editorial)))
    for form in name_forms(session.meta.facilitator):
        forms.setdefault(form.pattern, (form, _mark("gespreksleider", editorial)))
    ordered = sorted(forms.values(), key=lambda pair: len(pair[0].text), reverse=True)
    return [
        _Replacement(re.compile(form.pattern), label, fold(form.text)) for form, label in ordered
    ]


def _mark(label: str, editorial: bool) -> str:
    return f"[{label}]" if editorial else label


def _mask_replacements(mask: MaskList) -> list[_Replacement]:
    ordered = sorted(mask.terms, key=lambda t: len(t.term), reverse=True)
    return [
        _Replacement(_word_pattern(t.term, ignore_case=True), t.substitute, fold(t.term))
        for t in ordered
    ]


def _any_of(replacements: list[_Replacement]) -> re.Pattern[str] | None:
    """A quick pre-check that matches wherever any replacement would (and maybe more).

    Bare folded terms, searched in the folded text, without word-boundary checks or
    letter classes, so the regex engine can skip ahead on their first letters; a rare
    false hit only costs the full pass.
    """
    if not replacements:
        return None
    probes = sorted({replacement.probe for replacement in replacements}, key=len, reverse=True)
    return re.compile("|".join(re.escape(probe) for probe in probes))


def _word_pattern(term: str, ignore_case: bool) -> re.Pattern[str]:
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", flags)


def every_session(anonymizers: Iterable[Anonymizer]) -> Callable[[str], str]:
    """Text that belongs to no one session (the researcher's prose, a characteristic's value):
    every session's names become pseudonyms and the mask terms are masked."""
    chain = list(anonymizers)

    def masked(text: str) -> str:
        for anonymizer in chain:
            text = anonymizer.text(text)
        return text

    return masked
