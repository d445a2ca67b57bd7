"""A spoken focus group for tests: English speech from espeak-ng, known words at known times.

Three people with their own voices (the facilitator reads the stellingen), one sentence
each turn, with pauses between turns; a live capture as the facilitator would have typed it
(a quote per turn for some turns, typing begun halfway through the words). The truth, who
said which sentence when, is kept beside it to measure the speaker suggestions against.
"""

from __future__ import annotations

import shutil
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy comes with the speech extra; these helpers run only with it
    import numpy as np

    from goedwerkplaats.project.folder import Project

RATE = 22_050  # what espeak-ng writes
LEAD_IN = 1.0  # seconds of silence before the first word
RECORDING_START = 120.0  # session seconds at which the recording began (^R in the live screen)

VOICES = {"GL": "en-us", "P1": "en-gb+f3", "P2": "en-us+m7"}

STATEMENTS = {
    "1": "Working from home makes people more productive.",
    "2": "Managers should trust their employees completely.",
}


@dataclass(frozen=True)
class Turn:
    speaker: str
    text: str
    quote: str = ""  # what the facilitator typed live, if anything
    pause_after: float = 1.2

    @property
    def voice(self) -> str:
        return VOICES[self.speaker]


SCRIPT = (
    Turn("GL", "Good morning everyone, thank you all for coming today."),
    Turn("GL", "Statement one. " + STATEMENTS["1"]),
    Turn(
        "P1",
        "I disagree, because my children are at home and the kitchen table is very noisy.",
        "children at home, kitchen table is very noisy",
    ),
    Turn(
        "P2",
        "For me the train journey took two hours, so staying home saves a lot of time.",
        "train journey took two hours",
        pause_after=0.6,
    ),
    Turn(
        "P1",
        "But I really miss my colleagues and the coffee machine conversations.",
        "miss my colleagues and the coffee machine",
    ),
    Turn("GL", "Statement two. " + STATEMENTS["2"]),
    Turn(
        "P2",
        "Trust is earned slowly, and my manager checks every small detail of my work.",
        "manager checks every small detail",
    ),
    Turn("P1", "Our team leader never checks anything, she simply believes us.", ""),
)


@dataclass(frozen=True)
class Said:
    """A turn as it lies in the recording (recording seconds)."""

    turn: Turn
    start: float
    end: float


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def speak(text: str, voice: str, folder: Path) -> np.ndarray:
    import numpy as np

    target = folder / "turn.wav"
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", "150", "-w", str(target), text],
        check=True,
        capture_output=True,
    )
    with wave.open(str(target), "rb") as file:
        assert file.getframerate() == RATE and file.getnchannels() == 1
        frames = file.readframes(file.getnframes())
    return np.frombuffer(frames, dtype=np.int16)


def write_conversation(target: Path, script: tuple[Turn, ...] = SCRIPT) -> list[Said]:
    """Speak the script into one .wav; returns where each turn lies."""
    import numpy as np

    parts = [np.zeros(int(LEAD_IN * RATE), dtype=np.int16)]
    said: list[Said] = []
    at = LEAD_IN
    for turn in script:
        sound = _trimmed(speak(turn.text, turn.voice, target.parent))
        said.append(Said(turn, round(at, 3), round(at + len(sound) / RATE, 3)))
        parts += [sound, np.zeros(int(turn.pause_after * RATE), dtype=np.int16)]
        at += len(sound) / RATE + turn.pause_after
    write_wav(target, np.concatenate(parts))
    return said


def write_wav(target: Path, samples: np.ndarray, rate: int = RATE) -> None:
    with wave.open(str(target), "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(rate)
        file.writeframes(samples.astype("int16").tobytes())


def _trimmed(sound: np.ndarray) -> np.ndarray:
    """Without espeak's own silence at both ends, so the times we keep are the words'."""
    import numpy as np

    loud = np.flatnonzero(np.abs(sound) > 300)
    return sound[loud[0] : loud[-1] + 1] if len(loud) else sound


def live_quotes(said: list[Said]) -> list[tuple[float, str, str]]:
    """(session seconds when typing began, speaker, text) for every turn quoted live."""
    return [
        (round(RECORDING_START + (s.start + s.end) / 2, 3), s.turn.speaker, s.turn.quote)
        for s in said
        if s.turn.quote
    ]


def speaker_at(said: list[Said], start: float, end: float) -> str | None:
    """Who truly spoke most of [start, end] (recording seconds)."""
    best, best_overlap = None, 0.0
    for s in said:
        overlap = min(end, s.end) - max(start, s.start)
        if overlap > best_overlap:
            best, best_overlap = s.turn.speaker, overlap
    return best


def english_guide(project: Project) -> None:
    """The project's guide with the test's stellingen in English (the test model is English)."""
    import yaml

    data = yaml.safe_load(project.guide_path.read_text("utf-8"))
    for statement in data["stellingen"]:
        statement["tekst"] = STATEMENTS.get(str(statement["id"]), statement["tekst"])
    project.guide_path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
