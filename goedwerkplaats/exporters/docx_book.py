"""What makes a Word export a book: fields (table of contents, page and table numbers), page
breaks before chapters, a footer with page numbers.

python-docx has no API for fields; they are a few runs of raw XML (`w:fldChar` begin,
`w:instrText`, separate, the shown result, end). A field marked dirty, and `updateFields` in the
settings, make Word fill the table of contents on opening; LibreOffice builds it when it loads
the document.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

_SubElement = etree.SubElement
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TOC_PLACEHOLDER = (
    "De inhoudsopgave wordt bij het openen gevuld; anders: rechtermuisknop, 'Veld bijwerken'."
)


def field(p: etree._Element, instruction: str, shown: str = "", dirty: bool = False) -> None:
    """A complex field at the end of paragraph `p`, showing `shown` until it is updated."""
    begin = _SubElement(_SubElement(p, qn("w:r")), qn("w:fldChar"), {qn("w:fldCharType"): "begin"})
    if dirty:
        begin.set(qn("w:dirty"), "true")
    instr = _SubElement(_SubElement(p, qn("w:r")), qn("w:instrText"))
    instr.text = f" {instruction} "
    instr.set(_XML_SPACE, "preserve")
    _SubElement(_SubElement(p, qn("w:r")), qn("w:fldChar"), {qn("w:fldCharType"): "separate"})
    if shown:
        t = _SubElement(_SubElement(p, qn("w:r")), qn("w:t"))
        t.text = shown
        t.set(_XML_SPACE, "preserve")
    _SubElement(_SubElement(p, qn("w:r")), qn("w:fldChar"), {qn("w:fldCharType"): "end"})


def text_run(p: etree._Element, text: str) -> None:
    t = _SubElement(_SubElement(p, qn("w:r")), qn("w:t"))
    t.text = text
    t.set(_XML_SPACE, "preserve")


class TableOfContents:
    """A TOC field whose shown result is already filled in, the way Word stores it: one
    paragraph per heading with a PAGEREF to a bookmark on that heading. Word rebuilds it on
    opening (the field is dirty); LibreOffice shows it and computes the page numbers."""

    def __init__(self, placeholder: etree._Element, levels: int = 2) -> None:
        self._placeholder = placeholder
        self._levels = levels
        self._entries: list[tuple[int, str, str]] = []

    def mark(self, heading: etree._Element, level: int, text: str) -> None:
        if level > self._levels:
            return
        number = len(self._entries) + 1
        name = f"_Toc{number:08d}"
        start = etree.Element(qn("w:bookmarkStart"), {qn("w:id"): str(number), qn("w:name"): name})
        ppr = heading.find(qn("w:pPr"))
        if ppr is None:
            heading.insert(0, start)
        else:
            ppr.addnext(start)
        _SubElement(heading, qn("w:bookmarkEnd"), {qn("w:id"): str(number)})
        self._entries.append((level, text, name))

    def finish(self, style_ids: list[str]) -> None:
        """Replace the placeholder by the field and its entries (`style_ids`: TOC 1, TOC 2…)."""
        anchor = self._placeholder
        instruction = f'TOC \\o "1-{self._levels}" \\h \\z \\u'
        if not self._entries:
            field(anchor, instruction, TOC_PLACEHOLDER, dirty=True)
            return
        paragraphs = []
        for index, (level, text, name) in enumerate(self._entries):
            p = etree.Element(qn("w:p"))
            ppr = _SubElement(p, qn("w:pPr"))
            _SubElement(
                ppr, qn("w:pStyle"), {qn("w:val"): style_ids[min(level, len(style_ids)) - 1]}
            )
            if index == 0:
                _field_start(p, instruction)
            text_run(p, text)
            _SubElement(_SubElement(p, qn("w:r")), qn("w:tab"))
            field(p, f"PAGEREF {name} \\h", "")
            if index == len(self._entries) - 1:
                _SubElement(
                    _SubElement(p, qn("w:r")), qn("w:fldChar"), {qn("w:fldCharType"): "end"}
                )
            paragraphs.append(p)
        for p in paragraphs:
            anchor.addprevious(p)
        parent = anchor.getparent()
        if parent is not None:  # the anchor is a body paragraph, so it has one
            parent.remove(anchor)


def _field_start(p: etree._Element, instruction: str) -> None:
    """Begin, instruction and separate of a field whose end comes in a later paragraph."""
    begin = _SubElement(_SubElement(p, qn("w:r")), qn("w:fldChar"), {qn("w:fldCharType"): "begin"})
    begin.set(qn("w:dirty"), "true")
    instr = _SubElement(_SubElement(p, qn("w:r")), qn("w:instrText"))
    instr.text = f" {instruction} "
    instr.set(_XML_SPACE, "preserve")
    _SubElement(_SubElement(p, qn("w:r")), qn("w:fldChar"), {qn("w:fldCharType"): "separate"})


def page_break_before(p: etree._Element) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    # pageBreakBefore comes after pStyle and keepNext/keepLines in the schema's order
    element = etree.Element(qn("w:pageBreakBefore"))
    anchors = [ppr.find(qn(f"w:{tag}")) for tag in ("keepLines", "keepNext", "pStyle")]
    anchor = next((a for a in anchors if a is not None), None)
    if anchor is None:
        ppr.insert(0, element)
    else:
        anchor.addnext(element)


def update_fields_on_open(document: Document) -> None:
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    element = etree.Element(qn("w:updateFields"), {qn("w:val"): "true"})
    # CT_Settings order: updateFields comes right before these (when present)
    for tag in ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids"):
        anchor = settings.find(qn(f"w:{tag}"))
        if anchor is not None:
            anchor.addprevious(element)
            return
    settings.append(element)


def page_numbers(document: Document) -> None:
    """Page numbers centred in the footer; none on the title page."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = 1  # centre
    field(paragraph._p, "PAGE", "1")
