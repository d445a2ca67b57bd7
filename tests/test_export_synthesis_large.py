"""A large synthesis (2,000 quotes over 5 sessions) is whole, reports its progress in order and
names no one. Its speed against the raw-lxml floor is a figure in benchmarks/run.py."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from goedwerkplaats.exporters.synthesis import SynthesisOptions, export_synthesis
from goedwerkplaats.project.folder import Project

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "docx_floor.py"


def _floor_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("docx_floor", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_thousand_quotes_are_all_written_with_progress_and_without_names(tmp_path) -> None:
    floor = _floor_module()
    root = tmp_path / "groot"
    floor.build_project(root, quotes=2_000)
    project = Project(root)
    reports: list[tuple[int, int]] = []
    target = export_synthesis(
        project, SynthesisOptions(), progress=lambda d, t: reports.append((d, t))
    )
    assert len(reports) > 10 and [d for d, _ in reports] == sorted(d for d, _ in reports)
    assert reports[-1][0] == reports[-1][1]

    paragraphs = floor.body_paragraphs(target)
    assert sum(1 for style, _ in paragraphs if style == "Quote") >= 2_000
    assert not any("Sanne" in text for _, text in paragraphs)  # 200 quotes name her
