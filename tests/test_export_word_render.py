"""The Word exports render: LibreOffice turns them into PDF pages with the expected text."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from goedwerkplaats.exporters.quotes import QuoteExportOptions, export_quotes
from goedwerkplaats.exporters.synthesis import SynthesisOptions, export_synthesis
from goedwerkplaats.exporters.transcript import TranscriptOptions, export_transcript
from tests.data.export.builders import named_session, second_session

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is niet geïnstalleerd")
def test_word_exports_convert_to_pdf(project, tmp_path) -> None:
    named_session(project)
    second_session(project)
    documents = {
        export_synthesis(project, SynthesisOptions()): "Antwoordverdeling in percentages",
        export_transcript(project, TranscriptOptions(session="gwp-1")): "Transcript: Bijeenkomst",
        export_quotes(project, QuoteExportOptions()): "Citaten",
    }
    out = tmp_path / "pdf"
    profile = tmp_path / "libreoffice-profiel"  # its own profile: never clashes with another run
    command = [
        str(SOFFICE),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *map(str, documents),
    ]
    subprocess.run(command, capture_output=True, timeout=300, check=False)
    for document, expected in documents.items():
        pdf = out / f"{document.stem}.pdf"
        # LibreOffice exits 0 even when it could not read a file: the PDF itself is the proof
        assert pdf.is_file(), f"geen PDF voor {document.name}"
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and len(data) > 10_000
        if PDFTOTEXT:
            text = subprocess.run(
                [PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout
            assert expected in text
            assert "Tom Bakker" not in text
