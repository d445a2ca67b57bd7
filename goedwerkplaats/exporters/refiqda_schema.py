"""The REFI-QDA schemas shipped with the package (data/refi-qda/, MIT, see the README there)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from lxml import etree

PROJECT_XSD = "Project.xsd"
CODEBOOK_XSD = "Codebook.xsd"


def schema_path(name: str) -> Path:
    return Path(str(files("goedwerkplaats") / "data" / "refi-qda" / name))


@cache
def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path(name))))


def validate(document: bytes | etree._Element, name: str) -> None:
    """Raises `etree.DocumentInvalid` naming the first violation."""
    tree = etree.fromstring(document) if isinstance(document, bytes) else document
    schema(name).assertValid(tree)
