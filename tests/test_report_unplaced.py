"""Fragments the outline has no place for are named by stelling and theme, largest group first."""

from __future__ import annotations

from goedwerkplaats.model.guide import Guide, Theme
from goedwerkplaats.report.fragments import Fragment
from goedwerkplaats.report.unplaced import describe_unplaced, unplaced_groups, why_unplaced


def fragment(segment: str, statement: str | None, *themes: str) -> Fragment:
    return Fragment(
        session="gwp-1",
        segment=segment,
        start=0.0,
        speaker="P1",
        statement=statement,
        themes=themes,
        arena=None,
        primary=None,
        starred=False,
        note=False,
    )


GUIDE = Guide(
    title="t",
    statements=(),
    themes=(Theme("ruimte", "Professionele ruimte"), Theme("klant", "Klant")),
    arenas=(),
)


def test_groups_by_stelling_and_themes_largest_first() -> None:
    left_out = [
        fragment("s1", "3", "klant"),
        fragment("s2", "2", "ruimte"),
        fragment("s3", "2", "ruimte"),
        fragment("s4", None, "ruimte"),
    ]
    groups = unplaced_groups(left_out)
    assert [(g.statement, g.themes, g.refs) for g in groups] == [
        ("2", ("ruimte",), ("gwp-1/s2", "gwp-1/s3")),
        (None, ("ruimte",), ("gwp-1/s4",)),
        ("3", ("klant",), ("gwp-1/s1",)),
    ]


def test_the_lines_name_labels_a_few_places_and_what_to_do() -> None:
    left_out = [fragment(f"s{n}", "3", "ruimte", "onbekend") for n in range(1, 6)]
    first, advice = describe_unplaced(left_out, GUIDE)
    assert first == (
        "  stelling 3, thema's 'Professionele ruimte', 'onbekend': 5 "
        "(gwp-1/s1, gwp-1/s2, gwp-1/s3 en nog 2)"
    )
    assert "rapport.yaml" in advice and "codeer" in advice
    assert why_unplaced(fragment("s9", None), GUIDE) == "zonder stelling, zonder thema"
