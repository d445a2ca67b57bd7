"""REFI-QDA exports: a whole project (.qdpx) and the codebook alone (.qdc).

Public API (the export screen calls these from a worker thread; they touch no UI):

    export_qdpx(project, QdpxOptions(sessions=(), names=False, output=None, force=False),
                progress=None) -> Path
    export_qdc(project, QdcOptions(output=None, force=False), progress=None) -> Path

`progress(done, total)` is called now and then with the steps done so far (one per session
read, one per session converted, one for writing); it runs in the exporting thread. Errors a
user can act on are `GwpError`s with a Dutch message. The file lands in `exports/` (or
`output` inside the project), never over an existing file unless `force`.

The .qdpx is a zip with `project.qde` (Project.xsd) and `sources/<guid>.txt`: one text source
per session whose text is the transcript, one line per segment, `[UU:MM:SS] Spreker: tekst`.
Coded segments are PlainTextSelections over exactly their text (0-based code points, end
exclusive) with one Coding per theme, one for the arena and one for the citaat flag; each stretch
under a stelling is coded with that stelling. Participants are Cases (pseudonyms) with their
attributes as Variables and SelectionRefs to their coded segments; segment notes are Notes
linked by NoteRef. The codebook's shape is explained in `refiqda_codebook`.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats import __version__
from goedwerkplaats.exporters.output import output_path, record_export
from goedwerkplaats.exporters.privacy import Anonymizer
from goedwerkplaats.exporters.refiqda_codebook import Codebook, build_codebook, write_codes
from goedwerkplaats.exporters.refiqda_guide import (
    guide_with_unknown_codes,
    project_masker,
    project_title,
)
from goedwerkplaats.exporters.refiqda_ids import Guids
from goedwerkplaats.exporters.refiqda_project import ProjectHeader, project_xml, source_path
from goedwerkplaats.exporters.refiqda_session import SessionPart, build_session
from goedwerkplaats.exporters.refiqda_xml import XmlWriter
from goedwerkplaats.exporters.selection import (
    QuoteFilter,
    check_filter,
    load_sessions,
    project_session_ids,
)
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Session
from goedwerkplaats.privacy.mask_terms import MaskList, load_mask_terms
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.atomic import write_atomic
from goedwerkplaats.storage.audit import current_user

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = f"goedwerkplaats {__version__}"
ANONYMOUS_USER = "goedwerkplaats"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class QdpxOptions:
    sessions: tuple[str, ...] = ()  # empty: every session
    names: bool = False  # real names instead of pseudonyms (privacy!)
    output: Path | None = None
    force: bool = False


@dataclass(frozen=True)
class QdcOptions:
    output: Path | None = None
    force: bool = False


def export_qdpx(
    project: Project, options: QdpxOptions = QdpxOptions(), progress: Progress | None = None
) -> Path:
    """Write the REFI-QDA project; returns the path written."""
    report = progress or _no_progress
    guide = project.load_guide()
    check_filter(QuoteFilter(sessions=options.sessions), guide, project)
    session_ids = list(dict.fromkeys(options.sessions)) or project_session_ids(project)
    if not session_ids:
        raise GwpError(
            "er zijn nog geen sessies om te exporteren; alleen het codeboek kan met "
            "'goedwerkplaats export qdc'"
        )
    target = output_path(
        project, _default_name(options.sessions), ".qdpx", options.output, options.force
    )
    mask = load_mask_terms(project.root)
    total = 2 * len(session_ids) + 1
    sessions = []
    for index, session_id in enumerate(session_ids):
        report(index, total)
        sessions.extend(load_sessions(project, [session_id]))

    def converted(done: int) -> None:
        report(len(session_ids) + done, total)

    data = qdpx_bytes(guide, sessions, mask, options.names, converted)
    write_atomic(target, data)
    record_export(project, session_ids, target, "REFI-QDA-project (.qdpx)")
    report(total, total)
    return target


def qdpx_bytes(
    guide: Guide,
    sessions: list[Session],
    mask: MaskList,
    names: bool = False,
    step: Callable[[int], None] | None = None,
) -> bytes:
    """The .qdpx file as bytes: pure, so tests and benchmarks need no disk."""
    now = dt.datetime.now().astimezone()
    guide = guide_with_unknown_codes(guide, sessions)
    guids = Guids(guide.title)
    masker = project_masker(mask)
    codebook = build_codebook(guide, guids, masker)
    parts: list[SessionPart] = []
    for index, session in enumerate(sessions):
        anonymizer = Anonymizer(session, mask, names)
        parts.append(build_session(session, anonymizer, codebook, guids, now))
        if step:
            step(index + 1)
    header = _header(guide, masker, guids, names, now, len(parts))
    return _zip(project_xml(header, codebook, parts, guids), parts)


def export_qdc(
    project: Project, options: QdcOptions = QdcOptions(), progress: Progress | None = None
) -> Path:
    """Write the codebook alone (Codebook.xsd); returns the path written."""
    report = progress or _no_progress
    report(0, 1)
    guide = project.load_guide()
    target = output_path(project, "codeboek", ".qdc", options.output, options.force)
    data = qdc_bytes(guide, load_mask_terms(project.root))
    write_atomic(target, data)
    report(1, 1)
    return target


def qdc_bytes(guide: Guide, mask: MaskList) -> bytes:
    return codebook_xml(build_codebook(guide, Guids(guide.title), project_masker(mask)))


def codebook_xml(codebook: Codebook) -> bytes:
    out = XmlWriter()
    out.open("CodeBook", ("xmlns", CODEBOOK_NS), ("origin", ORIGIN))
    out.open("Codes")
    write_codes(out, codebook.roots)
    out.close()
    out.close()
    return out.getvalue()


def _header(
    guide: Guide,
    masker: Callable[[str], str],
    guids: Guids,
    names: bool,
    now: dt.datetime,
    sessions: int,
) -> ProjectHeader:
    # the OS user only when names are asked for; a user name can identify the researcher
    user = (current_user() if names else "") or ANONYMOUS_USER
    return ProjectHeader(
        name=project_title(guide, masker),
        origin=ORIGIN,
        user_guid=guids.of("user", user),
        user_name=user,
        created=now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        description=_description(sessions, names),
    )


def _description(sessions: int, names: bool) -> str:
    who = (
        "Deelnemers staan onder hun echte naam (export met --names)."
        if names
        else "Deelnemers staan onder pseudoniem (P1, P2… of een alias); namen in de tekst "
        "zijn vervangen door pseudoniemen en de termen uit maskeren.yaml door hun vervanging."
    )
    return (
        f"Geëxporteerd uit {ORIGIN}: {sessions} sessie(s), elk als tekstbron met één regel "
        "per fragment ([UU:MM:SS] Spreker: tekst). "
        f"{who} Codes: 'Thema's' en 'Arena' (hoogstens één arena per fragment), "
        "'Stellingen' (elk deel van het transcript onder een stelling is daarmee gecodeerd) "
        "en 'Citaat voor rapport'. Deelnemers zijn cases met hun kenmerken als variabelen."
    )


def _zip(document: bytes, parts: list[SessionPart]) -> bytes:
    buffer = io.BytesIO()
    # level 1: a fifth larger than the default, three times faster on 20 MB of XML
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("project.qde", document)
        for part in parts:
            archive.writestr(source_path(part), part.transcript.text.encode("utf-8"))
    return buffer.getvalue()


def _default_name(sessions: tuple[str, ...]) -> str:
    # session ids only: titles and names stay out of file names
    if sessions and len(sessions) <= 3:
        return "refi-qda-" + "-".join(sessions)
    return "refi-qda"


def _no_progress(_done: int, _total: int) -> None:
    return None
