"""Listening to a recording: words with their times and how sure the recogniser was.

The recording is decoded a block at a time and recognised in chunks of a few minutes, cut
at the quietest moment near the chunk's end, so a two-hour file never sits in memory whole
and progress and cancel come at least every few seconds of work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.media.rates import SPEECH_RATE as SAMPLE_RATE
from goedwerkplaats.speech.engine import LoadedModel, is_out_of_memory

if TYPE_CHECKING:
    import numpy as np

CHUNK_SECONDS = 300.0  # recognised at once; Whisper itself works in 30-second windows
CUT_WINDOW = 15.0  # the chunk is cut at the quietest 0.1 s of its last seconds
UNSURE_BELOW = 0.5  # a word recognised with less probability than this is marked

Progress = Callable[[float, float], None]  # (recording seconds done, total seconds)
Cancelled = Callable[[], bool]


class RecognitionCancelled(GwpError):
    """The user stopped the recognition; nothing was written."""


@dataclass(frozen=True)
class Word:
    start: float  # recording seconds
    end: float
    text: str
    probability: float

    @property
    def unsure(self) -> bool:
        return self.probability < UNSURE_BELOW


@dataclass(frozen=True)
class Piece:
    """A stretch of speech as the recogniser split it (recording seconds)."""

    start: float
    end: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return "".join(word.text for word in self.words).strip()


@dataclass(frozen=True)
class Recognition:
    source: Path
    model: str
    language: str
    duration: float
    pieces: tuple[Piece, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def words(self) -> list[Word]:
        return [word for piece in self.pieces for word in piece.words]


def recognise(
    path: Path,
    model: LoadedModel,
    language: str = "nl",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Recognition:
    """Recognise the speech in `path`; RecognitionCancelled when `cancelled()` turns true."""
    notes: list[str] = []
    if not model.multilingual and language != "en":
        notes.append(
            f"model '{model.label}' kent alleen Engels; de gevraagde taal '{language}' is "
            "genegeerd. Kies een meertalig model (zonder '.en') voor Nederlands"
        )
        language = "en"
    from goedwerkplaats.media.decoder import AudioDecoder, mono_samples  # PyAV: only when used

    with AudioDecoder(path, SAMPLE_RATE) as decoder:  # a missing or soundless file says so
        total = decoder.duration
    report = progress or (lambda _done, _total: None)
    stop = cancelled or (lambda: False)
    pieces: list[Piece] = []
    heard = 0.0
    blocks = (chunk.samples for chunk in mono_samples(path, SAMPLE_RATE))
    for offset, samples in _chunks(blocks):
        if stop():
            raise _cancelled()
        heard = offset + len(samples) / SAMPLE_RATE
        for piece in _listen(model, samples, language, offset):
            pieces.append(piece)
            report(piece.end, max(total, heard))
            if stop():
                raise _cancelled()
        report(heard, max(total, heard))
    if not pieces:
        raise GwpError(
            f"in {path.name} is geen spraak herkend (stilte, alleen muziek, of een andere taal "
            f"dan '{language}'?); er is niets aan de sessie toegevoegd"
        )
    return Recognition(path, model.label, language, max(total, heard), tuple(pieces), tuple(notes))


def _cancelled() -> RecognitionCancelled:
    return RecognitionCancelled("afgebroken; er is niets aan de sessie toegevoegd")


def _listen(
    model: LoadedModel, samples: np.ndarray, language: str, offset: float
) -> Iterator[Piece]:
    try:
        segments, _info = model.whisper.transcribe(
            samples,
            language=language,
            word_timestamps=True,
            vad_filter=True,
            condition_on_previous_text=False,  # one misheard stretch does not derail the rest
        )
        for segment in segments:
            words = tuple(_words(segment.words or (), offset))
            if words:
                yield Piece(words[0].start, words[-1].end, words)
    except (MemoryError, RuntimeError) as error:
        if is_out_of_memory(error):
            raise GwpError(
                f"niet genoeg werkgeheugen om met model '{model.label}' te luisteren; sluit "
                "andere programma's of kies een kleiner model (tiny, base of small). Er is "
                "niets aan de sessie toegevoegd"
            ) from None
        raise


def _words(words: Iterable[Any], offset: float) -> Iterator[Word]:
    for word in words:
        if word.word.strip():
            yield Word(
                round(float(word.start) + offset, 3),
                round(float(word.end) + offset, 3),
                str(word.word),
                round(float(word.probability), 3),
            )


def _chunks(blocks: Iterator[np.ndarray]) -> Iterator[tuple[float, np.ndarray]]:
    """(start in seconds, samples) of a few minutes each, cut where it is quiet."""
    import numpy as np

    size = int(CHUNK_SECONDS * SAMPLE_RATE)
    buffered: list[np.ndarray] = []
    length = 0
    offset = 0
    for block in blocks:
        buffered.append(block)
        length += len(block)
        if length < size + int(CUT_WINDOW * SAMPLE_RATE):
            continue
        samples = np.concatenate(buffered)
        cut = _quiet_cut(samples, size)
        yield offset / SAMPLE_RATE, samples[:cut]
        offset += cut
        buffered, length = [samples[cut:]], len(samples) - cut
    if length:
        yield offset / SAMPLE_RATE, np.concatenate(buffered)


def _quiet_cut(samples: np.ndarray, size: int) -> int:
    """The sample to cut at: the middle of the quietest 0.1 s in the window around `size`."""
    import numpy as np

    frame = SAMPLE_RATE // 10
    begin = max(frame, size - int(CUT_WINDOW * SAMPLE_RATE) // 2)
    window = samples[begin : begin + int(CUT_WINDOW * SAMPLE_RATE)]
    frames = len(window) // frame
    if frames == 0:
        return size
    energy = np.square(window[: frames * frame].reshape(frames, frame)).mean(axis=1)
    return begin + int(np.argmin(energy)) * frame + frame // 2
