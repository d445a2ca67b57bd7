"""Speech recognition into a session: words, times, stellingen, live quotes, suggested speakers.

Real decoding and the real recogniser on the small English test model, on speech that
espeak-ng makes here (no internet); see tests/speech_sample.py for the script.
"""

from __future__ import annotations

import pytest

from goedwerkplaats.importers import apply_import
from goedwerkplaats.model.session import FLAG_SUGGESTED_SPEAKER, FLAG_VERIFIED, KIND_LIVE
from goedwerkplaats.speech import plan_speech, recording_hash
from goedwerkplaats.speech.plan import score_suggestions
from goedwerkplaats.speech.recognise import Piece, Word
from goedwerkplaats.speech.speakers import Anchor, live_turns, split_at_changes, suggest
from tests.speech_fixtures import live_session, needs_speech, truth
from tests.speech_sample import RECORDING_START, SCRIPT, english_guide


@needs_speech
def test_recognised_words_lie_at_their_times(conversation, recognition) -> None:
    pieces = recognition.pieces
    for said in conversation.said:
        piece = min(pieces, key=lambda p: abs(p.start - said.start))
        assert abs(piece.start - said.start) <= 1.0, (said.turn.text, piece)
        assert abs(piece.end - said.end) <= 1.0, (said.turn.text, piece)
    text = " ".join(p.text for p in pieces).lower()
    for word in ("kitchen", "colleagues", "coffee", "productive", "journey", "detail"):
        assert word in text
    assert recognition.language == "en"
    # every word has a probability; some of espeak's words the tiny model is unsure of
    assert all(0.0 <= w.probability <= 1.0 for w in recognition.words)


@needs_speech
def test_plan_gets_stellingen_linked_quotes_and_suggested_speakers(
    project, conversation, recognition
) -> None:
    english_guide(project)
    live_session(project, conversation.said)
    guide = project.load_guide()
    session = project.load_session("gwp-1").session
    speech = plan_speech(session, guide, recognition, recording_hash(conversation.wav))
    plan = speech.plan
    # the facilitator reads both stellingen out: switches found and kept as the timeline
    assert [(s.statement, s.how) for s in plan.statements] == [
        ("1", "voorgelezen"),
        ("2", "voorgelezen"),
    ]
    assert [s.statement for s in plan.switches] == ["1", "2"]
    # every quote typed live is found in the recognised words, and verified
    assert len(plan.live_updates) == sum(1 for t in SCRIPT if t.quote)
    assert all(FLAG_VERIFIED in q.flags for q in plan.live_updates)
    # speakers: each quoted turn and each stelling read out gets the right speaker
    for segment in plan.segments:
        if segment.speaker is not None:
            assert FLAG_SUGGESTED_SPEAKER in segment.flags
    for said in conversation.said:
        segment = next(
            s for s in plan.segments if abs(s.start - RECORDING_START - said.start) <= 1.0
        )
        if said.turn.quote or said.turn.text.startswith("Statement"):
            assert segment.speaker == said.turn.speaker, said.turn.text
    # measured against who truly spoke: the last turn, not quoted, goes to the one before
    score = score_suggestions(plan.segments, lambda a, b: who(conversation, a, b))
    assert score.right >= 7 and score.unknown == 0, score


def who(conversation, start: float, end: float) -> str | None:  # type: ignore[no-untyped-def]
    return truth(conversation.said, start - RECORDING_START, end - RECORDING_START)


@needs_speech
def test_applied_import_keeps_suggestions_and_unsure_words_after_reopening(
    project, conversation, recognition
) -> None:
    english_guide(project)
    live_session(project, conversation.said)
    guide = project.load_guide()
    with project.open_session("gwp-1") as store:
        speech = plan_speech(store.session, guide, recognition, recording_hash(conversation.wav))
        apply_import(store, speech.plan)
    session = project.load_session("gwp-1").session
    transcript = [s for s in session.segments if s.kind != KIND_LIVE]
    assert len(transcript) == len(speech.plan.segments)
    unsure = [w for s in transcript for w in s.unsure]
    assert unsure == [w for s in speech.plan.segments for w in s.unsure]
    assert unsure, "the tiny model is unsure of some of espeak's words"
    for segment in transcript:
        for time, word in segment.unsure:
            assert segment.start - 0.5 <= time <= (segment.end or segment.start) + 0.5
            assert word.casefold() in segment.text.casefold()
    assert any(s.speaker_suggested for s in transcript)


# ---------------------------------------------------------------- the rules, on their own


def words(*spec: tuple[str, float, float]) -> tuple[Word, ...]:
    return tuple(Word(start, end, f" {text}", 0.9) for text, start, end in spec)


def test_a_stretch_is_split_where_the_quoted_speaker_changes_at_a_pause() -> None:
    heard = words(("I", 0.0, 0.2), ("agree", 0.3, 0.8), ("Not", 1.6, 1.9), ("me", 2.0, 2.3))
    piece = Piece(0.0, 2.3, heard)
    turns = live_turns([Anchor(0.5, "P1"), Anchor(2.1, "P2")], heard)
    assert [t.speaker for t in turns] == ["P1", "P2"]
    parts = split_at_changes([piece], turns)
    assert [p.text for p in parts] == ["I agree", "Not me"]
    assert [suggest(p.start, p.end, turns) for p in parts] == ["P1", "P2"]


def test_no_pause_no_split_and_far_from_any_quote_no_suggestion() -> None:
    heard = words(("one", 0.0, 0.5), ("two", 0.55, 1.0), ("three", 100.0, 100.5))
    piece = Piece(0.0, 1.0, heard[:2])
    turns = live_turns([Anchor(0.2, "P1"), Anchor(0.9, "P2")], heard)
    assert split_at_changes([piece], turns) == [piece]
    assert suggest(100.0, 100.5, turns) is None  # more than a turn's reach from any quote


@pytest.mark.parametrize("speaker", ["P1", "GL"])
def test_one_speaker_quoted_covers_the_stretch_around_it(speaker: str) -> None:
    heard = words(("well", 10.0, 10.5), ("yes", 11.0, 11.5))
    turns = live_turns([Anchor(11.2, speaker)], heard)
    assert suggest(10.0, 11.5, turns) == speaker
