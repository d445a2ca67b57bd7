"""Survey exports as the tools write them (CSV in their encodings and separators, .xlsx,
Qualtrics' three header rows), generated here, and an `enquete.yaml` that maps them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

AGREE = (
    "Helemaal mee oneens",
    "Mee oneens",
    "Niet eens/ niet oneens",
    "Mee eens",
    "Helemaal mee eens",
)
CLEAR = (
    "Heel onduidelijk",
    "Onduidelijk",
    "Niet onduidelijk/ niet duidelijk",
    "Duidelijk",
    "Heel duidelijk",
)
HEADER = ("Respondent", "Q6_1", "Q6_13", "Q7")

# Q6_1: 1, 3, 4, 8, 4 on the scale (n = 20: 5%, 15%, 20%, 40%, 20%), 2 empty, 1 N.v.t.,
# 1 'Weet niet' (outside the scale). Q6_13 in LimeSurvey codes A1..A5 (n = 8). Q7 numbers.
Q6_1 = [AGREE[0]] + [AGREE[1]] * 3 + [AGREE[2]] * 4 + [AGREE[3]] * 8 + [AGREE[4]] * 4
Q6_1 += ["", "", "N.v.t.", "Weet niet"]
Q6_13 = ["A1", "A2", "A2", "A4", "A4", "A4", "A5", "A6"] + [""] * 16
Q7 = ["4", "5", "4", "3", "4"] + [""] * 19


def rows() -> list[list[str]]:
    """24 respondents; row i is respondent i + 1."""
    return [[f"r{i + 1}", Q6_1[i], Q6_13[i], Q7[i]] for i in range(len(Q6_1))]


MAPPING = """\
bestand: {bestand}
schalen:
  eens:
    antwoorden:
      - label: Helemaal mee oneens
        waarden: [A1, 1]
      - label: Mee oneens
        waarden: [A2, 2]
      - label: Niet eens/ niet oneens
        waarden: [A3, 3]
      - label: Mee eens
        waarden: [A4, 4]
      - label: Helemaal mee eens
        waarden: [A5, 5]
    niet_meetellen: [N.v.t., A6]
  duidelijk:
    antwoorden:
      - Heel onduidelijk
      - Onduidelijk
      - Niet onduidelijk/ niet duidelijk
      - Duidelijk
      - Heel duidelijk
    nummers_vanaf: 1
tabellen:
  - paragraaf: handhaver
    schaal: eens
    vragen:
      - kolom: Q6_1
        tekst: Ik lever maatwerk
      - kolom: Q6_13
        tekst: Ik word door cliënten met wantrouwen benaderd
  - titel: "Antwoordverdeling in percentages op de vraag: 'Is de opdracht duidelijk?'"
    stelling: 2
    schaal: duidelijk
    vragen: [Q7]
"""


def write_mapping(root: Path, bestand: str, text: str = MAPPING) -> Path:
    path = root / "enquete.yaml"
    path.write_text(text.format(bestand=bestand), encoding="utf-8")
    return path


def csv_text(delimiter: str = ",", qualtrics: bool = False) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    if qualtrics:
        writer.writerow(
            ["Respondent", "Q6 - Ik lever maatwerk", "Q6 - Wantrouwen", "Q7 - Duidelijk"]
        )
        writer.writerow([json.dumps({"ImportId": h}) for h in HEADER])
    writer.writerows(rows())
    return out.getvalue()


def write_csv(
    path: Path, delimiter: str = ",", encoding: str = "utf-8", qualtrics: bool = False
) -> Path:
    path.write_bytes(csv_text(delimiter, qualtrics).encode(encoding))
    return path


def write_xlsx(path: Path, numbers: bool = True) -> Path:
    """An .xlsx as Microsoft Forms writes it; Q7 as numbers (Excel stores them as floats)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Resultaten"
    sheet.append(list(HEADER))
    for row in rows():
        cells: list[object] = list(row)
        if numbers and row[3]:
            cells[3] = float(row[3])
        cells = [c if c != "" else None for c in cells]
        sheet.append(cells)
    workbook.save(path)
    return path
