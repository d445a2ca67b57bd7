"""How segments, codes and participants are written on screen (short, Dutch)."""

from __future__ import annotations

import textwrap

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import FLAG_VERIFIED, Participant, Segment, Session
from goedwerkplaats.model.timecode import format_short_time, format_time


def shown_time(session: Session, segment: Segment) -> str:
    """Recording time when the recording mark is set, else session time."""
    return format_time(session.recording_time(segment.start))


def short_time(session: Session, segment: Segment) -> str:
    """shown_time for a list's narrow time column: 4:05, 1:02:03."""
    return format_short_time(session.recording_time(segment.start))


def speaker_label(session: Session, speaker: str | None, with_name: bool = True) -> str:
    """On the facilitator's own screen the name may show beside the pseudonym."""
    if speaker is None:
        return "?"
    participant = session.participant(speaker)
    if participant is None:
        return speaker
    if with_name and participant.name:
        return f"{participant.id} {participant.name.split()[0]}"
    return participant.id


def participant_line(participant: Participant) -> str:
    """Pseudonym, the name the facilitator typed, and the role: to recognise whom you pick."""
    parts = [participant.id, participant.name or ""]
    if participant.facilitator:
        parts.append("(gespreksleider)")
    return "  ".join(part for part in parts if part)


def digit_of(participant: Participant) -> str:
    """The digit that picks this speaker on the live screen; P10 and up have none."""
    if participant.facilitator:
        return "0"
    number = participant.id[1:]
    return number if participant.id[:1] == "P" and number in set("123456789") else ""


def marks_label(segment: Segment) -> str:
    marks = ""
    if segment.is_marker:
        marks += "⚑"
    if segment.is_quote:
        marks += "★"
    if FLAG_VERIFIED in segment.flags:
        marks += "✓"
    if segment.note:
        marks += "✎"
    if segment.unsure_words():
        marks += "~"
    return marks


def segment_text(segment: Segment) -> str:
    if segment.is_marker:
        return segment.note or "(markering: hier later terugluisteren)"
    return " ".join(segment.text.split())


def clip_lines(text: str, width: int, lines: int) -> str:
    """Text that fits `lines` lines of `width`, ending in "…" when more was cut; a cell
    otherwise stops mid-sentence without a sign that there is more."""
    if width <= 1 or len(text) <= width:
        return text
    wrapped = textwrap.wrap(text, width)
    if len(wrapped) <= lines:
        return text
    kept = wrapped[:lines]
    kept[-1] = kept[-1][: width - 1].rstrip() + "…"
    return "\n".join(kept)


def code_keys(segment: Segment, guide: Guide) -> str:
    """The codes as the shortcut keys a coder presses: compact enough for any width."""
    keys = ""
    for theme_id in segment.themes:
        theme = guide.theme(theme_id)
        keys += theme.key if theme and theme.key else "?"
    arena = guide.arena(segment.arena)
    if arena is not None:
        keys += arena.key or "?"
    return keys
