"""Times: seconds in data, HH:MM:SS on screen and in exports."""

from __future__ import annotations

import re

_TIME = re.compile(r"^\s*(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?\s*$")


def format_time(seconds: float | None) -> str:
    """HH:MM:SS, rounding down; negative times (before the recording) get a minus sign."""
    if seconds is None:
        return "--:--:--"
    whole = int(abs(seconds))
    sign = "-" if seconds < 0 and whole else ""  # not "-00:00:00" for half a second before
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}:{secs:02d}"


def format_duration(seconds: float, with_hours: bool = False) -> str:
    """A duration for timers: M:SS under an hour, H:MM:SS above or when asked for."""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    sign = "-" if seconds < 0 else ""
    if hours or with_hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def parse_time(text: str) -> float | None:
    """Seconds from HH:MM:SS, MM:SS, with optional .mmm or ,mmm; None if it is no time."""
    match = _TIME.match(text)
    if not match:
        return None
    hours, minutes, secs, millis = match.groups()
    if int(secs) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(secs)
    if millis:
        value += int(millis.ljust(3, "0")) / 1000
    return float(value)
