"""Reading any transcript file: the format from its content first, its extension second."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.files.problems import GwpError, Problem, ProblemsError
from goedwerkplaats.importers.docx_reader import ZIP_MAGIC, parse_docx
from goedwerkplaats.importers.encoding import decode_bytes
from goedwerkplaats.importers.plaintext import parse_plain_text
from goedwerkplaats.importers.srt import has_cues, parse_srt
from goedwerkplaats.importers.transcript import FORMAT_SRT, FORMAT_WEBVTT, Transcript
from goedwerkplaats.importers.webvtt import is_webvtt, parse_webvtt

MAX_BYTES = 50 * 1024 * 1024  # a 10-hour transcript is a few MB; more is the wrong file

_FOREIGN = {
    b"\xd0\xcf\x11\xe0": "een oud Word-bestand (.doc); sla het in Word op als .docx of .txt",
    b"%PDF": "een PDF; exporteer het transcript als tekst (.txt), Word (.docx), .vtt of .srt",
    b"{\\rtf": "een RTF-bestand; sla het op als .docx of .txt",
}


@dataclass(frozen=True)
class TranscriptFile:
    """A transcript as read, with the hash that keeps a re-import out."""

    transcript: Transcript
    sha256: str


def read_transcript_file(path: Path) -> TranscriptFile:
    """Read and parse `path`; ProblemsError/GwpError with file and line when it cannot be used."""
    data = _read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    return TranscriptFile(parse_transcript_bytes(data, path), digest)


def parse_transcript_bytes(data: bytes, path: Path) -> Transcript:
    for magic, what in _FOREIGN.items():
        if data.startswith(magic):
            raise ProblemsError([Problem(path, None, f"dit is {what}")])
    if data.startswith(ZIP_MAGIC) or path.suffix.lower() == ".docx":
        transcript = parse_docx(data, path)
    else:
        decoded = decode_bytes(data, path)
        transcript = _parse_text(decoded.text, path)
        transcript = dataclasses.replace(
            transcript,
            encoding=decoded.encoding,
            warnings=decoded.warnings + transcript.warnings,
        )
    if not transcript.utterances:
        raise ProblemsError([Problem(path, None, _nothing_found(transcript))])
    return transcript


def _parse_text(text: str, path: Path) -> Transcript:
    if is_webvtt(text):
        return parse_webvtt(text, path)
    if has_cues(text) or path.suffix.lower() in (".srt", ".vtt"):
        # A .vtt without its 'WEBVTT' line reads fine as cues; SRT accepts both 00:00:01,000
        # and 00:00:01.000.
        return parse_srt(text, path)
    return parse_plain_text(text, path)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise GwpError(
                f"{path} is {size // (1024 * 1024)} MB; dat is geen transcript. Kies het "
                ".vtt-, .srt-, .txt- of .docx-bestand"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise GwpError(f"{path} bestaat niet; controleer de naam en de map") from None
    except IsADirectoryError:
        raise GwpError(f"{path} is een map; geef het transcriptbestand zelf op") from None
    except OSError as error:
        raise GwpError(f"{path} is niet te lezen: {error.strerror or error}") from None


def _nothing_found(transcript: Transcript) -> str:
    if transcript.format in (FORMAT_WEBVTT, FORMAT_SRT):
        return (
            "geen uitspraken gevonden: geen blok met tekst. Een blok is een tijdregel als "
            "'00:01:02.500 --> 00:01:05.000' met de tekst op de regels eronder"
        )
    return (
        "geen uitspraken gevonden; verwacht per alinea '[00:01:02] Naam: tekst', "
        "'Naam (00:01:02): tekst' of 'Naam: tekst'"
    )
