"""Playback: seeking, jumping to a segment, speed, playing a stretch, the silent clock."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from goedwerkplaats.media.decoder import AudioDecoder
from goedwerkplaats.media.engine import PlaybackEngine
from goedwerkplaats.media.output import NO_DEVICE, SILENT_ENV
from goedwerkplaats.media.player import PRE_ROLL, Player
from tests.media_files import first_click, make_recording

BLOCK = 480  # 10 ms at 48 kHz, as a sound card asks


@pytest.fixture(params=[".wav", ".m4a"])
def recording(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    return make_recording(tmp_path / f"opname{request.param}", duration=6.0, clicks=[2.0, 4.5])


def listen(engine: PlaybackEngine, seconds: float) -> tuple[np.ndarray, list[float]]:
    """Pull like an output does; the samples and the position reported after each block."""
    blocks, positions = [], []
    for _ in range(int(seconds * engine.rate / BLOCK)):
        positions.append(engine.position)
        blocks.append(engine.pull(BLOCK))
    return np.concatenate(blocks), positions


def heard_at(engine: PlaybackEngine, samples: np.ndarray, positions: list[float]) -> float:
    """The position the engine reported for the block where the click is heard."""
    click = first_click(samples, engine.rate)
    assert click is not None, "the click is not heard"
    index = int(click * engine.rate)
    block_start = positions[index // BLOCK]
    return block_start + (index % BLOCK) / engine.rate * engine.speed


@pytest.mark.parametrize("target", [1.7, 4.2])
def test_a_seek_lands_within_50_ms(recording: Path, target: float) -> None:
    engine = PlaybackEngine(AudioDecoder(recording))
    engine.seek(target)
    assert engine.position == target
    engine.play()
    samples, positions = listen(engine, 0.6)
    click = 2.0 if target < 2 else 4.5
    assert abs(heard_at(engine, samples, positions) - click) < 0.05
    engine.close()


def test_seeking_while_paused_shows_at_once_and_plays_from_there(recording: Path) -> None:
    engine = PlaybackEngine(AudioDecoder(recording))
    engine.pull(BLOCK)
    engine.seek(4.3)
    assert engine.position == 4.3 and not engine.playing
    assert not engine.pull(BLOCK).any(), "paused: silence"
    engine.play()
    samples, positions = listen(engine, 0.5)
    assert abs(heard_at(engine, samples, positions) - 4.5) < 0.05
    engine.close()


def test_a_jump_to_a_segment_has_a_run_up_and_hears_its_start(recording: Path) -> None:
    player = Player(recording, device=False)
    player.pause()
    player.jump_to(4.5)
    assert abs(player.position - (4.5 - PRE_ROLL)) < 1e-9
    player.close()


@pytest.mark.parametrize("speed", [0.5, 1.5, 2.0])
def test_speed_keeps_the_duration_right(recording: Path, speed: float) -> None:
    engine = PlaybackEngine(AudioDecoder(recording))
    engine.set_speed(speed)
    engine.play()
    pulled = 0
    while engine.playing:
        block = engine.pull(BLOCK)
        pulled += BLOCK
        assert len(block) == BLOCK
        assert pulled < 20 * engine.rate, "never ends"
    heard = pulled / engine.rate
    assert abs(heard - 6.0 / speed) < 0.1, "6 s of recording at this speed"
    assert engine.position == pytest.approx(6.0, abs=0.02)
    engine.close()


def test_faster_playback_still_hears_the_click_at_its_time(recording: Path) -> None:
    engine = PlaybackEngine(AudioDecoder(recording))
    engine.set_speed(1.5)
    engine.seek(1.5)
    engine.play()
    samples, positions = listen(engine, 0.8)
    assert abs(heard_at(engine, samples, positions) - 2.0) < 0.05
    engine.close()


def test_playing_a_stretch_stops_at_its_end(recording: Path) -> None:
    engine = PlaybackEngine(AudioDecoder(recording))
    engine.play_range(1.0, 2.5)
    pulled = 0
    while engine.playing:
        pulled += len(engine.pull(BLOCK))
    assert engine.position == 2.5
    samples = engine.pull(BLOCK)
    assert not samples.any(), "silent after the stretch"
    assert abs(pulled / engine.rate - 1.5) < 0.02
    engine.close()


def test_without_a_sound_device_the_clock_plays_silently(
    recording: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SILENT_ENV, "1")
    player = Player(recording)
    assert player.note == NO_DEVICE
    player.seek(1.0)
    player.play()
    deadline = time.monotonic() + 10
    while player.position < 1.3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert player.position >= 1.3, "the clock moves the position on"
    player.pause()
    stopped = player.position
    time.sleep(0.1)
    assert player.position == stopped
    assert player.engine.latencies, "the first sample went to the output"
    player.close()
