"""A new Word document for an export, and saving it safely.

python-docx supplies the template, the styles and the package; the body is filled by
`docx_body.BodyBuilder`. Nothing that identifies a person goes into the document properties.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn

from goedwerkplaats.exporters.docx_styles import define_styles
from goedwerkplaats.exporters.text_clean import one_line
from goedwerkplaats.storage.atomic import write_atomic

AUTHOR = "goedwerkplaats"
_LEGACY_RELS = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
)


def new_document(title: str, subject: str = "") -> Document:
    """An empty A4 document in Dutch with the report styles and neutral properties."""
    document = docx.Document()
    _drop_legacy_parts(document)
    _dutch_settings(document)
    define_styles(document)
    _set_properties(document, title, subject)
    return document


def save_document(document: Document, target: Path) -> None:
    """Write the document in one go: a crash leaves no half-written file behind."""
    document.core_properties.modified = _now()
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(target, buffer.getvalue())


def _drop_legacy_parts(document: Document) -> None:
    """stylesWithEffects is flagged by schema checkers; the template's thumbnail is a blank page."""
    for rels in (document.part.rels, document.part.package.rels):
        for rel_id, rel in list(rels.items()):
            if rel.reltype in _LEGACY_RELS:
                del rels[rel_id]


def _dutch_settings(document: Document) -> None:
    settings = document.settings.element
    for element in settings.findall(qn("w:proofState")):
        settings.remove(element)  # the template claims it was spell-checked; let Word check
    for tag, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
        element = settings.find(qn(tag))
        if element is not None:
            element.set(qn("w:val"), value)
    font_lang = settings.find(qn("w:themeFontLang"))
    if font_lang is not None:
        font_lang.set(qn("w:val"), "nl-NL")


def _set_properties(document: Document, title: str, subject: str) -> None:
    properties = document.core_properties
    now = _now()
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.title = one_line(title)[:250]
    properties.subject = one_line(subject)[:250]
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.language = "nl-NL"
    properties.created = now
    properties.modified = now
    properties.revision = 1


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
