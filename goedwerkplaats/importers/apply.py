"""Carrying out an import plan: one durable batch, then the session in memory, then the log."""

from __future__ import annotations

from goedwerkplaats.files.problems import GwpError, Problem
from goedwerkplaats.importers.plan_model import ImportPlan
from goedwerkplaats.model.session import Session
from goedwerkplaats.storage.audit import AUDIT_FILE, append_audit
from goedwerkplaats.storage.session_store import SessionStore

AUDIT_ACTION = "geïmporteerd"


class PlanOutdated(GwpError):
    """The session changed between planning and applying; plan again."""


def apply_import(store: SessionStore, plan: ImportPlan) -> list[Problem]:
    """Write every change of `plan` with one `store.persist` batch, fold it into
    `store.session`, and note it in the session's log (logboek.jsonl).

    Raises PlanOutdated when the session no longer is what the plan was made from, and
    GwpError (SaveError) when writing fails; in both cases nothing is written. Returns
    warnings that came up after the import was safely stored (the log could not be written).
    """
    check_plan_fits(store.session, plan)
    store.apply(*plan.changes())
    try:
        append_audit(store.folder, AUDIT_ACTION, audit_detail(plan))
    except OSError as error:
        return [
            Problem(
                store.folder / AUDIT_FILE,
                None,
                f"het transcript is geïmporteerd en opgeslagen, maar het logboek kon niet "
                f"worden bijgewerkt ({error.strerror or error})",
                warning=True,
            )
        ]
    return []


def check_plan_fits(session: Session, plan: ImportPlan) -> None:
    """Refuse a plan made from another state of the session (e.g. edited meanwhile)."""
    if session.id != plan.session_id:
        raise PlanOutdated(
            f"dit importplan hoort bij sessie '{plan.session_id}', niet bij '{session.id}'"
        )
    if any(r.sha256 == plan.record.sha256 for r in session.imports):
        raise GwpError(f"{plan.record.file} is al geïmporteerd in sessie '{session.id}'")
    changed = (
        session.meta != plan.meta_before
        or any(s.id in session.segments for s in plan.segments)
        or any(p.id in session.participants for p in plan.participants)
        or any(not _still_nameless(session, p.id) for p in plan.named)
        or any(session.segments.get(q.id) != q for q in plan.live_before)
        or (bool(plan.switches) and bool(session.timeline))
    )
    if changed:
        raise PlanOutdated(
            f"sessie '{session.id}' is gewijzigd sinds het importplan werd gemaakt; "
            "importeer het bestand opnieuw"
        )


def _still_nameless(session: Session, participant_id: str) -> bool:
    participant = session.participant(participant_id)
    return participant is not None and not participant.name


def audit_detail(plan: ImportPlan) -> str:
    """For the log: what came in, without names (the log travels with the session)."""
    new = sum(1 for p in plan.participants if not p.facilitator)
    parts = [
        f"{plan.record.file} ({plan.format}, sha256 {plan.record.sha256[:12]}): "
        f"{len(plan.segments)} segmenten, import {plan.record.id}",
        f"{new} nieuwe deelnemers",
    ]
    if plan.live_updates or plan.unmatched:
        parts.append(
            f"{len(plan.live_updates)} live citaten gekoppeld, {len(plan.unmatched)} niet gevonden"
        )
    if plan.meta is not None:
        parts.append(f"opnamestart {plan.offset_source}: {plan.offset:.1f} s")
    return "; ".join(parts)
