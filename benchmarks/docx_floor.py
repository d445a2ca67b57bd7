"""The physical floor for Word output, and the 10,000-quote synthesis measured against it.

`write_floor_docx` writes paragraphs (style id, text) as a raw lxml tree straight into a
minimal .docx zip, without python-docx: no template, no styles beyond the ids, no checks.
Nothing that writes the same paragraphs can be much faster, so the synthesis export is judged
by its ratio to this floor (target: at most 3).

Run:  python benchmarks/docx_floor.py [QUOTES]
      python benchmarks/docx_floor.py --write PARAGRAPHS.json OUT.docx   (the floor as a process)
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _PPR, _PSTYLE, _R, _T = (f"{{{W}}}{t}" for t in ("p", "pPr", "pStyle", "r", "t"))
_VAL = f"{{{W}}}val"

_WORDS = (
    "de klant wil vooral gehoord worden maar de organisatie stuurt op uitstroom en "
    "cijfers terwijl ik in de spreekkamer iets anders zie gebeuren met vertrouwen"
)
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def write_floor_docx(path: Path, paragraphs: Iterable[tuple[str | None, str]]) -> None:
    """Write `paragraphs` (style id or None, text) as the body of a minimal .docx."""
    document = etree.Element(f"{{{W}}}document", nsmap={"w": W})
    body = etree.SubElement(document, f"{{{W}}}body")
    sub = etree.SubElement
    for style_id, text in paragraphs:
        p = sub(body, _P)
        if style_id:
            sub(sub(p, _PPR), _PSTYLE, {_VAL: style_id})
        sub(sub(p, _R), _T).text = text
    sub(body, f"{{{W}}}sectPr")
    xml = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("word/document.xml", xml)


def body_paragraphs(docx_path: Path) -> list[tuple[str | None, str]]:
    """The (style id, text) of every body paragraph outside tables of a .docx."""
    with zipfile.ZipFile(docx_path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    found = []
    for p in root.find(f"{{{W}}}body").iterchildren(_P):
        style = p.find(f"{_PPR}/{_PSTYLE}")
        text = "".join(t.text or "" for t in p.iter(_T))
        found.append((None if style is None else style.get(_VAL), text))
    return found


def build_project(
    root: Path, quotes: int = 10_000, sessions: int = 5, seed: int = 1, kind: str = "live"
) -> None:
    """A project with `quotes` coded segments over `sessions` sessions, written directly
    (`kind` "transcript" for verbatim fragments, which a report prints as quotes). Without
    the study's `rapport.yaml`: the report follows the guide and prints every quote (the
    study's outline places only the themes of its chapters 5-7, fewer than half of them)."""
    from goedwerkplaats.model.session import Participant, Segment, Session, SessionMeta, Stance
    from goedwerkplaats.project.folder import init_project
    from goedwerkplaats.storage.session_store import write_new_session

    rng = random.Random(seed)
    project = init_project(root, outline=False)
    guide = project.load_guide()
    themes = [t.id for t in guide.themes]
    arenas = [a.id for a in guide.arenas]
    statements = [s.id for s in guide.statements]
    names = ["Tom Bakker", "Aylin Demir", "Sanne de Vries", "Jeroen Smit", "Fatima El Amrani"]
    words = _WORDS.split()
    per_session = quotes // sessions
    for number in range(1, sessions + 1):
        date = f"2026-11-{number + 10}"
        session = Session(SessionMeta(f"gwp-{number}", f"Bijeenkomst {number}", date, form="video"))
        for index, name in enumerate(names, start=1):
            session.participants[f"P{index}"] = Participant(f"P{index}", name=name)
        for index in range(per_session):
            text = " ".join(rng.choice(words) for _ in range(rng.randint(12, 40)))
            text = text[0].upper() + text[1:] + (", zoals Sanne net zei" if index % 10 == 0 else "")
            session.segments.put(
                Segment(
                    id=f"s{index + 1}",
                    start=float(index * 7),
                    speaker=f"P{rng.randint(1, len(names))}",
                    statement=rng.choice(statements),
                    text=text + ".",
                    themes=tuple(rng.sample(themes, rng.choice((1, 1, 2)))),
                    arena=rng.choice([*arenas, None]),
                    kind=kind,
                )
            )
        for statement in statements:
            for index in range(1, len(names) + 1):
                for moment in ("begin", "eind"):
                    stance = Stance(statement, f"P{index}", moment, rng.choice((1, 2, 3, 4, 5)))
                    session.stances[stance.key] = stance
        write_new_session(project.session_folder(session.id), session)


def measure(quotes: int = 10_000) -> dict[str, float]:
    """Seconds for: the whole export, the document alone, and the floor; and the ratio."""
    from goedwerkplaats.exporters.material import gather
    from goedwerkplaats.exporters.selection import QuoteFilter
    from goedwerkplaats.exporters.synthesis import SynthesisOptions, export_synthesis
    from goedwerkplaats.exporters.synthesis_docx import SynthesisLayout, write_synthesis
    from goedwerkplaats.exporters.synthesis_groups import DIMENSIONS
    from goedwerkplaats.project.folder import Project

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        build_project(root, quotes)
        project = Project(root)
        started = time.perf_counter()
        target = export_synthesis(project, SynthesisOptions())
        total = time.perf_counter() - started
        material = gather(project, QuoteFilter())
        started = time.perf_counter()
        layout = SynthesisLayout(DIMENSIONS, "sessie")
        write_synthesis(material, layout, root / "exports" / "again.docx", None)
        document = time.perf_counter() - started
        paragraphs = body_paragraphs(target)
        started = time.perf_counter()
        write_floor_docx(root / "floor.docx", paragraphs)
        floor = time.perf_counter() - started
    return {
        "export": total,
        "document": document,
        "floor": floor,
        "paragraphs": float(len(paragraphs)),
        "ratio": document / floor,
    }


def measure_report(quotes: int = 10_000) -> dict[str, float]:
    """The same for the report (rapport): the outline that follows the guide, every quote
    once, breadth counts and the appendix."""
    from goedwerkplaats.exporters.report import ReportOptions, export_report, plan_report
    from goedwerkplaats.project.folder import Project

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        build_project(root, quotes, kind="transcript")
        project = Project(root)
        started = time.perf_counter()
        target = export_report(project)
        total = time.perf_counter() - started
        plan = plan_report(project)
        started = time.perf_counter()
        export_report(project, ReportOptions(force=True), plan=plan)
        document = time.perf_counter() - started
        paragraphs = body_paragraphs(target)
        started = time.perf_counter()
        write_floor_docx(root / "floor.docx", paragraphs)
        floor = time.perf_counter() - started
    return {
        "export": total,
        "document": document,
        "floor": floor,
        "paragraphs": float(len(paragraphs)),
    }


def main() -> None:
    if sys.argv[1:2] == ["--write"]:  # the floor as a whole process: read, write, exit
        import json

        paragraphs = json.loads(Path(sys.argv[2]).read_text("utf-8"))
        write_floor_docx(Path(sys.argv[3]), [(style, text) for style, text in paragraphs])
        return
    quotes = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    result = measure(quotes)
    print(f"synthese van {quotes} citaten ({int(result['paragraphs'])} alinea's)")
    print(f"  hele export (laden, selecteren, schrijven): {result['export']:.2f} s")
    print(f"  alleen het document:                       {result['document']:.2f} s")
    print(f"  fysieke ondergrens (lxml + zip):           {result['floor']:.2f} s")
    print(f"  verhouding document / ondergrens:          {result['ratio']:.2f}")


if __name__ == "__main__":
    main()
