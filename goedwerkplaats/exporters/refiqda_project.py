"""The REFI-QDA project document (`project.qde`) from the parts of each session.

Elements appear exactly in the order Project.xsd's sequences demand, and with what QualCoder's
importer needs: `origin` on Project, `plainTextPath="internal://…"` sources, a date and user on
every Note, CodeRef first in every Coding.
"""

from __future__ import annotations

from dataclasses import dataclass

from goedwerkplaats.exporters.refiqda_codebook import Codebook, write_codes
from goedwerkplaats.exporters.refiqda_ids import Guids
from goedwerkplaats.exporters.refiqda_session import CaseItem, Selection, SessionPart
from goedwerkplaats.exporters.refiqda_xml import XmlWriter

PROJECT_NS = "urn:QDA-XML:project:1.0"


@dataclass(frozen=True)
class ProjectHeader:
    name: str
    origin: str
    user_guid: str
    user_name: str
    created: str
    description: str


def source_path(part: SessionPart) -> str:
    """Where the transcript sits inside the .qdpx zip."""
    return f"sources/{part.source_guid}.txt"


def project_xml(
    header: ProjectHeader, codebook: Codebook, parts: list[SessionPart], guids: Guids
) -> bytes:
    out = XmlWriter()
    out.open(
        "Project",
        ("xmlns", PROJECT_NS),
        ("name", header.name),
        ("origin", header.origin),
        ("creatingUserGUID", header.user_guid),
        ("creationDateTime", header.created),
    )
    out.open("Users")
    out.empty("User", ("guid", header.user_guid), ("name", header.user_name))
    out.close()
    out.open("CodeBook")
    out.open("Codes")
    write_codes(out, codebook.roots)
    out.close()
    out.close()
    variables = _Variables(guids, parts)
    variables.write(out)
    _write_cases(out, [case for part in parts for case in part.cases], variables)
    _write_sources(out, parts, variables, header.user_guid)
    _write_notes(out, parts, header.user_guid)
    out.text("Description", header.description)
    out.close()
    return out.getvalue()


class _Variables:
    """Variables by key; source and case variables never share a name (QualCoder needs that)."""

    def __init__(self, guids: Guids, parts: list[SessionPart]) -> None:
        self._guids = guids
        self._names: dict[tuple[str, str], str] = {}
        for part in parts:
            for case in part.cases:
                for key, _value in case.values:
                    self._register("case", key)
        for part in parts:
            for key, _value in part.values:
                self._register("source", key)

    def _register(self, scope: str, key: str) -> None:
        if (scope, key) in self._names:
            return
        taken = {name.casefold() for name in self._names.values()}
        name = key if key.casefold() not in taken else f"{key} ({_SCOPE_NAMES[scope]})"
        self._names[(scope, key)] = name

    def guid(self, scope: str, key: str) -> str:
        return self._guids.of("variable", self._names[(scope, key)])

    def write(self, out: XmlWriter) -> None:
        if not self._names:
            return
        out.open("Variables")
        for name in self._names.values():
            guid = self._guids.of("variable", name)
            out.empty("Variable", ("guid", guid), ("name", name), ("typeOfVariable", "Text"))
        out.close()


_SCOPE_NAMES = {"case": "deelnemer", "source": "sessie"}


def _write_cases(out: XmlWriter, cases: list[CaseItem], variables: _Variables) -> None:
    if not cases:
        return
    out.open("Cases")
    for case in cases:
        out.open("Case", ("guid", case.guid), ("name", case.name))
        out.text("Description", case.description)
        for key, value in case.values:
            _write_value(out, variables.guid("case", key), value)
        for selection_guid in case.selections:
            out.empty("SelectionRef", ("targetGUID", selection_guid))
        out.close()
    out.close()


def _write_value(out: XmlWriter, variable_guid: str, value: str) -> None:
    out.open("VariableValue")
    out.empty("VariableRef", ("targetGUID", variable_guid))
    out.text("TextValue", value)
    out.close()


def _write_sources(
    out: XmlWriter, parts: list[SessionPart], variables: _Variables, user: str
) -> None:
    if not parts:
        return
    out.open("Sources")
    for part in parts:
        out.open(
            "TextSource",
            ("guid", part.source_guid),
            ("name", part.source_name),
            ("plainTextPath", f"internal://{part.source_guid}.txt"),
            ("creatingUser", user),
            ("creationDateTime", part.created),
        )
        out.text("Description", part.description)
        for selection in part.selections:
            _write_selection(out, selection, user)
        for key, value in part.values:
            _write_value(out, variables.guid("source", key), value)
        out.close()
    out.close()


def _write_selection(out: XmlWriter, selection: Selection, user: str) -> None:
    out.open(
        "PlainTextSelection",
        ("guid", selection.guid),
        ("name", selection.name),
        ("startPosition", str(selection.start)),
        ("endPosition", str(selection.end)),
        ("creatingUser", user),
        ("creationDateTime", selection.created),
    )
    if selection.note:
        # QualCoder and ATLAS.ti show a selection's Description as its comment
        out.text("Description", selection.note)
    for coding_guid, code_guid in selection.codes:
        out.open(
            "Coding",
            ("guid", coding_guid),
            ("creatingUser", user),
            ("creationDateTime", selection.created),
        )
        out.empty("CodeRef", ("targetGUID", code_guid))
        out.close()
    if selection.note_guid:
        out.empty("NoteRef", ("targetGUID", selection.note_guid))
    out.close()


def _write_notes(out: XmlWriter, parts: list[SessionPart], user: str) -> None:
    notes = [note for part in parts for note in part.notes]
    if not notes:
        return
    out.open("Notes")
    for note in notes:
        out.open(
            "Note",
            ("guid", note.guid),
            ("name", note.name),
            ("creatingUser", user),
            ("creationDateTime", note.created),
        )
        out.text("PlainTextContent", note.text)
        out.close()
    out.close()
