"""All binding ids of the app, so a project can remap keys in `toetsen.yaml`."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import App
from textual.binding import Binding

KEY_NAMES = {
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "escape": "Esc",
    "enter": "Enter",
    "space": "spatie",
    "delete": "Delete",
    "asterisk": "*",
    "plus": "+",
    "minus": "-",
    "slash": "/",
    "question_mark": "?",
    "up": "↑",
    "down": "↓",
    "home": "Home",
    "end": "End",
    "tab": "Tab",
}


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
        import_transcript.TranscriptTree,
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


def key_display(keys: str) -> str:
    """'ctrl+y,f5' as the help screens write it: '^Y / F5'."""
    return " / ".join(_one_key(key.strip()) for key in keys.split(",") if key.strip())


def _one_key(key: str) -> str:
    if key.startswith("ctrl+"):
        return "^" + _one_key(key[5:]).upper()
    if key[:1] == "f" and key[1:].isdigit():
        return key.upper()
    return KEY_NAMES.get(key, key)


def project_keymap(app: App[object]) -> Mapping[str, str]:
    """The keys remapped in the project's toetsen.yaml, by binding id."""
    return getattr(app, "project_keymap", {})


def shown_key(keymap: Mapping[str, str], binding_id: str, default: str) -> str:
    """The key a help row names: the project's own when remapped, else the default, or "—"
    when a remapped action took the default key over."""
    if binding_id in keymap:
        return key_display(keymap[binding_id])
    taken = {_one_key(key.strip()) for keys in keymap.values() for key in keys.split(",")}
    free = [key for key in default.split(" / ") if key not in taken]
    return " / ".join(free) or "—"


def key_for(app: App[object], binding_id: str, default: str) -> str:
    """The key to name in a message or hint: as the project's toetsen.yaml has it."""
    return shown_key(project_keymap(app), binding_id, default)
