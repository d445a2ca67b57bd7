"""A two-hour WebVTT of 2,500 cues imports whole, live quotes and all (its speed is a figure in
benchmarks/run.py, not an assert here)."""

from __future__ import annotations

import random
from pathlib import Path

from goedwerkplaats.importers import ImportOptions, apply_import, plan_import
from goedwerkplaats.model.changes import PutParticipant, PutSegment
from goedwerkplaats.model.session import Participant, Segment, SessionMeta

NAMES = ["Sanne de Vries", "Ruben Koster", "Fatima el Amrani", "Joost Meijer", "Lotte Brink"]
STATEMENTS = [
    "de cliënten van de klantmanager zijn geen klanten.",
    "de maatschappelijke opdracht van de klantmanager is duidelijk en uitvoerbaar.",
    "de klantmanager wordt door interne en externe partners als professional serieus genomen.",
]
SYLLABLES = "ka be di mo lu re sa te vi no pe ga ri do ken ster lijk heid ing baar"
RECORDING_START = 300.0  # session seconds


def _time(seconds: float) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def long_vtt(cues: int = 2500) -> tuple[str, list[tuple[float, str, str]]]:
    """Zoom-like cues of made-up words (frequent and rare ones), stellingen read out by the
    facilitator, and live quotes typed 2–20 s after the words were said."""
    rnd = random.Random(7)
    syllables = SYLLABLES.split()
    vocabulary = ["".join(rnd.choices(syllables, k=rnd.randint(2, 4))) for _ in range(1500)]
    frequency = [1 / (rank + 1) for rank in range(len(vocabulary))]
    lines, quotes, clock = ["WEBVTT", ""], [], 0.0
    for number in range(cues):
        reading = number % 850 == 10
        speaker = NAMES[0] if reading else rnd.choice(NAMES)
        words = rnd.choices(vocabulary, frequency, k=rnd.randint(6, 16))
        text = "De stelling is: " + STATEMENTS[number // 850] if reading else " ".join(words)
        length = rnd.uniform(1.5, 4.5)
        lines += [str(number + 1), f"{_time(clock)} --> {_time(clock + length)}"]
        lines += [f"{speaker}: {text}", ""]
        if number % 25 == 7 and speaker != NAMES[0]:
            typed = clock + length + RECORDING_START + rnd.uniform(2, 20)
            quotes.append((typed, f"P{NAMES.index(speaker)}", " ".join(words[:8])))
        clock += length + rnd.uniform(0, 0.4)
    return "\n".join(lines), quotes


def test_two_hours_of_cues_import_whole_and_every_live_quote_finds_its_place(
    project, guide, tmp_path: Path
) -> None:
    text, quotes = long_vtt()
    path = tmp_path / "opname.vtt"
    path.write_text(text, "utf-8")
    project.create_session(SessionMeta(id="gwp-1", title="Lang", facilitator="Sanne de Vries"))
    store = project.open_session("gwp-1")
    store.apply(
        *[PutParticipant(Participant(f"P{i}", name)) for i, name in enumerate(NAMES) if i],
        *[
            PutSegment(Segment(f"s{n}", start, speaker=speaker, text=quote))
            for n, (start, speaker, quote) in enumerate(quotes, start=1)
        ],
    )

    plan = plan_import(store.session, guide, path, ImportOptions(merge=False))
    apply_import(store, plan)

    assert len(plan.segments) == 2500
    assert [s.statement for s in plan.statements] == ["1", "2", "3"]
    assert plan.offset_source == "geschat"
    assert RECORDING_START + 2 <= plan.offset <= RECORDING_START + 20
    session = store.session
    for number, (_start, _speaker, quote) in enumerate(quotes, start=1):
        live = session.segments.get(f"s{number}")
        assert live.link is not None, quote
        assert session.segments.get(live.link).text.startswith(quote)
    store.close()
