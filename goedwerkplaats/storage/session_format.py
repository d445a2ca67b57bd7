"""Sessions as plain data with Dutch keys: for the YAML snapshot and the journal alike."""

from __future__ import annotations

import datetime as dt
from typing import Any

from goedwerkplaats.files.checker import Checker
from goedwerkplaats.files.yamlio import FlowList
from goedwerkplaats.model.changes import (
    AddImport,
    Change,
    DeleteSegment,
    DeleteStance,
    EraseParticipant,
    PutParticipant,
    PutSegment,
    PutStance,
    SetMeta,
    SwitchStatement,
)
from goedwerkplaats.model.session import (
    KIND_LIVE,
    KINDS,
    ErasureRecord,
    ImportRecord,
    Participant,
    RecordingLink,
    Segment,
    Session,
    SessionMeta,
    Stance,
    StatementSwitch,
)
from goedwerkplaats.model.timecode import checked_seconds, time_problem

SEGMENT_KEYS = (
    "id",
    "start",
    "eind",
    "spreker",
    "stelling",
    "soort",
    "tekst",
    "themas",
    "hoofdthema",
    "arena",
    "notitie",
    "vlaggen",
    "koppeling",
    "bron",
    "onzeker",
)
PARTICIPANT_KEYS = ("id", "naam", "alias", "gespreksleider", "kenmerken")
META_KEYS = (
    "id",
    "titel",
    "datum",
    "locatie",
    "vorm",
    "gespreksleider",
    "gestart_om",
    "beeindigd_om",
    "opname_start",
    "gepauzeerd_om",
    "pauze_seconden",
    "voorbeeld",
    "opname",
)
RECORDING_KEYS = ("pad", "grootte", "duur", "begin_sha256")
SESSION_KEYS = (
    *META_KEYS,
    "versie",
    "deelnemers",
    "verloop",
    "posities",
    "imports",
    "wissingen",
    "segmenten",
)
STANCE_KEYS = ("stelling", "deelnemer", "moment", "positie")
SCALE = {
    1: "helemaal mee oneens",
    2: "mee oneens",
    3: "neutraal",
    4: "mee eens",
    5: "helemaal mee eens",
}
NOT_APPLICABLE = "nvt"


def statement_value(statement_id: str | None) -> str | int | None:
    """Stelling ids that are numbers are written as numbers, as users write them."""
    if statement_id is not None and statement_id.isdigit():
        return int(statement_id)
    return statement_id


def statement_key(value: Any) -> str | None:
    return None if value is None or value == "" else str(value).strip().lower()


# ---------------------------------------------------------------- model -> data


def meta_to_dict(meta: SessionMeta) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": meta.id,
        "titel": meta.title,
        "datum": meta.date,
        "locatie": meta.location,
        "vorm": meta.form,
        "gespreksleider": meta.facilitator,
        "gestart_om": meta.started_at,
        "beeindigd_om": meta.ended_at,
        "opname_start": meta.recording_offset,
        **({"gepauzeerd_om": meta.paused_at} if meta.paused_at else {}),
        **({"pauze_seconden": meta.paused_seconds} if meta.paused_seconds else {}),
        **({"voorbeeld": True} if meta.example else {}),
    }
    if meta.recording is not None:  # only when linked: older sessions keep their exact file
        data["opname"] = recording_to_dict(meta.recording)
    return data


def recording_to_dict(link: RecordingLink) -> dict[str, Any]:
    return {
        "pad": link.path,
        "grootte": link.size,
        "duur": round(link.duration, 3),
        "begin_sha256": link.head_sha256,
    }


def participant_to_dict(p: Participant) -> dict[str, Any]:
    data: dict[str, Any] = {"id": p.id, "naam": p.name}
    if p.alias:
        data["alias"] = p.alias
    if p.facilitator:
        data["gespreksleider"] = True
    if p.attributes:
        data["kenmerken"] = dict(p.attributes)
    return data


