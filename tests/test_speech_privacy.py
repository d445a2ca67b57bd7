"""Words speech recognition was unsure of are the participants' words too: erasing a
participant takes their name out of them as out of the text."""

from __future__ import annotations

from goedwerkplaats.model.changes import PutParticipant, PutSegment
from goedwerkplaats.model.session import KIND_TRANSCRIPT, Participant, Segment, SessionMeta
from goedwerkplaats.privacy.erasure import erase_participant


def test_erasing_a_participant_takes_their_name_out_of_unsure_words(project) -> None:
    project.create_session(SessionMeta(id="gwp-1", title="T", date="2026-11-28"))
    with project.open_session("gwp-1") as store:
        store.apply(
            PutParticipant(Participant("P1", name="Ruben Koster")),
            PutParticipant(Participant("P2", name="Aylin Demir")),
            PutSegment(Segment("s1", 1.0, 2.0, "P1", None, "Ik ben het oneens.",
                               kind=KIND_TRANSCRIPT)),
            PutSegment(Segment("s2", 3.0, 4.0, "P2", None, "Zoals Ruben al zei, te druk.",
                               kind=KIND_TRANSCRIPT, unsure=((3.4, "Ruben"), (3.9, "druk")))),
        )  # fmt: skip
    erase_participant(project, "gwp-1", "P1")
    session = project.load_session("gwp-1").session
    s2 = session.segments.get("s2")
    assert "Ruben" not in s2.text
    assert [word for _time, word in s2.unsure] == ["P1", "druk"]
    stored = (project.session_folder("gwp-1") / "sessie.yaml").read_text("utf-8")
    assert "Ruben" not in stored
