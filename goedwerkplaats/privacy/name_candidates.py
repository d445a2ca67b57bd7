"""Likely personal names that no rule masks yet: before an export, shown for review.

Exports replace participants' names and the terms of `maskeren.yaml`. A transcript without
speaker names ("Ik ben Tom, ik werk bij …") can still hold names nobody entered. Two signs:
a self-introduction ("ik ben X", "ik heet X", "mijn naam is X"), and a capitalised word in the
middle of a sentence — in Dutch, ordinary nouns are not capitalised, so that is nearly always
a name of a person, place or organisation. Very frequent Dutch words (wordfreq's Dutch list,
Zipf ≥ 5: "Wil", "Hoe", "Een") capitalised mid-sentence are left out unless someone introduces
themselves with them; so are words the guide uses, the pseudonyms and everything masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Session
from goedwerkplaats.privacy.mask_terms import MaskList, load_mask_terms
from goedwerkplaats.project.folder import Project

COMMON_ZIPF = 5.0  # wordfreq's Zipf scale: 5 is once per 100,000 words ("werk", "wil")
_WORD = r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*"  # any script; the capital is checked apart
_INTRO = re.compile(rf"(?i:\b(?:ik ben|ik heet|mijn naam is|noem me maar|noem mij))\s+({_WORD})")
# A word that does not start with a-z: those are never capitalised, and skipping them in the
# pattern spares a Python step for nearly every word (the capital itself is checked apart).
_CAPITAL = re.compile(rf"(?<![\w'’-])(?![a-z]){_WORD}")
_SENTENCE_END = re.compile(r"(?:^|[.!?…:;\"“”„()\[\]\n]|--|—)\s*['‘„“\"(]*\s*$")
_OPENING = "'‘„“\"("  # what may stand between a sentence's end and its first word


@dataclass(frozen=True)
class NameCandidate:
    word: str
    count: int
    example: str  # the words around its first occurrence
    introduced: bool  # someone said "ik ben …" with it


def find_name_candidates(
    session: Session, guide: Guide | None = None, mask: MaskList | None = None
) -> list[NameCandidate]:
    """Likely names in the session's texts and notes that exports would not mask."""
    known = _known_words(session, guide, mask)
    texts = [s.text for s in session.segments] + [s.note for s in session.segments if s.note]
    return candidates_in(texts, known)


@dataclass
class _Tally:
    count: int
    example: str
    introduced: bool


def candidates_in(texts: Iterable[str], known: Set[str] = frozenset()) -> list[NameCandidate]:
    """The candidates in `texts`, most frequent first; `known` are lower-case words to skip."""
    found: dict[str, _Tally] = {}
    for text in texts:
        introduced = {match.start(1) for match in _INTRO.finditer(text)}
        for match in _CAPITAL.finditer(text):
            word, at = match.group(0), match.start()
            if not word[0].isupper() or word.isupper() or word.lower() in known:
                continue
            intro = at in introduced
            if not intro and (_starts_sentence(text, at) or _is_common(word)):
                continue
            tally = found.get(word)
            if tally is None:
                found[word] = _Tally(1, _snippet(text, at, len(word)), intro)
            else:
                tally.count += 1
                tally.introduced = tally.introduced or intro
    result = [NameCandidate(w, t.count, t.example, t.introduced) for w, t in found.items()]
    return sorted(result, key=lambda c: (-c.count, c.word.lower()))


def _starts_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` opens a sentence: `_SENTENCE_END` on `text[:at]`, but only over
    its tail (the spaces and opening quotes before the word and the two characters before
    them), so a long text is not scanned again for every capital in it."""
    begin = at
    while begin > 0 and (text[begin - 1].isspace() or text[begin - 1] in _OPENING):
        begin -= 1
    # with a start position, '^' matches only at the text's real start, as before
    return _SENTENCE_END.search(text, max(0, begin - 2), at) is not None


def _snippet(text: str, at: int, length: int, around: int = 30) -> str:
    start, end = max(0, at - around), min(len(text), at + length + around)
    middle = " ".join(text[start:end].split())
    return ("…" if start else "") + middle + ("…" if end < len(text) else "")


def _is_common(word: str) -> bool:
    from wordfreq import zipf_frequency

    return bool(zipf_frequency(word.lower(), "nl") >= COMMON_ZIPF)


def _known_words(session: Session, guide: Guide | None, mask: MaskList | None) -> set[str]:
    words: set[str] = set()

    def add(text: str) -> None:
        words.update(w.lower() for w in re.findall(r"[\w'’-]+", text))

    for participant in session.participants.values():
        add(participant.name)
        add(participant.alias)
        words.add(participant.id.lower())
    add(session.meta.facilitator)
    add(session.meta.title)
    add(session.meta.location)
    for term in mask.terms if mask else ():
        add(term.term)
    if guide is not None:
        add(guide.title)
        for statement in guide.statements:
            add(statement.text)
        for theme in guide.themes:
            add(theme.label)
        for arena in guide.arenas:
            add(arena.label)
    return words


def session_candidates(
    project: Project, session_ids: list[str]
) -> list[tuple[str, list[NameCandidate]]]:
    """Per session (only those with any) the likely names its exports would not mask."""
    guide = project.load_guide()
    mask = load_mask_terms(project.root)
    result = []
    for session_id in session_ids:
        found = find_name_candidates(project.load_session(session_id).session, guide, mask)
        if found:
            result.append((session_id, found))
    return result


CLI_ADVICE = (
    "Bekijk ze met 'goedwerkplaats namen' en zet een naam in maskeren.yaml met "
    "'goedwerkplaats namen --maskeer WOORD'; exporteer daarna opnieuw"
)


def unmasked_names(project: Project, session_ids: list[str]) -> list[str]:
    """The likely names the exports of these sessions would not mask, each once."""
    found = session_candidates(project, session_ids)
    return list(dict.fromkeys(c.word for _id, candidates in found for c in candidates))


def names_note(words: Sequence[str], advice: str = CLI_ADVICE) -> str | None:
    """The warning after an export, with what to do (`advice`), or None when there is nothing."""
    if not words:
        return None
    shown = ", ".join(words[:8]) + (f" en nog {len(words) - 8}" if len(words) > 8 else "")
    return f"mogelijke namen die deze export niet maskeert: {shown}. {advice}"
