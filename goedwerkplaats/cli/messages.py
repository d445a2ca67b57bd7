"""What the command line says about files: where an export went, why a file could not be used."""

from __future__ import annotations

import errno
import re
from collections.abc import Sequence
from pathlib import Path

from goedwerkplaats.files.problems import display_path

# write_atomic writes '.NAME.PID.tmp' next to NAME first; the user knows only NAME.
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.\d+\.tmp$")

_ADVICE = {
    errno.EACCES: "geen toestemming (of het bestand is geopend in een ander programma); kies een "
    "map waarin u mag schrijven, sluit het bestand, of vraag om schrijfrechten",
    errno.EPERM: "geen toestemming; kies een map waarin u mag schrijven, of vraag om "
    "schrijfrechten",
    getattr(errno, "EDQUOT", errno.ENOSPC): "uw schijfruimte (quotum) is op; maak ruimte vrij "
    "en probeer het opnieuw",
    errno.ENOSPC: "de schijf is vol; maak ruimte vrij en probeer het opnieuw",
    errno.ENOENT: "deze map of dit bestand bestaat niet; controleer het pad, of maak de map "
    "eerst aan",
    errno.EEXIST: "hier staat een bestand waar een map moet komen; kies een ander pad",
    errno.ENOTDIR: "een deel van dit pad is een bestand, geen map; kies een ander pad",
    errno.EISDIR: "dit is een map; geef een bestandsnaam op",
    errno.EROFS: "deze schijf kan alleen gelezen worden; kies een andere plek",
    errno.ENAMETOOLONG: "de naam is te lang; kies een kortere naam of map",
    errno.EIO: "de schijf gaf een lees- of schrijffout; controleer de schijf of USB-stick",
}


def shown_path(path: Path | str) -> str:
    """A path the user can use from where they typed the command: relative to the current
    folder when it lies below it, else absolute (not relative to a project elsewhere)."""
    absolute = Path(path).resolve()
    return str(absolute) if absolute == Path.cwd().resolve() else display_path(absolute, Path.cwd())


def report_written(
    target: Path, what: str = "", names: bool = False, notes: Sequence[str] = ()
) -> int:
    """The file an export actually wrote, numbered name and all."""
    label = f"{what} geschreven" if what else "geschreven"
    print(f"{label}: {shown_path(target)}")
    for note in notes:
        print(f"let op: {note}")
    if names:
        print("let op: dit bestand bevat echte namen; deel het niet buiten het onderzoeksteam")
    return 0


def describe_os_error(error: OSError, fallback: Path | None = None) -> str:
    """'PATH: what went wrong; what to do', in Dutch. `fallback` stands in for the path when
    the system does not name one (a full disk is noticed while writing, not opening)."""
    filename = error.filename if error.filename is not None else fallback
    advice = _ADVICE.get(error.errno or 0) or (
        f"dat lukte niet ({error.strerror or error}); controleer het pad en de rechten"
    )
    if filename is None:
        return advice
    return f"{shown_path(_user_path(Path(str(filename))))}: {advice}"


def is_explained(error: OSError) -> bool:
    """Whether the message says what to do; if not, the details are worth logging."""
    return (error.errno or 0) in _ADVICE


def _user_path(path: Path) -> Path:
    match = _TEMPORARY.match(path.name)
    return path.with_name(match["name"]) if match else path
