"""An import plan told in Dutch, line by line, for the command line and the app alike."""

from __future__ import annotations

from goedwerkplaats.importers.overlap import SpanOverlap
from goedwerkplaats.importers.plan_model import (
    FOUND_BY_READING,
    FROM_TIMELINE,
    OFFSET_ESTIMATED,
    OFFSET_GIVEN,
    OFFSET_NONE,
    OFFSET_SESSION,
    ImportPlan,
    Overlap,
)
from goedwerkplaats.model.timecode import format_time

MAX_UNMATCHED_LISTED = 20
DOUBLE_WORD = "dubbel"  # typed (app and command line) to import a second transcript anyway


def describe_plan(plan: ImportPlan, applied: bool = True) -> list[str]:
    """What the import adds (or would add, when not `applied`)."""
    verb = "geïmporteerd" if applied else "te importeren (proef, niets opgeslagen)"
    how = plan.format + (f", {plan.encoding}" if plan.encoding else "")
    lines = [
        f"{plan.source.name} → sessie '{plan.session_id}': "
        f"{_count(len(plan.segments), 'segment', 'segmenten')} {verb} ({how})"
    ]
    if not applied and plan.overlaps:
        first, *rest = overlap_warning(plan)
        lines += [f"LET OP: {first}", *rest]
    if plan.merged:
        lines.append(
            f"  {plan.utterances} uitspraken gelezen; opeenvolgende van dezelfde spreker "
            f"samengevoegd ({plan.merged} minder)"
        )
    lines += _speakers(plan)
    lines += _statements(plan)
    lines += _offset(plan)
    lines += _live(plan)
    lines += [f"  {note}" for note in plan.notes]
    if plan.warnings:
        lines.append(f"waarschuwingen ({len(plan.warnings)}):")
        lines += [f"  {warning}" for warning in plan.warnings]
    return lines


def overlap_warning(plan: ImportPlan) -> list[str]:
    """Before importing: the earlier transcripts of the same time this one would double (a
    sentence to follow 'LET OP:' or 'niet geïmporteerd:', then indented lines)."""
    if not plan.overlaps:
        return []
    lines = ["dit lijkt een tweede transcript van dezelfde opname."]
    lines += [f"  {_overlap(plan, overlap)}" for overlap in plan.overlaps]
    lines.append(_doubled("importeren"))
    return lines


def span_overlap_warning(
    overlaps: tuple[SpanOverlap, ...], offset: float, offset_known: bool
) -> list[str]:
    """Before transcribing: the earlier transcripts of the recording's time (`overlaps` of a
    recording that starts at `offset` session seconds), shaped as `overlap_warning`."""
    if not overlaps:
        return []
    lines = ["de sessie heeft al een transcript van de tijd van deze opname."]
    for overlap in overlaps:
        when = overlap.when[:16].replace("T", " ")
        share = round(100 * overlap.shared / overlap.length)
        lines.append(
            f"  '{overlap.file}' (geïmporteerd {when}) beslaat al "
            f"{format_time(overlap.start - offset)}–{format_time(overlap.end - offset)}; "
            f"dat is {share}% van deze opname ({format_time(overlap.length)} lang)"
        )
    if not offset_known:
        lines.append(
            "  Waar de opname in de sessie begon is nog onbekend; aangenomen is het begin."
        )
    lines.append(_doubled("transcriberen"))
    return lines


def _doubled(after: str) -> str:
    return (
        f"  Na {after} staat dat gesprek dubbel in de sessie (dubbele citaten en tellingen). "
        "Is het een volgend deel van de opname, geef dan de opnamestart van dit deel op."
    )


def _overlap(plan: ImportPlan, overlap: Overlap) -> str:
    when = overlap.when[:16].replace("T", " ")
    return (
        f"'{overlap.file}' (geïmporteerd {when}) beslaat al "
        f"{_recording_time(plan, overlap.start)}–{_recording_time(plan, overlap.end)}; "
        f"{overlap.inside} van de {_count(overlap.new, 'nieuw segment', 'nieuwe segmenten')} "
        "vallen daarbinnen"
    )