def segment_to_dict(s: Segment) -> dict[str, Any]:
    data: dict[str, Any] = {"id": s.id, "start": round(s.start, 3)}
    if s.end is not None:
        data["eind"] = round(s.end, 3)
    if s.speaker is not None:
        data["spreker"] = s.speaker
    if s.statement is not None:
        data["stelling"] = statement_value(s.statement)
    if s.kind != KIND_LIVE:
        data["soort"] = s.kind
    data["tekst"] = s.text
    if s.themes:
        data["themas"] = FlowList(s.themes)
    if s.primary_theme is not None:
        data["hoofdthema"] = s.primary_theme
    if s.arena is not None:
        data["arena"] = s.arena
    if s.note:
        data["notitie"] = s.note
    if s.flags:
        data["vlaggen"] = FlowList(s.flags)
    if s.link is not None:
        data["koppeling"] = s.link
    if s.source is not None:
        data["bron"] = s.source
    if s.unsure:
        data["onzeker"] = FlowList(FlowList([round(t, 3), w]) for t, w in s.unsure)
    return data


def stance_to_dict(st: Stance) -> dict[str, Any]:
    return {
        "stelling": statement_value(st.statement),
        "deelnemer": st.participant,
        "moment": st.moment,
        "positie": NOT_APPLICABLE if st.value is None else st.value,
    }


def switch_to_dict(sw: StatementSwitch) -> dict[str, Any]:
    return {"tijd": round(sw.time, 3), "stelling": statement_value(sw.statement)}


def import_to_dict(r: ImportRecord) -> dict[str, Any]:
    return {
        "id": r.id,
        "bestand": r.file,
        "sha256": r.sha256,
        "wanneer": r.when,
        "segmenten": r.segments,
    }


def erasure_to_dict(e: ErasureRecord) -> dict[str, Any]:
    return {"wanneer": e.when, "deelnemer": e.participant, "segmenten": e.segments}


def session_to_dict(session: Session, version: int) -> dict[str, Any]:
    data = meta_to_dict(session.meta)
    data["versie"] = version
    data["deelnemers"] = [participant_to_dict(p) for p in session.participants.values()]
    data["verloop"] = [switch_to_dict(s) for s in session.timeline]
    data["posities"] = [stance_to_dict(s) for s in session.stances.values()]
    data["imports"] = [import_to_dict(r) for r in session.imports]
    data["wissingen"] = [erasure_to_dict(e) for e in session.erasures]
    data["segmenten"] = [segment_to_dict(s) for s in session.segments]
    return data


def change_to_record(change: Change) -> dict[str, Any]:
    match change:
        case SetMeta(meta):
            return {"op": "meta", "d": meta_to_dict(meta)}
        case PutParticipant(participant):
            return {"op": "deelnemer", "d": participant_to_dict(participant)}
        case PutSegment(segment):
            return {"op": "segment", "d": segment_to_dict(segment)}
        case DeleteSegment(segment_id):
            return {"op": "segment-weg", "d": segment_id}
        case PutStance(stance):
            return {"op": "positie", "d": stance_to_dict(stance)}
        case DeleteStance(key):
            return {"op": "positie-weg", "d": [statement_value(key[0]), key[1], key[2]]}
        case SwitchStatement(switch):
            return {"op": "stelling", "d": switch_to_dict(switch)}
        case AddImport(record):
            return {"op": "import", "d": import_to_dict(record)}
        case EraseParticipant(participant_id, when):
            return {"op": "wissen", "d": {"deelnemer": participant_id, "wanneer": when}}
    raise TypeError(f"unknown change {change!r}")


# ---------------------------------------------------------------- data -> model


def change_from_record(record: dict[str, Any]) -> Change:
    """The change in a journal record; KeyError/TypeError/ValueError if it is malformed."""
    op, data = record["op"], record["d"]
    if op == "meta":
        return SetMeta(meta_from_dict(data))
    if op == "deelnemer":
        return PutParticipant(participant_from_dict(data))
    if op == "segment":
        return PutSegment(segment_from_dict(data))
    if op == "segment-weg":
        return DeleteSegment(str(data))
    if op == "positie":
        return PutStance(stance_from_dict(data))
    if op == "positie-weg":
        return DeleteStance((str(statement_key(data[0])), str(data[1]), str(data[2])))
    if op == "stelling":
        return SwitchStatement(switch_from_dict(data))
    if op == "import":
        return AddImport(import_from_dict(data))
    if op == "wissen":
        return EraseParticipant(str(data["deelnemer"]), str(data["wanneer"]))
    raise ValueError(f"onbekende wijziging '{op}'")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _optional_seconds(value: Any) -> float | None:
    return None if value is None else checked_seconds(value)


