"""`rapport init`: a first `rapport.yaml` from the guide and the coded data, and the prose files.

The outline is written as text with comments (not dumped), so a researcher opening it sees
what every key does. Existing prose files are never overwritten: they hold the researcher's
own words.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Session
from goedwerkplaats.report.outline import CLOSING_KEY, INTRO_KEY, Chapter, Outline
from goedwerkplaats.report.outline_file import (
    OUTLINE_FILE,
    load_outline,
    prose_path,
    study_outline_fits,
    study_outline_text,
)
from goedwerkplaats.storage.atomic import write_atomic_text

CLOSING_TITLE = "Concluderend"
MARKS = "\u2018\u2019"


@dataclass(frozen=True)
class InitResult:
    outline: Path | None  # None when the existing rapport.yaml was kept
    created: list[Path]
    kept: int


def init_report(
    root: Path, guide: Guide, sessions: Iterable[Session], force: bool = False
) -> InitResult:
    """Write rapport.yaml (unless it exists and not `force`) and every missing prose file.

    With the SAM study's guide the outline is the study's own (chapters 5-7, as `init`
    ships it); with another guide it is made from the guide and the coded data."""
    path = root / OUTLINE_FILE
    written: Path | None = None
    if not path.exists() or force:
        if study_outline_fits(guide):
            text = study_outline_text()
        else:
            text = outline_text(guide, list(sessions))
        write_atomic_text(path, text)
        written = path
    outline = load_outline(root, guide)
    created, kept = write_prose_files(root, outline)
    return InitResult(written, created, kept)


def outline_text(guide: Guide, sessions: list[Session]) -> str:
    """A chapter per stelling; per chapter a section for each main theme coded under it
    (most participants first), or every main theme when nothing is coded yet."""
    breadth = _participants_per_statement_theme(guide, sessions)
    lines = [
        "# Opzet van het rapport (goedwerkplaats rapport init). Pas gerust aan: volgorde,",
        "# titels, welke thema's waar staan. De eigen tekst per hoofdstuk en paragraaf staat in",
        "# rapport/<hoofdstuk-id>/*.md; 'goedwerkplaats check' controleert dit bestand.",
        f"titel: {_q(guide.title or 'Goed Werk Plaats')}",
        "eerste_hoofdstuk: 1            # het nummer van het eerste hoofdstuk",
        "bronvermelding: geen           # geen | pseudoniem | sessie | kenmerken",
        f"aanhalingstekens: {_q(MARKS)}       # de tekens om een citaat",
        f"citaatstreep: {_q(chr(0x2014))}              # vóór elk citaat; nee voor geen",
        "verantwoording: ja             # bijlage over het materiaal aan het eind",
        "notities: nee                  # ja: niet-letterlijke notities van de gespreksleider,",
        "                               # duidelijk als notitie gemarkeerd",
        "hoofdstukken:",
    ]
    for statement in guide.statements:
        counts = breadth.get(statement.id, Counter())
        themes = [t for t in guide.themes if t.parent is None]
        if counts:
            themes = sorted(
                (t for t in themes if counts[t.id]),
                key=lambda t: (-counts[t.id], guide.theme_index(t.id)),
            )
        lines += [
            f"  - id: stelling-{statement.id}",
            f"    titel: {_q(statement.text)}",
            f"    stellingen: [{_q(statement.id)}]",
            "    paragrafen:",
        ]
        for theme in themes:
            lines.append(f"      - thema: {theme.id}")
            lines.append(f"        titel: {_q(theme.label)}")
            lines.append("        arenas: auto              # ja | nee | auto")
        lines.append(f"    slot: {CLOSING_TITLE}")
    return "\n".join(lines) + "\n"


def write_prose_files(root: Path, outline: Outline) -> tuple[list[Path], int]:
    created: list[Path] = []
    kept = 0
    for chapter in outline.chapters:
        for relative, comment in _prose_files(chapter, outline):
            path = root / relative
            if path.exists():
                kept += 1
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic_text(path, f"<!-- {comment} -->\n")
            created.append(path)
    return created, kept


def _prose_files(chapter: Chapter, outline: Outline) -> list[tuple[str, str]]:
    files = [
        (
            chapter.prose or prose_path(chapter.id, INTRO_KEY),
            f"Inleiding van hoofdstuk '{chapter.title}': komt direct onder de hoofdstuktitel. "
            "Markdown: lege regel tussen alinea's, *schuin*, **vet**, '- ' voor een opsomming.",
        )
    ]
    for section in chapter.sections:
        files.append(
            (
                section.prose,
                f"Eigen tekst van paragraaf '{section.title}': komt boven de citaten.",
            )
        )
        for child in outline.children.get(section.theme or "", ()):
            files.append(
                (
                    prose_path(chapter.id, child),
                    f"Tekst van subparagraaf '{section.subtitle(child, child)}' onder "
                    f"'{section.title}': boven de citaten.",
                )
            )
    if chapter.closing:
        files.append(
            (
                chapter.closing_prose or prose_path(chapter.id, CLOSING_KEY),
                f"Slotparagraaf '{chapter.closing}': alleen eigen tekst, geen citaten.",
            )
        )
    return files


def _participants_per_statement_theme(
    guide: Guide, sessions: list[Session]
) -> dict[str, Counter[str]]:
    """Per stelling, per main theme: how many participants raised it (for the order)."""
    people: dict[str, dict[str, set[tuple[str, str]]]] = {}
    for session in sessions:
        for segment in session.segments:
            if not segment.themes or segment.statement is None or segment.speaker is None:
                continue
            if session.is_facilitator(segment.speaker):
                continue
            for theme_id in segment.themes:
                theme = guide.theme(theme_id)
                main = theme.parent if theme and theme.parent else theme_id
                per_theme = people.setdefault(segment.statement, {})
                per_theme.setdefault(main, set()).add((session.id, segment.speaker))
    return {
        statement: Counter({theme: len(who) for theme, who in themes.items()})
        for statement, themes in people.items()
    }


def _q(text: str) -> str:
    """A YAML string in double quotes (JSON's escaping is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)
