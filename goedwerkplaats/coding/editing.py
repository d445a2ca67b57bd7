"""Editing a session as the screens do: each edit a change, applied, saved, and undoable.

The editor holds no UI and no disk code: `submit` hands the changes to whatever saves them
(the app's save queue, or `SessionStore.persist` in tests and the CLI).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from goedwerkplaats.coding.inline_codes import keep_as_text, parse_inline_codes
from goedwerkplaats.coding.participants import new_participant
from goedwerkplaats.model.changes import (
    Change,
    DeleteSegment,
    PutParticipant,
    PutSegment,
    PutStance,
    SetMeta,
    SwitchStatement,
    apply_change,
    inverse,
)
from goedwerkplaats.model.guide import Arena, Guide, Theme
from goedwerkplaats.model.session import (
    FLAG_QUOTE,
    FLAG_SUGGESTED_SPEAKER,
    KIND_LIVE,
    KIND_MARKER,
    Participant,
    Segment,
    Session,
    Stance,
    StatementSwitch,
)

Submit = Callable[[list[Change]], None]


class NothingToUndo(Exception):
    pass


class SessionEditor:
    def __init__(self, session: Session, submit: Submit) -> None:
        self.session = session
        self._submit = submit
        self._undo: list[tuple[str, list[Change]]] = []

    # ------------------------------------------------------------ the core of it

    def apply(self, label: str, *changes: Change, undoable: bool = True) -> None:
        """Apply in memory, hand to the saver, and remember how to undo (as one step)."""
        undo: list[Change] = []
        for change in changes:
            back = inverse(self.session, change)
            if back is not None:
                undo.append(back)
            apply_change(self.session, change)
        self._submit(list(changes))
        if undoable and undo:
            self._undo.append((label, list(reversed(undo))))

    def undo(self) -> str:
        """Undo the last step; returns what was undone, for the status line."""
        if not self._undo:
            raise NothingToUndo
        label, changes = self._undo.pop()
        for change in changes:
            apply_change(self.session, change)
        self._submit(changes)
        return label

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    # ------------------------------------------------------------ segments

    def add_quote(
        self,
        start: float,
        speaker: str | None,
        statement: str | None,
        text: str,
        themes: tuple[str, ...] = (),
        arena: str | None = None,
    ) -> Segment:
        segment = Segment(
            id=self.session.segments.next_id(),
            start=round(start, 3),
            speaker=speaker,
            statement=statement,
            text=text,
            themes=themes,
            arena=arena,
            kind=KIND_LIVE,
        )
        self.apply("citaat toevoegen", PutSegment(segment))
        return segment

    def add_marker(self, start: float, statement: str | None) -> Segment:
        segment = Segment(
            id=self.session.segments.next_id(),
            start=round(start, 3),
            statement=statement,
            kind=KIND_MARKER,
        )
        self.apply("markering", PutSegment(segment))
        return segment

    def _update(self, segment_id: str, label: str, **fields: object) -> Segment:
        old = self._segment(segment_id)
        new = dataclasses.replace(old, **fields)  # type: ignore[arg-type]
        if new != old:
            self.apply(label, PutSegment(new))
        return new

    def set_text(self, segment_id: str, text: str) -> Segment:
        """The words as typed, without reading codes in them (see update_text)."""
        return self._update(segment_id, "tekst", text=text)

    def set_start(self, segment_id: str, start: float) -> Segment:
        """A new start (set from the recording's playhead); ValueError after the end."""
        end = self._segment(segment_id).end
        if end is not None and start >= end:
            raise ValueError("het begin kan niet na het eind liggen")
        return self._update(segment_id, "begin", start=round(start, 3))

    def set_end(self, segment_id: str, end: float) -> Segment:
        """A new end (set from the recording's playhead); ValueError before the start."""
        if end <= self._segment(segment_id).start:
            raise ValueError("het eind kan niet vóór het begin liggen")
        return self._update(segment_id, "eind", end=round(end, 3))

    def set_note(self, segment_id: str, note: str) -> Segment:
        return self._update(segment_id, "notitie", note=note)

    def set_speaker(self, segment_id: str, speaker: str | None) -> Segment:
        """A person chose the speaker: a suggestion from the speech import is now confirmed
        (also when the same speaker was chosen)."""
        flags = self._segment(segment_id).with_flag(FLAG_SUGGESTED_SPEAKER, False)
        return self._update(segment_id, "spreker", speaker=speaker, flags=flags)

    def clear_arena(self, segment_id: str) -> Segment:
        return self._update(segment_id, "arena", arena=None)

    def update_text(self, segment_id: str, text: str, guide: Guide) -> Segment | None:
        """New words for a segment; #thema and @arena codes typed in them are added to its
        codes. None when no words are left; InlineCodeError names an unknown code. Words the
        speech recogniser was unsure of are unsure no longer: a person wrote these."""
        old = self._segment(segment_id)
        parsed = parse_inline_codes(keep_as_text(text, old.text), guide)
        if not parsed.text:
            return None
        return self._update(
            segment_id,
            "tekst",
            text=parsed.text,
            themes=tuple(dict.fromkeys((*old.themes, *parsed.themes))),
            arena=parsed.arena or old.arena,
            flags=old.with_flag(FLAG_QUOTE, True) if parsed.quote else old.flags,
            unsure=(),
        )

    def confirm_words(self, segment_id: str) -> Segment:
        """The words were checked and kept as the speech recogniser heard them."""
        return self._update(segment_id, "gecontroleerd", unsure=())

    def toggle_theme(self, segment_id: str, theme_id: str) -> Segment:
        segment = self._segment(segment_id)
        themes = segment.themes
        primary = segment.primary_theme
        if theme_id in themes:
            new_themes = tuple(t for t in themes if t != theme_id)
            primary = None if primary == theme_id else primary  # it can no longer lead
        else:
            new_themes = (*themes, theme_id)
        return self._update(segment_id, "thema", themes=new_themes, primary_theme=primary)

    def cycle_primary_theme(self, segment_id: str) -> Segment:
        """The next of the fragment's themes becomes its primary theme (where the report
        prints it); after the last, the choice is cleared (the outline's order decides)."""
        segment = self._segment(segment_id)
        if not segment.themes:
            return segment
        primary = next_primary_theme(segment.themes, segment.primary_theme)
        return self._update(segment_id, "hoofdthema", primary_theme=primary)

    def set_primary_theme(self, segment_id: str, theme_id: str | None) -> Segment:
        return self._update(segment_id, "hoofdthema", primary_theme=theme_id)

    def set_arena(self, segment_id: str, arena_id: str | None) -> Segment:
        """Set the arena; choosing the arena it already has clears it."""
        current = self._segment(segment_id).arena
        return self._update(segment_id, "arena", arena=None if current == arena_id else arena_id)

    def toggle_flag(self, segment_id: str, flag: str = FLAG_QUOTE) -> Segment:
        segment = self._segment(segment_id)
        return self._update(
            segment_id, flag, flags=segment.with_flag(flag, flag not in segment.flags)
        )

    def set_statement(self, statement: str | None, segment_ids: list[str]) -> int:
        """One undo step for the lot: a transcriber corrects a whole stretch at once."""
        changes = [
            PutSegment(dataclasses.replace(self._segment(i), statement=statement))
            for i in segment_ids
            if self._segment(i).statement != statement
        ]
        if changes:
            self.apply("stelling", *changes)
        return len(changes)

    def code_key(self, segment_id: str, key: str, guide: Guide) -> Segment | None:
        """A codebook key as live tagging and coding both read it: `*` quote for the report
        on/off, `0` no arena, a thema's key on/off, an arena's key set (again: cleared).
        None when the key codes nothing."""
        if key == "*":
            return self.toggle_flag(segment_id)
        if key == "0":
            return self.clear_arena(segment_id)
        code = guide.code_for_key(key)
        if isinstance(code, Arena):
            return self.set_arena(segment_id, code.id)
        if isinstance(code, Theme):
            return self.toggle_theme(segment_id, code.id)
        return None

    def coding_target(self, segment_id: str) -> Segment:
        """Where a code for this segment goes: a live quote linked to its transcript segment is
        coded there, as that is the one counted and exported."""
        segment = self._segment(segment_id)
        if self.session.is_superseded(segment) and segment.link is not None:
            return self._segment(segment.link)
        return segment

    def set_statement_from(self, segment_id: str, statement: str | None) -> int:
        """The stelling from this segment up to where the next one began (the run of
        segments that had the old one), as one undo step; how many changed."""
        segments = self.session.segments.as_list()
        here = self._segment(segment_id)
        run = []
        for candidate in segments[segments.index(here) :]:
            if candidate.statement != here.statement:
                break
            run.append(candidate.id)
        return self.set_statement(statement, run)

    def delete(self, segment_id: str) -> None:
        self._segment(segment_id)
        self.apply("verwijderen", DeleteSegment(segment_id))

    def split(self, segment_id: str, at: int) -> tuple[Segment, Segment]:
        """Split the text at character `at`; the second part starts proportionally later."""
        old = self._segment(segment_id)
        head, tail = split_text(old.text, at)
        if not head or not tail:
            raise ValueError("splitsen kan alleen midden in de tekst")
        start = old.start
        if old.end is not None and old.end > old.start:
            start = old.start + (old.end - old.start) * at / max(1, len(old.text))
        first = dataclasses.replace(old, text=head, end=round(start, 3) if old.end else None)
        second = dataclasses.replace(
            old, id=self.session.segments.next_id(), text=tail, start=round(start, 3), link=None
        )
        self.apply("splitsen", PutSegment(first), PutSegment(second))
        return first, second

    def merge_with_next(self, segment_id: str) -> Segment:
        first, second = self._segment(segment_id), self.session.segments.after(segment_id)
        if second is None:
            raise ValueError("er is geen volgend segment om mee samen te voegen")
        if first.speaker != second.speaker:
            raise ValueError("het volgende segment is van een andere spreker")
        if first.kind != second.kind:
            raise ValueError("een live citaat en een transcriptsegment blijven apart")
        merged = dataclasses.replace(
            first,
            text=join_text(first.text, second.text),
            end=second.end if second.end is not None else first.end,
            themes=tuple(dict.fromkeys((*first.themes, *second.themes))),
            arena=first.arena or second.arena,
            flags=tuple(dict.fromkeys((*first.flags, *second.flags))),
            note="\n".join(n for n in (first.note, second.note) if n),
        )
        self.apply("samenvoegen", PutSegment(merged), DeleteSegment(second.id))
        return merged

    # ------------------------------------------------------------ session-wide

    def put_participant(self, participant: Participant) -> None:
        # participants are edited on their own screen; ^Z stays with the quotes
        self.apply("deelnemer", PutParticipant(participant), undoable=False)

    def participant_for_digit(self, digit: str) -> tuple[Participant | None, bool]:
        """The speaker a digit picks live: `0` the facilitator, `n` Pn; the next free number
        adds that participant (and `0` the facilitator, when there is none yet).
        (participant or None when the number is not the next free one, whether it was added)."""
        session = self.session
        if digit == "0":
            existing = next((p for p in session.participants.values() if p.facilitator), None)
            if existing is not None:
                return existing, False
            participant = session.new_facilitator()
        else:
            pid = f"P{digit}"
            if pid in session.participants:
                return session.participants[pid], False
            if pid != session.next_pseudonym():
                return None, False
            participant = new_participant(session, pseudonym=pid)
        self.put_participant(participant)
        return participant, True

    def last_quote(self) -> Segment | None:
        """The last segment that is no marker: what ^T tags in a reopened session."""
        segments = self.session.segments
        return next(
            (segments[i] for i in range(len(segments) - 1, -1, -1) if not segments[i].is_marker),
            None,
        )

    def set_stance(self, stance: Stance) -> None:
        self.apply("positie", PutStance(stance))

    def switch_statement(self, time: float, statement: str) -> None:
        self.apply(
            "stelling", SwitchStatement(StatementSwitch(round(time, 3), statement)), undoable=False
        )

    def set_meta(self, label: str, **fields: object) -> None:
        self.apply(label, SetMeta(dataclasses.replace(self.session.meta, **fields)))  # type: ignore[arg-type]

    def _segment(self, segment_id: str) -> Segment:
        segment = self.session.segments.get(segment_id)
        if segment is None:
            raise KeyError(segment_id)
        return segment


TRAILING_PUNCTUATION = ",.;:!?…)"


def split_text(text: str, at: int) -> tuple[str, str]:
    """Split at the cursor; punctuation right after it stays with the words before it."""
    head, tail = text[:at].rstrip(), text[at:].lstrip()
    moved = len(tail) - len(tail.lstrip(TRAILING_PUNCTUATION))
    return (head + tail[:moved]).rstrip(), tail[moved:].lstrip()


def join_text(first: str, second: str) -> str:
    """Merged text reads as one: no space before punctuation."""
    if second[:1] in TRAILING_PUNCTUATION and second:
        return f"{first}{second}".strip()
    return f"{first} {second}".strip()


PRIMARY_NEEDS_THEMES = "Een hoofdthema kiest u bij een fragment met meer thema's."


def has_primary_choice(themes: tuple[str, ...]) -> bool:
    """A primary theme is a choice among a fragment's themes: it needs two or more."""
    return len(themes) >= 2


def next_primary_theme(themes: tuple[str, ...], current: str | None) -> str | None:
    """The next of `themes` after `current`; after the last, None (no choice: the outline's
    order decides). The coding and report screens cycle through a fragment's themes so."""
    if not has_primary_choice(themes):
        return None
    if current not in themes:
        return themes[0]
    index = themes.index(current) + 1
    return themes[index] if index < len(themes) else None
