"""Fast building of a Word document body, shared by every Word export.

python-docx's `add_paragraph` looks for its insertion point and resolves the style name on
every call, which makes a long document quadratic (a 10,000-quote synthesis took over 20 s).
Here paragraphs, runs and tables are made as `w:` elements directly with lxml, style ids are
resolved once, and everything is appended to the body; `finish()` moves the section
properties (which must come last) back to the end. All text is cleaned first, so characters
Word cannot store never stop an export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from lxml import etree

from goedwerkplaats.exporters import docx_styles as styles
from goedwerkplaats.exporters.docx_widths import column_widths
from goedwerkplaats.exporters.text_clean import clean_text

_TAGS = (
    "p pPr pStyle r rPr rStyle t br tab b i jc keepNext val tbl tblPr tblStyle tblW tblLook "
    "tblGrid gridCol tr trPr tblHeader cantSplit tc tcPr tcW w type comment id author "
    "initials date annotationRef commentRangeStart commentRangeEnd commentReference"
)
_W = {name: qn(f"w:{name}") for name in _TAGS.split()}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SubElement = etree.SubElement
TEXT_WIDTH = 9072  # twips: A4 (11906) less two margins of 2.5 cm (1417 each)
LEFT, RIGHT, CENTER = "left", "right", "center"
KEEP_TOGETHER_ROWS = 30  # a longer table may break across pages


@dataclass(frozen=True)
class Span:
    """A run of text with an optional character style."""

    text: str
    style: str | None = None
    bold: bool = False
    italic: bool = False


Content = str | Sequence[Span]


@dataclass(frozen=True)
class Table:
    """A table: a header row, body rows, relative column widths and per-column alignment.

    Without `widths` the columns are sized to their text (see `docx_widths`).
    """

    header: Sequence[str] | None
    rows: Sequence[Sequence[str]]
    widths: Sequence[float] = ()
    align: Sequence[str] = ()
    total_row: bool = False
    first_column: bool = True
    style: str = styles.TABLE


class BodyBuilder:
    """Appends paragraphs and tables to a document's body, in order."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._body = document.element.body
        self._style_ids: dict[str, str] = {}
        self._comments: _Comments | None = None

    # ---------------------------------------------------------------- paragraphs

    def paragraph(
        self, content: Content = "", style: str | None = None, keep_with_next: bool = False
    ) -> etree._Element:
        """A paragraph; `content` is plain text or a sequence of spans."""
        p = _SubElement(self._body, _W["p"])
        if style is not None or keep_with_next:
            ppr = _SubElement(p, _W["pPr"])
            if style is not None:
                _SubElement(ppr, _W["pStyle"], {_W["val"]: self.style_id(style)})
            if keep_with_next:
                _SubElement(ppr, _W["keepNext"])
        if isinstance(content, str):
            if content:
                self._run(p, content)
        else:
            for span in content:
                self._run(p, span.text, span.style, span.bold, span.italic)
        return p

    def heading(self, text: str, level: int) -> etree._Element:
        return self.paragraph(text, styles.HEADINGS[min(max(level, 1), 3) - 1])

    def bullet(self, content: Content) -> etree._Element:
        return self.paragraph(content, styles.BULLET)

    def _run(
        self,
        p: etree._Element,
        text: str,
        style: str | None = None,
        bold: bool = False,
        italic: bool = False,
    ) -> None:
        r = _SubElement(p, _W["r"])
        if style is not None or bold or italic:
            rpr = _SubElement(r, _W["rPr"])
            if style is not None:
                _SubElement(rpr, _W["rStyle"], {_W["val"]: self.style_id(style)})
            if bold:
                _SubElement(rpr, _W["b"])
            if italic:
                _SubElement(rpr, _W["i"])
        _add_text(r, clean_text(text))

    # ---------------------------------------------------------------- tables

    def table(self, table: Table) -> etree._Element:
        tbl = _SubElement(self._body, _W["tbl"])
        if table.widths:
            widths = _twips(table.widths)
        else:
            widths = column_widths(table.header, table.rows, TEXT_WIDTH)
        self._table_properties(tbl, table, sum(widths))
        grid = _SubElement(tbl, _W["tblGrid"])
        for width in widths:
            _SubElement(grid, _W["gridCol"], {_W["w"]: str(width)})
        # Word keeps a table on one page when every row but the last keeps with the next
        keep = len(table.rows) <= KEEP_TOGETHER_ROWS
        if table.header is not None:
            self._row(tbl, table.header, widths, table.align, header=True, keep=keep)
        for index, row in enumerate(table.rows):
            last = index == len(table.rows) - 1
            self._row(tbl, row, widths, table.align, header=False, keep=keep and not last)
        return tbl

    def _table_properties(self, tbl: etree._Element, table: Table, width: int) -> None:
        tbl_pr = _SubElement(tbl, _W["tblPr"])
        _SubElement(tbl_pr, _W["tblStyle"], {_W["val"]: self.style_id(table.style)})
        _SubElement(tbl_pr, _W["tblW"], {_W["w"]: str(width), _W["type"]: "dxa"})
        look = {
            "firstRow": table.header is not None,
            "lastRow": table.total_row,
            "firstColumn": table.first_column,
            "lastColumn": False,
            "noHBand": False,
            "noVBand": True,
        }
        value = 0x0020 * look["firstRow"] + 0x0040 * look["lastRow"] + 0x0080 * look["firstColumn"]
        attributes = {_W["val"]: f"{value + 0x0400:04X}"}
        attributes.update({qn(f"w:{k}"): str(int(v)) for k, v in look.items()})
        _SubElement(tbl_pr, _W["tblLook"], attributes)

    def _row(
        self,
        tbl: etree._Element,
        cells: Sequence[str],
        widths: list[int],
        align: Sequence[str],
        header: bool,
        keep: bool,
    ) -> None:
        text_style = self.style_id(styles.TABLE_TEXT)
        tr = _SubElement(tbl, _W["tr"])
        tr_pr = _SubElement(tr, _W["trPr"])
        _SubElement(tr_pr, _W["cantSplit"])
        if header:
            _SubElement(tr_pr, _W["tblHeader"])  # repeated on every page
        for index, width in enumerate(widths):
            tc = _SubElement(tr, _W["tc"])
            tc_pr = _SubElement(tc, _W["tcPr"])
            _SubElement(tc_pr, _W["tcW"], {_W["w"]: str(width), _W["type"]: "dxa"})
            p = _SubElement(tc, _W["p"])
            ppr = _SubElement(p, _W["pPr"])
            _SubElement(ppr, _W["pStyle"], {_W["val"]: text_style})
            if keep:
                _SubElement(ppr, _W["keepNext"])
            alignment = align[index] if index < len(align) else LEFT
            if alignment != LEFT:
                _SubElement(ppr, _W["jc"], {_W["val"]: alignment})
            text = cells[index] if index < len(cells) else ""
            if text:
                self._run(p, text)

    # ---------------------------------------------------------------- comments

    def comment(self, p: etree._Element, text: str) -> None:
        """A Word comment on the whole of paragraph `p` (a note beside the text)."""
        if self._comments is None:
            self._comments = _Comments(self._document)
        self._comments.add(p, text)

    # ---------------------------------------------------------------- finishing

    def style_id(self, name: str) -> str:
        style_id = self._style_ids.get(name)
        if style_id is None:
            style_id = self._style_ids[name] = self._document.styles[name].style_id
        return style_id

    def finish(self) -> None:
        """Put the section properties last again, where the schema wants them."""
        sect_pr = self._body.find(qn("w:sectPr"))
        if sect_pr is not None:
            self._body.append(sect_pr)


