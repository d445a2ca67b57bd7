"""CSV cells that a spreadsheet cannot run as a formula (OWASP "CSV injection")."""

from __future__ import annotations

import re

# Excel, LibreOffice and Google Sheets treat a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What we write ourselves and a spreadsheet should keep reading as a number or time.
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?|-?\d+:\d\d:\d\d")


def safe_cell(value: object) -> str:
    """The text of a cell; one starting like a formula gets a leading apostrophe, which
    spreadsheets show as text (negative numbers and times stay as they are)."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_row(values: list[object] | tuple[object, ...]) -> list[str]:
    return [safe_cell(value) for value in values]
