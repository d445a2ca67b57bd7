"""The coded transcript of one session, in Word or as plain text for QDA packages.

Call from the app (in a worker thread) or the CLI::

    from goedwerkplaats.exporters.transcript import TranscriptOptions, export_transcript

    path = export_transcript(project, TranscriptOptions(session="gwp-1"), progress=cb)

`TranscriptOptions`:
    session       the session id
    format        "docx" (header, stelling headings, codes under each utterance, notes as Word
                  comments) or "txt" (`[HH:MM:SS] Spreker: tekst` lines)
    names         real names instead of pseudonyms (privacy: off by default)
    output, force where to write (see `output.output_path`) and whether to overwrite

Times are recording time when the session has a recording mark (`opname_start`), else session
time. `progress(done, total)` is called now and then; user errors raise `GwpError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from goedwerkplaats.exporters.kinds import TRANSCRIPT_FORMATS
from goedwerkplaats.exporters.output import output_path, record_export
from goedwerkplaats.exporters.privacy import Anonymizer
from goedwerkplaats.exporters.progress import Progress, ProgressTicker
from goedwerkplaats.exporters.selection import load_sessions
from goedwerkplaats.exporters.transcript_docx import write_transcript_docx
from goedwerkplaats.exporters.transcript_lines import transcript_lines
from goedwerkplaats.exporters.transcript_txt import transcript_text
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.privacy.mask_terms import load_mask_terms
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.atomic import write_atomic

FORMAT_DOCX = "docx"
FORMAT_TXT = "txt"
FORMATS = TRANSCRIPT_FORMATS


@dataclass(frozen=True)
class TranscriptOptions:
    session: str
    format: str = FORMAT_DOCX
    names: bool = False
    output: Path | None = None
    force: bool = False


def export_transcript(
    project: Project, options: TranscriptOptions, progress: Progress | None = None
) -> Path:
    """Write the transcript and return its path."""
    if options.format not in FORMATS:
        raise GwpError(f"onbekend formaat '{options.format}'; kies uit {', '.join(FORMATS)}")
    guide = project.load_guide()
    mask = load_mask_terms(project.root)
    session = load_sessions(project, [options.session])[0]
    anonymizer = Anonymizer(session, mask, names=options.names)
    lines = transcript_lines(session, guide, anonymizer)
    target = output_path(
        project, f"transcript-{session.id}", f".{options.format}", options.output, options.force
    )
    if options.format == FORMAT_DOCX:
        write_transcript_docx(session, guide, anonymizer, lines, target, progress)
    else:
        write_atomic(target, transcript_text(lines).encode("utf-8"))
        ProgressTicker(1, progress).finish()
    kind = "Word" if options.format == FORMAT_DOCX else "tekst"
    what = f"transcript ({kind})" + (", met namen" if options.names else "")
    record_export(project, [session.id], target, what)
    return target
