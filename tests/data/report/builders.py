"""A small SAM-like project for the report tests: three groups, transcripts, live notes."""

from __future__ import annotations

from goedwerkplaats.model.changes import PutParticipant, PutSegment, PutStance
from goedwerkplaats.model.session import (
    FLAG_QUOTE,
    KIND_LIVE,
    KIND_TRANSCRIPT,
    Participant,
    Segment,
    SessionMeta,
    Stance,
)
from goedwerkplaats.project.folder import Project

STUDY_OUTLINE = """\
titel: De SAM-professional als gezagsdrager
ondertitel: Resultaten van de focusgroepen
eerste_hoofdstuk: 5
bronvermelding: geen
aanhalingstekens: "‘’"
hoofdstukken:
  - id: opdracht
    titel: De SAM-professional over zijn maatschappelijke opdracht
    stellingen: [2]
    paragrafen:
      - thema: opdracht
        titel: "Een belangrijke maatschappelijke opdracht: helpen én handhaven"
        breedte: ja
      - thema: belemmeringen
        titel: De drie belangrijkste belemmeringen
      - thema: competenties
    slot: Concluderend
  - id: burger
    titel: De gezagsrelatie tussen de SAM-professional en de burger
    stellingen: [1]
    paragrafen:
      - thema: klant
        titel: De burger als 'klant'
      - thema: handhaver
        titel: "De SAM-professional als handhaver: alleen als het moet"
      - thema: vertrouwen
    slot: Concluderend
  - id: krachtenveld
    titel: De SAM-professional in een complex krachtenveld
    stellingen: [3]
    paragrafen:
      - thema: vakmanschap
        arenas: ja
    slot: Concluderend
"""

# (session, id, start, speaker, stelling, text, themes, arena, flags, kind)
_ROWS = [
    (
        "g1",
        "t1",
        10,
        "GL",
        "2",
        "Wat is voor jullie de opdracht?",
        ("opdracht",),
        None,
        (),
        KIND_TRANSCRIPT,
    ),
    (
        "g1",
        "t2",
        20,
        "P1",
        "2",
        "Mensen helpen naar werk, dat is de kern.",
        ("opdracht",),
        None,
        (FLAG_QUOTE,),
        KIND_TRANSCRIPT,
    ),
    (
        "g1",
        "t3",
        30,
        "P2",
        "2",
        "De cijfers sturen alles, Tom Bakker weet dat ook.",
        ("belemmeringen", "opdracht"),
        "eigen-organisatie",
        (),
        KIND_TRANSCRIPT,
    ),
    (
        "g1",
        "t4",
        40,
        "P1",
        "2",
        "Uitstroom is het enige dat telt.",
        ("prestaties",),
        "eigen-organisatie",
        (),
        KIND_TRANSCRIPT,
    ),
    (
        "g1",
        "t5",
        50,
        "P2",
        "2",
        "Honderdtwintig dossiers, dat kan niemand.",
        ("competenties",),
        None,
        (),
        KIND_TRANSCRIPT,
    ),
    (
        "g1",
        "l1",
        55,
        "P1",
        "2",
        "P1 vindt de caseload te hoog",
        ("competenties",),
        None,
        (),
        KIND_LIVE,
    ),
    (
        "g1",
        "t6",
        60,
        "P1",
        "1",
        "Ik zeg nooit klant, het is een burger.",
        ("klant", "vertrouwen"),
        "spreekkamer",
        (),
        KIND_TRANSCRIPT,
    ),
    (
        "g2",
        "t1",
        10,
        "P1",
        "2",
        "Handhaven hoort er gewoon bij.",
        ("opdracht", "handhaver"),
        None,
        (),
        KIND_TRANSCRIPT,
    ),
    (
        "g2",
        "t2",
        20,
        "P2",
        "1",
        "Sanctioneren doe ik alleen als het echt moet.",
        ("handhaver",),
        "spreekkamer",
        (FLAG_QUOTE,),
        KIND_TRANSCRIPT,
    ),
    (
        "g2",
        "t3",
        30,
        "P1",
        "1",
        "Vertrouwen moet je verdienen.",
        ("vertrouwen",),
        "spreekkamer",
        (),
        KIND_TRANSCRIPT,
    ),
    (
        "g2",
        "t4",
        40,
        "GL",
        "1",
        "Dus vertrouwen is de basis?",
        ("vertrouwen",),
        None,
        (),
        KIND_TRANSCRIPT,
    ),
    (
        "g3",
        "t1",
        10,
        "P1",
        "3",
        "De wethouder neemt ons niet serieus.",
        ("vakmanschap",),
        "eigen-organisatie",
        (),
        KIND_TRANSCRIPT,
    ),
    (
        "g3",
        "t2",
        20,
        "P2",
        "3",
        "Werkgevers bellen mij als het misgaat.",
        ("vakmanschap",),
        "maatschappelijk-veld",
        (FLAG_QUOTE,),
        KIND_TRANSCRIPT,
    ),
    (
        "g3",
        "t3",
        30,
        "P3",
        "3",
        "Mijn cliënten zien wat ik doe.",
        ("vakmanschap",),
        "spreekkamer",
        (),
        KIND_TRANSCRIPT,
    ),
    ("g3", "t4", 40, "P3", "2", "Geen thema bij deze uitspraak.", (), None, (), KIND_TRANSCRIPT),
]
_PEOPLE = {
    "g1": [("P1", "Tom Bakker"), ("P2", "Aylin Demir")],
    "g2": [("P1", "Joost Mulder"), ("P2", "Eva Bos")],
    "g3": [("P1", "Sanne de Vries"), ("P2", "Kees Vermeer"), ("P3", "Ruben Koster")],
}


def study_project(project: Project, outline: bool = True) -> Project:
    """Three groups (g1 on 1 April, g2 on 8 April, g3 on 15 April) with transcripts."""
    for number, (session_id, people) in enumerate(_PEOPLE.items()):
        project.create_session(
            SessionMeta(
                id=session_id,
                title=f"Groep {number + 1}",
                date=f"2020-04-{1 + 7 * number:02d}",
                form="video" if number < 2 else "",
            )
        )
        changes: list[object] = [
            PutParticipant(Participant("GL", name="Marieke Jansen", facilitator=True))
        ]
        changes += [
            PutParticipant(Participant(pid, name=name, attributes=(("functie", "klantmanager"),)))
            for pid, name in people
        ]
        for row in _ROWS:
            if row[0] != session_id:
                continue
            _, sid, start, speaker, statement, text, themes, arena, flags, kind = row
            changes.append(
                PutSegment(
                    Segment(
                        id=sid,
                        start=float(start),
                        speaker=speaker,
                        statement=statement,
                        text=text,
                        themes=themes,
                        arena=arena,
                        flags=flags,
                        kind=kind,
                    )
                )
            )
        if session_id == "g1":
            changes += [
                PutStance(Stance("2", "P1", "begin", 4)),
                PutStance(Stance("2", "P2", "begin", 2)),
            ]
        with project.open_session(session_id) as store:
            store.apply(*changes)  # type: ignore[arg-type]
    if outline:
        (project.root / "rapport.yaml").write_text(STUDY_OUTLINE, "utf-8")
    return project
