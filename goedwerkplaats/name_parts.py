"""Which forms of a participant's name are replaced in text (exports) or erased (erasure).

Replacement is whole-word and case-sensitive. The full name always goes; a single part only
when it cannot also be an ordinary word at the start of a sentence: "Van Dijk zei" must not
become "P1 P1 zei", nor "Wil je dat?" become "P1 je dat?" for a participant Wil van Dijk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Dutch (and a few neighbouring) name particles: never a name on their own.
TUSSENVOEGSELS = frozenset(
    "van de der den het ter ten te in op la le el al 't d' von du da di".split()
)

# First names that are also everyday Dutch words, so they open ordinary sentences ("Wil je…",
# "Ben jij…", "Hoop doet leven"). At the start of a sentence they stay; after a word or a comma
# ("zoals Roos zei", "en, Wil, wat vind jij?") they are the name and are replaced.
# Kept short on purpose: every entry is a name that may stay in an export when used alone.
COMMON_WORD_NAMES = frozenset(
    {"wil", "ben", "hoop", "roos", "bas", "lot", "storm", "fleur", "merel"}
)


def name_variants(name: str) -> list[str]:
    """The forms of `name` to replace, longest first, so 'Wil van Dijk' goes before 'Dijk'.

    The full name; the surname with its tussenvoegsels ('van Dijk', also as 'Van Dijk' the way
    Dutch writes it without a first name); and each single part that is safe on its own.
    """
    parts = name.split()
    if not parts:
        return []
    variants = [" ".join(parts), *_surname_forms(parts), *_single_parts(parts)]
    return sorted(dict.fromkeys(variants), key=len, reverse=True)


def _single_parts(parts: list[str]) -> list[str]:
    """Parts replaced on their own: capitalised, two letters or more, no tussenvoegsel, and
    for first names not an everyday word (the surname is a name wherever it is capitalised)."""
    start = _surname_start(parts)
    eligible = []
    for index, part in enumerate(parts):
        if len(part) < 2 or not part[0].isupper() or part.lower() in TUSSENVOEGSELS:
            continue
        if index < start and part.lower() in COMMON_WORD_NAMES:
            continue
        eligible.append(part)
    return eligible


def _surname_forms(parts: list[str]) -> list[str]:
    """'van Dijk' and 'Van Dijk' for 'Wil van Dijk': the surname as it is used alone."""
    start = _surname_start(parts)
    if parts[start].lower() not in TUSSENVOEGSELS:
        return []
    surname = " ".join(parts[start:])
    return [surname, surname[0].upper() + surname[1:], surname[0].lower() + surname[1:]]


def _surname_start(parts: list[str]) -> int:
    """Where the surname begins: at its first tussenvoegsel, else the last part.

    The first part is a first name unless it is a tussenvoegsel ('Van Dijk' alone)."""
    for index, part in enumerate(parts):
        if part.lower() in TUSSENVOEGSELS and any(
            p.lower() not in TUSSENVOEGSELS for p in parts[index + 1 :]
        ):
            return index
    return len(parts) - 1


# capitalised after a word or a comma: inside a sentence, so a name and not the verb "Wil"
INSIDE_SENTENCE = r"(?<=[\w,;] )"


@dataclass(frozen=True)
class NameForm:
    """One form of a name as it is found in text: the words, and the expression that finds them."""

    text: str
    pattern: str


def name_forms(name: str) -> list[NameForm]:
    """Every form to replace or erase, longest first; first names that are also everyday words
    only inside a sentence."""
    forms = [NameForm(v, rf"(?<!\w){re.escape(v)}(?!\w)") for v in name_variants(name)]
    parts = name.split()
    for part in parts[: _surname_start(parts)] if parts else []:
        if part[:1].isupper() and part.lower() in COMMON_WORD_NAMES:
            forms.append(NameForm(part, rf"{INSIDE_SENTENCE}{re.escape(part)}(?!\w)"))
    return forms
