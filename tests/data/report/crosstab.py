"""A small study for the cross-table tests: two groups, one without the characteristic."""

from __future__ import annotations

from goedwerkplaats.model.changes import PutParticipant, PutSegment
from goedwerkplaats.model.session import (
    KIND_LIVE,
    KIND_TRANSCRIPT,
    Participant,
    Segment,
    SessionMeta,
)
from goedwerkplaats.project.folder import Project

WERK, INKOMEN, ACTIVERING = (
    "Professional Werk",
    "Professional Inkomen",
    "Professional Activering",
)


def _session(project: Project, session_id: str, people, segments) -> None:  # type: ignore[no-untyped-def]
    project.create_session(
        SessionMeta(id=session_id, title=session_id, date="2026-03-0" + session_id[-1])
    )
    changes: list[object] = [
        PutParticipant(Participant("GL", name="Marieke Jansen", facilitator=True))
    ]
    changes += [
        PutParticipant(
            Participant(pid, name=f"Naam {pid}", attributes=(("functie", f),) if f else ())
        )
        for pid, f in people
    ]
    for number, (speaker, themes, kind) in enumerate(segments):
        changes.append(
            PutSegment(
                Segment(
                    id=f"s{number}",
                    start=float(number * 10),
                    speaker=speaker,
                    statement="2",
                    text=f"woorden {number}",
                    themes=themes,
                    kind=kind,
                )
            )
        )
    with project.open_session(session_id) as store:
        store.apply(*changes)  # type: ignore[arg-type]


def crosstab_study(project: Project) -> Project:
    """g1: P1, P2 'Professional Werk', P3 and P4 each alone with their functie; P1 raised
    prestaties three times, caseload via a note about P3, the facilitator coded belemmeringen.
    g2: no functie recorded; P1 raised belemmeringen."""
    T, L = KIND_TRANSCRIPT, KIND_LIVE
    _session(
        project,
        "g1",
        [("P1", WERK), ("P2", WERK), ("P3", INKOMEN), ("P4", ACTIVERING)],
        [
            ("P1", ("prestaties",), T),
            ("P1", ("prestaties",), T),
            ("P1", ("prestaties", "caseload"), T),  # two children of one parent: one fragment
            ("P2", ("caseload",), T),
            ("P3", ("caseload",), L),  # the facilitator's note of what P3 said: P3 raised it
            ("GL", ("belemmeringen",), T),  # the facilitator's own line never counts
            ("GL", ("belemmeringen",), L),
        ],
    )
    # a session that recorded no functie: its participants are 'onbekend'
    _session(
        project, "g2", [("P1", ""), ("P2", "")], [("P1", ("belemmeringen",), T), ("P2", (), T)]
    )
    return project
