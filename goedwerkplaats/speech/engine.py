"""The speech recogniser: faster-whisper (CTranslate2, int8 on the CPU), an optional extra.

A model is a name (tiny, base, small, medium, large-v3, …: downloaded once into the user's
cache when the machine is online, used from there afterwards) or a folder with a converted
model (for laptops that are never online). Every way this can fail gets a Dutch message.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from goedwerkplaats.files.problems import GwpError

DEFAULT_MODEL = "small"  # multilingual; the smallest that is of use for Dutch
MODEL_FILES = ("model.bin", "config.json")
INSTALL_HINT = 'installeer de spraakherkenning met: pip install -e ".[spraak]"'


@dataclass(frozen=True)
class LoadedModel:
    """A model ready to listen, and what to call it in messages and the session's log."""

    whisper: Any  # faster_whisper.WhisperModel
    label: str
    multilingual: bool


def engine_available() -> bool:
    try:
        import faster_whisper  # noqa: F401
    except ImportError:
        return False
    return True


def load_model(choice: str | Path | None, threads: int = 0) -> LoadedModel:
    """Load the named model or the model in a folder; GwpError with what to do otherwise."""
    try:
        from faster_whisper import WhisperModel
        from faster_whisper.utils import available_models
    except ImportError:
        raise GwpError(f"de spraakherkenning is niet geïnstalleerd; {INSTALL_HINT}") from None
    text = str(choice or DEFAULT_MODEL)
    folder = Path(text).expanduser()
    if folder.exists() or os.sep in text or text.startswith("."):
        path = _model_folder(folder)
        label = "/".join(path.resolve().parts[-2:])  # '…/model' alone says nothing
        return _load(lambda: WhisperModel(str(path), **_options(threads)), label)
    if text not in available_models():
        raise GwpError(
            f"'{text}' is geen bekend model en geen map; kies uit "
            f"{', '.join(available_models())}, of geef de map met een model op"
        )
    try:
        return _load(lambda: WhisperModel(text, local_files_only=True, **_options(threads)), text)
    except _NotCached:
        pass
    try:
        return _load(lambda: WhisperModel(text, **_options(threads)), text)
    except _NotCached:
        raise GwpError(
            f"model '{text}' staat nog niet op deze computer en kon niet worden gedownload "
            "(geen internet?). Start één keer met internet (het model komt dan in uw cache), "
            "of zet het model op deze computer en geef de map op met --model MAP"
        ) from None


def _options(threads: int) -> dict[str, Any]:
    return {"device": "cpu", "compute_type": "int8", "cpu_threads": threads}


def _model_folder(folder: Path) -> Path:
    if not folder.exists():
        raise GwpError(f"{folder} bestaat niet; geef de map met het model op, of een modelnaam")
    if not folder.is_dir():
        raise GwpError(f"{folder} is een bestand; geef de map op waarin het model staat")
    missing = [name for name in MODEL_FILES if not (folder / name).is_file()]
    if missing:
        raise GwpError(
            f"{folder} is geen spraakmodel: {' en '.join(missing)} ontbreekt. Een model "
            "(Whisper, omgezet voor CTranslate2) is een map met model.bin, config.json, "
            "tokenizer.json en vocabulary.txt"
        )
    return folder


class _NotCached(Exception):
    pass


def _load(make: Any, label: str) -> LoadedModel:
    try:
        whisper = make()
    except MemoryError:
        raise GwpError(_memory_message(label)) from None
    except RuntimeError as error:
        if is_out_of_memory(error):
            raise GwpError(_memory_message(label)) from None
        raise GwpError(
            f"model '{label}' is niet te laden ({error}); is de map beschadigd of maar half "
            "gekopieerd? Zet het model opnieuw op deze computer"
        ) from None
    except Exception as error:  # huggingface_hub: not cached, offline, host not found
        if _is_download_problem(error):
            raise _NotCached() from None
        raise
    return LoadedModel(whisper, label, bool(whisper.model.is_multilingual))


def is_out_of_memory(error: BaseException) -> bool:
    text = str(error).lower()
    return isinstance(error, MemoryError) or any(
        sign in text for sign in ("bad_alloc", "out of memory", "cannot allocate", "memory")
    )


def _memory_message(label: str) -> str:
    return (
        f"niet genoeg werkgeheugen voor model '{label}'; sluit andere programma's of kies een "
        "kleiner model (tiny, base of small)"
    )


def _is_download_problem(error: Exception) -> bool:
    names = {cls.__name__ for cls in type(error).__mro__}
    return bool(
        names
        & {
            "LocalEntryNotFoundError",
            "EntryNotFoundError",
            "HfHubHTTPError",
            "ConnectionError",
            "OfflineModeIsEnabled",
            "RepositoryNotFoundError",
        }
    ) or isinstance(error, OSError | ValueError)
