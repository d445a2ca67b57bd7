"""Keys as the screens bind them: ids, screen groups and help rows derived from the `Binding`s.

The screens' `BINDINGS` are the one place a key is defined. From them this module derives
the table of ids and screen groups that `toetsen.yaml` is checked against
(`project/key_table.py`, written by `python -m goedwerkplaats.tui.keys` so that `goedwerkplaats
check` needs no Textual; a test keeps it in sync), the rows of the help screens and the key a
hint names, as the project's `toetsen.yaml` has it.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from goedwerkplaats.model.guide import Guide

KEY_NAMES = {
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "escape": "Esc",
    "enter": "Enter",
    "space": "spatie",
    "delete": "Delete",
    "backspace": "Backspace",
    "asterisk": "*",
    "plus": "+",
    "minus": "-",
    "slash": "/",
    "question_mark": "?",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "home": "Home",
    "end": "End",
    "tab": "Tab",
    "less_than_sign": "<",
    "greater_than_sign": ">",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
}


@dataclass(frozen=True)
class KeyScope:
    """A screen and its parts that take the focus by turns: the screen's own bindings are
    active together with those of one part at a time. Codes (a thema's or arena's key) are
    typed while one of `coding_parts` has the focus."""

    screen: type[DOMNode]
    parts: tuple[type[DOMNode], ...] = ()
    coding_parts: tuple[type[DOMNode], ...] = ()

    def nodes(self) -> tuple[type[DOMNode], ...]:
        return (self.screen, *self.parts)

    def together(self) -> list[tuple[str, ...]]:
        """Class names whose bindings are active at the same moment: one per focused part."""
        own = self.screen.__name__
        return [(own, part.__name__) for part in self.parts] or [(own,)]

    def coding(self) -> list[tuple[str, ...]]:
        return [(self.screen.__name__, part.__name__) for part in self.coding_parts]


def key_scopes() -> list[KeyScope]:
    """Every screen with keys of its own. A new screen or a new focusable part with bindings
    is added here; a new key on a screen that is here is not (test_keys finds a forgotten one)."""
    from goedwerkplaats.tui.screens import (
        coding,
        confirm,
        crosstab,
        export,
        help,
        import_transcript,
        leave,
        listening,
        live,
        new_session,
        participants,
        pick,
        report,
        session_list,
        stances,
        transcribe,
    )
    from goedwerkplaats.tui.widgets.quote_input import QuoteInput
    from goedwerkplaats.tui.widgets.segment_list import SegmentList

    return [
        KeyScope(session_list.SessionListScreen),
        KeyScope(
            live.LiveScreen,
            parts=(QuoteInput, live.QuoteTable, live.TagPanel),
            coding_parts=(live.TagPanel,),
        ),
        KeyScope(
            coding.CodingScreen,
            # the player's keys (ListeningScreen) are the coding screen's own, inherited
            parts=(
                SegmentList,
                coding.SegmentEditor,
                coding.LineInput,
                QuoteInput,
                listening.ListeningScreen,
            ),
            coding_parts=(SegmentList, listening.ListeningScreen),
        ),
        KeyScope(export.ExportScreen),
        KeyScope(report.ReportScreen, parts=(report.OutlineTree, report.QuoteChoices)),
        KeyScope(report.ProseEditor),
        KeyScope(crosstab.CrossTableScreen),
        KeyScope(import_transcript.ImportScreen, parts=(import_transcript.TranscriptTree,)),
        KeyScope(transcribe.TranscribeScreen),
        KeyScope(new_session.NewSessionScreen),
        KeyScope(participants.ParticipantsScreen),
        KeyScope(stances.StanceScreen),
        KeyScope(leave.LeaveScreen),
        KeyScope(confirm.TypedConfirmScreen),
        KeyScope(pick.PickScreen),
        KeyScope(help.HelpScreen),
    ]


def our_bindings(node: type[DOMNode]) -> list[Binding]:
    """The bindings a class declares itself that have an id (Textual's own have none)."""
    return [b for b in node.__dict__.get("BINDINGS", ()) if isinstance(b, Binding) and b.id]


def ids_of(node: type[DOMNode]) -> tuple[str, ...]:
    return _unique(binding.id for binding in our_bindings(node) if binding.id)


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


@functools.cache
def default_bindings() -> Mapping[str, Binding]:
    """Every binding id of the app and its binding as the screen declares it."""
    found: dict[str, Binding] = {}
    for scope in key_scopes():
        for node in (scope.screen, *scope.parts):
            for binding in our_bindings(node):
                assert binding.id is not None
                found.setdefault(binding.id, binding)
    return found


# ------------------------------------------------------------------ the Textual-free table

TABLE_PATH = Path(__file__).parents[1] / "project" / "key_table.py"


def key_table_source() -> str:
    """The text of project/key_table.py as the bindings make it today."""
    scopes = key_scopes()
    nodes = list(dict.fromkeys(node for scope in scopes for node in scope.nodes()))
    lines = [
        '"""Every key id of the app, derived from the screens\' Bindings (do not edit by hand).',
        "",
        "Written by `python -m goedwerkplaats.tui.keys`; tests/test_keys.py fails while it",
        "differs from the bindings. Here so that checking toetsen.yaml needs no Textual.",
        '"""',
        "",
        "# per screen or part of a screen (by class name): binding id → default keys",
        "KEYS_OF: dict[str, dict[str, str]] = {",
    ]
    for node in nodes:
        bindings = our_bindings(node)
        if bindings:
            lines.append(f'    "{node.__name__}": {{')
            lines += [f'        "{b.id}": "{b.key}",' for b in bindings]
            lines.append("    },")
    together = [group for scope in scopes for group in scope.together()]
    coding = [group for scope in scopes for group in scope.coding()]
    lines += [
        "}",
        "",
        "# a screen with the part that has the focus: their keys are active at the same moment,",
        "# so two actions there may not share a key",
        "TOGETHER: tuple[tuple[str, ...], ...] = (",
        *(f"    {_tuple_text(group)}," for group in together),
        ")",
        "",
        "# where a thema's or arena's key codes: such a key can be no action there",
        "CODING: tuple[tuple[str, ...], ...] = (",
        *(f"    {_tuple_text(group)}," for group in coding),
        ")",
        "",
        "DEFAULT_KEYS = {i: keys for of in KEYS_OF.values() for i, keys in of.items()}",
        "",
    ]
    return "\n".join(lines)


def _tuple_text(names: Sequence[str]) -> str:
    inner = ", ".join(f'"{name}"' for name in names)
    return f"({inner},)" if len(names) == 1 else f"({inner})"


# ------------------------------------------------------------------ keys as the user sees them


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
    """The key a hint or help row names: the project's own when remapped, else the default
    keys (as Textual names them), or "—" when remapped actions took all of them over."""
    if binding_id in keymap:
        return key_display(keymap[binding_id])
    taken = {key.strip() for keys in keymap.values() for key in keys.split(",")}
    free = [key for key in default.split(",") if key.strip() not in taken]
    return key_display(",".join(free)) or "—"


def key_for(app: App[object], binding_id: str, where: type[DOMNode] | None = None) -> str:
    """The key to name in a message or hint (the first, where it has more), as the project's
    toetsen.yaml has it. `where`: the class whose binding is meant, for an id that two
    classes bind to different keys."""
    bindings = {b.id: b for b in our_bindings(where)} if where else default_bindings()
    return shown_key(project_keymap(app), binding_id, bindings[binding_id].key).split(" / ")[0]


HelpItem = tuple[str, str] | type[DOMNode]


def help_rows(
    keymap: Mapping[str, str], sections: Sequence[tuple[str, Sequence[HelpItem]]]
) -> list[tuple[str, str]]:
    """(key, text) rows under a heading ("", heading) per section. A class in a section gives
    a row per binding it declares with an id: its key as toetsen.yaml has it and its tooltip
    (else its description); a (key, text) pair is a row written by hand (digits, codebook)."""
    rows: list[tuple[str, str]] = []
    for heading, items in sections:
        rows.append(("", heading))
        for item in items:
            if isinstance(item, tuple):
                rows.append(item)
                continue
            for binding in our_bindings(item):
                assert binding.id is not None
                text = binding.tooltip or binding.description.lower()
                rows.append((shown_key(keymap, binding.id, binding.key), text))
    return rows


def codebook_rows(guide: Guide, arena_note: str = "") -> list[tuple[str, str]]:
    """A row per thema and arena key: the codebook's keys are the guide's, not bindings."""
    rows = [(t.key, f"thema: {t.label}") for t in guide.themes_in_tree_order() if t.key]
    return rows + [(a.key, f"arena: {a.label}{arena_note}") for a in guide.arenas if a.key]


if __name__ == "__main__":
    TABLE_PATH.write_text(key_table_source(), encoding="utf-8")
    print(f"geschreven: {TABLE_PATH}", file=sys.stderr)
