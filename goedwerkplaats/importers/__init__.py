"""Importing transcripts: one module per format, pure functions from files to model objects.

No UI code here (and no Textual). The app and the command line use the same two calls:

    plan = plan_import(session, guide, path, ImportOptions(...))   # reads; changes nothing
    warnings = apply_import(store, plan)                           # one durable batch

``plan_import(session: Session, guide: Guide, path: Path, options: ImportOptions | None)
-> ImportPlan`` reads the file (WebVTT, SRT, plain text or Word .docx, recognised by content
and extension), works out participants, segments, stellingen, the recording start and live
quote links, and raises ``ProblemsError`` (file and line per problem) or ``GwpError`` when the
file cannot be used or was imported before. It only reads `session`; safe in a worker thread
on a snapshot of the session.

``apply_import(store: SessionStore, plan: ImportPlan) -> list[Problem]`` checks that the
session is still what the plan was made from (else ``PlanOutdated``), writes all changes with
one ``store.persist`` batch, folds them into ``store.session`` and appends "geïmporteerd" to
the session's log. Returns warnings that arose after the data was safe (log not writable).
An app that saves through its own queue can instead submit ``plan.changes()`` as one batch,
after ``check_plan_fits(session, plan)``, and call ``append_audit`` itself.

``describe_plan(plan, applied=True) -> list[str]`` tells the outcome in Dutch lines. A plan
with ``overlaps`` (a second transcript of time an earlier import already covers: module
overlap) would double the session; ``overlap_warning(plan)`` says so, and both the command
line (``--ja``) and the app ask before importing it. ``span_overlaps(session, start, end)``
and ``span_overlap_warning`` do the same for a recording's stretch of session time alone, so
that transcribing can ask before listening.

Modules. Reading: reader (format detection, sha256), encoding (UTF-8 / UTF-16 / cp1252 /
latin-1), webvtt, srt, cues (shared by both), plaintext, docx_reader, transcript (what they
produce), speakers and marks (recognising `Name:` and `!stelling 2`). Planning: plan (the
steps), plan_model (options and plan), participants (speakers → P1, P2…, GL), rows (times,
merging), statements (stelling lines and readings), textmatch, live (matching quotes,
estimating the recording start), linking (live quotes → segments). Then apply and report.
"""

from goedwerkplaats.importers.apply import PlanOutdated, apply_import, check_plan_fits
from goedwerkplaats.importers.overlap import SpanOverlap, span_overlaps
from goedwerkplaats.importers.plan import build_plan, plan_import
from goedwerkplaats.importers.plan_model import (
    ImportOptions,
    ImportPlan,
    SpeakerChoice,
    StatementFound,
)
from goedwerkplaats.importers.reader import read_transcript_file
from goedwerkplaats.importers.report import (
    DOUBLE_WORD,
    describe_plan,
    overlap_warning,
    span_overlap_warning,
)

__all__ = [
    "DOUBLE_WORD",
    "ImportOptions",
    "ImportPlan",
    "PlanOutdated",
    "SpanOverlap",
    "SpeakerChoice",
    "StatementFound",
    "apply_import",
    "build_plan",
    "check_plan_fits",
    "describe_plan",
    "overlap_warning",
    "plan_import",
    "read_transcript_file",
    "span_overlap_warning",
    "span_overlaps",
]
