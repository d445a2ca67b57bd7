"""Stelling lines in a transcript: `!stelling 2` (a command) or `Stelling 2` (a heading)."""

from __future__ import annotations

import re

from goedwerkplaats.importers.transcript import StatementMark

_EXPLICIT = re.compile(
    r"^!\s*stelling\s+(?P<id>\w+(?:-\w+)*)\s*[.:]?\s*(?P<rest>.*)$", re.IGNORECASE
)
# Without '!' only a line that is nothing but the heading, or the heading, a separator and its
# text: "Stelling 2 vind ik lastig" is speech, not a heading.
_HEADING = re.compile(
    r"^stelling\s+(?P<id>\w+(?:-\w+)*)\s*(?:[.:–-]\s*(?P<rest>.*))?$", re.IGNORECASE
)


def parse_mark(line: int, text: str) -> StatementMark | None:
    """The stelling mark on a line without a speaker, or None."""
    stripped = text.strip()
    match = _EXPLICIT.match(stripped)
    explicit = match is not None
    if match is None:
        match = _HEADING.match(stripped)
    if match is None:
        return None
    rest = (match.group("rest") or "").strip()
    return StatementMark(line, match.group("id").lower(), explicit, stripped, rest)


def spoken_mark(text: str) -> str | None:
    """The stelling id when spoken text opens with `Stelling 2:` or `!stelling 2`."""
    stripped = text.strip()
    match = _EXPLICIT.match(stripped)
    if match is None:
        match = _HEADING.match(stripped)
    return None if match is None else match.group("id").lower()
