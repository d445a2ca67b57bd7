"""Column widths for a table from its text, so no header breaks in the middle of a word."""

from __future__ import annotations

from collections.abc import Sequence

TWIPS_PER_CM = 567
CHAR = 0.18 * TWIPS_PER_CM  # a character of 9 pt table text, bold, with room to spare
PADDING = 0.45 * TWIPS_PER_CM  # the cell margins of the table styles, left and right
NARROWEST = 1.2 * TWIPS_PER_CM
SAMPLE = 200  # rows to look at; a long table's widths are set by its first rows


def column_widths(
    header: Sequence[str] | None, rows: Sequence[Sequence[str]], total: int
) -> list[int]:
    """Widths in twips filling `total`: every column fits its longest word (header included),
    the rest of the room goes to the columns whose body text would otherwise wrap most."""
    columns = max([len(header or ())] + [len(row) for row in rows[:SAMPLE]])
    if columns == 0:
        return []
    body = [list(row) for row in rows[:SAMPLE]]
    least, natural = [], []
    for index in range(columns):
        cells = [row[index] for row in body if index < len(row)]
        heading = [header[index]] if header and index < len(header) else []
        words = [len(word) for cell in cells + heading for word in cell.split()] or [1]
        least.append(max(max(words) * CHAR + PADDING, NARROWEST))
        # a header may wrap between words; body text that wraps makes every row taller
        longest = max((len(cell) for cell in cells), default=1)
        natural.append(max(longest * CHAR + PADDING, least[-1]))
    if sum(least) >= total:
        return _scaled(least, total)
    room = total - sum(least)
    wants = [n - m for n, m in zip(natural, least, strict=True)]
    if sum(wants) >= room:
        return [int(m + room * w / sum(wants)) for m, w in zip(least, wants, strict=True)]
    return _scaled(natural, total)


def _scaled(widths: list[float], total: int) -> list[int]:
    factor = total / sum(widths)
    return [int(w * factor) for w in widths]
