"""The guide as the exchange exports see it: masked, and complete for the sessions exported."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from goedwerkplaats.exporters.privacy import Anonymizer
from goedwerkplaats.exporters.refiqda_text import one_line
from goedwerkplaats.model.guide import Arena, Guide, Statement, Theme
from goedwerkplaats.model.session import Session, SessionMeta
from goedwerkplaats.privacy.mask_terms import MaskList

UNKNOWN = "Staat niet (meer) in de leidraad; komt wel voor in de sessies."


def project_masker(mask: MaskList) -> Callable[[str], str]:
    """The project's mask terms for text that belongs to no session (guide, codebook)."""
    # an empty session has no names to replace, so only the mask terms apply
    return Anonymizer(Session(SessionMeta(id="")), mask).text


def project_title(guide: Guide, mask: Callable[[str], str]) -> str:
    return one_line(mask(guide.title)) or "Goed Werk Plaats"


def guide_with_unknown_codes(guide: Guide, sessions: Iterable[Session]) -> Guide:
    """The guide plus a code for every theme, arena or stelling id the sessions use but the
    guide no longer has, so an export loses no coding (`goedwerkplaats check` names them)."""
    themes: dict[str, Theme] = {}
    arenas: dict[str, Arena] = {}
    statements: dict[str, Statement] = {}
    for session in sessions:
        for segment in session.segments:
            for theme in segment.themes:
                if guide.theme(theme) is None:
                    themes.setdefault(theme, Theme(theme, theme, UNKNOWN))
            if segment.arena and guide.arena(segment.arena) is None:
                arenas.setdefault(segment.arena, Arena(segment.arena, segment.arena, UNKNOWN))
            if segment.statement and guide.statement(segment.statement) is None:
                statements.setdefault(segment.statement, Statement(segment.statement, ""))
    if not (themes or arenas or statements):
        return guide
    return dataclasses.replace(
        guide,
        themes=(*guide.themes, *themes.values()),
        arenas=(*guide.arenas, *arenas.values()),
        statements=(*guide.statements, *statements.values()),
    )
