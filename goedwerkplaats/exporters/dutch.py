"""Dutch wording shared by the exports: dates, numbers, quotes and fixed labels."""

from __future__ import annotations

import datetime as dt

from goedwerkplaats.model.guide import Guide, Statement

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

NO_STATEMENT = "Zonder stelling"
NO_THEME = "Overig"
NO_ARENA = "Zonder arena"

# The Dutch convention: low-9 opening quote, right double quote closing („…”).
QUOTE_OPEN = "\u201e"
QUOTE_CLOSE = "\u201d"
EM_DASH = "\u2014"
_QUOTE_MARKS = "\"'\u201c\u201d\u201e\u2018\u2019\u201a\u00ab\u00bb"


def long_date(iso: str) -> str:
    """'2026-11-28' as '28 november 2026'; anything else is shown as given."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def number(value: int) -> str:
    """A whole number with a point between thousands: 10.000."""
    return f"{value:,}".replace(",", ".")


def plural(count: int, one: str, many: str) -> str:
    return f"{number(count)} {one if count == 1 else many}"


def enumeration(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


def quoted(text: str) -> str:
    """A participant's words as a report shows them: an em dash, then „the words”."""
    words = text.strip()
    if len(words) >= 2 and words[0] in _QUOTE_MARKS and words[-1] in _QUOTE_MARKS:
        words = words[1:-1].strip()
    return f"{EM_DASH} {QUOTE_OPEN}{words}{QUOTE_CLOSE}"


def statement_number(guide: Guide, statement: Statement) -> str:
    """How the report numbers a stelling: its id when that is a number, else its position."""
    if statement.id.isdigit():
        return statement.id
    return str(guide.statement_index(statement.id) + 1)


def statement_title(guide: Guide, statement_id: str | None) -> str:
    """'Stelling 1: De cliënten … geen klanten.'; unknown ids keep their id."""
    statement = guide.statement(statement_id)
    if statement is None:
        return f"Stelling {statement_id}" if statement_id else NO_STATEMENT
    return f"Stelling {statement_number(guide, statement)}: {statement.text}"


def statement_short(guide: Guide, statement_id: str | None) -> str:
    """'stelling 1', for source lines and table captions."""
    statement = guide.statement(statement_id)
    if statement is None:
        return f"stelling {statement_id}" if statement_id else NO_STATEMENT.lower()
    return f"stelling {statement_number(guide, statement)}"
