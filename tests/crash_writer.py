"""A writer for the crash test: applies numbered changes forever, printing each acknowledgement.

Change n is deterministic, so the test can compute what the session must hold after any n.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from goedwerkplaats.model.changes import Change, DeleteSegment, PutSegment
from goedwerkplaats.model.session import Segment
from goedwerkplaats.storage.session_store import SessionStore

COMPACT_EVERY = 40


SLOTS = 40  # segments are overwritten in turn, so the session stays small and loads fast


def change_for(n: int) -> Change:
    if n % 5 == 0:
        return DeleteSegment(f"s{(n - 1) % SLOTS}")
    text = f"wijziging {n} " + "woorden " * (n % 13)
    return PutSegment(Segment(id=f"s{n % SLOTS}", start=float(n), speaker="P1", text=text))


def expected_texts(last: int) -> dict[str, str]:
    """Segment id -> text after changes 1..last."""
    texts: dict[str, str] = {}
    for n in range(1, last + 1):
        change = change_for(n)
        if isinstance(change, DeleteSegment):
            texts.pop(change.segment_id, None)
        else:
            texts[change.segment.id] = change.segment.text
    return texts


BATCH = 1000  # segments per batch: one write of some 90 KB


def batch_for(n: int) -> list[Change]:
    """Batch n rewrites every segment, as an import or an erasure writes thousands at once."""
    return [
        PutSegment(Segment(id=f"b{k}", start=float(k), speaker="P1", text=f"reeks {n} deel {k}"))
        for k in range(BATCH)
    ]


def main(folder: str, first: int, out: TextIO = sys.stdout, batches: bool = False) -> None:
    store = SessionStore.open(Path(folder))
    n = first
    while True:
        store.apply(*batch_for(n)) if batches else store.apply(change_for(n))
        out.write(f"ack {n}\n")
        out.flush()
        if n % COMPACT_EVERY == 0:
            store.compact()
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