def _speakers(plan: ImportPlan) -> list[str]:
    lines = ["sprekers:"] if plan.speakers else ["sprekers: geen in het bestand"]
    for choice in plan.speakers:
        kind = []
        if choice.facilitator:
            kind.append("gespreksleider")
        if choice.by_quotes:
            kind.append("bestond al, herkend aan de gekoppelde live citaten")
        else:
            kind.append("nieuw" if choice.new else "bestond al")
        kind.append(_count(choice.segments, "segment", "segmenten"))
        lines.append(f"  {choice.name} → {choice.participant} ({', '.join(kind)})")
    without = sum(1 for s in plan.segments if s.speaker is None)
    if without:
        lines.append(
            f"  zonder spreker: {_count(without, 'segment', 'segmenten')} "
            "(wijs de spreker toe bij het coderen)"
        )
    return lines


def _statements(plan: ImportPlan) -> list[str]:
    if plan.statement_source == FROM_TIMELINE:
        return ["stellingen: niet in het bestand; overgenomen uit het verloop van de sessie"]
    if not plan.statements:
        return [
            "stellingen: geen gevonden (zet '!stelling 2' op een eigen regel om ze aan te geven)"
        ]
    found = [
        f"{s.statement} vanaf {_recording_time(plan, s.start)} "
        f"({'voorgelezen' if s.how == FOUND_BY_READING else 'aangegeven'}, {plan.unit} {s.line})"
        for s in plan.statements
    ]
    lines = ["stellingen: " + "; ".join(found)]
    if plan.switches:
        lines.append("  (vastgelegd als verloop van de sessie, dat nog leeg was)")
    return lines


def _offset(plan: ImportPlan) -> list[str]:
    at = format_time(plan.offset)
    if plan.offset_source == OFFSET_SESSION:
        return [f"opnamestart: {at} sessietijd (uit de sessie); tijden daarop omgerekend"]
    if plan.offset_source == OFFSET_GIVEN:
        return [f"opnamestart: {at} sessietijd (opgegeven){_stored(plan)}"]
    if plan.offset_source == OFFSET_ESTIMATED:
        return [
            f"opnamestart: {at} sessietijd, geschat uit {plan.offset_evidence} live citaten "
            f"die letterlijk terugkomen{_stored(plan)}"
        ]
    assert plan.offset_source == OFFSET_NONE
    return []


def _stored(plan: ImportPlan) -> str:
    return "; opgeslagen als opname_start" if plan.meta is not None else ""


def _live(plan: ImportPlan) -> list[str]:
    if not (plan.live_updates or plan.unmatched or plan.outside):
        return []
    lines = [
        f"live citaten: {len(plan.live_updates)} gekoppeld en gemarkeerd als geverifieerd, "
        f"{len(plan.unmatched)} niet gevonden"
    ]
    if plan.outside:
        lines.append(f"  {plan.outside} live citaten vallen buiten de tijd van dit transcript")
    for quote in plan.unmatched[:MAX_UNMATCHED_LISTED]:
        words = quote.text if len(quote.text) <= 60 else quote.text[:57] + "…"
        lines.append(
            f"  niet gevonden: {quote.id} {_recording_time(plan, quote.start)} "
            f'{quote.speaker or "-"} "{words}"'
        )
    if len(plan.unmatched) > MAX_UNMATCHED_LISTED:
        lines.append(f"  en nog {len(plan.unmatched) - MAX_UNMATCHED_LISTED} andere")
    return lines


def _recording_time(plan: ImportPlan, session_time: float) -> str:
    """As the transcript and the session's lists show times once imported: in the recording."""
    return format_time(session_time - plan.offset)


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"
