"""An export and the name check after it read each session once, but never an old copy."""

from __future__ import annotations

from goedwerkplaats.project.folder import Project
from tests.helpers import new_session, segment


def test_inside_the_block_an_unchanged_session_is_read_once(project: Project) -> None:
    store = new_session(project)
    store.apply(segment(1, speaker="P1", text="Eerste."))
    store.close()
    with project.sessions_kept():
        first = project.load_session("gwp-1")
        assert project.load_session("gwp-1") is first
    assert project.load_session("gwp-1") is not first  # outside the block: read again


def test_a_session_written_inside_the_block_is_read_again(project: Project) -> None:
    store = new_session(project)
    store.apply(segment(1, speaker="P1", text="Eerste."))
    store.close()
    with project.sessions_kept():
        before = project.load_session("gwp-1")
        with project.open_session("gwp-1") as writer:  # a journal line, then folded
            writer.apply(segment(2, speaker="P1", text="Tweede."))
        after = project.load_session("gwp-1")
    assert [s.text for s in before.session.segments] == ["Eerste."]
    assert [s.text for s in after.session.segments] == ["Eerste.", "Tweede."]
