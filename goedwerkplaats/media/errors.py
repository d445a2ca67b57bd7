"""Errors about recordings, in Dutch, naming the file and what to do."""

from __future__ import annotations

from pathlib import Path

from goedwerkplaats.files.problems import GwpError

SUPPORTED_SUFFIXES = (".m4a", ".mp4", ".aac", ".mp3", ".wav", ".ogg", ".opus", ".webm")


class MediaError(GwpError):
    """A recording that cannot be used; the message says which file and what to do."""


def missing_file(path: Path | str) -> MediaError:
    return MediaError(
        f"{path}: de opname is niet gevonden; zet het bestand terug of koppel het opnieuw "
        "met 'goedwerkplaats opname --sessie ID BESTAND'"
    )


def no_audio(path: Path | str) -> MediaError:
    return MediaError(
        f"{path}: dit bestand heeft geen geluidsspoor (alleen beeld?); kies de opname met "
        "geluid, bijvoorbeeld de .m4a die Zoom naast de video bewaart"
    )


def undecodable(path: Path | str, detail: str = "") -> MediaError:
    extra = f" ({detail})" if detail else ""
    return MediaError(
        f"{path}: dit bestand kan niet als opname gelezen worden{extra}; is het een audio- of "
        f"videobestand ({', '.join(SUPPORTED_SUFFIXES)})? Zet het zo nodig om naar .m4a of .wav"
    )


def not_a_file(path: Path | str) -> MediaError:
    return MediaError(f"{path}: dit is geen bestand; geef het pad van de opname zelf")
