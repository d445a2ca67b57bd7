"""Which forms of a participant's name are replaced in text (exports) or erased (erasure).

Replacement is whole-word and case-sensitive, but a name is also found written in capitals
("JOSÉ"), with or without its accents ("Jose" for José, "Zoë" for Zoe) and with a possessive
s ("Anouks mening", "José's fiets"), which stays after the pseudonym ("P1's mening").
The full name always goes; a single part only when it cannot also be an ordinary word at the
start of a sentence: "Van Dijk zei" must not become "P1 P1 zei", nor "Wil je dat?" become
"P1 je dat?" for a participant Wil van Dijk.
"""

from __future__ import annotations

import re
import unicodedata
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
WHOLE_WORD = r"(?<!\w)"
# the one capturing group of every name form: "Anouks", "José's", "Jose’s"
POSSESSIVE = r"((?:['’])?s)?(?!\w)"


def _base_letter(char: str) -> str:
    return unicodedata.normalize("NFKD", char)[0]


# every accented Latin letter by its bare letter: e -> éèêëễ…, so "Jose" finds "José" and
# back; Latin-1, Extended-A/B and Extended Additional (Vietnamese, transliterated Arabic)
_ACCENTED: dict[str, str] = {}
for _code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
    _char = chr(_code)
    if _char.isalpha() and _base_letter(_char) != _char and _base_letter(_char).isascii():
        _ACCENTED[_base_letter(_char)] = _ACCENTED.get(_base_letter(_char), "") + _char


_FOLD = str.maketrans({char: base for base, chars in _ACCENTED.items() for char in chars})


def fold(text: str) -> str:
    """Lower case without accents: where a quick search for any form of a name can look."""
    return text.translate(_FOLD).lower()


def letters_pattern(text: str) -> str:
    """`text` as an expression that takes any accent on each letter, or none."""
    parts = []
    for char in text:
        base = _base_letter(char)
        # the letter itself always: one from outside the table must still find itself
        letters = "".join(dict.fromkeys(base + _ACCENTED.get(base, "") + char))
        parts.append(f"[{re.escape(letters)}]" if len(letters) > 1 else re.escape(char))
    return "".join(parts)


@dataclass(frozen=True)
class NameForm:
    """One form of a name as it is found in text: the words, and the expression that finds them
    (with one group, the possessive s, see `pseudonym_for`)."""

    text: str
    pattern: str


def name_forms(name: str) -> list[NameForm]:
    """Every form to replace or erase, longest first, each also in capitals; first names that
    are also everyday words only inside a sentence and as written."""
    parts = name.split()
    wanted = [(v, WHOLE_WORD) for v in name_variants(name)]
    for part in parts[: _surname_start(parts)] if parts else []:
        if part[:1].isupper() and part.lower() in COMMON_WORD_NAMES:
            wanted.append((part, INSIDE_SENTENCE))
    forms = []
    for text, before in wanted:
        # in capitals only where the name is sure: "IK WIL DAT" is shouting, not Wil
        written = [text, text.upper()] if before == WHOLE_WORD else [text]
        for form in dict.fromkeys(written):
            forms.append(NameForm(form, before + letters_pattern(form) + POSSESSIVE))
    return forms


def pseudonym_for(match: re.Match[str], label: str) -> str:
    """What replaces a found name: the label, keeping a possessive ("P1's mening").

    Every form has exactly one group and only one form matches, so any group means an s."""
    return label + ("'s" if match.lastindex else "")
