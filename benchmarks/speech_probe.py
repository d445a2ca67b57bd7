"""One speech recognition run in its own process, so its peak memory is its own.

    python benchmarks/speech_probe.py MODEL REPEATS THREADS

Speaks the test conversation (tests/speech_sample.py) REPEATS times into one recording, with
the facilitator's live capture, recognises it with MODEL (a name or a folder), plans its
import into a session and scores the suggested speakers against who truly spoke. Prints one
JSON object: audio seconds, seconds to load and to recognise, the score, peak memory.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from goedwerkplaats.model.changes import PutParticipant, PutSegment
from goedwerkplaats.model.session import Participant, Segment, SessionMeta
from goedwerkplaats.project.folder import init_project
from goedwerkplaats.speech import load_model, plan_speech, recognise, recording_hash
from goedwerkplaats.speech.plan import score_suggestions
from tests.speech_sample import (
    RECORDING_START,
    SCRIPT,
    english_guide,
    live_quotes,
    speaker_at,
    write_conversation,
)


def main() -> int:
    model_name, repeats, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with tempfile.TemporaryDirectory(prefix="gwp-spraak-") as temp:
        folder = Path(temp)
        wav = folder / "gesprek.wav"
        said = write_conversation(wav, SCRIPT * repeats)
        project = init_project(folder / "project")
        english_guide(project)
        project.create_session(
            SessionMeta(id="s", title="t", date="2026-11-28", recording_offset=RECORDING_START)
        )
        with project.open_session("s") as store:
            store.apply(
                PutParticipant(Participant("GL", facilitator=True)),
                PutParticipant(Participant("P1")),
                PutParticipant(Participant("P2")),
                *(
                    PutSegment(Segment(f"s{n}", time, speaker=speaker, text=text))
                    for n, (time, speaker, text) in enumerate(live_quotes(said), start=1)
                ),
            )
        session = project.load_session("s").session
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        began = time.perf_counter()
        model = load_model(model_name, threads=threads)
        loaded = time.perf_counter()
        recognition = recognise(wav, model, "en")
        heard = time.perf_counter()
        speech = plan_speech(session, project.load_guide(), recognition, recording_hash(wav))

        def truth(start: float, end: float) -> str | None:
            return speaker_at(said, start - RECORDING_START, end - RECORDING_START)

        score = score_suggestions(speech.plan.segments, truth)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "audio_s": recognition.duration,
                "load_s": loaded - began,
                "recognise_s": heard - loaded,
                "right": score.right,
                "wrong": score.wrong,
                "unknown": score.unknown,
                "turns": len(said),
                "peak_mb": peak / 1024,
                "before_mb": before / 1024,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
