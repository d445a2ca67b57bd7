"""Writes the fixtures whose bytes matter (BOM, CRLF, encodings, Word). Run from anywhere:

    python tests/data/import/make_binary_fixtures.py

All names and words are invented for these tests.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent

TEAMS_CUES = [
    (
        "9f1c2a7e-4b3d-4e8a-9c1f-2d3e4f5a6b7c/11-0",
        "00:00:01.500",
        "00:00:05.250",
        "<v Sanne de Vries>Goedemiddag. Zijn jullie er allemaal?</v>",
    ),
    (
        "9f1c2a7e-4b3d-4e8a-9c1f-2d3e4f5a6b7c/11-1",
        "00:00:05.250",
        "00:00:09.000",
        "<v Sanne de Vries>Dan begin ik met de stelling over de partners.</v>",
    ),
    (
        "0a1b2c3d-1111-4222-8333-444455556666/3-0",
        "00:00:08.400",
        "00:00:12.800",
        "<v Ruben Koster>Ja, ik ben er.</v>",
    ),
    (
        "0a1b2c3d-1111-4222-8333-444455556666/3-1",
        "00:00:13.000",
        "00:00:21.600",
        "<v Ruben Koster>Serieus genomen worden, dat hangt erg af van &amp; met wie je praat.</v>",
    ),
    (
        "77aa88bb-99cc-4dde-8eff-001122334455/7-0",
        "00:00:21.900",
        "00:00:24.000",
        "<v Fatima el Amrani>Klopt.</v><v Ruben Koster>Zeker bij de zorg.</v>",
    ),
    (
        "77aa88bb-99cc-4dde-8eff-001122334455/7-1",
        "00:00:24.100",
        "00:00:24.600",
        "<v Fatima el Amrani></v>",
    ),
    (
        "77aa88bb-99cc-4dde-8eff-001122334455/7-2",
        "00:00:24.800",
        "00:00:33.300",
        "<v.loud Fatima el Amrani>Werkgevers nemen mij serieuzer dan mijn eigen\nteamleider, "
        "eerlijk gezegd.</v>",
    ),
]

TYPED_CP1252 = (
    "Transcriptie bijeenkomst café De Brug\r\n"
    "\r\n"
    "[00:00:04] Gespreksleider: Welkom in het café. We praten vandaag over de cliënten.\r\n"
    "\r\n"
    "[00:00:31] Renée Dekker: Ik zeg altijd ‘inwoner’ – nooit klant. Dat is een bewuste "
    "keuze… #klant\r\n"
)

TYPED_UTF16 = (
    "[00:02:10] Gespreksleider: Wie wil er reageren op de stelling?\r\n"
    "\r\n"
    "[00:02:18] Zoë Vermeulen: Ik. De opdracht is helder, maar het budget niet.\r\n"
)

DOCX_PARAGRAPHS = [
    "Transcript Goed Werk Plaats 4 (fictief)",
    "",
    "[00:00:03] Gespreksleider: Stelling 1. Wat vinden jullie ervan?",
    "[00:00:20] Noah Visser: Ik vind het woord klant prima, zolang je de mens ziet. #klant",
    "Noah Visser (00:00:41): Dat is wat anders dan een winkel, dat snap ik ook wel.",
    "!stelling 3",
    "[00:25:00] Eva Mulder: Mijn teamleider vertrouwt op mijn oordeel.\nDat is niet overal zo.",
]

DOCX_TEAMS_STYLE = [
    ("Sanne de Vries   0:04", "Welkom allemaal bij deze Goed Werk Plaats."),
    ("Ruben Koster   0:15", "Dank je. Ik ben benieuwd naar de anderen."),
    (
        "Sanne de Vries   1:02",
        "De stelling is: de klantmanager wordt door interne en externe "
        "partners als professional serieus genomen.",
    ),
]


def teams_vtt() -> bytes:
    blocks = ["WEBVTT", ""]
    for cue_id, start, end, text in TEAMS_CUES:
        blocks += [cue_id, f"{start} --> {end}", text, ""]
    return "\ufeff".encode() + "\r\n".join(blocks).encode("utf-8")


def write_docx(path: Path, paragraphs: list[str]) -> None:
    from docx import Document

    document = Document()
    for text in paragraphs:
        lines = text.split("\n")
        paragraph = document.add_paragraph(lines[0])
        for line in lines[1:]:
            run = paragraph.add_run()
            run.add_break()
            run.add_text(line)
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(
        table.rows,
        [
            ("00:26:10", "Eva Mulder", "Behalve bij de raad."),
            ("00:26:30", "Gespreksleider", "Dank je."),
        ],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(str(path))


def write_teams_docx(path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("Goed Werk Plaats 5 - transcript")
    for header, text in DOCX_TEAMS_STYLE:
        document.add_paragraph(header)
        document.add_paragraph(text)
    document.save(str(path))


def main() -> None:
    (HERE / "teams.vtt").write_bytes(teams_vtt())
    (HERE / "typed-cp1252.txt").write_bytes(TYPED_CP1252.encode("cp1252"))
    (HERE / "typed-utf16.txt").write_bytes(TYPED_UTF16.encode("utf-16"))
    mixed = "[00:00:01] Anna Smit: Dit is UTF-8 met een café.\n[00:00:09] Anna Smit: Maar hier"
    (HERE / "mixed-utf8.txt").write_bytes(mixed.encode() + b" staat een losse \xe9.\n")
    write_docx(HERE / "transcript.docx", DOCX_PARAGRAPHS)
    write_teams_docx(HERE / "teams-transcript.docx")


if __name__ == "__main__":
    main()
