"""Reading and checking `enquete.yaml`: which export, its answer scales, and the tables.

Every problem names the file and line and says what to do, like the guide's messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from goedwerkplaats.files.checker import Checker, check_text_file, did_you_mean, parse_checked
from goedwerkplaats.files.problems import Problem, ProblemsError
from goedwerkplaats.files.yamlio import PathKey
from goedwerkplaats.survey.model import (
    DEFAULT_TITLE_MANY,
    DEFAULT_TITLE_ONE,
    Item,
    Scale,
    ScalePoint,
    SurveyMapping,
    SurveyTable,
)
from goedwerkplaats.survey.reader import SUFFIXES

SURVEY_FILE = "enquete.yaml"
TOP_KEYS = ("bestand", "blad", "kopregels", "schalen", "tabellen")
SCALE_KEYS = ("antwoorden", "nummers_vanaf", "niet_meetellen")
POINT_KEYS = ("label", "waarden")
TABLE_KEYS = ("titel", "paragraaf", "hoofdstuk", "stelling", "schaal", "grafiek", "vragen")
ITEM_KEYS = ("kolom", "tekst")


def normal(value: str) -> str:
    """A raw answer or header as compared: spaces collapsed, case ignored."""
    return " ".join(value.split()).casefold()


def load_mapping(path: Path) -> SurveyMapping:
    mapping, problems = check_mapping(path)
    if mapping is None:
        raise ProblemsError(problems)
    return mapping


def check_mapping(path: Path) -> tuple[SurveyMapping | None, list[Problem]]:
    return check_text_file(path, parse_mapping)


def parse_mapping(text: str, file: Path | str) -> tuple[SurveyMapping | None, list[Problem]]:
    return parse_checked(text, file, lambda data, check: _Reader(check).mapping(data))


class _Reader:
    def __init__(self, check: Checker) -> None:
        self.check = check

    def mapping(self, data: Any) -> SurveyMapping | None:
        check = self.check
        if data is None:
            check.error((), "het bestand is leeg; zie de README (Enquête) voor een voorbeeld")
            return None
        top = check.mapping(data, (), "enquete.yaml")
        if top is None:
            return None
        check.known_keys(top, TOP_KEYS, (), "enquete.yaml")
        file = check.text(top, "bestand", (), "enquete.yaml", required=True)
        if file and Path(file).suffix.lower() == ".xls":
            check.error(
                ("bestand",),
                f"'{file}' is de oude Excel-indeling (.xls), die niet gelezen wordt; open het in "
                "Excel, sla het op als .xlsx (of CSV) en pas 'bestand' aan",
            )
        elif file and Path(file).suffix.lower() not in SUFFIXES:
            check.error(
                ("bestand",),
                f"'{file}' is geen CSV- of Excel-bestand (.csv, .xlsx); exporteer de "
                "resultaten in een van die vormen",
            )
        scales = self._scales(top.get("schalen"))
        tables = self._tables(top.get("tabellen"), scales)
        return SurveyMapping(
            file=file,
            tables=tables,
            sheet=check.text(top, "blad", (), "enquete.yaml"),
            header_rows=check.positive_int(top, "kopregels", (), "enquete.yaml"),
            file_line=check.index.line(("bestand",)),
        )

    # ------------------------------------------------------------------ scales

    def _scales(self, value: Any) -> dict[str, Scale]:
        check = self.check
        if value is None:
            check.error((), "er zijn geen 'schalen'; geef elke antwoordschaal een naam en labels")
            return {}
        data = check.mapping(value, ("schalen",), "'schalen'")
        scales: dict[str, Scale] = {}
        for name, entry in (data or {}).items():
            scale = self._scale(str(name), entry, ("schalen", str(name)))
            if scale is not None:
                scales[str(name)] = scale
        return scales

    def _scale(self, name: str, entry: Any, path: PathKey) -> Scale | None:
        check = self.check
        what = f"schaal '{name}'"
        if isinstance(entry, list):  # only the labels, in order
            entry = {"antwoorden": entry}
        data = check.mapping(entry, path, what)
        if data is None:
            return None
        check.known_keys(data, SCALE_KEYS, path, what)
        raw_points = check.sequence(data.get("antwoorden"), (*path, "antwoorden"), what)
        if len(raw_points) < 2:
            check.error(path, f"{what} heeft minder dan twee 'antwoorden'; zet ze in volgorde")
            return None
        points = []
        owner: dict[str, str] = {}
        for i, raw in enumerate(raw_points):
            point = self._point(raw, (*path, "antwoorden", i), what)
            if point is None:
                continue
            for value in (point.label, *point.values):
                earlier = owner.setdefault(normal(value), point.label)
                if earlier != point.label:
                    check.error(
                        (*path, "antwoorden", i),
                        f"'{value}' hoort bij {what} al bij '{earlier}'; een waarde kan maar "
                        "één antwoord betekenen",
                    )
            points.append(point)
        first = data.get("nummers_vanaf")
        if first is not None:  # answers exported as numbers: 1 = the first label, and so on
            if isinstance(first, bool) or not isinstance(first, int):
                check.error(
                    (*path, "nummers_vanaf"),
                    f"'nummers_vanaf' van {what} moet een heel getal zijn, meestal 1 (of 0)",
                )
            else:
                points = self._numbered(points, first, owner, path, what)
        excluded = check.texts(data, "niet_meetellen", path, what)
        for value in excluded:
            if normal(value) in owner:
                check.error(
                    (*path, "niet_meetellen"),
                    f"'{value}' staat bij {what} zowel in de antwoorden als in "
                    "'niet_meetellen'; haal het op één plek weg",
                )
        return Scale(name, tuple(points), excluded)

    def _numbered(
        self, points: list[ScalePoint], first: int, owner: dict[str, str], path: PathKey, what: str
    ) -> list[ScalePoint]:
        numbered = []
        for position, point in enumerate(points):
            code = str(first + position)
            earlier = owner.setdefault(code, point.label)
            if earlier != point.label:
                self.check.error(
                    (*path, "nummers_vanaf"),
                    f"{code} hoort bij {what} al bij '{earlier}'; haal het weg bij 'waarden' "
                    "of laat 'nummers_vanaf' weg",
                )
            numbered.append(ScalePoint(point.label, (*point.values, code)))
        return numbered

    def _point(self, raw: Any, path: PathKey, what: str) -> ScalePoint | None:
        check = self.check
        if isinstance(raw, str | int | float) and not isinstance(raw, bool):
            return ScalePoint(str(raw).strip())
        data = check.mapping(raw, path, f"een antwoord van {what}")
        if data is None:
            return None
        check.known_keys(data, POINT_KEYS, path, f"een antwoord van {what}")
        label = check.text(data, "label", path, f"een antwoord van {what}", required=True)
        if not label:
            return None
        return ScalePoint(label, check.texts(data, "waarden", path, f"antwoord '{label}'"))

    # ------------------------------------------------------------------ tables

    def _tables(self, value: Any, scales: dict[str, Scale]) -> tuple[SurveyTable, ...]:
        check = self.check
        entries = check.sequence(value, ("tabellen",), "'tabellen'")
        if not entries and value is None:
            check.error((), "er zijn geen 'tabellen'; zeg welke vragen in welke tabel komen")
        tables = []
        for i, entry in enumerate(entries):
            table = self._table(entry, ("tabellen", i), i + 1, scales)
            if table is not None:
                tables.append(table)
        return tuple(tables)

    def _table(
        self, entry: Any, path: PathKey, number: int, scales: dict[str, Scale]
    ) -> SurveyTable | None:
        check = self.check
        what = f"tabel {number}"
        data = check.mapping(entry, path, what)
        if data is None:
            return None
        check.known_keys(data, TABLE_KEYS, path, what)
        scale_name = check.text(data, "schaal", path, what, required=True)
        scale = scales.get(scale_name)
        if scale_name and scale is None:
            check.error(
                (*path, "schaal"),
                f"{what}: onbekende schaal '{scale_name}'{did_you_mean(scale_name, list(scales))}"
                f"; de schalen zijn: {', '.join(scales) or 'geen'}",
            )
        items = self._items(data.get("vragen"), (*path, "vragen"), what)
        section = check.text(data, "paragraaf", path, what)
        chapter = check.text(data, "hoofdstuk", path, what)
        statement = check.text(data, "stelling", path, what)
        if not (section or chapter or statement):
            check.error(
                path,
                f"{what} zegt niet waar hij in het rapport komt; geef 'paragraaf' (een thema of "
                "paragraaf uit rapport.yaml), 'hoofdstuk' (een hoofdstuk-id) of 'stelling'",
            )
        title = check.text(data, "titel", path, what) or (
            DEFAULT_TITLE_ONE if len(items) == 1 else DEFAULT_TITLE_MANY
        )
        if scale is None or not items:
            return None
        return SurveyTable(
            title=title,
            scale=scale,
            items=items,
            section=section,
            chapter=chapter,
            statement=statement,
            chart=self.check.flag(data, "grafiek", path),
            line=check.index.line(path),
        )

    def _items(self, value: Any, path: PathKey, what: str) -> tuple[Item, ...]:
        check = self.check
        entries = check.sequence(value, path, f"'vragen' van {what}")
        if not entries:
            check.error(path, f"{what} heeft geen 'vragen'; zet onder 'vragen:' de kolommen")
            return ()
        items = []
        for i, entry in enumerate(entries):
            if isinstance(entry, str | int) and not isinstance(entry, bool):
                items.append(Item(str(entry).strip(), line=check.index.line((*path, i))))
                continue
            data = check.mapping(entry, (*path, i), f"een vraag van {what}")
            if data is None:
                continue
            check.known_keys(data, ITEM_KEYS, (*path, i), f"een vraag van {what}")
            column = check.text(data, "kolom", (*path, i), f"een vraag van {what}", required=True)
            if column:
                text = check.text(data, "tekst", (*path, i), what)
                items.append(Item(column, text, check.index.line((*path, i))))
        return tuple(items)
