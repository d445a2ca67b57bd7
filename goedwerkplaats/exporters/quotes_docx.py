"""The flat quote collection as a Word document: every quote with its source and codes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from goedwerkplaats.exporters import docx_styles as styles
from goedwerkplaats.exporters.docx_body import BodyBuilder
from goedwerkplaats.exporters.docx_document import new_document, save_document
from goedwerkplaats.exporters.dutch import plural, quoted, statement_title
from goedwerkplaats.exporters.progress import Progress, ProgressTicker
from goedwerkplaats.exporters.quote_records import QuoteRecord
from goedwerkplaats.exporters.quotes_flat import describe
from goedwerkplaats.model.guide import Guide


def write_quotes_docx(
    quotes: Sequence[QuoteRecord],
    guide: Guide,
    about: Sequence[str],
    target: Path,
    progress: Progress | None,
) -> None:
    document = new_document("Citaten", guide.title)
    body = BodyBuilder(document)
    ticker = ProgressTicker(len(quotes) + 1, progress)
    body.paragraph("Citaten", styles.TITLE)
    body.paragraph(guide.title, styles.SUBTITLE)
    sessions = len({q.session for q in quotes})
    count = f"{plural(len(quotes), 'fragment', 'fragmenten')} uit "
    count += f"{plural(sessions, 'bijeenkomst', 'bijeenkomsten')}, in volgorde van sessie en tijd."
    body.paragraph(count)
    for line in about:
        body.bullet(line)
    body.paragraph(
        "Onder elk citaat: spreker (pseudoniem), sessie, tijd, stelling, thema's en arena. "
        "Notities staan als opmerking in de marge.",
        styles.TABLE_NOTE,
    )
    heading: tuple[str, str | None] | None = None
    for quote in quotes:
        # headings per session and per stelling within it, to find one's way (and in the
        # navigation pane); quotes come in session and time order, so each appears once
        if heading is None or heading[0] != quote.session:
            body.heading(f"Sessie {quote.session}", 1)
            heading = (quote.session, None)
            if quote.statement is not None:
                body.heading(statement_title(guide, quote.statement), 2)
                heading = (quote.session, quote.statement)
        elif quote.statement != heading[1]:
            body.heading(statement_title(guide, quote.statement), 2)
            heading = (quote.session, quote.statement)
        p = body.paragraph(quoted(quote.text), styles.QUOTE)
        if quote.note:
            body.comment(p, quote.note)
        body.paragraph(describe(quote, guide), styles.SOURCE)
        ticker.advance()
    body.finish()
    save_document(document, target)
    ticker.finish()
