"""Small builders for tests: sessions with participants and segments."""

from __future__ import annotations

from goedwerkplaats.model.changes import PutParticipant, PutSegment
from goedwerkplaats.model.session import Participant, Segment, SessionMeta
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.session_store import SessionStore


def new_session(project: Project, session_id: str = "gwp-1", **meta: str) -> SessionStore:
    """A new session with two participants and a facilitator, open for writing."""
    project.create_session(
        SessionMeta(
            id=session_id,
            title=meta.get("title", "Test"),
            date=meta.get("date", "2026-11-28"),
            form="video",
        )
    )
    store = project.open_session(session_id)
    store.apply(
        PutParticipant(Participant("GL", name="Marieke Jansen", facilitator=True)),
        PutParticipant(
            Participant("P1", name="Tom Bakker", attributes=(("functie", "consulent"),))
        ),
        PutParticipant(Participant("P2", name="Aylin Demir")),
    )
    return store


def segment(number: int, **fields: object) -> PutSegment:
    values: dict[str, object] = {
        "id": f"s{number}",
        "start": float(number * 10),
        "speaker": "P1",
        "statement": "1",
        "text": f"tekst {number}",
    }
    values.update(fields)
    return PutSegment(Segment(**values))  # type: ignore[arg-type]


class FakeClock:
    """A wall clock the test moves by hand."""

    def __init__(self, start: str = "2026-11-28T10:00:00+01:00") -> None:
        import datetime as dt

        self.now = dt.datetime.fromisoformat(start)

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.now

    def advance(self, seconds: float) -> None:
        import datetime as dt

        self.now += dt.timedelta(seconds=seconds)