def meta_from_dict(data: dict[str, Any]) -> SessionMeta:
    return SessionMeta(
        id=_text(data["id"]),
        title=_text(data.get("titel")),
        date=_text(data.get("datum")),
        location=_text(data.get("locatie")),
        form=_text(data.get("vorm")),
        facilitator=_text(data.get("gespreksleider")),
        started_at=_text(data.get("gestart_om")) or None,
        ended_at=_text(data.get("beeindigd_om")) or None,
        recording_offset=_optional_seconds(data.get("opname_start")),
        paused_at=_text(data.get("gepauzeerd_om")) or None,
        paused_seconds=checked_seconds(data.get("pauze_seconden") or 0.0),
        example=data.get("voorbeeld") is True,
        recording=recording_from_dict(data["opname"]) if data.get("opname") else None,
    )


def recording_from_dict(data: dict[str, Any]) -> RecordingLink:
    return RecordingLink(
        path=_text(data["pad"]),
        size=int(data["grootte"]),
        duration=float(data["duur"]),
        head_sha256=_text(data["begin_sha256"]),
    )


def participant_from_dict(data: dict[str, Any]) -> Participant:
    attributes = data.get("kenmerken") or {}
    return Participant(
        id=_text(data["id"]),
        name=_text(data.get("naam")),
        alias=_text(data.get("alias")),
        facilitator=bool(data.get("gespreksleider", False)),
        attributes=tuple((str(k), _text(v)) for k, v in attributes.items()),
    )


def segment_from_dict(data: dict[str, Any]) -> Segment:
    themes = data.get("themas") or ()
    flags = data.get("vlaggen") or ()
    return Segment(
        id=_text(data["id"]),
        start=checked_seconds(data["start"]),
        end=_optional_seconds(data.get("eind")),
        speaker=None if data.get("spreker") is None else _text(data["spreker"]),
        statement=statement_key(data.get("stelling")),
        text=_text(data.get("tekst")),
        themes=tuple(str(t) for t in themes),
        arena=None if data.get("arena") is None else _text(data["arena"]),
        note=_text(data.get("notitie")),
        flags=tuple(str(f) for f in flags),
        kind=_text(data.get("soort")) or KIND_LIVE,
        link=None if data.get("koppeling") is None else _text(data["koppeling"]),
        source=None if data.get("bron") is None else _text(data["bron"]),
        unsure=tuple((float(t), _text(w)) for t, w in data.get("onzeker") or ()),
        primary_theme=None if data.get("hoofdthema") is None else _text(data["hoofdthema"]),
    )


def stance_from_dict(data: dict[str, Any]) -> Stance:
    value = data.get("positie")
    return Stance(
        statement=str(statement_key(data["stelling"])),
        participant=_text(data["deelnemer"]),
        moment=_text(data.get("moment")) or "begin",
        value=None if value in (None, NOT_APPLICABLE) else int(value),
    )


def switch_from_dict(data: dict[str, Any]) -> StatementSwitch:
    return StatementSwitch(checked_seconds(data["tijd"]), str(statement_key(data["stelling"])))


def import_from_dict(data: dict[str, Any]) -> ImportRecord:
    return ImportRecord(
        _text(data["id"]),
        _text(data.get("bestand")),
        _text(data["sha256"]),
        _text(data.get("wanneer")),
        int(data.get("segmenten") or 0),
    )


def erasure_from_dict(data: dict[str, Any]) -> ErasureRecord:
    return ErasureRecord(
        _text(data.get("wanneer")), _text(data["deelnemer"]), int(data.get("segmenten") or 0)
    )


# ---------------------------------------------------------------- checking


