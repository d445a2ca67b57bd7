"""Reading and checking `rapport.yaml`, and the outline a project without one gets.

Every problem names the file and line and says what to do, like the guide's messages. Without
`rapport.yaml` the report follows the guide: a chapter per stelling, a section per main theme.
"""

from __future__ import annotations

import dataclasses
import re
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from goedwerkplaats.files.checker import (
    NO_WORDS,
    YES_WORDS,
    Checker,
    check_text_file,
    did_you_mean,
    parse_checked,
)
from goedwerkplaats.files.problems import Problem, ProblemsError
from goedwerkplaats.files.yamlio import PathKey
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.privacy.singling_out import CHOICES as SINGLING_OUT_CHOICES
from goedwerkplaats.report.outline import (
    ARENA_MODES,
    ARENAS_AUTO,
    ARENAS_NO,
    ARENAS_YES,
    ATTRIBUTION_NONE,
    ATTRIBUTIONS,
    CLOSING_KEY,
    DEFAULT_QUOTE_DASH,
    DEFAULT_QUOTE_MARKS,
    DIMENSION_SESSION,
    INTRO_KEY,
    PROSE_DIR,
    Chapter,
    CrossTableSpec,
    Outline,
    Section,
    dimensions,
)

OUTLINE_FILE = "rapport.yaml"
TOP_KEYS = (
    "titel",
    "ondertitel",
    "eerste_hoofdstuk",
    "bronvermelding",
    "aanhalingstekens",
    "citaatstreep",
    "verantwoording",
    "notities",
    "zie_ook",
    "inhoudsopgave",
    "herkenbaar",
    "hoofdstukken",
)
CHAPTER_KEYS = ("id", "titel", "stellingen", "paragrafen", "slot", "tekst", "posities")
SECTION_KEYS = ("thema", "titel", "ook", "subkopjes", "arenas", "breedte", "tekst", "kruistabel")
CROSS_TABLE_KEYS = ("tegen", "thema's", "herkenbaar")
_WORD = re.compile(r"[^a-z0-9]+")


def load_outline(root: Path, guide: Guide) -> Outline:
    """The project's outline; the implicit one when there is no `rapport.yaml`."""
    path = root / OUTLINE_FILE
    if not path.exists():
        return implicit_outline(guide)
    outline, problems = check_outline(path, guide)
    if outline is None:
        raise ProblemsError(problems)
    return outline


def check_outline(path: Path, guide: Guide) -> tuple[Outline | None, list[Problem]]:
    return check_text_file(path, lambda text, file: parse_outline(text, file, guide))


def parse_outline(
    text: str, file: Path | str, guide: Guide
) -> tuple[Outline | None, list[Problem]]:
    return parse_checked(text, file, lambda data, check: _Reader(check, guide).outline(data))


def study_outline_text() -> str:
    """The shipped outline of the SAM study's chapters 5-7 (goedwerkplaats/data/rapport.yaml),
    as `init` writes it next to the study's guide."""
    return resources.files("goedwerkplaats.data").joinpath(OUTLINE_FILE).read_text("utf-8")


def study_outline_fits(guide: Guide) -> bool:
    """Whether the shipped outline belongs to `guide`: the study's title, and every stelling
    and theme it names known (warnings, such as a theme of one's own left out, are fine)."""
    outline, _problems = parse_outline(study_outline_text(), OUTLINE_FILE, guide)
    return outline is not None and outline.title == guide.title


def implicit_outline(guide: Guide) -> Outline:
    """A chapter per stelling (guide order, its text as title), a section per main theme."""
    chapters = []
    for statement in guide.statements:
        chapter_id = f"stelling-{statement.id}"
        chapters.append(
            Chapter(
                id=chapter_id,
                title=statement.text,
                statements=(statement.id,),
                sections=_main_theme_sections(guide, chapter_id),
                prose=prose_path(chapter_id, INTRO_KEY),
            )
        )
    return Outline(
        title=guide.title or "Goed Werk Plaats",
        chapters=tuple(chapters),
        attribution=ATTRIBUTION_NONE,
        children=children_of(guide),
    )


