"""Recording benchmarks: a two-hour .m4a made once, seeking in it, starting to play, memory
while playing, and the coding screen's keys while it plays."""

from __future__ import annotations

import random
import time
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from goedwerkplaats.media.decoder import AudioDecoder
from goedwerkplaats.media.engine import PlaybackEngine
from goedwerkplaats.media.player import Player

BLOCK_SECONDS = 60
RATE = 16_000


def two_hour_recording(path: Path, hours: float = 2.0) -> Path:
    """A mono AAC .m4a of `hours`: one minute encoded (speech-like noise bursts at 32 kb/s),
    its packets copied end to end with shifted times, so making it takes seconds."""
    block = path.with_name("blok.m4a")
    rng = np.random.default_rng(7)
    t = np.arange(BLOCK_SECONDS * RATE) / RATE
    samples = (0.2 * rng.standard_normal(len(t)) * (np.sin(2 * np.pi * 0.5 * t) > 0)).astype(
        np.float32
    )
    with av.open(str(block), mode="w") as container:
        stream = container.add_stream("aac", rate=RATE)
        stream.layout = "mono"
        stream.bit_rate = 32_000
        for offset in range(0, len(samples), 4096):
            part = samples[offset : offset + 4096].reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(part, format="fltp", layout="mono")
            frame.sample_rate, frame.pts, frame.time_base = RATE, offset, Fraction(1, RATE)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    with av.open(str(block)) as source, av.open(str(path), mode="w") as target:
        audio = source.streams.audio[0]
        out = target.add_stream_from_template(audio)
        packets = [p for p in source.demux(audio) if p.dts is not None]
        step = packets[-1].pts + (packets[-1].duration or 1024) - packets[0].pts
        for copy in range(int(hours * 3600 / BLOCK_SECONDS)):
            for packet in packets:
                clone = av.Packet(bytes(packet))
                clone.pts = packet.pts + copy * step
                clone.dts = packet.dts + copy * step
                clone.duration = packet.duration
                clone.time_base = packet.time_base
                clone.stream = out
                target.mux(clone)
    block.unlink()
    return path


def seek_ms(path: Path, seeks: int) -> list[float]:
    """Seek to a random moment and decode the first chunk there, as the player does."""
    rng = random.Random(17)
    times = []
    with AudioDecoder(path) as decoder:
        for _ in range(seeks):
            started = time.perf_counter()
            decoder.seek(rng.uniform(0, decoder.duration - 5))
            assert decoder.read() is not None
            times.append(time.perf_counter() - started)
    return [t * 1000 for t in times]


def play_latency_ms(path: Path, plays: int) -> tuple[list[float], str]:
    """From play to the first sample handed to the output (the sound card, or the clock
    where there is none), after a jump to a random moment while paused."""
    rng = random.Random(5)
    player = Player(path)
    output = "stille klok" if player.note else "geluidskaart"
    for _ in range(plays):
        player.pause()
        player.seek(rng.uniform(0, player.duration - 5))
        time.sleep(0.05)  # paused: the output has taken the jump
        count = len(player.engine.latencies)
        player.play()
        deadline = time.monotonic() + 2
        while len(player.engine.latencies) == count and time.monotonic() < deadline:
            time.sleep(0.001)
    player.close()
    return [t * 1000 for t in player.engine.latencies], output


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def playing_memory_mb(path: Path, minutes: float) -> float:
    """RSS above idle while `minutes` of the two-hour file are played (pulled as fast as the
    engine gives them, as an output would over that time), at 1× and 2× and after jumps."""
    idle = rss_mb()
    engine = PlaybackEngine(AudioDecoder(path))
    peak = idle
    block = 960
    for speed, start in ((1.0, 0.0), (2.0, 3600.0), (1.0, 7000.0)):
        engine.set_speed(speed)
        engine.seek(start)
        engine.play()
        for n in range(int(minutes * 60 * engine.rate / block / 3)):
            engine.pull(block)
            if n % 500 == 0:
                peak = max(peak, rss_mb())
    engine.close()
    return peak - idle
