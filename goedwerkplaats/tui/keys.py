"""All binding ids of the app, so a project can remap keys in `toetsen.yaml`."""

from __future__ import annotations

from textual.binding import Binding


def known_binding_ids() -> list[str]:
    from goedwerkplaats.tui.screens import (
        coding,
        export,
        import_transcript,
        live,
        new_session,
        participants,
        session_list,
        stances,
    )

    classes = [
        session_list.SessionListScreen,
        live.LiveScreen,
        live.QuoteTable,
        live.TagPanel,
        coding.CodingScreen,
        coding.SegmentEditor,
        coding.LineInput,
        export.ExportScreen,
        import_transcript.ImportScreen,
        new_session.NewSessionScreen,
        participants.ParticipantsScreen,
        stances.StanceScreen,
    ]
    ids = []
    for cls in classes:
        for binding in cls.BINDINGS:
            if isinstance(binding, Binding) and binding.id and binding.id not in ids:
                ids.append(binding.id)
    return ids
