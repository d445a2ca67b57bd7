"""Changes the report screen makes to a fragment in its session: the ★ citaat flag and the
primary theme. Each opens the session for writing (its lock says when it is open elsewhere),
journals the change like any other edit and closes it again."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from goedwerkplaats.coding.editing import next_primary_theme
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.model.changes import PutSegment
from goedwerkplaats.model.session import FLAG_QUOTE, Segment
from goedwerkplaats.project.folder import Project


def toggle_star(project: Project, session_id: str, segment_id: str) -> Segment:
    def change(segment: Segment) -> Segment:
        return dataclasses.replace(
            segment, flags=segment.with_flag(FLAG_QUOTE, not segment.is_quote)
        )

    return _edit(project, session_id, segment_id, change)


def cycle_primary_theme(project: Project, session_id: str, segment_id: str) -> Segment:
    def change(segment: Segment) -> Segment:
        primary = next_primary_theme(segment.themes, segment.primary_theme)
        return dataclasses.replace(segment, primary_theme=primary)

    return _edit(project, session_id, segment_id, change)


def _edit(
    project: Project, session_id: str, segment_id: str, change: Callable[[Segment], Segment]
) -> Segment:
    with project.open_session(session_id) as store:
        segment = store.session.segments.get(segment_id)
        if segment is None:
            raise GwpError(f"fragment {segment_id} staat niet (meer) in sessie {session_id}")
        updated = change(segment)
        if updated != segment:
            store.apply(PutSegment(updated))
        return updated
