"""Recognising who speaks: `Name: text` at the start of a line, and facilitator labels."""

from __future__ import annotations

import re
import unicodedata

FACILITATOR_LABELS = (
    "gespreksleider",
    "gespreksleiding",
    "facilitator",
    "interviewer",
    "moderator",
    "gl",
)

# Words that start a spoken sentence followed by a colon ("Kijk: …", "Nee: …") or a header
# line of a typed transcript ("Datum: …"): never a speaker's name.
_NOT_NAMES = """
    ja nee nou dus kijk oké oke ok okay precies maar en want of toch goed inderdaad zeker
    natuurlijk absoluut tja hmm uh eh ehm nogmaals stelling let nb ps opmerking notitie noot
    datum tijd tijdstip locatie plaats deelnemers aanwezig afwezig onderwerp titel opname duur
    transcript transcriptie sessie bijeenkomst date time location participants attendees
    subject title recording duration note vraag antwoord
"""
NOT_NAMES = frozenset(_NOT_NAMES.split())

# Column headings of a transcript table: not a name alone, but "Spreker 2" is.
_HEADING_WORDS = "spreker speaker naam name tekst text wie"
_HEADINGS = frozenset(_HEADING_WORDS.split())

# Name particles that may be written in lower case inside a name: "Jan van der Berg".
_PARTICLE_WORDS = "van von de der den ter ten te het 't d' la le du da dos del el al bin"
_PARTICLES = frozenset(_PARTICLE_WORDS.split())

_NAME_COLON = re.compile(r"^(?P<name>[^\W\d_][^:]{0,48}?)\s*:(?:\s+(?P<text>.*)|\s*)$")
_WORD = re.compile(r"^[\w.'’-]+$")


def normal_name(name: str) -> str:
    """For comparing names: case, accents and spacing do not matter."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


def looks_like_name(name: str) -> bool:
    """True for 'Tom', 'Aylin Demir', 'Jan van der Berg', 'Spreker 2', 'GL', 'P3'."""
    words = name.split()
    if not 1 <= len(words) <= 5 or len(name) > 50:
        return False
    if normal_name(words[0]) in NOT_NAMES or normal_name(name) in _HEADINGS:
        return False
    if not all(_WORD.match(word) for word in words):
        return False
    if not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.casefold() in _PARTICLES for w in words)


def split_speaker(line: str) -> tuple[str | None, str]:
    """(name, text) when the line starts with `Name:`; else (None, line)."""
    match = _NAME_COLON.match(line)
    if match is None:
        return None, line
    name = match.group("name").strip()
    if not looks_like_name(name):
        return None, line
    return name, (match.group("text") or "").strip()


def is_facilitator_label(name: str) -> bool:
    return normal_name(name) in FACILITATOR_LABELS