def session_from_dict(data: Any, check: Checker) -> tuple[Session | None, int]:
    """The session in parsed snapshot data and its journal version; problems go to `check`."""
    top = check.mapping(data, (), "het sessiebestand")
    if top is None:
        return None, 0
    check.known_keys(top, SESSION_KEYS, (), "de sessie")
    if not top.get("id"):
        check.error((), "de sessie heeft geen 'id'")
        return None, 0
    meta_data = _checked_meta(top, check)
    meta = _checked(check, (), "de sessiegegevens", meta_from_dict, meta_data)
    session = Session(meta or SessionMeta(id=_text(top["id"])))
    session.participants = _read_participants(top, check)
    _read_list(top, "verloop", check, switch_from_dict, ("tijd", "stelling"), session.timeline)
    stances: list[Stance] = []
    _read_list(top, "posities", check, stance_from_dict, STANCE_KEYS, stances)
    session.stances = {s.key: s for s in stances}
    _read_list(
        top,
        "imports",
        check,
        import_from_dict,
        ("id", "bestand", "sha256", "wanneer", "segmenten"),
        session.imports,
    )
    _read_list(
        top,
        "wissingen",
        check,
        erasure_from_dict,
        ("wanneer", "deelnemer", "segmenten"),
        session.erasures,
    )
    for segment in _read_segments(top, check):
        session.segments.put(segment)
    version = top.get("versie") or 0
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        check.error(("versie",), "'versie' moet een heel getal zijn; laat dit getal staan")
        version = 0
    return session, version


