"""Why fragments stay out of the report, grouped so a researcher can act on it.

A fragment is left out when no chapter that draws on its stelling has a section for any of
its themes. Listing the (stelling, themes) combinations, with where each occurs, tells the
researcher what to do: give a theme a section (`thema` or `ook` in rapport.yaml) or code the
fragments differently."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.report.fragments import Fragment

SHOWN_REFS = 3  # refs named per group; the rest counted


@dataclass(frozen=True)
class UnplacedGroup:
    statement: str | None
    themes: tuple[str, ...]
    refs: tuple[str, ...]  # 'sessie/segment', in the fragments' order


def unplaced_groups(unplaced: Sequence[Fragment]) -> list[UnplacedGroup]:
    """The left-out fragments per (stelling, themes), largest group first."""
    groups: dict[tuple[str | None, tuple[str, ...]], list[str]] = {}
    for fragment in unplaced:
        groups.setdefault((fragment.statement, fragment.themes), []).append(fragment.ref)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0][0] or "", item[0][1]))
    return [UnplacedGroup(statement, themes, tuple(refs)) for (statement, themes), refs in ordered]


def why_unplaced(fragment: Fragment, guide: Guide) -> str:
    """One fragment's reason, as the report screen shows it."""
    return f"{_statement(fragment.statement)}, {_themes(fragment.themes, guide)}"


def describe_unplaced(unplaced: Sequence[Fragment], guide: Guide) -> list[str]:
    """Lines for the command line: one per group, then what to do."""
    lines = []
    for group in unplaced_groups(unplaced):
        refs = ", ".join(group.refs[:SHOWN_REFS])
        more = len(group.refs) - SHOWN_REFS
        if more > 0:
            refs += f" en nog {more}"
        lines.append(
            f"  {_statement(group.statement)}, {_themes(group.themes, guide)}: "
            f"{len(group.refs)} ({refs})"
        )
    lines.append(
        "  Geef zo'n thema een paragraaf in het hoofdstuk van die stelling (thema of ook in "
        "rapport.yaml), of codeer de fragmenten anders."
    )
    return lines


def _statement(statement_id: str | None) -> str:
    return "zonder stelling" if statement_id is None else f"stelling {statement_id}"


def _themes(themes: tuple[str, ...], guide: Guide) -> str:
    labels = []
    for theme_id in themes:
        theme = guide.theme(theme_id)
        labels.append(f"'{theme.label}'" if theme is not None else f"'{theme_id}'")
    word = "thema" if len(labels) == 1 else "thema's"
    return f"{word} {', '.join(labels)}" if labels else "zonder thema"
