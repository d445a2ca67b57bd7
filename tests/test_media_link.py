"""Linking a recording to a session: stored, found again after a move, clear messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from goedwerkplaats.cli import main
from goedwerkplaats.media.decoder import SPEECH_RATE, AudioDecoder, mono_samples
from goedwerkplaats.media.errors import MediaError
from goedwerkplaats.media.link import locate, make_link
from goedwerkplaats.project.folder import Project
from tests.helpers import new_session, segment
from tests.media_files import first_click, make_recording, make_silent_video


def run(project: Project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


@pytest.fixture
def recording(tmp_path: Path) -> Path:
    folder = tmp_path / "opnames"
    folder.mkdir()
    return make_recording(folder / "gwp-1.m4a", duration=3.0, clicks=[1.0, 2.0])


def test_opname_links_the_recording_where_it_is(
    project: Project, recording: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new_session(project).close()
    assert run(project, "opname", "--session", "gwp-1", str(recording)) == 0
    assert "opname gekoppeld" in capsys.readouterr().out
    link = project.load_session("gwp-1").session.meta.recording
    assert link is not None
    assert Path(link.path) == recording.resolve()
    assert link.size == recording.stat().st_size
    assert abs(link.duration - 3.0) < 0.05
    text = (project.session_folder("gwp-1") / "sessie.yaml").read_text(encoding="utf-8")
    assert "begin_sha256" in text and str(recording.resolve()) in text
    assert not list(project.root.rglob("*.m4a")), "the recording is not copied in"


def test_a_moved_recording_is_found_next_to_the_project_and_relinked(
    project: Project, recording: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new_session(project).close()
    run(project, "opname", "--session", "gwp-1", str(recording))
    moved = shutil.move(recording, project.root.parent / recording.name)
    capsys.readouterr()
    assert run(project, "opname", "--session", "gwp-1") == 0
    assert "teruggevonden" in capsys.readouterr().out
    link = project.load_session("gwp-1").session.meta.recording
    assert link is not None and Path(link.path) == Path(moved).resolve()


def test_a_renamed_recording_is_found_in_a_folder_the_user_names(
    project: Project, recording: Path, tmp_path: Path
) -> None:
    new_session(project).close()
    link = make_link(recording)
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    make_recording(elsewhere / "other.m4a", duration=2.0)  # another recording: not taken
    renamed = Path(shutil.move(recording, elsewhere / "focusgroep 28 nov.m4a"))
    with pytest.raises(MediaError, match="niet gevonden"):
        locate(link, project.root)
    found = locate(link, project.root, [elsewhere])
    assert found.moved and found.path == renamed


def test_a_different_file_at_the_stored_path_is_not_taken_for_the_recording(
    project: Project, recording: Path
) -> None:
    link = make_link(recording)
    make_recording(recording, duration=2.0, clicks=[0.5])
    with pytest.raises(MediaError, match="niet meer dezelfde opname"):
        locate(link, project.root)


def test_missing_file_and_video_without_sound_have_their_messages(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new_session(project).close()
    assert run(project, "opname", "--session", "gwp-1", str(tmp_path / "weg.m4a")) == 1
    err = capsys.readouterr().err
    assert "weg.m4a" in err and "niet gevonden" in err and "Traceback" not in err
    video = make_silent_video(tmp_path / "zoom-video.mp4")
    assert run(project, "opname", "--session", "gwp-1", str(video)) == 1
    err = capsys.readouterr().err
    assert "zoom-video.mp4" in err and "geen geluidsspoor" in err
    junk = tmp_path / "kapot.mp3"
    junk.write_bytes(b"geen geluid" * 500)
    assert run(project, "opname", "--session", "gwp-1", str(junk)) == 1
    assert "kan niet als opname gelezen worden" in capsys.readouterr().err
    assert project.load_session("gwp-1").session.meta.recording is None


def test_a_relink_after_the_file_vanished_says_how(
    project: Project, recording: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new_session(project).close()
    run(project, "opname", "--session", "gwp-1", str(recording))
    recording.unlink()
    capsys.readouterr()
    assert run(project, "opname", "--session", "gwp-1") == 1
    err = capsys.readouterr().err
    assert "niet gevonden" in err and "--zoek" in err and "opname --sessie" in err
    assert project.load_session("gwp-1").session.meta.recording is not None, "link kept"


def test_a_transcript_longer_than_the_recording_is_warned_about(
    project: Project, recording: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = new_session(project)
    store.apply(segment(1, start=600.0, end=612.0))
    store.close()
    assert run(project, "opname", "--session", "gwp-1", str(recording)) == 0
    err = capsys.readouterr().err
    assert "de opname duurt 00:00:03" in err and "00:10:12" in err
    assert len(project.load_session("gwp-1").session.segments) == 1


@pytest.mark.parametrize("suffix", [".wav", ".m4a", ".mp4", ".mp3", ".opus", ".webm"])
def test_every_format_decodes_and_seeks_to_the_click(tmp_path: Path, suffix: str) -> None:
    path = make_recording(tmp_path / f"opname{suffix}", duration=3.0, clicks=[2.0])
    with AudioDecoder(path) as decoder:
        assert abs(decoder.duration - 3.0) < 0.05
        decoder.seek(1.9)
        first = decoder.read()
        assert first is not None and abs(first.time - 1.9) < 0.001
        samples = np.concatenate([first.samples, *(c.samples for c in decoder.chunks())])
    click = first_click(samples, decoder.rate)
    assert click is not None and abs(first.time + click - 2.0) < 0.05


def test_mono_samples_at_16_khz_for_speech_recognition(recording: Path) -> None:
    chunks = list(mono_samples(recording, SPEECH_RATE, start=0.5, end=1.5))
    samples = np.concatenate([c.samples for c in chunks])
    assert samples.dtype == np.float32 and samples.ndim == 1
    assert abs(len(samples) / SPEECH_RATE - 1.0) < 0.01
    click = first_click(samples, SPEECH_RATE)
    assert click is not None and abs(0.5 + click - 1.0) < 0.05
