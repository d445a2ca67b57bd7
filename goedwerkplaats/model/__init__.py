"""Plain typed value objects: the guide, sessions, segments and the changes between them."""

from goedwerkplaats.model.guide import Arena, Guide, Statement, Theme
from goedwerkplaats.model.session import (
    ImportRecord,
    Participant,
    Segment,
    Session,
    SessionMeta,
    Stance,
    StatementSwitch,
)

__all__ = [
    "Arena",
    "Guide",
    "ImportRecord",
    "Participant",
    "Segment",
    "Session",
    "SessionMeta",
    "Stance",
    "Statement",
    "StatementSwitch",
    "Theme",
]
