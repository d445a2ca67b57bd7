"""`goedwerkplaats transcribe` as a researcher types it: the session it fills, and every way
it can go wrong, each with a Dutch message and nothing half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

from goedwerkplaats.cli import main
from tests.conftest import REPO
from tests.speech_fixtures import live_session, needs_speech, speech_model_folder
from tests.speech_sample import english_guide, write_wav


def run(project, *args: str) -> int:
    return main(["--project", str(project.root), *args])


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def saved(project) -> dict:
    return yaml.safe_load((project.session_folder("gwp-1") / "sessie.yaml").read_text("utf-8"))


@needs_speech
def test_transcribe_fills_the_session_once_and_proef_writes_nothing(
    project, short_conversation, capsys
) -> None:
    english_guide(project)
    live_session(project, short_conversation.said)
    folder = project.session_folder("gwp-1")
    wav, model = str(short_conversation.wav), str(speech_model_folder())
    before = files(folder)
    args = ("transcribe", wav, "--session", "gwp-1", "--model", model, "--taal", "en")
    assert run(project, *args, "--proef") == 0
    out = capsys.readouterr()
    assert "te importeren (proef, niets opgeslagen)" in out.out
    assert "stellingen: 1 vanaf 00:00:0" in out.out  # read out by the facilitator
    assert "sprekers voorgesteld uit de live opname" in out.out
    assert "van 00:00:" in out.err  # the progress line
    assert files(folder) == before

    assert run(project, *args) == 0
    out = capsys.readouterr().out
    assert "geïmporteerd" in out and "1 gekoppeld en gemarkeerd als geverifieerd" in out
    data = saved(project)
    transcript = [s for s in data["segmenten"] if s.get("soort") == "transcript"]
    assert len(transcript) >= 3
    assert [s["spreker"] for s in transcript[:3]] == ["GL", "GL", "P1"]
    assert all("sprekervoorstel" in s["vlaggen"] for s in transcript[:3])
    assert transcript[2]["stelling"] == 1 or str(transcript[2]["stelling"]) == "1"
    assert data["imports"][0]["bestand"] == "kort.wav"

    # a second run is refused before any listening, and changes nothing
    before = files(folder)
    assert run(project, *args) == 1
    assert "is al geïmporteerd in sessie 'gwp-1'" in capsys.readouterr().err
    assert files(folder) == before


@needs_speech
def test_without_a_file_the_linked_recording_is_heard(project, short_conversation, capsys):
    english_guide(project)
    live_session(project, short_conversation.said)
    model = str(speech_model_folder())
    assert run(project, "transcribe", "--session", "gwp-1", "--model", model, "--proef") == 1
    assert "heeft geen gekoppelde opname; geef het bestand op" in capsys.readouterr().err
    assert run(project, "opname", "--sessie", "gwp-1", str(short_conversation.wav)) == 0
    capsys.readouterr()
    args = ("transcribe", "--session", "gwp-1", "--model", model, "--taal", "en", "--proef")
    assert run(project, *args) == 0
    out = capsys.readouterr().out
    assert "kort.wav → sessie 'gwp-1'" in out and "te importeren" in out


@needs_speech
def test_bad_models_each_get_their_message(project, short_conversation, tmp_path, capsys) -> None:
    live_session(project, short_conversation.said)
    wav = str(short_conversation.wav)
    empty = tmp_path / "leeg-model"
    empty.mkdir()
    cases = {
        str(tmp_path / "bestaat-niet/"): "bestaat niet; geef de map met het model op",
        str(empty): "is geen spraakmodel: model.bin en config.json ontbreekt",
        "reuzenmodel": "'reuzenmodel' is geen bekend model en geen map; kies uit tiny",
    }
    for model, message in cases.items():
        assert run(project, "transcribe", wav, "--session", "gwp-1", "--model", model) == 1
        err = capsys.readouterr().err
        assert message in err, err
        assert "Traceback" not in err
    broken = tmp_path / "kapot-model"
    broken.mkdir()
    for name in ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt"):
        (broken / name).write_bytes(b"niet echt")
    assert run(project, "transcribe", wav, "--session", "gwp-1", "--model", str(broken)) == 1
    assert "is niet te laden" in capsys.readouterr().err


@needs_speech
def test_a_named_model_not_in_the_cache_while_offline(project, short_conversation, tmp_path):
    live_session(project, short_conversation.said)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")}
    result = _cli(project, env, "transcribe", str(short_conversation.wav), "--session", "gwp-1",
                  "--model", "base")  # fmt: skip
    assert result.returncode == 1
    assert "model 'base' staat nog niet op deze computer" in result.stderr
    assert "--model MAP" in result.stderr


@needs_speech
def test_recording_without_speech_and_file_without_sound(project, tmp_path, capsys) -> None:
    import numpy as np

    live_session(project, [])
    before = files(project.session_folder("gwp-1"))
    silent = tmp_path / "stilte.wav"
    write_wav(silent, np.zeros(22_050 * 5, dtype=np.int16))
    model = str(speech_model_folder())
    assert run(project, "transcribe", str(silent), "--session", "gwp-1", "--model", model) == 1
    err = capsys.readouterr().err
    assert "in stilte.wav is geen spraak herkend" in err
    assert "er is niets aan de sessie toegevoegd" in err
    text = tmp_path / "notities.m4a"
    text.write_text("dit is geen opname", "utf-8")
    assert run(project, "transcribe", str(text), "--session", "gwp-1", "--model", model) == 1
    assert "kan niet als opname gelezen worden" in capsys.readouterr().err
    assert files(project.session_folder("gwp-1")) == before


@needs_speech
def test_ctrl_c_stops_and_writes_nothing(project, conversation) -> None:
    live_session(project, conversation.said)
    folder = project.session_folder("gwp-1")
    before = files(folder)
    process = subprocess.Popen(
        [sys.executable, "-m", "goedwerkplaats", "--project", str(project.root), "transcribe",
         str(conversation.wav), "--session", "gwp-1", "--model", str(speech_model_folder()),
         "--taal", "en"],
        stderr=subprocess.PIPE, text=True, env=_env(), cwd=REPO,
    )  # fmt: skip
    assert process.stderr is not None
    seen = ""
    while "%" not in seen:  # the first progress line: it is listening, the rest is to come
        line = process.stderr.readline()
        assert line, "the command ended before it began to listen"
        seen += line
    process.send_signal(signal.SIGINT)
    rest = process.stderr.read()
    assert process.wait(timeout=60) == 130
    assert "afgebroken; er is niets aan de sessie toegevoegd" in rest
    assert "Traceback" not in rest
    assert files(folder) == before


@needs_speech
def test_not_enough_memory_is_said_in_dutch(project, short_conversation) -> None:
    live_session(project, short_conversation.said)
    before = files(project.session_folder("gwp-1"))
    # the process may only grow a little beyond what it holds once the libraries are in
    script = textwrap.dedent(
        f"""
        import resource, sys
        import ctranslate2, faster_whisper, numpy, av
        from goedwerkplaats.cli import main
        size = next(int(line.split()[1]) for line in open("/proc/self/status")
                    if line.startswith("VmSize:")) * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size + 30 * 2**20, resource.RLIM_INFINITY))
        sys.exit(main(["--project", {str(project.root)!r}, "transcribe",
                       {str(short_conversation.wav)!r}, "--session", "gwp-1",
                       "--model", {str(speech_model_folder())!r}]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=_env(), cwd=REPO
    )
    assert result.returncode == 1, result.stderr
    assert "niet genoeg werkgeheugen" in result.stderr
    assert "kies een kleiner model" in result.stderr
    assert files(project.session_folder("gwp-1")) == before


def test_without_the_speech_extra_it_says_how_to_install(project, tmp_path) -> None:
    live_session(project, [])
    recording = tmp_path / "opname.wav"
    recording.write_bytes(b"RIFF")
    # Python's own way of saying a package is not installed: its import fails
    script = textwrap.dedent(
        f"""
        import sys
        sys.modules["faster_whisper"] = None
        from goedwerkplaats.cli import main
        sys.exit(main(["--project", {str(project.root)!r}, "transcribe", {str(recording)!r},
                       "--session", "gwp-1"]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=_env(), cwd=REPO
    )
    assert result.returncode == 1
    assert 'pip install -e ".[spraak]"' in result.stderr


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def _cli(project, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "goedwerkplaats", "--project", str(project.root), *args],
        capture_output=True, text=True, env={**env, "PYTHONPATH": str(REPO)}, cwd=REPO,
    )  # fmt: skip


def counting_recogniser(monkeypatch) -> list[Path]:  # type: ignore[no-untyped-def]
    """The command's own recogniser, counted: the recordings it was asked to listen to."""
    from goedwerkplaats.cli import commands_speech

    heard: list[Path] = []
    real = commands_speech.recognise

    def recognise(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        heard.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(commands_speech, "recognise", recognise)
    return heard


def test_a_recording_of_an_imported_transcripts_time_is_refused_before_listening(
    project, guide, tmp_path, capsys, monkeypatch
) -> None:
    from tests.test_import_overlap import session_with_zoom, silent_recording

    session_with_zoom(project, guide).close()  # zoom.vtt: 00:00:02 to 00:01:23
    before = files(project.session_folder("gwp-1"))
    wav = str(silent_recording(tmp_path / "opname.wav", 60.0))
    heard = counting_recogniser(monkeypatch)
    assert run(project, "transcribe", wav, "--sessie", "gwp-1", "--model", "tiny") == 1
    err = capsys.readouterr().err
    assert "opname.wav is niet beluisterd en niet geïmporteerd (er is niets gewijzigd): " in err
    assert "de sessie heeft al een transcript van de tijd van deze opname" in err
    assert "'zoom.vtt' (geïmporteerd" in err and "dat is 96% van deze opname" in err
    assert "importeer dan met --ja" in err
    assert "model 'tiny' laden" not in err and heard == []  # refused before any listening
    assert files(project.session_folder("gwp-1")) == before


@needs_speech
def test_the_next_part_or_ja_or_proef_goes_on_to_listen(
    project, guide, tmp_path, capsys, monkeypatch
) -> None:
    from tests.test_import_overlap import session_with_zoom, silent_recording

    session_with_zoom(project, guide).close()
    wav = silent_recording(tmp_path / "opname.wav", 5.0)
    heard = counting_recogniser(monkeypatch)
    args = ("transcribe", str(wav), "--sessie", "gwp-1", "--model", str(speech_model_folder()))
    for more in (("--opname-start", "00:01:24"), ("--ja",), ("--proef",)):
        assert run(project, *args, *more) == 1
        assert "in opname.wav is geen spraak herkend" in capsys.readouterr().err  # it listened
    assert heard == [wav, wav, wav]


@needs_speech
def test_at_a_keyboard_transcribe_asks_once_before_listening(project, short_conversation):
    from tests.test_import_overlap import run_at_a_keyboard

    english_guide(project)
    live_session(project, short_conversation.said)
    typed = project.root / "uitgetypt.vtt"  # an earlier transcript of the same recording
    cues = [
        f"{n}\n00:00:{s.start:06.3f} --> 00:00:{s.end:06.3f}\n{s.turn.speaker}: {s.turn.text}\n"
        for n, s in enumerate(short_conversation.said, start=1)
    ]
    typed.write_text("WEBVTT\n\n" + "\n".join(cues), "utf-8")
    assert run(project, "import", str(typed), "--sessie", "gwp-1") == 0
    model = str(speech_model_folder())
    args = ("transcribe", str(short_conversation.wav), "--sessie", "gwp-1", "--model", model)
    # after listening it would be asked too (the preview warns): a second question would
    # read "nee" and refuse
    code, said = run_at_a_keyboard(project, "dubbel\nnee", *args, "--taal", "en")
    assert code == 0, said
    assert said.count("Typ dubbel om het toch te importeren") == 1
    assert said.index("LET OP: de sessie heeft al een transcript van de tijd") < said.index(
        "model '"
    )
    assert len(project.load_session("gwp-1").session.imports) == 2
