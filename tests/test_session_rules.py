"""Rules that live and coding share, tested on the core (SessionEditor, Project) without a
screen: code keys, the stelling for a run, speakers from digits, the last quote, where a code
on a linked live quote goes, and a new session with its audit line."""

from __future__ import annotations

from goedwerkplaats.coding.editing import SessionEditor
from goedwerkplaats.model.changes import Change
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import (
    FLAG_QUOTE,
    KIND_LIVE,
    KIND_MARKER,
    Participant,
    Segment,
    Session,
    SessionMeta,
)
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.audit import read_audit


def editor_with(*segments: Segment, participants: tuple[Participant, ...] = ()) -> SessionEditor:
    session = Session(SessionMeta(id="gwp-1", title="T", facilitator="Marieke"))
    for participant in participants:
        session.participants[participant.id] = participant
    for segment in segments:
        session.segments.put(segment)
    saved: list[Change] = []
    return SessionEditor(session, saved.extend)


def seg(number: int, statement: str | None = "1", **fields: object) -> Segment:
    values: dict[str, object] = {"speaker": "P1", "text": f"tekst {number}", **fields}
    return Segment(id=f"s{number}", start=10.0 * number, statement=statement, **values)  # type: ignore[arg-type]


def test_code_keys_toggle_a_thema_set_and_clear_an_arena_and_star(guide: Guide) -> None:
    editor = editor_with(seg(1))
    theme = next(t for t in guide.themes_in_tree_order() if t.key)
    arena = next(a for a in guide.arenas if a.key)
    assert editor.code_key("s1", theme.key or "", guide).themes == (theme.id,)  # type: ignore[union-attr]
    assert editor.code_key("s1", theme.key or "", guide).themes == ()  # type: ignore[union-attr]
    assert editor.code_key("s1", arena.key or "", guide).arena == arena.id  # type: ignore[union-attr]
    assert editor.code_key("s1", arena.key or "", guide).arena is None  # type: ignore[union-attr]
    editor.code_key("s1", arena.key or "", guide)
    assert editor.code_key("s1", "0", guide).arena is None  # type: ignore[union-attr]
    assert FLAG_QUOTE in editor.code_key("s1", "*", guide).flags  # type: ignore[union-attr]
    assert editor.code_key("s1", "§", guide) is None  # no code: nothing changes
    editor.undo()
    assert FLAG_QUOTE not in editor.session.segments.get("s1").flags  # type: ignore[union-attr]


def test_the_stelling_is_set_up_to_where_the_next_one_began() -> None:
    editor = editor_with(seg(1, "1"), seg(2, "1"), seg(3, "1"), seg(4, "2"), seg(5, "1"))
    assert editor.set_statement_from("s2", "3") == 2
    statements = [s.statement for s in editor.session.segments]
    assert statements == ["1", "3", "3", "2", "1"]
    editor.undo()  # one step for the lot
    assert [s.statement for s in editor.session.segments] == ["1", "1", "1", "2", "1"]
    assert editor.set_statement_from("s4", None) == 1


def test_a_digit_picks_a_participant_adds_the_next_and_refuses_a_gap() -> None:
    editor = editor_with(participants=(Participant("P1"),))
    assert editor.participant_for_digit("1") == (Participant("P1"), False)
    assert editor.participant_for_digit("3") == (None, False)  # P2 comes first
    added, is_new = editor.participant_for_digit("2")
    assert added == Participant("P2") and is_new and "P2" in editor.session.participants
    facilitator, is_new = editor.participant_for_digit("0")
    assert is_new and facilitator is not None and facilitator.facilitator
    assert facilitator.name == "Marieke"  # as the session's metadata names the facilitator
    assert editor.participant_for_digit("0") == (facilitator, False)
    assert not editor.can_undo  # participants are not undone with ^Z


def test_the_last_quote_skips_markers() -> None:
    editor = editor_with(seg(1), seg(2, kind=KIND_MARKER, text=""))
    assert editor.last_quote() == editor.session.segments.get("s1")
    assert editor_with(seg(1, kind=KIND_MARKER, text="")).last_quote() is None


def test_a_code_on_a_linked_live_quote_goes_to_its_transcript_segment() -> None:
    editor = editor_with(seg(1, kind=KIND_LIVE, link="s2"), seg(2), seg(3, kind=KIND_LIVE))
    assert editor.coding_target("s1").id == "s2"
    assert editor.coding_target("s3").id == "s3"  # not linked: coded where it is
    assert editor.coding_target("s2").id == "s2"


def test_a_new_session_has_its_audit_line(project: Project) -> None:
    project.create_session(SessionMeta(id="gwp-9", title="Nieuw"), via="via de opdrachtregel")
    entries = read_audit(project.session_folder("gwp-9"))
    assert [(e.action, e.detail) for e in entries] == [("aangemaakt", "via de opdrachtregel")]


def test_a_primary_theme_is_a_choice_among_two_or_more() -> None:
    from goedwerkplaats.coding.editing import next_primary_theme

    assert next_primary_theme(("klant",), None) is None  # one theme: nothing to choose
    assert next_primary_theme(("klant", "rollen"), None) == "klant"
    assert next_primary_theme(("klant", "rollen"), "klant") == "rollen"
    assert next_primary_theme(("klant", "rollen"), "rollen") is None
