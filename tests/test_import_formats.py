"""Reading transcripts as the tools write them: what comes out of each file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from goedwerkplaats.files.problems import GwpError, ProblemsError
from goedwerkplaats.importers.reader import read_transcript_file
from goedwerkplaats.importers.transcript import StatementMark, Transcript, Utterance

DATA = Path(__file__).parent / "data" / "import"


def read(name: str) -> Transcript:
    return read_transcript_file(DATA / name).transcript


def said(transcript: Transcript) -> list[tuple[str | None, float | None, str]]:
    return [(u.speaker, u.start, u.text) for u in transcript.utterances]


def warnings(transcript: Transcript) -> list[str]:
    return [str(w) for w in transcript.warnings]


def test_zoom_vtt_names_in_cues_numbers_ignored_and_a_cue_without_speaker() -> None:
    transcript = read("zoom.vtt")
    assert transcript.format == "WebVTT" and transcript.encoding == "UTF-8"
    rows = said(transcript)
    assert len(rows) == 13
    assert rows[0] == (
        "Sanne de Vries",
        2.1,
        "Welkom allemaal. Fijn dat jullie vanmiddag tijd hebben gemaakt.",
    )
    assert rows[5][0] == "Fatima el Amrani"  # a lower-case particle inside a name
    assert rows[7] == (None, 45.9, "Ja.")
    assert transcript.utterances[0].end == 6.9
    assert transcript.utterances[0].line == 5


def test_teams_vtt_bom_crlf_guid_ids_voice_tags_and_two_voices_in_one_cue() -> None:
    transcript = read("teams.vtt")
    assert transcript.encoding == "UTF-8 (met BOM)"
    rows = said(transcript)
    assert rows[0] == ("Sanne de Vries", 1.5, "Goedemiddag. Zijn jullie er allemaal?")
    assert (
        "Ruben Koster",
        13.0,
        "Serieus genomen worden, dat hangt erg af van & met wie je praat.",
    ) in rows
    assert rows[4:6] == [
        ("Fatima el Amrani", 21.9, "Klopt."),
        ("Ruben Koster", 21.9, "Zeker bij de zorg."),
    ]
    # <v.loud Name> with a class, text over two lines (one with a lone LF among CRLFs)
    assert rows[-1] == (
        "Fatima el Amrani",
        24.8,
        "Werkgevers nemen mij serieuzer dan mijn eigen teamleider, eerlijk gezegd.",
    )
    assert not any("9f1c2a7e" in text for _s, _t, text in rows)
    assert "1 leeg blok overgeslagen" in transcript.notes
    # overlapping cues (8.4 starts before 9.0 ends) are normal crosstalk, not a warning
    assert transcript.warnings == ()


def test_whisper_vtt_minutes_only_note_style_empty_cue_and_styling_tags() -> None:
    transcript = read("whisper.vtt")
    rows = said(transcript)
    assert [speaker for speaker, _t, _x in rows] == [None] * 5
    assert rows[0] == (None, 1.0, "Goedemiddag, we gaan beginnen met de eerste stelling.")
    assert rows[1][2] == "De cliënten van de klantmanager zijn geen klanten."
    assert rows[3] == (
        None,
        17.05,
        "Een klant kan weglopen & een inwoner met een uitkering kan dat niet.",
    )
    assert rows[4][2].startswith("Daar ben ik het mee eens. Er zijn geen")
    assert not any("color" in text or "Gemaakt met" in text for _s, _t, text in rows)
    assert "1 leeg blok overgeslagen" in transcript.notes


def test_srt_wrapped_lines_tags_dialogue_dashes_and_time_going_back() -> None:
    transcript = read("subtitles.srt")
    assert transcript.format == "SRT"
    rows = said(transcript)
    assert rows[0] == (
        "Gespreksleider",
        3.0,
        "Goedemorgen. Ik lees de eerste stelling voor: de cliënten van de klantmanager "
        "zijn geen klanten.",
    )
    assert rows[1] == (
        "Joost Meijer",
        8.2,
        "Dat woord klant hebben we bij ons al jaren geleden afgeschaft.",
    )
    assert rows[3:5] == [
        ("Lotte Brink", 19.2, "Deelnemer aan wat dan?"),
        ("Joost Meijer", 19.2, "Aan de samenleving, zeggen ze dan."),
    ]
    assert rows[5] == ("Lotte Brink", 12.1, "Sorry, ik viel even weg.")  # kept, with a warning
    assert warnings(transcript) == [
        f"{DATA / 'subtitles.srt'}:25: waarschuwing: de tijd 00:00:12 ligt vóór de vorige "
        "(00:00:19); het fragment is gehouden en staat in de sessie op zijn eigen tijd"
    ]


def test_typed_text_title_timed_forms_continuations_and_stelling_lines() -> None:
    transcript = read("typed.txt")
    items = transcript.items
    utterances = transcript.utterances
    assert (utterances[0].speaker, utterances[0].start, utterances[0].line) == (
        "Gespreksleider",
        5.0,
        6,
    )
    assert (utterances[1].speaker, utterances[1].start) == ("Ilse Bos", 40.0)
    assert utterances[1].text.endswith(
        "lijkt het of ze ook ergens anders naartoe kunnen. #klant @spreekkamer"
    )
    mehmet = utterances[2]
    assert (mehmet.speaker, mehmet.start) == ("Mehmet Yilmaz", 82.0)
    # "Wat ik bedoel: …" halfway a paragraph is not a speaker
    assert mehmet.text.endswith("Wat ik bedoel: de gemeente is er voor hen, niet andersom.")
    # a paragraph without an opening continues the previous speaker
    assert (utterances[3].speaker, utterances[3].start) == ("Mehmet Yilmaz", None)
    marks = [item for item in items if isinstance(item, StatementMark)]
    assert [(m.line, m.statement, m.explicit) for m in marks] == [(17, "2", True), (23, "3", False)]
    # a known speaker's `Name: text` halfway a paragraph starts a new utterance
    assert (utterances[-1].speaker, utterances[-1].text) == (
        "Ilse Bos",
        "Dat herken ik. #vakmanschap @maatschappelijk-veld",
    )
    assert any("regel 1 overgeslagen als titel" in note for note in transcript.notes)
    assert not any("Datum" in (u.speaker or "") or "Aanwezig" in u.text for u in utterances)


def test_untimed_interview_names_only() -> None:
    rows = said(read("untimed.txt"))
    assert [speaker for speaker, _t, _x in rows] == [
        "Interviewer",
        "Respondent 1",
        "Respondent 2",
        "Interviewer",
        "Respondent 1",
    ]
    assert all(time is None for _s, time, _x in rows)
    assert rows[2][2] == (
        "Bij ons staat het op elke brief, dus je ontkomt er niet aan. "
        "Je went eraan, maar ik vind het jammer."
    )
    # "Kijk:" opens a sentence, it is no speaker
    assert rows[4][2].startswith("Te hoog. Kijk: met zeventig")


def test_speaker_header_lines_with_time_as_otter_writes_them() -> None:
    rows = said(read("otter.txt"))
    assert rows == [
        ("Speaker 1", 3.0, "Zullen we beginnen? Ik heb de stellingen op het scherm gezet."),
        (
            "Speaker 2",
            11.0,
            "Ja hoor. Ik wil wel iets zeggen over de regels rond bijverdiensten. "
            "Die zijn zo ingewikkeld dat mensen liever niets doen.",
        ),
        ("Speaker 1", 29.0, "Herkennen anderen dat?"),
        ("Speaker 3", 33.0, "Heel erg. Ik besteed er per week uren aan."),
    ]


def test_windows_1252_file_is_read_and_the_encoding_named() -> None:
    transcript = read("typed-cp1252.txt")
    assert transcript.encoding == "Windows-1252 (cp1252)"
    assert said(transcript)[1] == (
        "Renée Dekker",
        31.0,
        "Ik zeg altijd ‘inwoner’ – nooit klant. Dat is een bewuste keuze… #klant",
    )
    assert "gelezen als Windows-1252 (cp1252)" in warnings(transcript)[0]


def test_latin1_bytes_that_windows_1252_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "oud.txt"
    path.write_bytes("[00:00:01] Anna: Een café\x81 in Noord.\n".encode("latin-1"))
    transcript = read_transcript_file(path).transcript
    assert transcript.encoding == "Latin-1 (ISO-8859-1)"
    assert said(transcript)[0][2] == "Een café\x81 in Noord."


def test_utf16_file_from_notepad() -> None:
    transcript = read("typed-utf16.txt")
    assert transcript.encoding == "UTF-16"
    assert said(transcript)[1] == (
        "Zoë Vermeulen",
        138.0,
        "Ik. De opdracht is helder, maar het budget niet.",
    )


def test_utf8_with_one_damaged_byte_names_the_line() -> None:
    transcript = read("mixed-utf8.txt")
    assert transcript.encoding == "UTF-8"
    assert said(transcript)[0][2] == "Dit is UTF-8 met een café."
    assert warnings(transcript)[0].startswith(
        f"{DATA / 'mixed-utf8.txt'}:2: waarschuwing: onleesbare"
    )


def test_word_paragraphs_soft_breaks_and_a_table() -> None:
    transcript = read("transcript.docx")
    assert transcript.format == "Word" and transcript.unit == "alinea"
    rows = said(transcript)
    assert rows[0] == ("Gespreksleider", 3.0, "Stelling 1. Wat vinden jullie ervan?")
    assert rows[2] == (
        "Noah Visser",
        41.0,
        "Dat is wat anders dan een winkel, dat snap ik ook wel.",
    )
    assert rows[3] == (
        "Eva Mulder",
        1500.0,
        "Mijn teamleider vertrouwt op mijn oordeel. Dat is niet overal zo.",
    )
    assert rows[4:] == [
        ("Eva Mulder", 1570.0, "Behalve bij de raad."),
        ("Gespreksleider", 1590.0, "Dank je."),
    ]
    marks = [i for i in transcript.items if isinstance(i, StatementMark)]
    assert [(m.line, m.statement) for m in marks] == [(6, "3")]


def test_word_transcript_with_speaker_and_time_on_their_own_paragraph() -> None:
    rows = said(read("teams-transcript.docx"))
    assert rows[:2] == [
        ("Sanne de Vries", 4.0, "Welkom allemaal bij deze Goed Werk Plaats."),
        ("Ruben Koster", 15.0, "Dank je. Ik ben benieuwd naar de anderen."),
    ]
    assert rows[2][:2] == ("Sanne de Vries", 62.0)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.vtt", "empty.vtt: het bestand is leeg"),
        ("not-really.docx", "not-really.docx: geen leesbaar Word-bestand (.docx)"),
        (
            "bad-timing.srt",
            "bad-timing.srt:6: tijdregel niet te lezen: '00:00:05,000 -> 00:00:08,000'",
        ),
    ],
)
def test_unusable_files_say_file_line_and_what_to_do(name: str, message: str) -> None:
    with pytest.raises(ProblemsError) as caught:
        read(name)
    assert message in str(caught.value)


def test_every_bad_timing_line_is_reported_at_once() -> None:
    with pytest.raises(ProblemsError) as caught:
        read("bad-timing.srt")
    assert [p.line for p in caught.value.problems] == [6, 10]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xef\xbb\xbf\r\n  \r\n", "het bestand is leeg"),
        (b"%PDF-1.7 ...", "dit is een PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "oud Word-bestand (.doc)"),
        (bytes(range(0, 32)) * 10, "dit lijkt geen tekstbestand"),
        (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n", "geen uitspraken gevonden"),
    ],
)
def test_odd_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "gesprek.vtt"
    path.write_bytes(content)
    with pytest.raises(ProblemsError, match=re.escape(message)):
        read_transcript_file(path)


def test_a_missing_file_or_a_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(GwpError, match="bestaat niet"):
        read_transcript_file(tmp_path / "weg.vtt")
    with pytest.raises(GwpError, match="is een map"):
        read_transcript_file(tmp_path)


def test_vtt_without_header_and_srt_with_dots_still_read(tmp_path: Path) -> None:
    path = tmp_path / "export.vtt"
    path.write_text("1\n00:00:01.000 --> 00:00:02.500\nAnna Smit: Hallo.\n", "utf-8")
    assert said(read_transcript_file(path).transcript) == [("Anna Smit", 1.0, "Hallo.")]


def test_text_without_any_speaker_or_time_gives_one_segment_per_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "dictaat.txt"
    path.write_text("Eerste alinea\nloopt door.\n\nTweede alinea.\n", "utf-8")
    transcript = read_transcript_file(path).transcript
    assert said(transcript) == [
        (None, None, "Eerste alinea loopt door."),
        (None, None, "Tweede alinea."),
    ]
    assert "geen sprekers of tijden herkend" in warnings(transcript)[0]


def test_utterances_remember_their_source_lines() -> None:
    ilse = read("typed.txt").utterances[1]
    assert isinstance(ilse, Utterance)
    assert [line for line, _text in ilse.parts] == [8, 9]


def test_a_cue_that_opens_with_a_stelling_keeps_its_words(tmp_path: Path) -> None:
    path = tmp_path / "asr.vtt"
    path.write_text(
        "WEBVTT\n\n00:01.000 --> 00:03.000\nStelling 2\n\n"
        "00:04.000 --> 00:09.000\nStelling 3: de klantmanager wordt serieus genomen.\n",
        "utf-8",
    )
    items = read_transcript_file(path).transcript.items
    assert isinstance(items[0], StatementMark) and items[0].statement == "2"
    assert isinstance(items[1], Utterance)
    assert items[1].text == "Stelling 3: de klantmanager wordt serieus genomen."
