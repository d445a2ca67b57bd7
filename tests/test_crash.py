"""Kill a writer with SIGKILL at random moments: every acknowledged change must survive."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from goedwerkplaats.model.changes import PutParticipant
from goedwerkplaats.model.session import Participant, SessionMeta
from tests.crash_writer import BATCH, expected_texts
from tests.crash_writer import main as run_writer

KILLS = int(os.environ.get("GWP_CRASH_KILLS", "200"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_sigkill_at_random_moments_loses_no_acknowledged_change(project) -> None:
    project.create_session(SessionMeta(id="crash", title="Crashtest", date="2026-11-28"))
    with project.open_session("crash") as store:
        store.apply(PutParticipant(Participant("P1")))
    folder = project.session_folder("crash")
    rng = random.Random(20261128)
    acked = 0
    for _kill in range(KILLS):
        acked = _run_and_kill(folder, acked + 1, rng)
        loaded = project.load_session("crash")
        present = {s.id: s.text for s in loaded.session.segments}
        # the change in flight may or may not have landed; nothing acknowledged may be missing
        assert present in (expected_texts(acked), expected_texts(acked + 1)), acked
        assert loaded.problems == [] or all(p.warning for p in loaded.problems)
    assert acked > KILLS  # the writer made real progress between kills


BATCH_KILLS = int(os.environ.get("GWP_CRASH_BATCH_KILLS", "12"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")
def test_sigkill_during_big_batches_leaves_each_batch_whole_or_absent(project) -> None:
    """Issue 14.2: a batch (an import, an erasure) is all-or-nothing under SIGKILL."""
    project.create_session(SessionMeta(id="batch", title="Crashtest", date="2026-11-28"))
    with project.open_session("batch") as store:
        store.apply(PutParticipant(Participant("P1")))
    folder = project.session_folder("batch")
    rng = random.Random(20261130)
    acked = 0
    for _kill in range(BATCH_KILLS):
        acked = _run_and_kill(folder, acked + 1, rng, batches=True)
        loaded = project.load_session("batch")
        batches = {s.text.split()[1] for s in loaded.session.segments}
        assert len(loaded.session.segments) == BATCH, acked
        assert batches in ({str(acked)}, {str(acked + 1)}), (acked, sorted(batches)[:5])
    assert acked >= BATCH_KILLS  # each writer acknowledged at least its first batch


def _run_and_kill(folder: Path, first: int, rng: random.Random, batches: bool = False) -> int:
    """Fork a writer (re-applying an in-flight change is harmless), kill it, return its last ack."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write forever until killed
        os.close(read_end)
        try:
            run_writer(str(folder), first, os.fdopen(write_end, "w"), batches)
        finally:
            os._exit(1)
    os.close(write_end)
    with os.fdopen(read_end, "r") as acks:
        first_line = acks.readline()
        assert first_line.startswith("ack"), "the writer did not start"
        time.sleep(rng.uniform(0, 0.06 if batches else 0.015))  # a batch takes some 20 ms
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines = first_line + acks.read()
    return max(int(line.split()[1]) for line in lines.splitlines() if line.startswith("ack "))
