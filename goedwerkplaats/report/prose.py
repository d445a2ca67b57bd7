"""The researcher's own text: a small Markdown subset read into blocks for the Word export.

Supported: paragraphs (separated by a blank line; single line breaks join), bullet lists
('- ' or '* '), numbered lists ('1. '), *italic* or _italic_, **bold**, and HTML comments
(`<!-- … -->`, as `rapport init` writes them), which are left out. Headings are not taken from
the text: they come from the outline, so numbering stays right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PARAGRAPH = "alinea"
BULLET = "opsomming"
NUMBERED = "nummering"

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_EMPHASIS = re.compile(
    r"(\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__|\*(?=\S)(.+?)(?<=\S)\*|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w))"
)


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    kind: str  # PARAGRAPH, BULLET or NUMBERED
    runs: tuple[Run, ...]


def read_prose(path: Path) -> list[Block]:
    """The blocks of a prose file; a missing file is simply no text."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return []
    return parse_prose(text)


def parse_prose(text: str) -> list[Block]:
    text = _COMMENT.sub("", text.replace("\r\n", "\n"))
    blocks: list[Block] = []
    lines: list[str] = []
    kind = PARAGRAPH

    def flush() -> None:
        joined = " ".join(line.strip() for line in lines).strip()
        if joined:
            blocks.append(Block(kind, tuple(parse_emphasis(joined))))
        lines.clear()

    for line in text.split("\n"):
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        if not line.strip():
            flush()
            kind = PARAGRAPH
        elif bullet or number:
            flush()
            kind = BULLET if bullet else NUMBERED
            lines.append((bullet or number).group(1))  # type: ignore[union-attr]
        else:
            lines.append(line)
    flush()
    return blocks


def parse_emphasis(text: str) -> list[Run]:
    runs: list[Run] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        bold_text = match.group(2) or match.group(3)
        if bold_text is not None:
            runs.extend(Run(r.text, True, r.italic) for r in parse_emphasis(bold_text))
        else:
            runs.append(Run(match.group(4) or match.group(5), italic=True))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return runs


def has_text(path: Path) -> bool:
    return bool(read_prose(path))
