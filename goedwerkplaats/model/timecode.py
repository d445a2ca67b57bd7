"""Times: seconds in data, HH:MM:SS on screen and in exports."""

from __future__ import annotations

import math
import re

# A focus group lasts hours; a week either way is room enough for any recording offset, and
# anything beyond it (1e308, a typo of many digits) is a mistake that would break every export.
MAX_SECONDS = 7 * 24 * 3600

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


def format_short_time(seconds: float) -> str:
    """A time for a narrow column: M:SS under an hour, H:MM:SS from an hour on (as media
    players show it); signed and rounded down like format_time (no "-0:00")."""
    return format_duration(seconds if int(abs(seconds)) else 0.0)


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
    value = float(int(hours or 0) * 3600 + int(minutes) * 60 + int(secs))
    if millis:
        value += int(millis.ljust(3, "0")) / 1000
    return value if value <= MAX_SECONDS else None


def time_problem(seconds: float) -> str | None:
    """Why `seconds` is no usable time (not finite, absurdly large), or None when it is fine.

    The one rule for every way a time enters a session: command line, app, YAML, journal."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        return "geen bruikbare tijd (geen getal)"
    if not math.isfinite(seconds):
        return f"geen bruikbare tijd ({seconds} is geen eindig getal)"
    if abs(seconds) > MAX_SECONDS:
        return f"geen bruikbare tijd (meer dan een week: {seconds:g} seconden)"
    return None


def checked_seconds(value: object) -> float:
    """`value` as seconds; ValueError with a Dutch reason when it is no usable time."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("geen bruikbare tijd (geen getal)")
    problem = time_problem(value)
    if problem:
        raise ValueError(problem)
    return float(value)


def parse_offset(text: str) -> float:
    """A signed time typed by a user: UU:MM:SS (optional .mmm) or seconds (12.5 or 12,5).

    ValueError with a Dutch message naming what was typed when it is no usable time."""
    raw = text.strip()
    sign = -1.0 if raw.startswith("-") else 1.0
    body = raw[1:] if raw[:1] in "-+" else raw
    seconds = parse_time(body) if ":" in body else _plain_seconds(body)
    if seconds is None:
        raise ValueError(f"'{text}' is geen tijd; schrijf UU:MM:SS of seconden")
    problem = time_problem(seconds)
    if problem:
        raise ValueError(f"'{text}' is {problem}; schrijf UU:MM:SS of seconden")
    return sign * seconds


def _plain_seconds(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None
