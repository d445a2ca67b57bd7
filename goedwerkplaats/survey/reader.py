"""Reading a survey export: one row per respondent, from CSV or .xlsx.

LimeSurvey, Qualtrics, Microsoft Forms and Google Forms all write a header row with one
column per question. CSV comes as UTF-8 (with or without BOM) or Windows-1252, separated by
',' or ';' (Excel with Dutch settings): the csv module's Sniffer finds the dialect. Qualtrics
adds two header rows (the question text and an ImportId row); those are recognised.
Row numbers are the ones a user sees: the line in the CSV file, the row in Excel.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goedwerkplaats.files.problems import Problem, ProblemsError

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
SUFFIXES = (*CSV_SUFFIXES, *XLSX_SUFFIXES)
_DELIMITERS = ";,\t"
_SNIFF_CHARS = 64_000
QUALTRICS_MARK = '{"importid"'


@dataclass(frozen=True)
class Row:
    number: int  # line in the CSV file, or row in the worksheet
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Responses:
    """The respondents' rows under a header; `headers[0]` names the columns."""

    path: Path
    headers: tuple[tuple[str, ...], ...]
    rows: tuple[Row, ...]
    how: str = ""  # how it was read, e.g. "CSV, ';' gescheiden, UTF-8 (met BOM)"
    warnings: tuple[Problem, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return self.headers[0] if self.headers else ()


def read_responses(path: Path, sheet: str = "", header_rows: int | None = None) -> Responses:
    """The rows of a survey export; ProblemsError (Dutch, with file and row) when unusable."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        _fail(
            path,
            None,
            "de oude Excel-indeling (.xls) wordt niet gelezen; open het bestand in Excel en "
            "sla het op als .xlsx of als CSV",
        )
    if suffix not in SUFFIXES:
        _fail(
            path,
            None,
            f"'{path.suffix or path.name}' is geen enquête-export die gelezen wordt; exporteer "
            "de resultaten als CSV of als Excel-bestand (.xlsx)",
        )
    try:
        if suffix in XLSX_SUFFIXES:
            cells, how, warnings = _xlsx_rows(path, sheet)
        else:
            cells, how, warnings = _csv_rows(path)
    except FileNotFoundError:
        _fail(path, None, "het bestand bestaat niet; controleer 'bestand' in enquete.yaml")
    except OSError as error:  # a folder, no permission, a disk that fails
        _fail(
            path,
            None,
            f"het bestand is niet te lezen ({error.strerror or error}); controleer of het een "
            "bestand is en of u het mag lezen, of sluit het in Excel",
        )
    return _split_header(path, cells, header_rows, how, warnings)


def _fail(path: Path, line: int | None, message: str) -> Any:
    raise ProblemsError([Problem(path, line, message)])


# ---------------------------------------------------------------------------- CSV


def _csv_rows(path: Path) -> tuple[list[Row], str, list[Problem]]:
    text, encoding, warnings = _decode(path.read_bytes(), path)
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]  # whole lines: a cut-off quote misleads it
    dialect = _dialect(sample, path)
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    start = 1
    try:
        for record in reader:
            rows.append(Row(start, tuple(c.strip() for c in record)))
            start = reader.line_num + 1
    except csv.Error as error:
        _fail(
            path,
            start,
            f"deze regel is geen geldige CSV ({error}); controleer de aanhalingstekens, of "
            "exporteer het bestand opnieuw",
        )
    shown = {";": "';'", ",": "','", "\t": "tab"}.get(dialect.delimiter, dialect.delimiter)
    return rows, f"CSV, {shown} als scheidingsteken, {encoding}", warnings


def _decode(data: bytes, path: Path) -> tuple[str, str, list[Problem]]:
    if not data.strip():
        _fail(path, None, "het bestand is leeg; exporteer de enquêteresultaten opnieuw")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8 (BOM)", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16", []
        except UnicodeDecodeError:
            _fail(path, None, "het bestand is beschadigde UTF-16-tekst; exporteer het opnieuw")
    try:
        return data.decode("utf-8"), "UTF-8", []
    except UnicodeDecodeError:
        pass
    # Excel's 'CSV (gescheiden door lijstscheidingsteken)' on Windows: cp1252
    text = data.decode("cp1252", errors="replace")
    note = Problem(
        path,
        None,
        "het bestand is geen UTF-8; gelezen als Windows-1252 (cp1252). Controleer letters "
        "als é en ë in de antwoorden; kies bij het exporteren liefst UTF-8",
        warning=True,
    )
    return text, "Windows-1252", [note]


def _dialect(sample: str, path: Path) -> type[csv.Dialect] | csv.Dialect:
    """The dialect the Sniffer finds; else the separator that splits the header most."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        pass
    first = next(csv.reader(io.StringIO(sample, newline="")), [""])
    header = ",".join(first)
    best = max(_DELIMITERS, key=lambda d: len(next(csv.reader([header], delimiter=d))))
    if len(next(csv.reader([header], delimiter=best))) < 2:
        _fail(
            path,
            1,
            "geen scheidingsteken gevonden (';', ',' of tab): de kopregel heeft één kolom. "
            "Exporteer de resultaten als CSV met een kolom per vraag",
        )

    class _Found(csv.excel):
        delimiter = best

    return _Found


# ---------------------------------------------------------------------------- Excel


def _xlsx_rows(path: Path, sheet: str) -> tuple[list[Row], str, list[Problem]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
        if isinstance(error, FileNotFoundError):
            raise
        _fail(
            path,
            None,
            "dit is geen leesbaar Excel-bestand (.xlsx): het is beschadigd of eigenlijk een "
            "ander formaat. Open het in Excel en sla het opnieuw op als .xlsx, of exporteer "
            "als CSV",
        )
    try:
        names = workbook.sheetnames
        if sheet and sheet not in names:
            _fail(
                path,
                None,
                f"het werkblad '{sheet}' bestaat niet; de bladen zijn: {', '.join(names)}. "
                "Pas 'blad' in enquete.yaml aan",
            )
        worksheet = workbook[sheet or names[0]]
        rows = [
            Row(number, tuple(_cell_text(value) for value in values))
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        ]
        return rows, f"Excel, werkblad '{worksheet.title}'", []
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores every number as a float: 3.0 is answer 3
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


# ---------------------------------------------------------------------------- header


def _split_header(
    path: Path, rows: list[Row], header_rows: int | None, how: str, warnings: list[Problem]
) -> Responses:
    rows = [r for r in rows if any(r.cells)]  # blank lines are no respondents
    if not rows:
        _fail(path, None, "het bestand heeft geen kopregel en geen antwoorden")
    count = header_rows if header_rows is not None else _detect_header_rows(rows)
    headers = tuple(rows[i].cells for i in range(min(count, len(rows))))
    width = len(headers[0])
    body = rows[count:]
    for row in body:
        if len(row.cells) > width and any(row.cells[width:]):
            warnings.append(
                Problem(
                    path,
                    row.number,
                    f"deze rij heeft {len(row.cells)} velden, de kopregel {width}; de velden "
                    "voorbij de laatste kolom worden niet gelezen. Controleer het "
                    "scheidingsteken en de aanhalingstekens",
                    warning=True,
                )
            )
    if count > 1 and header_rows is None:
        how += f", {count} kopregels (Qualtrics)"
    return Responses(path, headers, tuple(body), how, tuple(warnings))


def _detect_header_rows(rows: list[Row]) -> int:
    """1, or 3 for Qualtrics: its third row holds `{"ImportId":"QID6_1"}` per column."""
    if len(rows) >= 3:
        marks = [c for c in rows[2].cells if c.replace(" ", "").lower().startswith(QUALTRICS_MARK)]
        if len(marks) * 2 >= len([c for c in rows[2].cells if c]):
            return 3
    return 1
