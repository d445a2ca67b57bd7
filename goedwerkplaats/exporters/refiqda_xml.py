"""A small streaming XML writer for the REFI-QDA files.

Written as text rather than through an element tree: a project of 25,000 segments has some
150,000 elements, and building them as lxml elements took ten times as long as this. Every
value is stripped of what XML cannot hold (`xml_safe`; printable ASCII needs no check) and
escaped, so no input can make the document ill-formed; the tests validate the result against
the schemas.
"""

from __future__ import annotations

from goedwerkplaats.exporters.refiqda_text import xml_safe

Attributes = tuple[tuple[str, str], ...]


def _attribute(value: str) -> str:
    if not (value.isascii() and value.isprintable()):  # GUIDs, numbers, dates skip this
        value = xml_safe(value)
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if '"' in value:
        value = value.replace('"', "&quot;")
    # a parser turns a literal newline or tab in an attribute into a space; entities survive
    for char, entity in (("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;")):
        if char in value:
            value = value.replace(char, entity)
    return value


def _text(value: str) -> str:
    value = xml_safe(value)
    # "\r" would be read back as "\n"; the entity keeps it
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


class XmlWriter:
    """Elements in the order they are written, indented two spaces per level."""

    def __init__(self) -> None:
        self._parts: list[str] = ['<?xml version="1.0" encoding="utf-8"?>\n']
        self._open: list[str] = []

    def open(self, tag: str, *attributes: tuple[str, str]) -> None:
        self._parts.append(f"{self._indent()}<{tag}{_attributes(attributes)}>\n")
        self._open.append(tag)

    def close(self) -> None:
        tag = self._open.pop()
        self._parts.append(f"{self._indent()}</{tag}>\n")

    def empty(self, tag: str, *attributes: tuple[str, str]) -> None:
        self._parts.append(f"{self._indent()}<{tag}{_attributes(attributes)}/>\n")

    def text(self, tag: str, text: str, *attributes: tuple[str, str]) -> None:
        start = f"{self._indent()}<{tag}{_attributes(attributes)}>"
        self._parts.append(f"{start}{_text(text)}</{tag}>\n")

    def getvalue(self) -> bytes:
        if self._open:
            raise ValueError(f"element {self._open[-1]} is still open")
        return "".join(self._parts).encode("utf-8")

    def _indent(self) -> str:
        return "  " * len(self._open)


def _attributes(attributes: Attributes) -> str:
    return "".join(f' {name}="{_attribute(value)}"' for name, value in attributes)
