"""Background work that fails must say so: a message instead of a screen stuck on "Bezig…".

Textual posts `Worker.StateChanged` only to the node that started the worker and does not
bubble it, so every screen that runs workers mixes in `ReportsWorkerErrors`; the app has its
own copy for workers it starts itself.
"""

from __future__ import annotations

import errno

from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState

from goedwerkplaats.files.crash_log import log_crash
from goedwerkplaats.files.problems import GwpError

# errno → (what went wrong, what the user can do)
_WRITE_ERRORS = {
    errno.ENOSPC: ("de schijf is vol", "maak ruimte vrij en probeer het opnieuw"),
    errno.EROFS: ("de schijf is alleen-lezen", "kies een map waarin u mag schrijven"),
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    _WRITE_ERRORS[errno.EDQUOT] = ("uw schijfquotum is op", "maak ruimte vrij")
_ACCESS_ERRORS = {errno.EACCES, errno.EPERM}


def describe_error(error: BaseException | None) -> str:
    """One Dutch sentence for the user; a disk problem names the file and what to do."""
    if isinstance(error, OSError):
        return describe_os_error(error)
    if isinstance(error, GwpError):
        return str(error)  # already written for the user
    detail = f"{type(error).__name__}: {error}" if error is not None else "onbekende fout"
    return f"er ging iets onverwachts mis ({detail})"


def describe_os_error(error: OSError) -> str:
    where = f" {error.filename}" if error.filename else ""
    if error.errno in _WRITE_ERRORS:
        reason, advice = _WRITE_ERRORS[error.errno]
        return f"kan niet schrijven naar{where}: {reason}; {advice}"
    if error.errno in _ACCESS_ERRORS:
        return f"geen toegang tot{where or ' het bestand'} (geen rechten of alleen-lezen)"
    if error.errno == errno.ENOENT:
        return f"{where.strip() or 'het bestand'} bestaat niet (meer)"
    reason = error.strerror or str(error)
    return f"bestand{where}: {reason}" if where else f"schijffout: {reason}"


def report_worker_error(worker: Worker[object]) -> str:
    """Log the traceback for the developer; return what the user reads, with where it went."""
    log = log_crash(worker.error)
    return f"{capitalised(describe_error(worker.error))}. Details: {log}"


class ReportsWorkerErrors(MessagePump):
    """Mixin for a Screen (or the App) running `@work(..., exit_on_error=False)` workers.

    On an error it notifies the user and calls `worker_failed`, where a screen puts itself
    back in a usable state (progress hidden, keys working again).
    """

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        message = report_worker_error(event.worker)
        # markup off: an error text may hold brackets ("[…]") that Rich would eat or choke on
        self.app.notify(message, title="Mislukt", severity="error", timeout=20, markup=False)
        self.worker_failed(event.worker, describe_error(event.worker.error))

    def worker_failed(self, worker: Worker[object], reason: str) -> None:
        """Undo a screen's busy state (`reason` is the Dutch sentence); the default has none."""


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
