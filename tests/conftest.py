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
