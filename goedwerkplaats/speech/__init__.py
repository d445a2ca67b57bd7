"""A first transcript from the recording, made on this machine (no Textual, no network).

    model = load_model("small" or a folder)                  # engine: faster-whisper, int8
    recognition = recognise(path, model, "nl", progress, cancelled)
    speech = plan_speech(session, guide, recognition, recording_hash(path))
    apply_import(store, speech.plan)                         # the import pipeline's own step

Modules: engine (loading a model, with a Dutch message for every way that fails), recognise
(the recording streamed through media.decoder in chunks of minutes; words, times,
probabilities, progress, cancel), speakers (who spoke when, from the live capture), plan
(through the import pipeline, with suggested speakers and unsure words), progress (time left),
doubling (before listening: would the transcript double an earlier one of the same time?).
"""

from goedwerkplaats.speech.doubling import doubling_before_listening
from goedwerkplaats.speech.engine import DEFAULT_MODEL, LoadedModel, engine_available, load_model
from goedwerkplaats.speech.plan import (
    SpeechPlan,
    check_not_transcribed,
    describe_speech,
    plan_speech,
    recording_hash,
)
from goedwerkplaats.speech.recognise import Recognition, RecognitionCancelled, recognise

__all__ = [
    "DEFAULT_MODEL",
    "LoadedModel",
    "Recognition",
    "RecognitionCancelled",
    "SpeechPlan",
    "check_not_transcribed",
    "describe_speech",
    "doubling_before_listening",
    "engine_available",
    "load_model",
    "plan_speech",
    "recognise",
    "recording_hash",
]
