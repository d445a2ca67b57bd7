"""Where an export lands: exports/ or any path asked for, never over an existing file unless
forced. Pseudonymised exports are meant to leave the project; each export is noted once in the
audit trail, with its path and its sessions."""

from __future__ import annotations

import re
from pathlib import Path

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.project.folder import Project, check_session_id

_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}
_UNSAFE = re.compile(r"[^\w.-]+")


def safe_name(text: str) -> str:
    """A file-name part made from ids or titles: letters, digits, '-', '_' and '.' only."""
    name = _UNSAFE.sub("-", text.strip()).strip("-.") or "export"
    if name.split(".")[0].lower() in _RESERVED:
        name = f"{name}-export"
    return name[:80]


def output_path(
    project: Project,
    default_name: str,
    suffix: str,
    requested: Path | None = None,
    force: bool = False,
) -> Path:
    """The file to write: `requested` or exports/<default_name><suffix>, checked and numbered.

    An existing file is kept: the new one gets a number (`-2`, `-3`…) unless `force`.
    """
    if requested is None:
        target = project.exports_dir / f"{safe_name(default_name)}{suffix}"
    else:
        target = _checked_name(requested_path(project, requested))
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
    if target.parent == project.exports_dir:
        _check_exports_dir(project)
    target.parent.mkdir(parents=True, exist_ok=True)
    if force and _open_elsewhere(target):
        raise GwpError(
            f"{target.name} is geopend in Word of LibreOffice; sluit het daar eerst, "
            "of exporteer zonder --force naar een nieuwe naam"
        )
    if force or not target.exists():
        return target
    return _numbered(target)


def _check_exports_dir(project: Project) -> None:
    """exports/ must be the project's own folder: a link to elsewhere would carry names and
    quotes out of the project unnoticed (a path outside is only written when asked for)."""
    real = project.exports_dir.resolve()
    if not real.is_relative_to(project.root.resolve()):
        raise GwpError(
            f"{project.exports_dir} verwijst naar {real}, buiten het project; exports komen "
            "niet ongemerkt buiten het project. Maak exports/ een gewone map, of geef met -o "
            "zelf een pad op"
        )


def _open_elsewhere(target: Path) -> bool:
    """Word ('~$' + name, or its first two letters replaced) and LibreOffice leave lock files."""
    names = ("~$" + target.name, "~$" + target.name[2:], f".~lock.{target.name}#")
    return any(target.with_name(name).exists() for name in names)


def requested_path(project: Project, requested: Path) -> Path:
    """A bare file name goes to exports/; a path is taken as given (~ is the home folder)."""
    if len(requested.parts) == 1 and requested.name not in (".", "..", "~"):
        return project.exports_dir / requested.name
    requested = requested.expanduser()
    return (requested if requested.is_absolute() else Path.cwd() / requested).resolve()


def leaves_project(project: Project, requested: Path | None) -> bool:
    """Whether an export asked for at `requested` is written outside the project folder."""
    if requested is None:
        return False
    target = requested_path(project, requested).resolve()
    return not target.is_relative_to(project.root.resolve())


def _checked_name(target: Path) -> Path:
    if target.stem.lower() in _RESERVED or not target.name.strip(". "):
        raise GwpError(f"'{target.name}' kan niet als bestandsnaam (gereserveerd in Windows)")
    if target.is_dir():
        raise GwpError(f"{target} is een map; geef een bestandsnaam, bijvoorbeeld {target}/export")
    return target


def _numbered(target: Path) -> Path:
    number = 2
    while True:
        candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def record_export(project: Project, session_ids: list[str], target: Path, what: str) -> None:
    """Note in the audit trail that these sessions' data left the project, and where to: one
    record for the export, listing its sessions (each session's trail shows it)."""
    from goedwerkplaats.storage.audit import EXPORTED, append_export_record
    from goedwerkplaats.storage.erasure_intent import file_sha256

    try:
        shown = target.resolve().relative_to(project.root.resolve())
    except ValueError:
        shown = target
    try:
        sha256 = file_sha256(target)  # an erasure deletes the file only while it is unchanged
    except OSError:
        sha256 = ""
    ids = [check_session_id(session_id) for session_id in dict.fromkeys(session_ids)]
    append_export_record(
        project.sessions_dir, ids, EXPORTED, f"{what}: {shown}", sha256, str(shown)
    )
