"""Word (.docx) transcripts whose paragraphs follow the plain-text forms.

Each paragraph is one paragraph of the plain-text reader (soft line breaks are lines in
it); a table row becomes one paragraph, its cells read as time, speaker and text where
they look like that. Places are given as 'alinea N', counting paragraphs and table rows.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from goedwerkplaats.files.problems import Problem, ProblemsError
from goedwerkplaats.importers.plaintext import parse_rows
from goedwerkplaats.importers.transcript import FORMAT_DOCX, UNIT_PARAGRAPH, Transcript
from goedwerkplaats.model.timecode import parse_time

ZIP_MAGIC = b"PK\x03\x04"


def parse_docx(data: bytes, source: Path) -> Transcript:
    rows = _rows(_open(data, source))
    if not any(text.strip() for _n, text in rows):
        raise ProblemsError([Problem(source, None, "het Word-bestand bevat geen tekst")])
    return parse_rows(rows, source, FORMAT_DOCX, UNIT_PARAGRAPH)


# A Word transcript of many hours unpacks to a few megabytes of XML; these bounds leave ample
# room and refuse a "zip bomb" (a small file that inflates to gigabytes) before reading it.
MAX_UNPACKED = 200_000_000
MAX_RATIO = 500


def _refuse_zip_bomb(data: bytes, source: Path) -> None:
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # python-docx says it is no Word file
    total = sum(member.file_size for member in members)
    worst = max(
        (m.file_size / max(m.compress_size, 1) for m in members if m.file_size > 1_000_000),
        default=0.0,
    )
    if total > MAX_UNPACKED or worst > MAX_RATIO:
        raise ProblemsError(
            [
                Problem(
                    source,
                    None,
                    f"het Word-bestand wordt uitgepakt {total / 1e6:.0f} MB (uit "
                    f"{len(data) / 1e6:.1f} MB); dat is geen gewoon transcript en wordt niet "
                    "gelezen. Sla het transcript opnieuw op als .docx of als tekst (.txt)",
                )
            ]
        )


def _open(data: bytes, source: Path):  # type: ignore[no-untyped-def]
    from docx import Document

    _refuse_zip_bomb(data, source)
    try:
        return Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds on a damaged package; all mean the same
        raise ProblemsError(
            [
                Problem(
                    source,
                    None,
                    "geen leesbaar Word-bestand (.docx); open het in Word of LibreOffice en "
                    "sla het opnieuw op als .docx, of als tekst (.txt)",
                )
            ]
        ) from None


def _rows(document) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    from docx.table import Table

    rows: list[tuple[int, str]] = []
    number = 0
    for block in document.iter_inner_content():
        texts = [_row_text(r) for r in block.rows] if isinstance(block, Table) else [block.text]
        for text in texts:
            number += 1
            rows.extend((number, line) for line in text.split("\n"))
            rows.append((number, ""))  # every Word paragraph is a paragraph of its own
    return rows


def _row_text(row) -> str:  # type: ignore[no-untyped-def]
    cells: list[str] = []
    for cell in row.cells:
        text = " ".join(cell.text.split())
        if not cells or text != cells[-1]:  # a merged cell is repeated in every grid column
            cells.append(text)
    cells = [c for c in cells if c]
    if len(cells) == 3 and parse_time(cells[0]) is not None:
        return f"[{cells[0]}] {cells[1]}: {cells[2]}"
    if len(cells) == 3 and parse_time(cells[1]) is not None:
        return f"{cells[0]} ({cells[1]}): {cells[2]}"
    if len(cells) == 2 and parse_time(cells[0]) is not None:
        return f"[{cells[0]}] {cells[1]}"
    if len(cells) == 2:
        return f"{cells[0]}: {cells[1]}"
    return " ".join(cells)
