"""The paragraph, character and table styles every Word export uses.

Built-in styles (Title, Heading 1-3, Quote, Caption, List Bullet, a table style) carry the
structure, so a researcher's own template restyles the document in one go. The few styles of
our own have Dutch names and are based on Normal, so they follow a template's body font.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle

TITLE = "Title"
SUBTITLE = "Subtitle"
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")
BODY = "Normal"
QUOTE = "Quote"
CAPTION = "Caption"
BULLET = "List Bullet"
TABLE = "Light Grid Accent 1"
# Word's own names and ids for its comment styles (shown in Word as Comment Text/Reference);
# python-docx's comments refer to these ids but its default template does not define them.
COMMENT_TEXT = "annotation text"
COMMENT_TEXT_ID = "CommentText"
COMMENT_REFERENCE = "annotation reference"
COMMENT_REFERENCE_ID = "CommentReference"

SOURCE = "Citaatbron"
INTRO = "Toelichting"
TABLE_NOTE = "Tabelnoot"
TABLE_TEXT = "Tabeltekst"
UTTERANCE = "Transcriptregel"
CODES = "Codes"
TIMESTAMP = "Tijdcode"
SPEAKER = "Spreker"
NUMBERED = "List Number"
TOC_HEADING = "TOC Heading"
# Word's own names and ids for the contents entries, so Word's "Update table" keeps them
TOC_LEVELS = (("toc 1", "TOC1"), ("toc 2", "TOC2"))
BREADTH = "Breedte"
SEE_ALSO = "Verwijzing"
NOTE = "Notitie gespreksleider"

GREY = RGBColor(0x59, 0x59, 0x59)
LIGHT_GREY = RGBColor(0x7F, 0x7F, 0x7F)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
QUOTE_INDENT = Cm(1)
TRANSCRIPT_INDENT = Cm(2)


@dataclass(frozen=True)
class _Paragraph:
    name: str
    size: float | None = None
    italic: bool = False
    color: RGBColor | None = None
    left: Cm | None = None
    hanging: Cm | None = None
    before: float | None = None
    after: float | None = None
    single_spaced: bool = False


_OWN_PARAGRAPHS = (
    _Paragraph(SOURCE, size=9, color=GREY, left=QUOTE_INDENT, before=0, after=10),
    _Paragraph(INTRO, italic=True, color=GREY, after=8),
    _Paragraph(TABLE_NOTE, size=8.5, color=GREY, before=3, after=12),
    _Paragraph(TABLE_TEXT, size=9, before=1, after=1, single_spaced=True),
    _Paragraph(UTTERANCE, left=TRANSCRIPT_INDENT, hanging=TRANSCRIPT_INDENT, after=4),
    _Paragraph(CODES, size=8.5, color=ACCENT, left=TRANSCRIPT_INDENT, before=0, after=8),
    _Paragraph(BREADTH, size=9.5, italic=True, color=GREY, after=8),
    _Paragraph(SEE_ALSO, size=9.5, italic=True, color=GREY, before=6, after=8),
    _Paragraph(NOTE, size=9.5, color=GREY, left=QUOTE_INDENT, before=6, after=6),
)


def define_styles(document: Document) -> None:
    """Adjust the built-in styles a report needs and add our own."""
    _language_and_page(document)
    _block_quote(cast(ParagraphStyle, document.styles[QUOTE]))
    _caption(cast(ParagraphStyle, document.styles[CAPTION]))
    for spec in _OWN_PARAGRAPHS:
        _paragraph_style(_add_paragraph(document, spec.name), spec)
    timestamp = _add_character(document, TIMESTAMP)
    timestamp.font.size = Pt(9)
    timestamp.font.color.rgb = LIGHT_GREY
    speaker = _add_character(document, SPEAKER)
    speaker.font.bold = True
    _comment_styles(document)
    _toc_styles(document)


def _toc_styles(document: Document) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

    for level, (name, style_id) in enumerate(TOC_LEVELS):
        style = _add_paragraph(document, name)
        style.style_id = style_id
        style.quick_style = False
        fmt = style.paragraph_format
        fmt.left_indent = Cm(0.6 * level)
        fmt.space_after = Pt(3 if level else 4)
        fmt.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        if level == 0:
            style.font.bold = True


def _add_paragraph(document: Document, name: str) -> ParagraphStyle:
    fresh = name not in document.styles
    style = cast(ParagraphStyle, _add(document, name, WD_STYLE_TYPE.PARAGRAPH))
    if fresh:
        style.base_style = document.styles[BODY]
    return style


def _add_character(document: Document, name: str) -> CharacterStyle:
    return cast(CharacterStyle, _add(document, name, WD_STYLE_TYPE.CHARACTER))


def _add(document: Document, name: str, kind: WD_STYLE_TYPE) -> BaseStyle:
    if name in document.styles:
        return cast(BaseStyle, document.styles[name])
    style: BaseStyle = document.styles.add_style(name, kind)
    style.quick_style = True
    return style


def _paragraph_style(style: ParagraphStyle, spec: _Paragraph) -> None:
    fmt = style.paragraph_format
    if spec.size is not None:
        style.font.size = Pt(spec.size)
    if spec.italic:
        style.font.italic = True
    if spec.color is not None:
        style.font.color.rgb = spec.color
    if spec.left is not None:
        fmt.left_indent = spec.left
    if spec.hanging is not None:
        fmt.first_line_indent = -spec.hanging
    if spec.before is not None:
        fmt.space_before = Pt(spec.before)
    if spec.after is not None:
        fmt.space_after = Pt(spec.after)
    if spec.single_spaced:
        fmt.line_spacing = 1.0


def _block_quote(quote: ParagraphStyle) -> None:
    """The default Quote is only italic; a block quote in a report is indented too."""
    fmt = quote.paragraph_format
    fmt.left_indent = QUOTE_INDENT
    fmt.right_indent = QUOTE_INDENT
    fmt.space_before = Pt(6)
    fmt.space_after = Pt(2)
    fmt.keep_with_next = True  # the source line belongs on the same page
    fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _caption(caption: ParagraphStyle) -> None:
    """A table title sits above its table, clear of whatever came before."""
    caption.paragraph_format.space_before = Pt(12)
    caption.paragraph_format.space_after = Pt(4)
    caption.paragraph_format.keep_with_next = True


def _comment_styles(document: Document) -> None:
    text = _add_paragraph(document, COMMENT_TEXT)
    text.style_id = COMMENT_TEXT_ID
    text.font.size = Pt(10)
    text.paragraph_format.space_after = Pt(0)
    text.paragraph_format.line_spacing = 1.0
    text.quick_style = False
    reference = _add_character(document, COMMENT_REFERENCE)
    reference.style_id = COMMENT_REFERENCE_ID
    reference.font.size = Pt(8)
    reference.quick_style = False


def _language_and_page(document: Document) -> None:
    """Dutch spelling checks, and an A4 page with the margins of a Dutch report."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for lang in defaults.iter(qn("w:lang")):
            lang.set(qn("w:val"), "nl-NL")
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
