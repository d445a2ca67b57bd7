"""Bytes to text: UTF-8 first, then the encodings Windows tools write, saying which was used."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.files.problems import Problem, ProblemsError
from goedwerkplaats.importers.transcript import split_lines

UTF8 = "UTF-8"
UTF8_BOM = "UTF-8 (met BOM)"
UTF16 = "UTF-16"
CP1252 = "Windows-1252 (cp1252)"
LATIN1 = "Latin-1 (ISO-8859-1)"

# A real UTF-8 multi-byte character; finding one in a file that is not valid UTF-8 means the
# file is UTF-8 with a few damaged bytes, not a Windows file.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
MAX_LISTED = 5


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    warnings: tuple[Problem, ...] = ()


def decode_bytes(data: bytes, source: Path) -> DecodedText:
    """The text of a transcript file; ProblemsError when it is empty or no text at all."""
    if not data.strip(b" \t\r\n\x00") or data in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE):
        raise ProblemsError([Problem(source, None, _EMPTY)])
    decoded = _decode(data, source)
    if not decoded.text.strip(" \t\r\n\ufeff"):
        raise ProblemsError([Problem(source, None, _EMPTY)])
    if len(_CONTROL.findall(decoded.text[:20_000])) > 10:
        raise ProblemsError(
            [
                Problem(
                    source,
                    None,
                    "dit lijkt geen tekstbestand (er staan veel stuurtekens in); importeer een "
                    ".vtt-, .srt-, .txt- of .docx-bestand",
                )
            ]
        )
    return decoded


_EMPTY = (
    "het bestand is leeg; kies het transcript zelf (WebVTT, SRT, tekst of Word) en "
    "controleer of het volledig is opgeslagen"
)


def _decode(data: bytes, source: Path) -> DecodedText:
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[len(codecs.BOM_UTF8) :], source, UTF8_BOM)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(data, source, "utf-16")
    if _looks_utf16le(data):
        return _utf16(data, source, "utf-16-le")
    try:
        return DecodedText(data.decode("utf-8"), UTF8)
    except UnicodeDecodeError:
        pass
    if _UTF8_SEQUENCE.search(data):
        return _utf8(data, source, UTF8)
    try:
        text, used = data.decode("cp1252"), CP1252
    except UnicodeDecodeError:
        text, used = data.decode("latin-1"), LATIN1
    note = Problem(
        source,
        None,
        f"het bestand is geen UTF-8; gelezen als {used}. Controleer letters als é en ë; "
        "sla het bestand voortaan op als UTF-8",
        warning=True,
    )
    return DecodedText(text, used, (note,))


def _looks_utf16le(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: Western text then has a zero in every odd byte."""
    sample = data[:2000]
    return len(sample) >= 4 and sample[1::2].count(0) > 0.9 * len(sample[1::2])


def _utf16(data: bytes, source: Path, codec: str) -> DecodedText:
    try:
        return DecodedText(data.decode(codec), UTF16)
    except UnicodeDecodeError:
        raise ProblemsError(
            [
                Problem(
                    source,
                    None,
                    "het bestand begint als UTF-16-tekst maar is beschadigd; sla het opnieuw op "
                    "als UTF-8",
                )
            ]
        ) from None


def _utf8(data: bytes, source: Path, label: str) -> DecodedText:
    """UTF-8 with damaged bytes replaced by '�', each damaged line named in a warning."""
    text = data.decode("utf-8", errors="replace")
    bad = [n for n, line in enumerate(split_lines(text), start=1) if "\ufffd" in line]
    warnings = [
        Problem(
            source,
            line,
            "onleesbare tekens (geen geldige UTF-8) zijn vervangen door '\ufffd'; "
            "controleer deze regel",
            warning=True,
        )
        for line in bad[:MAX_LISTED]
    ]
    if len(bad) > MAX_LISTED:
        warnings.append(
            Problem(
                source,
                None,
                f"nog {len(bad) - MAX_LISTED} regels met onleesbare tekens",
                warning=True,
            )
        )
    return DecodedText(text, label, tuple(warnings))
