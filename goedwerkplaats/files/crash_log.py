"""Where unexpected errors go: a local log file instead of a traceback on the user's screen."""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path


def log_crash(error: BaseException | None = None) -> Path:
    """Append the traceback (of `error`, or of the exception being handled) and say where."""
    folder = Path.home() / ".cache" / "goedwerkplaats"
    text = "".join(traceback.format_exception(error)) if error else traceback.format_exc()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "fouten.log"
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {dt.datetime.now().astimezone().isoformat()}\n{text}\n")
        return log
    except OSError:
        return Path("(niet te schrijven)")
