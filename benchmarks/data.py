"""Realistic generated material: Dutch-like talk by 4–6 speakers around the default guide."""

from __future__ import annotations

import random
from pathlib import Path

from goedwerkplaats.model.changes import PutParticipant, PutSegment, SwitchStatement
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import (
    FLAG_QUOTE,
    KIND_TRANSCRIPT,
    Participant,
    Segment,
    SessionMeta,
    StatementSwitch,
)
from goedwerkplaats.model.timecode import format_time
from goedwerkplaats.project.folder import Project

WORDS = (
    "ik vind dat de klantmanager vooral moet luisteren naar wat iemand nodig heeft maar de "
    "organisatie stuurt op uitstroom en cijfers en dan blijft er weinig tijd over voor het "
    "gesprek zelf met mensen die al jaren thuis zitten en geen vertrouwen meer hebben in de "
    "gemeente of in werkgevers die zeggen dat ze willen helpen terwijl de wethouder weer "
    "nieuwe doelen stelt voor de caseload van ons team en dat is eigenlijk niet te doen"
).split()
NAMES = [
    "Sanne de Vries",
    "Tom Bakker",
    "Aylin Demir",
    "Joost Mulder",
    "Fatima el Amrani",
    "Pieter Jansen",
]


def sentence(rng: random.Random, low: int = 6, high: int = 40) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!"])


def fill_session(
    project: Project,
    guide: Guide,
    session_id: str,
    segments: int,
    rng: random.Random,
    journal_changes: int = 0,
) -> None:
    """A coded transcript session; `journal_changes` edits are left unfolded in its journal."""
    project.create_session(
        SessionMeta(
            id=session_id, title=f"Bijeenkomst {session_id}", date="2026-11-20", form="video"
        )
    )
    speakers = rng.randint(4, 6)
    changes: list = [PutParticipant(Participant("GL", name="Marieke Jansen", facilitator=True))]
    changes += [
        PutParticipant(
            Participant(f"P{n}", name=NAMES[n - 1], attributes=(("functie", "klantmanager"),))
        )
        for n in range(1, speakers + 1)
    ]
    statements = [s.id for s in guide.statements]
    changes += [
        SwitchStatement(StatementSwitch(i * segments * 2.8 / len(statements), sid))
        for i, sid in enumerate(statements)
    ]
    themes = [t.id for t in guide.themes]
    arenas = [a.id for a in guide.arenas]
    for n in range(segments):
        coded = rng.random() < 0.6
        changes.append(
            PutSegment(
                Segment(
                    id=f"s{n + 1}",
                    start=n * 2.8,
                    end=n * 2.8 + 2.5,
                    speaker="GL" if rng.random() < 0.15 else f"P{rng.randint(1, speakers)}",
                    statement=statements[n * len(statements) // segments],
                    text=sentence(rng),
                    themes=tuple(rng.sample(themes, rng.randint(1, 2))) if coded else (),
                    arena=rng.choice(arenas) if coded and rng.random() < 0.8 else None,
                    flags=(FLAG_QUOTE,) if coded and rng.random() < 0.2 else (),
                    kind=KIND_TRANSCRIPT,
                )
            )
        )
    with project.open_session(session_id) as store:
        store.apply(*changes)
    if journal_changes:
        store = project.open_session(session_id)
        session = store.session
        for n in range(journal_changes):
            segment = session.segments[rng.randrange(len(session.segments))]
            store.apply(PutSegment(Segment(**{**segment.__dict__, "note": f"notitie {n}"})))
        store.close(compact=False)


def write_vtt(path: Path, cues: int, rng: random.Random) -> None:
    """A two-hour WebVTT as a video-call platform writes it: numbered cues, `Name: text`."""
    lines = ["WEBVTT", ""]
    step = 7200 / cues
    speakers = ["Marieke Jansen", *NAMES[:5]]
    for n in range(cues):
        start = n * step
        lines += [
            str(n + 1),
            f"{_vtt(start)} --> {_vtt(start + step * 0.9)}",
            f"{rng.choice(speakers)}: {sentence(rng, 4, 18)}",
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


def _vtt(seconds: float) -> str:
    return f"{format_time(seconds)}.{int(seconds * 1000) % 1000:03d}"