class _Comments:
    """Comments written straight into the comments part; ids count up from the last one."""

    def __init__(self, document: Document) -> None:
        document.comments  # noqa: B018 - python-docx creates the comments part on first use
        part = cast(XmlPart, document.part.part_related_by(RELATIONSHIP_TYPE.COMMENTS))
        self._root = part.element
        used = [int(c.get(_W["id"])) for c in self._root.iterchildren(_W["comment"])]
        self._next_id = max(used, default=-1) + 1
        self._date = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._text_style = styles.COMMENT_TEXT_ID
        self._reference_style = styles.COMMENT_REFERENCE_ID

    def add(self, p: etree._Element, text: str) -> None:
        comment_id = str(self._next_id)
        self._next_id += 1
        self._anchor(p, comment_id)
        comment = _SubElement(
            self._root,
            _W["comment"],
            {
                _W["id"]: comment_id,
                _W["author"]: "goedwerkplaats",
                _W["initials"]: "GWP",
                _W["date"]: self._date,
            },
        )
        for index, line in enumerate(clean_text(text).split("\n") or [""]):
            cp = _SubElement(comment, _W["p"])
            ppr = _SubElement(cp, _W["pPr"])
            _SubElement(ppr, _W["pStyle"], {_W["val"]: self._text_style})
            if index == 0:
                mark = _SubElement(cp, _W["r"])
                _reference_style(mark, self._reference_style)
                _SubElement(mark, _W["annotationRef"])
            if line:
                _add_text(_SubElement(cp, _W["r"]), line)

    def _anchor(self, p: etree._Element, comment_id: str) -> None:
        runs = p.findall(_W["r"])
        start = etree.Element(_W["commentRangeStart"], {_W["id"]: comment_id})
        if runs:
            runs[0].addprevious(start)
        else:
            p.append(start)
        _SubElement(p, _W["commentRangeEnd"], {_W["id"]: comment_id})
        reference = _SubElement(p, _W["r"])
        _reference_style(reference, self._reference_style)
        _SubElement(reference, _W["commentReference"], {_W["id"]: comment_id})


def _reference_style(run: etree._Element, style_id: str) -> None:
    rpr = _SubElement(run, _W["rPr"])
    _SubElement(rpr, _W["rStyle"], {_W["val"]: style_id})


def _add_text(run: etree._Element, text: str) -> None:
    """Text into a run: line breaks become w:br and tabs w:tab, as Word stores them."""
    if "\n" not in text and "\t" not in text:
        _text_element(run, text)
        return
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            _SubElement(run, _W["br"])
        for part_number, part in enumerate(line.split("\t")):
            if part_number:
                _SubElement(run, _W["tab"])
            if part:
                _text_element(run, part)


def _text_element(run: etree._Element, text: str) -> None:
    t = _SubElement(run, _W["t"])
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set(_XML_SPACE, "preserve")


def _twips(weights: Sequence[float]) -> list[int]:
    total = sum(weights) or 1
    return [max(int(TEXT_WIDTH * w / total), 300) for w in weights]
