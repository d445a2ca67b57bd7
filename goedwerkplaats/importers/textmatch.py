"""Comparing spoken Dutch loosely: words without case, accents, common endings or filler."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

# Words that say little about what a remark is about; 'geen' and 'niet' stay, they turn a
# stelling around.
_STOPWORDS = """
    de het een en van dat die dit deze ik je jij jou jullie we wij ze zij hij hem haar is in op
    te aan bij met voor om als maar ook er dan nog wel wat zo al of tot uit door over want zijn
    was waren ben bent heb hebt hebben had wordt worden werd kan kun kunnen moet moeten zal zou
    naar nu toen hier daar mijn ons onze jouw hun men iets heel echt even gewoon eigenlijk
    natuurlijk nou ja nee oke ok uh eh ehm hmm zeg zegt the and
    wie wil wilt willen waar hoe waarom wanneer welke welk mee gaan gaat ga doen doet
    komt komen kom vind vindt vinden denk denkt weet weten
"""
STOPWORDS = frozenset(_STOPWORDS.split())
_SUFFIXES = ("heden", "ingen", "tjes", "jes", "en", "es", "s", "e", "t", "de", "te")
_WORD = re.compile(r"\w+")


def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light Dutch stem: klanten→klant, werkt→werk; enough to see a paraphrase."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order."""
    return [
        stem(word)
        for word in _WORD.findall(plain(text))
        if len(word) >= 3 and word not in STOPWORDS and not word.isdigit()
    ]


def ordered_coverage(wanted: list[str], said: list[str]) -> tuple[float, int]:
    """How much of `wanted` occurs in `said` in the same order: (share, words matched)."""
    if not wanted:
        return 0.0, 0
    matcher = SequenceMatcher(None, wanted, said, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / len(wanted), matched