def _main_theme_sections(guide: Guide, chapter_id: str) -> tuple[Section, ...]:
    """A section per main theme, in guide order: how a chapter without an outline is built."""
    return tuple(
        Section(
            key=theme.id,
            title=theme.label,
            theme=theme.id,
            arenas=ARENAS_AUTO,
            prose=prose_path(chapter_id, theme.id),
        )
        for theme in guide.themes
        if theme.parent is None
    )


def with_rest_chapter(outline: Outline, guide: Guide) -> Outline:
    """The implicit outline plus a last chapter for fragments without a stelling."""
    chapter_id = "zonder-stelling"
    sections = _main_theme_sections(guide, chapter_id)
    rest = Chapter(
        id=chapter_id,
        title="Fragmenten zonder stelling",
        sections=sections,
        prose=prose_path(chapter_id, INTRO_KEY),
        stances=False,
    )
    return dataclasses.replace(outline, chapters=(*outline.chapters, rest))


def children_of(guide: Guide) -> dict[str, tuple[str, ...]]:
    return {t.id: tuple(c.id for c in guide.children(t.id)) for t in guide.themes if not t.parent}


def prose_path(chapter_id: str, key: str) -> str:
    return f"{PROSE_DIR}/{chapter_id}/{key}.md"


def slug(text: str) -> str:
    return _WORD.sub("-", text.lower()).strip("-")[:40] or "paragraaf"


