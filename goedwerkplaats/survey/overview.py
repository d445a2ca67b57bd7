"""What is in an export before there is a mapping: per column its most frequent answers,
so that a researcher can write the scales and items of `enquete.yaml`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from goedwerkplaats.survey.reader import Responses


@dataclass(frozen=True)
class ColumnSummary:
    header: str
    answered: int
    common: tuple[tuple[str, int], ...]  # the most frequent answers, most first
    distinct: int


def column_summaries(responses: Responses, top: int = 6) -> list[ColumnSummary]:
    summaries = []
    for index, header in enumerate(responses.columns):
        values = Counter(
            row.cells[index]
            for row in responses.rows
            if index < len(row.cells) and row.cells[index]
        )
        summaries.append(
            ColumnSummary(header, sum(values.values()), tuple(values.most_common(top)), len(values))
        )
    return summaries