def _checked(check: Checker, path: tuple[str | int, ...], what: str, build: Any, data: Any) -> Any:
    try:
        return build(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        check.error(path, f"{what} {_describe(error)}")
        return None


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missen de verplichte sleutel {error}"
    if isinstance(error, ValueError) and "geen bruikbare tijd" in str(error):
        return f"bevatten {error}"
    if isinstance(error, ValueError) and "float" in str(error):
        return "bevatten een tijd die geen getal is (gebruik seconden, zoals 12.5)"
    return f"hebben een waarde van de verkeerde soort ({error})"


def _checked_meta(top: dict[str, Any], check: Checker) -> dict[str, Any]:
    """The session data with unusable times left out (each one reported)."""
    if top.get("voorbeeld") not in (None, True, False):
        check.error(("voorbeeld",), "'voorbeeld' is true (een voorbeeldsessie) of false")
    data = dict(top)
    for key, example in (("opname_start", "95.5"), ("pauze_seconden", "300")):
        if not _check_seconds(top, key, example, check):
            data[key] = None
    if not _check_recording(top, check):
        data["opname"] = None  # the rest of the session opens; the link is made again
    return data


def _check_recording(top: dict[str, Any], check: Checker) -> bool:
    recording = top.get("opname")
    if recording is None:
        return True
    if not isinstance(recording, dict) or not set(RECORDING_KEYS) <= recording.keys():
        check.error(
            ("opname",),
            "'opname' moet pad, grootte, duur en begin_sha256 bevatten; koppel de opname "
            "opnieuw met 'goedwerkplaats opname --sessie ID BESTAND'",
        )
        return False
    check.known_keys(recording, RECORDING_KEYS, ("opname",), "'opname'")
    return True


def _check_seconds(top: dict[str, Any], key: str, example: str, check: Checker) -> bool:
    value = top.get(key)
    if value is None:
        return True
    if isinstance(value, bool) or not isinstance(value, int | float):
        check.error((key,), f"'{key}' moet een aantal seconden zijn, zoals {example}")
        return False
    problem = time_problem(value)
    if problem:
        check.error((key,), f"'{key}' is {problem}; schrijf seconden, zoals {example}")
        return False
    return True


def _read_participants(top: dict[str, Any], check: Checker) -> dict[str, Participant]:
    result: dict[str, Participant] = {}
    for index, item in enumerate(
        check.sequence(top.get("deelnemers"), ("deelnemers",), "'deelnemers'")
    ):
        path = ("deelnemers", index)
        entry = check.mapping(item, path, f"deelnemer {index + 1}")
        if entry is None:
            continue
        check.known_keys(entry, PARTICIPANT_KEYS, path, f"deelnemer {index + 1}")
        if "kenmerken" in entry and not isinstance(entry["kenmerken"], dict | None):
            check.error(
                (*path, "kenmerken"),
                "'kenmerken' moet sleutels met waarden bevatten, zoals 'functie: klantmanager'",
            )
            continue
        participant = _checked(check, path, f"deelnemer {index + 1}", participant_from_dict, entry)
        if participant is None:
            continue
        if participant.id in result:
            check.error(
                (*path, "id"),
                f"deelnemer '{participant.id}' staat twee keer in de lijst;"
                " geef elke deelnemer een eigen pseudoniem",
            )
        result[participant.id] = participant
    return result


def _read_list(
    top: dict[str, Any],
    key: str,
    check: Checker,
    build: Any,
    allowed: tuple[str, ...],
    into: list[Any],
) -> None:
    for index, item in enumerate(check.sequence(top.get(key), (key,), f"'{key}'")):
        path = (key, index)
        entry = check.mapping(item, path, f"item {index + 1} van '{key}'")
        if entry is None:
            continue
        check.known_keys(entry, allowed, path, f"item {index + 1} van '{key}'")
        value = _checked(check, path, f"item {index + 1} van '{key}'", build, entry)
        if value is not None:
            into.append(value)


def _read_segments(top: dict[str, Any], check: Checker) -> list[Segment]:
    segments: list[Segment] = []
    seen: set[str] = set()
    for index, item in enumerate(
        check.sequence(top.get("segmenten"), ("segmenten",), "'segmenten'")
    ):
        path = ("segmenten", index)
        if not isinstance(item, dict):
            check.mapping(item, path, f"segment {index + 1}")
            continue
        if len(item.keys() - SEGMENT_KEYS):
            check.known_keys(item, SEGMENT_KEYS, path, f"segment {item.get('id', index + 1)}")
        if not _times_are_numbers(item, path, check):
            continue
        segment = _checked(
            check,
            path,
            f"segment {item.get('id', index + 1)}: de gegevens",
            segment_from_dict,
            item,
        )
        if segment is None:
            continue
        _check_segment(segment, item, path, check)
        if segment.id in seen:
            check.error(
                (*path, "id"),
                f"segment-id '{segment.id}' komt twee keer voor; geef het "
                "tweede segment een nieuw id (bijvoorbeeld met een hoger nummer)",
            )
            continue
        seen.add(segment.id)
        segments.append(segment)
    return segments


def _times_are_numbers(item: dict[str, Any], path: tuple[str | int, ...], check: Checker) -> bool:
    ok = True
    for key in ("start", "eind"):
        value = item.get(key)
        if key == "start" and value is None:
            check.error(path, f"segment {item.get('id', '?')}: 'start' ontbreekt")
            ok = False
        elif value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            check.error(
                (*path, key),
                f"segment {item.get('id', '?')}: '{key}' moet een aantal seconden zijn, zoals 12.5",
            )
            ok = False
        elif value is not None and (problem := time_problem(value)):
            check.error(
                (*path, key),
                f"segment {item.get('id', '?')}: '{key}' is {problem}; schrijf seconden, "
                "zoals 12.5",
            )
            ok = False
    return ok


def _check_segment(
    segment: Segment, item: dict[str, Any], path: tuple[str | int, ...], check: Checker
) -> None:
    what = f"segment {segment.id}"
    if segment.kind not in KINDS:
        check.error(
            (*path, "soort"),
            f"{what}: onbekende soort '{segment.kind}'; kies uit {', '.join(KINDS)}",
        )
    for key in ("themas", "vlaggen"):
        if key in item and not isinstance(item[key], list | None):
            check.error((*path, key), f"{what}: '{key}' moet een lijst zijn, zoals [a, b]")
    if not isinstance(item.get("tekst", ""), str | int | float | None):
        check.error((*path, "tekst"), f"{what}: 'tekst' moet tekst zijn")
    if segment.end is not None and segment.end < segment.start:
        check.warn((*path, "eind"), f"{what}: het eind ligt vóór het begin")