class _Reader:
    def __init__(self, check: Checker, guide: Guide) -> None:
        self.check = check
        self.guide = guide

    def outline(self, data: Any) -> Outline:
        check = self.check
        if data is None:
            check.error((), "het bestand is leeg; maak een opzet met 'goedwerkplaats rapport init'")
            return Outline(title="")
        top = check.mapping(data, (), "de rapportopzet")
        if top is None:
            return Outline(title="")
        check.known_keys(top, TOP_KEYS, (), "de rapportopzet")
        chapters = self._chapters(top)
        self._warn_unplaced(chapters)
        return Outline(
            title=check.text(top, "titel", (), "de rapportopzet") or self.guide.title,
            subtitle=check.text(top, "ondertitel", (), "de rapportopzet"),
            chapters=chapters,
            first_chapter=check.positive_int(top, "eerste_hoofdstuk", (), "de rapportopzet") or 1,
            attribution=self._choice(top, "bronvermelding", ATTRIBUTIONS, ATTRIBUTION_NONE, ()),
            quote_marks=self._quote_marks(top),
            quote_dash=self._dash(top),
            account=self.check.flag(top, "verantwoording", (), True),
            notes=self.check.flag(top, "notities", (), False),
            see_also=self.check.flag(top, "zie_ook", (), True),
            table_of_contents=self.check.flag(top, "inhoudsopgave", (), True),
            singling_out=self._choice(top, "herkenbaar", SINGLING_OUT_CHOICES, "", ()),
            from_file=True,
            children=children_of(self.guide),
        )

    # ---------------------------------------------------------------- chapters

    def _chapters(self, top: dict[str, Any]) -> tuple[Chapter, ...]:
        check = self.check
        if "hoofdstukken" not in top:
            check.error((), "de opzet heeft geen 'hoofdstukken:'; zet er minstens één hoofdstuk in")
            return ()
        items = check.sequence(top.get("hoofdstukken"), ("hoofdstukken",), "'hoofdstukken'")
        chapters: list[Chapter] = []
        seen_ids: dict[str, int] = {}
        statement_chapter: dict[str, str] = {}
        for index, item in enumerate(items):
            path: PathKey = ("hoofdstukken", index)
            entry = check.mapping(item, path, f"hoofdstuk {index + 1}")
            if entry is None:
                continue
            chapter = self._chapter(entry, path, index)
            line = check.index.line(path) or 0
            if chapter.id in seen_ids:
                check.error(
                    (*path, "id") if "id" in entry else path,
                    f"hoofdstuk-id '{chapter.id}' komt twee keer voor (ook op regel "
                    f"{seen_ids[chapter.id]}); geef elk hoofdstuk een eigen 'id'",
                )
            seen_ids.setdefault(chapter.id, line)
            for statement in chapter.statements:
                if statement in statement_chapter:
                    check.warn(
                        (*path, "stellingen"),
                        f"stelling {statement} staat ook in hoofdstuk "
                        f"'{statement_chapter[statement]}'; een fragment komt in het eerste "
                        "hoofdstuk met een paragraaf voor zijn thema",
                    )
                statement_chapter.setdefault(statement, chapter.id)
            chapters.append(chapter)
        if not items and "hoofdstukken" in top:
            check.error(("hoofdstukken",), "er staat geen enkel hoofdstuk onder 'hoofdstukken'")
        return tuple(chapters)

    def _chapter(self, entry: dict[str, Any], path: PathKey, index: int) -> Chapter:
        check = self.check
        what = f"hoofdstuk {index + 1}"
        check.known_keys(entry, CHAPTER_KEYS, path, what)
        title = check.text(entry, "titel", path, what, required=True)
        statements = self._statements(entry, path, what)
        chapter_id = self._chapter_id(entry, path, what, statements, title, index)
        sections = self._sections(entry, path, chapter_id, what)
        closing = check.text(entry, "slot", path, what)
        return Chapter(
            id=chapter_id,
            title=title,
            statements=statements,
            sections=sections,
            closing=closing,
            prose=self._prose(entry, path, what) or prose_path(chapter_id, INTRO_KEY),
            closing_prose=prose_path(chapter_id, CLOSING_KEY) if closing else "",
            stances=self.check.flag(entry, "posities", path, True),
        )

    def _chapter_id(
        self,
        entry: dict[str, Any],
        path: PathKey,
        what: str,
        statements: tuple[str, ...],
        title: str,
        index: int,
    ) -> str:
        raw = entry.get("id")
        if raw is None:
            if statements:
                return "stelling-" + "-".join(statements)
            return slug(title) if title else f"hoofdstuk-{index + 1}"
        text = str(raw).strip().lower()
        if isinstance(raw, bool) or slug(text) != text:
            self.check.error(
                (*path, "id"),
                f"id '{raw}' van {what} is ongeldig; gebruik kleine letters, cijfers en '-' "
                "(het is ook de mapnaam van de tekstbestanden onder rapport/)",
            )
        return text

    def _statements(self, entry: dict[str, Any], path: PathKey, what: str) -> tuple[str, ...]:
        raw = entry.get("stellingen")
        if raw is None:
            return ()
        values = raw if isinstance(raw, list) else [raw]
        known = [s.id for s in self.guide.statements]
        result = []
        for value in values:
            if isinstance(value, bool | dict | list):
                self.check.error(
                    (*path, "stellingen"), f"'stellingen' van {what}: geef stelling-ids, zoals [2]"
                )
                continue
            statement = str(value).strip().lower()
            if statement not in known:
                self.check.error(
                    (*path, "stellingen"),
                    f"onbekende stelling '{value}' bij {what}{did_you_mean(statement, known)}; "
                    f"de leidraad kent: {', '.join(known) or '(geen)'}",
                )
                continue
            result.append(statement)
        return tuple(dict.fromkeys(result))

    # ---------------------------------------------------------------- sections

    def _sections(
        self, entry: dict[str, Any], path: PathKey, chapter_id: str, what: str
    ) -> tuple[Section, ...]:
        check = self.check
        items = check.sequence(
            entry.get("paragrafen"), (*path, "paragrafen"), f"'paragrafen' van {what}"
        )
        sections: list[Section] = []
        placed: dict[str, str] = {}  # theme id → where, within this chapter
        holders: set[str] = set()  # themes placed with their children
        keys: set[str] = set()
        for index, item in enumerate(items):
            spath: PathKey = (*path, "paragrafen", index)
            swhat = f"paragraaf {index + 1} van {what}"
            if isinstance(item, str):  # '- vertrouwen' as a short form of '- thema: vertrouwen'
                item = {"thema": item}
            section_entry = check.mapping(item, spath, swhat)
            if section_entry is None:
                continue
            section = self._section(section_entry, spath, swhat, chapter_id)
            if section is None:
                continue
            self._placed_once(section, spath, placed, holders)
            if section.key in keys:
                check.error(
                    spath, f"{swhat}: twee paragrafen met dezelfde titel; kies een andere titel"
                )
            keys.add(section.key)
            sections.append(section)
        return tuple(sections)

    def _section(
        self, entry: dict[str, Any], path: PathKey, what: str, chapter_id: str
    ) -> Section | None:
        check = self.check
        check.known_keys(entry, SECTION_KEYS, path, what)
        theme_id = check.text(entry, "thema", path, what)
        title = check.text(entry, "titel", path, what)
        if theme_id:
            known = [t.id for t in self.guide.themes]
            if self.guide.theme(theme_id) is None:
                check.error(
                    (*path, "thema"),
                    f"onbekend thema '{theme_id}' bij {what}{did_you_mean(theme_id, known)}; "
                    "gebruik een thema-id uit stellingen.yaml",
                )
                return None
            title = title or self.guide.theme_label(theme_id)
        elif not title:
            check.error(
                path, f"{what} heeft geen 'thema' en geen 'titel'; geef minstens één van beide"
            )
            return None
        key = theme_id or slug(title)
        return Section(
            key=key,
            title=title,
            theme=theme_id or None,
            arenas=self._arenas(entry, path, what),
            breadth=self.check.flag(entry, "breedte", path, False),
            prose=self._prose(entry, path, what) or prose_path(chapter_id, key),
            also=self._also(entry, path, what, theme_id),
            subtitles=self._subtitles(entry, path, what, theme_id),
            cross_tables=self._cross_tables(entry, path, what),
        )

    def _cross_tables(
        self, entry: dict[str, Any], path: PathKey, what: str
    ) -> tuple[CrossTableSpec, ...]:
        """`kruistabel`: 'functie' (short for tegen: functie), a mapping, or a list of them."""
        raw = entry.get("kruistabel")
        if raw is None:
            return ()
        items = raw if isinstance(raw, list) else [raw]
        specs = []
        for index, item in enumerate(items):
            tpath: PathKey = (
                (*path, "kruistabel", index)
                if isinstance(raw, list)
                else (
                    *path,
                    "kruistabel",
                )
            )
            spec = self._cross_table(item, tpath, f"de kruistabel van {what}")
            if spec is not None:
                specs.append(spec)
        return tuple(specs)

    def _cross_table(self, item: Any, path: PathKey, what: str) -> CrossTableSpec | None:
        check = self.check
        if isinstance(item, str):
            item = {"tegen": item}
        data = check.mapping(item, path, what)
        if data is None:
            return None
        check.known_keys(data, CROSS_TABLE_KEYS, path, what)
        against = (check.text(data, "tegen", path, what) or DIMENSION_SESSION).lower()
        known = dimensions(self.guide)
        where = (*path, "tegen") if "tegen" in data else path
        if against not in known:
            check.error(
                where,
                f"{what} is tegen '{against}'{did_you_mean(against, known)}; kies 'sessie' of "
                f"een kenmerk-id uit stellingen.yaml ({', '.join(known[1:]) or 'geen kenmerken'})",
            )
            return None
        themes = []
        all_ids = [t.id for t in self.guide.themes]
        for value in check.texts(data, "thema's", path, what):
            if self.guide.theme(value) is None:
                check.error(
                    (*path, "thema's"),
                    f"onbekend thema '{value}' in {what}{did_you_mean(value, all_ids)}; "
                    "gebruik thema-ids uit stellingen.yaml",
                )
            else:
                themes.append(value)
        choice = check.text(data, "herkenbaar", path, what).lower()
        if choice and choice not in SINGLING_OUT_CHOICES:
            check.error(
                (*path, "herkenbaar"),
                f"'herkenbaar' van {what} is '{choice}'; kies {' of '.join(SINGLING_OUT_CHOICES)}",
            )
            choice = ""
        return CrossTableSpec(against, tuple(dict.fromkeys(themes)), choice)

    def _also(
        self, entry: dict[str, Any], path: PathKey, what: str, theme_id: str
    ) -> tuple[str, ...]:
        """`ook`: more themes whose fragments this section holds (each without its children)."""
        if entry.get("ook") is None:
            return ()
        if not theme_id:
            self.check.error(
                (*path, "ook"), f"{what} heeft 'ook' maar geen 'thema'; zet er een 'thema' bij"
            )
            return ()
        known = [t.id for t in self.guide.themes]
        also = []
        for value in self.check.texts(entry, "ook", path, what):
            if self.guide.theme(value) is None:
                self.check.error(
                    (*path, "ook"),
                    f"onbekend thema '{value}' in 'ook' bij {what}{did_you_mean(value, known)}; "
                    "gebruik thema-ids uit stellingen.yaml",
                )
            elif value != theme_id:
                also.append(value)
        return tuple(dict.fromkeys(also))

    def _subtitles(
        self, entry: dict[str, Any], path: PathKey, what: str, theme_id: str
    ) -> tuple[tuple[str, str], ...]:
        """`subkopjes`: the headings of sub-sections, by child theme id or arena id."""
        raw = entry.get("subkopjes")
        if raw is None:
            return ()
        spath: PathKey = (*path, "subkopjes")
        items = self.check.mapping(raw, spath, f"'subkopjes' van {what}")
        if items is None:
            return ()
        children = [c.id for c in self.guide.children(theme_id)] if theme_id else []
        known = [*children, *(a.id for a in self.guide.arenas)]
        result = []
        for key in items:
            name = str(key).strip().lower()
            if name not in known:
                choices = ", ".join(known) or "(geen)"
                self.check.error(
                    (*spath, key),
                    f"'{key}' in 'subkopjes' bij {what} is geen subthema van '{theme_id}' en "
                    f"geen arena{did_you_mean(name, known)}; kies uit {choices}",
                )
                continue
            title = self.check.text(items, key, spath, f"subkopje '{key}'", required=True)
            if title:
                result.append((name, title))
        return tuple(result)

    def _placed_once(
        self, section: Section, path: PathKey, placed: dict[str, str], holders: set[str]
    ) -> None:
        """A theme once per chapter; a parent's section holds its children too (a theme in
        'ook' only itself). `holders`: the themes placed with their children."""
        if section.theme is None:
            return
        children = [c.id for c in self.guide.children(section.theme)]
        covered = [section.theme, *children, *section.also]
        clashes = [t for t in covered if t in placed]
        for theme_id in (section.theme, *section.also):
            theme = self.guide.theme(theme_id)
            if theme is not None and theme.parent in holders:
                clashes.append(str(theme.parent))
        if clashes:
            named = clashes[0] if clashes[0] in section.also else section.theme
            self.check.error(
                (*path, "thema" if named == section.theme else "ook"),
                f"thema '{named}' staat al in dit hoofdstuk ({placed[clashes[0]]}); "
                "een thema krijgt per hoofdstuk één paragraaf (een hoofdthema neemt zijn "
                "subthema's mee)",
            )
            return
        for theme_id in covered:
            placed[theme_id] = f"regel {self.check.index.line(path)}"
        holders.add(section.theme)

    def _arenas(self, entry: dict[str, Any], path: PathKey, what: str) -> str:
        raw = entry.get("arenas")
        if raw is None:
            return ARENAS_NO
        if isinstance(raw, bool):
            return ARENAS_YES if raw else ARENAS_NO
        value = str(raw).strip().lower()
        if value in YES_WORDS:
            return ARENAS_YES
        if value in NO_WORDS:
            return ARENAS_NO
        if value not in ARENA_MODES:
            self.check.error(
                (*path, "arenas"),
                f"'arenas' van {what} is '{raw}'; kies ja, nee of auto (alleen bij meer dan "
                "één arena met citaten)",
            )
        return value if value in ARENA_MODES else ARENAS_NO

    # ---------------------------------------------------------------- values

    def _prose(self, entry: dict[str, Any], path: PathKey, what: str) -> str:
        value = self.check.text(entry, "tekst", path, what)
        if not value:
            return ""
        relative = PurePosixPath(value.replace("\\", "/"))
        if relative.is_absolute() or ".." in relative.parts or relative.suffix.lower() != ".md":
            self.check.error(
                (*path, "tekst"),
                f"'tekst' van {what} is '{value}'; geef een .md-bestand in de projectmap, "
                "zoals rapport/h5/inleiding.md",
            )
            return ""
        return str(relative)

    def _choice(
        self, entry: dict[str, Any], key: str, options: tuple[str, ...], default: str, path: PathKey
    ) -> str:
        raw = entry.get(key)
        if raw is None:
            return default
        value = str(raw).strip().lower()
        if isinstance(raw, bool) and not raw and ATTRIBUTION_NONE in options:
            return ATTRIBUTION_NONE
        if value not in options:
            self.check.error(
                (*path, key),
                f"'{key}' is '{raw}'{did_you_mean(value, options)}; kies uit {', '.join(options)}",
            )
            return default
        return value

    def _quote_marks(self, top: dict[str, Any]) -> tuple[str, str]:
        raw = top.get("aanhalingstekens")
        if raw is None:
            return DEFAULT_QUOTE_MARKS
        text = "" if isinstance(raw, bool) and not raw else str(raw)
        if text == "":
            return ("", "")
        if len(text) != 2:
            self.check.error(
                ("aanhalingstekens",),
                f"'aanhalingstekens' is '{raw}'; geef precies twee tekens, het openende en het "
                'sluitende, zoals "‘’" of "„”" (of "" voor geen)',
            )
            return DEFAULT_QUOTE_MARKS
        return (text[0], text[1])

    def _dash(self, top: dict[str, Any]) -> str:
        raw = top.get("citaatstreep")
        if raw is None:
            return DEFAULT_QUOTE_DASH
        if isinstance(raw, bool):
            return DEFAULT_QUOTE_DASH if raw else ""
        text = str(raw).strip()
        if text.lower() in NO_WORDS:
            return ""
        if len(text) > 3:
            self.check.error(
                ("citaatstreep",), f"'citaatstreep' is '{raw}'; geef één teken, zoals \"—\", of nee"
            )
            return DEFAULT_QUOTE_DASH
        return text

    def _warn_unplaced(self, chapters: tuple[Chapter, ...]) -> None:
        with_children = {s.theme for c in chapters for s in c.sections if s.theme}
        placed = with_children | {t for c in chapters for s in c.sections for t in s.also}
        missing = [
            t.id
            for t in self.guide.themes
            if t.id not in placed and not (t.parent and t.parent in with_children)
        ]
        if missing:  # one warning, not a screenful: a short report may leave many out
            self.check.warn(
                ("hoofdstukken",),
                f"in geen enkel hoofdstuk: {', '.join(missing)}; fragmenten met alleen deze "
                "thema's komen niet in het rapport",
            )
