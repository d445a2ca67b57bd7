"""Sessions for the Word and quote export tests, and ways to read what the exports wrote."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.document import Document

from goedwerkplaats.model.changes import PutParticipant, PutSegment, PutStance, SwitchStatement
from goedwerkplaats.model.session import (
    FLAG_QUOTE,
    Participant,
    Segment,
    SessionMeta,
    Stance,
    StatementSwitch,
)
from goedwerkplaats.privacy.mask_terms import MASK_FILE
from goedwerkplaats.project.folder import Project

# Every real name and masked term in the sessions below; none may leave the project by default.
REAL_NAMES = (
    "Marieke Jansen",
    "Marieke",
    "Jansen",
    "Tom Bakker",
    "Bakker",
    "Aylin Demir",
    "Aylin",
    "Demir",
    "Sanne de Vries",
    "Sanne",
    "Vries",
    "Kees Vermeer",
    "Vermeer",
    "Zwolle",
    "Bakkerij Hendriks",
)


def write_mask_file(project: Project) -> None:
    (project.root / MASK_FILE).write_text(
        'termen:\n  - Zwolle\n  - term: Bakkerij Hendriks\n    door: "[werkgever]"\n', "utf-8"
    )


def named_session(project: Project, session_id: str = "gwp-1", offset: float | None = 60.0):
    """A session full of names: in participants, metadata, text, notes and attributes."""
    project.create_session(
        SessionMeta(
            id=session_id,
            title="Bijeenkomst bij Tom Bakker in Zwolle",
            date="2026-11-28",
            location="Stadhuis Zwolle",
            form="op locatie",
            facilitator="Kees Vermeer",
            recording_offset=offset,
        )
    )
    with project.open_session(session_id) as store:
        store.apply(
            PutParticipant(Participant("GL", name="Marieke Jansen", facilitator=True)),
            PutParticipant(
                Participant(
                    "P1",
                    name="Tom Bakker",
                    attributes=(("functie", "consulent"), ("werkgever", "gemeente Zwolle")),
                )
            ),
            PutParticipant(Participant("P2", name="Aylin Demir", attributes=(("rol", "team"),))),
            PutParticipant(Participant("P3", name="Sanne de Vries")),
            SwitchStatement(StatementSwitch(70.0, "1")),
            SwitchStatement(StatementSwitch(400.0, "2")),
            _segment(
                1, 30.0, "GL", None, "Welkom allemaal, ik ben Marieke.", note="Kees kwam later."
            ),
            _segment(
                2,
                80.0,
                "P1",
                "1",
                "Ik zeg nooit klant. Aylin Demir zei het al: het is een burger.",
                themes=("klant", "vertrouwen"),
                arena="spreekkamer",
                flags=(FLAG_QUOTE,),
                note="Mooi citaat; Sanne knikte.",
            ),
            _segment(
                3,
                95.0,
                "P2",
                "1",
                "Bij Bakkerij Hendriks in Zwolle werkt een klant van Sanne.",
                themes=("helpen-handhaven",),
                arena="maatschappelijk-veld",
            ),
            _segment(4, 120.0, "P3", "1", "Tom, dat herken ik niet\x07 echt\x0bhelemaal."),
            _segment(5, 200.0, None, "1", "", kind="markering"),
            _segment(
                6,
                420.0,
                "P3",
                "2",
                "De cijfers zijn heilig, zegt Jansen van de afdeling.",
                themes=("belemmeringen", "competenties"),
            ),
            _segment(
                7,
                480.0,
                "P1",
                "2",
                "Uitstroom is het enige dat telt.",
                themes=("prestaties",),
                arena="eigen-organisatie",
                flags=(FLAG_QUOTE,),
            ),
            *_stances(),
        )


def _segment(
    number: int,
    start: float,
    speaker: str | None,
    statement: str | None,
    text: str,
    **fields: object,
) -> PutSegment:
    return PutSegment(
        Segment(  # type: ignore[arg-type]
            id=f"s{number}",
            start=start,
            speaker=speaker,
            statement=statement,
            text=text,
            **fields,
        )
    )


def _stances() -> list[PutStance]:
    values = {
        ("P1", "begin"): 4,
        ("P2", "begin"): 2,
        ("P3", "begin"): None,
        ("P1", "eind"): 5,
        ("P2", "eind"): 4,
        ("P3", "eind"): 4,
    }
    return [PutStance(Stance("1", p, moment, v)) for (p, moment), v in values.items()]


def second_session(project: Project, session_id: str = "gwp-2") -> None:
    """A plain video session with themes and arenas the first one lacks."""
    project.create_session(
        SessionMeta(id=session_id, title="Tweede", date="2026-12-05", form="video")
    )
    with project.open_session(session_id) as store:
        store.apply(
            PutParticipant(Participant("P1", name="Joost Mulder")),
            PutParticipant(Participant("P2", name="Eva Bos")),
            _segment(1, 10.0, "P1", "3", "Mijn vak wordt niet gezien.", themes=("vakmanschap",)),
            _segment(
                2,
                20.0,
                "P2",
                "3",
                "Ik regel het met de werkgever.",
                themes=("wantrouwen", "vakmanschap"),
                arena="maatschappelijk-veld",
            ),
            _segment(3, 30.0, "P1", "2", "Geen thema, wel tekst."),
        )


# ---------------------------------------------------------------- reading back


def open_docx(path: Path) -> Document:
    return docx.Document(str(path))


def paragraphs(document: Document) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, tables left out."""
    return [(p.style.name if p.style else "", p.text) for p in document.paragraphs]


def styled(document: Document, style: str) -> list[str]:
    return [text for name, text in paragraphs(document) if name == style]


def table_rows(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[cell.text for cell in row.cells] for row in table.rows]


def package_text(path: Path) -> str:
    """Every XML part of a .docx as one string, to search for what must not be there."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )


def part_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()
