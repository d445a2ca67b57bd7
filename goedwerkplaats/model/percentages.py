"""Percentages as tables print them: whole numbers of the counts' total."""

from __future__ import annotations

from collections.abc import Sequence


def whole_percentages(counts: Sequence[int]) -> list[int]:
    """Whole percentages of the total, rounded half up (a row may add up to 99 or 101)."""
    total = sum(counts)
    if not total:
        return [0] * len(counts)
    return [int(100 * count / total + 0.5) for count in counts]
