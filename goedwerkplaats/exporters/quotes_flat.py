"""The flat quote collection as CSV, JSON and Markdown text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from goedwerkplaats.exporters.dutch import plural, quoted, statement_short
from goedwerkplaats.exporters.quote_records import ROW_FIELDS, QuoteRecord
from goedwerkplaats.files.csv_cells import safe_row
from goedwerkplaats.model.guide import Guide

CSV_BOM = "\ufeff"  # Excel reads UTF-8 only with it


def quotes_csv(quotes: Sequence[QuoteRecord], separator: str = ",") -> str:
    """CSV for Excel: a BOM, CRLF line ends; with ';' also decimal commas, as Dutch Excel wants."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(ROW_FIELDS)
    decimal = "," if separator == ";" else "."
    for quote in quotes:
        row = quote.as_row()
        row["start"] = _seconds(quote.start, decimal)
        row["themes"] = ";".join(quote.themes)
        row["stelling"] = quote.statement or ""
        row["arena"] = quote.arena or ""
        row["citaat"] = "true" if quote.is_quote else "false"
        writer.writerow(safe_row([row[name] for name in ROW_FIELDS]))
    return CSV_BOM + buffer.getvalue()


def _seconds(value: float, decimal: str) -> str:
    text = f"{round(value, 3):.3f}".rstrip("0").rstrip(".")
    return text.replace(".", decimal)


def quotes_json(quotes: Sequence[QuoteRecord]) -> str:
    return json.dumps([q.as_row() for q in quotes], ensure_ascii=False, indent=2) + "\n"


def quotes_markdown(quotes: Sequence[QuoteRecord], guide: Guide, about: Sequence[str]) -> str:
    """Each quote as a block quote with its source and codes; notes in italics below."""
    sessions = len({q.session for q in quotes})
    out = ["# Citaten", ""]
    count = f"{plural(len(quotes), 'fragment', 'fragmenten')} uit "
    count += plural(sessions, "bijeenkomst", "bijeenkomsten")
    out += [f"{_escape(line)}  " for line in about] + [count, ""]
    for quote in quotes:
        for line in quoted(quote.text).split("\n"):
            out.append(f"> {_escape(line)}" if line else ">")
        out += ["", _escape(describe(quote, guide)), ""]
        if quote.note:
            out += [f"*Notitie: {_escape(' '.join(quote.note.split()))}*", ""]
    return "\n".join(out)


def describe(quote: QuoteRecord, guide: Guide) -> str:
    """The source and codes of a quote on one line, for the flat collection."""
    parts = [quote.speaker, quote.session, quote.time, statement_short(guide, quote.statement)]
    if quote.themes:
        parts.append(", ".join(guide.theme_label(t) for t in quote.themes))
    if quote.arena:
        parts.append(guide.arena_label(quote.arena))
    if quote.is_quote:
        parts.append("citaat")
    return " \u00b7 ".join(parts)


_MARKDOWN = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|"})


def _escape(text: str) -> str:
    return text.translate(_MARKDOWN)
