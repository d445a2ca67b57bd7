"""Shared fixtures: every test works in its own temporary project folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from goedwerkplaats.model.guide import Guide
from goedwerkplaats.project.folder import Project, init_project

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    # without the study's rapport.yaml: the report then follows the guide, and a test that
    # wants an outline writes its own (tests/test_study_outline.py checks the shipped one)
    return init_project(tmp_path / "project", outline=False)


@pytest.fixture
def guide(project: Project) -> Guide:
    return project.load_guide()


# The speech tests' model and spoken sample, made once per test process.
from tests.speech_fixtures import (  # noqa: E402
    conversation,
    recognition,
    short_conversation,
    whisper_model,
)

__all__ = ["conversation", "recognition", "short_conversation", "whisper_model"]

# Pilot waits after every key and pause until the app looks idle, sampling the process's CPU
# time every 20 ms; idle tests spent most of their time in those samples. A 4 ms sample asks
# the same question (busy or not?) five times as often. Test-only, and a private Textual
# module: tests/test_textual_private_api.py fails loudly when it changes.
import textual._wait as _textual_wait  # noqa: E402

IDLE_SAMPLE = 0.004
_textual_wait.SLEEP_GRANULARITY = IDLE_SAMPLE
_textual_wait.SLEEP_IDLE = IDLE_SAMPLE / 20  # Textual's own ratio
