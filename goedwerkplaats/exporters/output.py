"""Where an export lands: inside the project, never over an existing file unless forced."""

from __future__ import annotations

import re
from pathlib import Path

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.project.folder import Project

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
    elif len(requested.parts) == 1 and requested.name not in (".", ".."):
        target = _within_project(project, project.exports_dir / requested.name)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
    else:
        target = _within_project(project, requested)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
    target.parent.mkdir(parents=True, exist_ok=True)
    if force and _open_elsewhere(target):
        raise GwpError(
            f"{target.name} is geopend in Word of LibreOffice; sluit het daar eerst, "
            "of exporteer zonder --force naar een nieuwe naam"
        )
    if force or not target.exists():
        return target
    return _numbered(target)


def _open_elsewhere(target: Path) -> bool:
    """Word ('~$' + name, or its first two letters replaced) and LibreOffice leave lock files."""
    names = ("~$" + target.name, "~$" + target.name[2:], f".~lock.{target.name}#")
    return any(target.with_name(name).exists() for name in names)


def _within_project(project: Project, requested: Path) -> Path:
    root = project.root.resolve()
    target = (requested if requested.is_absolute() else Path.cwd() / requested).resolve()
    if not target.is_relative_to(root):
        raise GwpError(
            f"{requested} ligt buiten de projectmap {root}; exports blijven in "
            "het project (privacy). Kies een pad binnen het project en kopieer het "
            "bestand daarna zelf"
        )
    if target.stem.lower() in _RESERVED or not target.name.strip(". "):
        raise GwpError(f"'{target.name}' kan niet als bestandsnaam (gereserveerd in Windows)")
    return target


def _numbered(target: Path) -> Path:
    number = 2
    while True:
        candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def record_export(project: Project, session_ids: list[str], target: Path, what: str) -> None:
    """Note in each session's audit trail that its data left the project, and where to."""
    from goedwerkplaats.storage.audit import append_audit

    try:
        shown = target.resolve().relative_to(project.root.resolve())
    except ValueError:
        shown = target
    for session_id in session_ids:
        append_audit(project.session_folder(session_id), "geëxporteerd", f"{what}: {shown}")
