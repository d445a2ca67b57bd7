"""A 10,000-quote synthesis exports in seconds, close to the physical floor of Word output."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

from goedwerkplaats.exporters.material import gather
from goedwerkplaats.exporters.selection import QuoteFilter
from goedwerkplaats.exporters.synthesis import SynthesisOptions, export_synthesis
from goedwerkplaats.exporters.synthesis_docx import SynthesisLayout, write_synthesis
from goedwerkplaats.exporters.synthesis_groups import DIMENSIONS
from goedwerkplaats.project.folder import Project

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "docx_floor.py"


def _floor_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("docx_floor", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ten_thousand_quotes_in_seconds(tmp_path) -> None:
    floor = _floor_module()
    root = tmp_path / "groot"
    floor.build_project(root, quotes=10_000)
    project = Project(root)
    reports: list[tuple[int, int]] = []
    started = time.perf_counter()
    target = export_synthesis(
        project, SynthesisOptions(), progress=lambda d, t: reports.append((d, t))
    )
    elapsed = time.perf_counter() - started
    assert elapsed < 30, f"10.000 citaten duurden {elapsed:.1f} s"  # quadratic code: minutes
    assert len(reports) > 10 and [d for d, _ in reports] == sorted(d for d, _ in reports)
    assert reports[-1][0] == reports[-1][1]

    paragraphs = floor.body_paragraphs(target)
    assert sum(1 for style, _ in paragraphs if style == "Quote") >= 10_000
    assert not any("Sanne" in text for _, text in paragraphs)  # 1,000 quotes name her
    material = gather(project, QuoteFilter())
    started = time.perf_counter()
    write_synthesis(material, SynthesisLayout(DIMENSIONS, "sessie"), tmp_path / "b.docx", None)
    document = time.perf_counter() - started
    started = time.perf_counter()
    floor.write_floor_docx(tmp_path / "floor.docx", paragraphs)
    bare = time.perf_counter() - started
    assert document / bare < 8, f"document {document:.2f} s, ondergrens {bare:.2f} s"
