"""Planning and applying an import: speakers, segments, stellingen, codes, times, live quotes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from goedwerkplaats.files.problems import GwpError, ProblemsError
from goedwerkplaats.importers import (
    ImportOptions,
    PlanOutdated,
    apply_import,
    plan_import,
)
from goedwerkplaats.importers.report import describe_plan
from goedwerkplaats.model.changes import PutParticipant, PutSegment, SwitchStatement
from goedwerkplaats.model.session import (
    KIND_LIVE,
    KIND_TRANSCRIPT,
    Participant,
    Segment,
    SessionMeta,
    StatementSwitch,
)
from goedwerkplaats.storage.audit import read_audit
from goedwerkplaats.storage.session_store import SessionStore

DATA = Path(__file__).parent / "data" / "import"


def make_session(
    project,
    *changes,
    facilitator: str = "",
    offset: float | None = None,
) -> SessionStore:
    project.create_session(
        SessionMeta(
            id="gwp-1",
            title="Test",
            date="2026-03-14",
            facilitator=facilitator,
            recording_offset=offset,
        )
    )
    store = project.open_session("gwp-1")
    if changes:
        store.apply(*changes)
    return store


def live(number: int, start: float, speaker: str, text: str, **fields) -> PutSegment:
    return PutSegment(
        Segment(f"s{number}", start, speaker=speaker, text=text, kind=KIND_LIVE, **fields)
    )


def transcript_segments(store: SessionStore) -> list[Segment]:
    return [s for s in store.session.segments if s.kind == KIND_TRANSCRIPT]


# ---------------------------------------------------------------- speakers


def test_speakers_become_pseudonymous_participants_and_the_facilitator_gl(project, guide) -> None:
    store = make_session(project)
    plan = plan_import(store.session, guide, DATA / "subtitles.srt")
    apply_import(store, plan)
    people = store.session.participants
    assert people["GL"] == Participant("GL", name="", facilitator=True)
    assert people["P1"] == Participant("P1", name="Joost Meijer")
    assert people["P2"] == Participant("P2", name="Lotte Brink")
    speakers = [s.speaker for s in transcript_segments(store)]
    assert set(speakers) == {"GL", "P1", "P2"}  # real names stay in the participant list
    assert not any("Joost" in (s.speaker or "") for s in store.session.segments)


def test_a_speaker_already_in_the_session_is_reused_and_numbers_continue(project, guide) -> None:
    store = make_session(
        project,
        PutParticipant(Participant("P1", name="ruben  KOSTER")),
        PutParticipant(Participant("P2", name="Iemand Anders")),
    )
    plan = plan_import(
        store.session, guide, DATA / "zoom.vtt", ImportOptions(facilitators=("Sanne de Vries",))
    )
    choices = {c.name: (c.participant, c.new, c.facilitator) for c in plan.speakers}
    assert choices == {
        "Sanne de Vries": ("GL", True, True),
        "Ruben Koster": ("P1", False, False),
        "Fatima el Amrani": ("P3", True, False),
    }
    assert [p.id for p in plan.participants] == ["GL", "P3"]
    assert plan.participants[0].name == "Sanne de Vries"


def test_facilitator_known_from_the_session_and_labels_in_the_file(project, guide) -> None:
    store = make_session(
        project,
        PutParticipant(Participant("GL", name="Sanne de Vries", facilitator=True)),
    )
    plan = plan_import(store.session, guide, DATA / "teams.vtt")
    assert {c.name: c.participant for c in plan.speakers}["Sanne de Vries"] == "GL"
    assert [p.id for p in plan.participants] == ["P1", "P2"]
    srt = plan_import(store.session, guide, DATA / "subtitles.srt")
    assert {c.name: c.participant for c in srt.speakers}["Gespreksleider"] == "GL"


def test_facilitator_name_not_in_the_file_is_a_warning(project, guide) -> None:
    store = make_session(project)
    plan = plan_import(
        store.session, guide, DATA / "zoom.vtt", ImportOptions(facilitators=("Sanne de Vris",))
    )
    assert any("gespreksleider 'Sanne de Vris' komt niet voor" in str(w) for w in plan.warnings)
    assert not any(c.facilitator for c in plan.speakers)


# ---------------------------------------------------------------- merging


def test_consecutive_cues_of_one_speaker_are_merged_for_vtt_by_default(project, guide) -> None:
    store = make_session(project)
    merged = plan_import(store.session, guide, DATA / "zoom.vtt")
    ruben = next(s for s in merged.segments if s.text.startswith("Duidelijk vind ik"))
    assert ruben.text.endswith("kom ik nergens aan toe.")
    assert (ruben.start, ruben.end) == (21.05, 33.12)
    assert merged.utterances == 13 and len(merged.segments) == 9
    apart = plan_import(store.session, guide, DATA / "zoom.vtt", ImportOptions(merge=False))
    assert len(apart.segments) == 13


def test_merging_stops_at_a_new_stelling_and_at_a_time_going_back(project, guide) -> None:
    store = make_session(project, facilitator="Sanne de Vries")
    plan = plan_import(store.session, guide, DATA / "zoom.vtt")
    sanne = [s for s in plan.segments if s.speaker == "GL"]
    # the welcome and the reading of stelling 2 are the same speaker, but apart
    assert [s.statement for s in sanne] == [None, "2", "3"]
    srt = plan_import(store.session, guide, DATA / "subtitles.srt")
    lotte = [s.text for s in srt.segments if s.text.startswith(("Sorry", "Ik blijf"))]
    assert len(lotte) == 2


def test_typed_text_is_not_merged_unless_asked(project, guide) -> None:
    store = make_session(project)
    plain = plan_import(store.session, guide, DATA / "typed.txt")
    assert len(plain.segments) == plain.utterances == 8
    merged = plan_import(store.session, guide, DATA / "typed.txt", ImportOptions(merge=True))
    assert len(merged.segments) < 8


# ---------------------------------------------------------------- stellingen


def test_a_stelling_read_out_by_the_facilitator_sets_it_for_what_follows(project, guide) -> None:
    store = make_session(project, facilitator="Sanne de Vries")
    plan = plan_import(store.session, guide, DATA / "zoom.vtt", ImportOptions(merge=False))
    assert [(s.statement, s.line, s.how) for s in plan.statements] == [
        ("2", 13, "voorgelezen"),
        ("3", 41, "voorgelezen"),
    ]
    by_text = {s.text[:20]: s.statement for s in plan.segments}
    assert by_text["Welkom allemaal. Fij"] is None
    assert by_text["Duidelijk vind ik he"] == "2"
    assert by_text["Door de werkgevers i"] == "3"


def test_stelling_lines_in_typed_text_and_reading_out_without_speakers(project, guide) -> None:
    store = make_session(project)
    typed = plan_import(store.session, guide, DATA / "typed.txt")
    assert [(s.statement, s.line, s.how) for s in typed.statements] == [
        ("1", 6, "voorgelezen"),
        ("2", 17, "regel"),
        ("3", 23, "regel"),
    ]
    assert typed.segments[-1].statement == "3"
    whisper = plan_import(store.session, guide, DATA / "whisper.vtt")
    assert [s.statement for s in whisper.segments] == [None, "1", "1", "1", "1"]


def test_a_participant_repeating_a_stelling_does_not_switch_it(project, guide, tmp_path) -> None:
    path = tmp_path / "gesprek.txt"
    path.write_text(
        "[00:00:01] Gespreksleider: Stelling 2: de opdracht, is die duidelijk?\n\n"
        "[00:00:20] Anna Smit: Ik zou zeggen: de cliënten van de klantmanager zijn geen "
        "klanten, dat is de echte vraag.\n\n"
        "[00:00:40] Anna Smit: Maar goed, de opdracht.\n",
        "utf-8",
    )
    plan = plan_import(make_session(project).session, guide, path)
    assert [s.statement for s in plan.segments] == ["2", "2", "2"]


def test_without_stellingen_in_the_file_the_session_timeline_is_used(project, guide) -> None:
    store = make_session(
        project,
        SwitchStatement(StatementSwitch(0.0, "1")),
        SwitchStatement(StatementSwitch(30.0, "3")),
    )
    plan = plan_import(store.session, guide, DATA / "otter.txt")
    assert [s.statement for s in plan.segments] == ["1", "1", "1", "3"]
    assert plan.statement_source == "verloop" and plan.switches == ()
    late = plan_import(store.session, guide, DATA / "teams.vtt")
    assert {s.statement for s in late.segments} == {"1"}


def test_stellingen_found_fill_an_empty_timeline(project, guide) -> None:
    store = make_session(project)
    apply_import(store, plan_import(store.session, guide, DATA / "typed.txt"))
    assert store.session.timeline == [
        StatementSwitch(5.0, "1"),
        StatementSwitch(930.0, "2"),
        StatementSwitch(1862.0, "3"),
    ]


def test_an_unknown_stelling_command_is_an_error_with_its_line(project, guide) -> None:
    with pytest.raises(ProblemsError) as caught:
        plan_import(make_session(project).session, guide, DATA / "unknown-stelling.txt")
    assert str(caught.value) == (
        f"{DATA / 'unknown-stelling.txt'}:3: onbekende stelling '7' in '!stelling 7'; de "
        "leidraad kent: 1, 2, 3. Verbeter het nummer of voeg de stelling toe aan stellingen.yaml"
    )


def test_an_unknown_stelling_heading_is_kept_as_text(project, guide, tmp_path) -> None:
    path = tmp_path / "gesprek.txt"
    path.write_text("[00:00:01] Anna Smit: Goed.\n\nStelling 9\n", "utf-8")
    plan = plan_import(make_session(project).session, guide, path)
    assert [s.text for s in plan.segments] == ["Goed.", "Stelling 9"]
    assert any("noemt een stelling die de leidraad niet kent" in str(w) for w in plan.warnings)


# ---------------------------------------------------------------- inline codes


def test_inline_codes_are_applied_and_removed_from_the_text(project, guide) -> None:
    plan = plan_import(make_session(project).session, guide, DATA / "typed.txt")
    ilse = plan.segments[1]
    assert ilse.text.endswith("lijkt het of ze ook ergens anders naartoe kunnen.")
    assert (ilse.themes, ilse.arena) == (("klant",), "spreekkamer")
    team = plan.segments[3]  # a paragraph continuing Mehmet, codes on a wrapped line
    assert (team.speaker, team.themes, team.arena) == ("P2", ("vertrouwen",), "eigen-organisatie")
    last = plan.segments[-1]
    assert (last.text, last.themes, last.arena) == (
        "Dat herken ik.",
        ("vakmanschap",),
        "maatschappelijk-veld",
    )


def test_every_unknown_code_is_an_error_naming_its_own_line(project, guide) -> None:
    with pytest.raises(ProblemsError) as caught:
        plan_import(make_session(project).session, guide, DATA / "unknown-code.txt")
    problems = caught.value.problems
    assert [p.line for p in problems] == [1, 4]
    assert (
        "onbekend thema '#handhaven'; bedoelde u #handhaver of #helpen-handhaven"
        in problems[0].message
    )
    assert "#vertrouwen" in problems[1].message


def test_a_line_of_only_codes_codes_the_utterance_above(project, guide, tmp_path) -> None:
    path = tmp_path / "gesprek.txt"
    path.write_text("[00:00:01] Anna Smit: De caseload is te hoog.\n\n#caseload\n", "utf-8")
    plan = plan_import(make_session(project).session, guide, path)
    assert [(s.text, s.themes) for s in plan.segments] == [
        ("De caseload is te hoog.", ("caseload",))
    ]


def test_errors_in_word_files_name_the_paragraph(project, guide, tmp_path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("[00:00:01] Anna Smit: Eerste.")
    document.add_paragraph("[00:00:09] Anna Smit: Tweede. #onbekend")
    path = tmp_path / "gesprek.docx"
    document.save(str(path))
    with pytest.raises(ProblemsError) as caught:
        plan_import(make_session(project).session, guide, path)
    assert str(caught.value).startswith(f"{path}: alinea 2: onbekend thema '#onbekend'")


# ---------------------------------------------------------------- times, ids, side by side


def test_times_are_moved_to_session_time_and_ids_continue(project, guide) -> None:
    store = make_session(
        project,
        live(7, 500.0, "P1", "iets live"),
        PutParticipant(Participant("P1", name="Tom")),
        offset=120.0,
    )
    plan = plan_import(store.session, guide, DATA / "zoom.vtt")
    first = plan.segments[0]
    assert (first.id, first.start, first.end) == ("s8", 122.1, 132.45)
    assert all(s.kind == KIND_TRANSCRIPT and s.source == "i1" for s in plan.segments)
    assert plan.offset_source == "sessie" and plan.meta is None


def test_live_and_transcript_segments_end_up_side_by_side_in_time(project, guide) -> None:
    store = make_session(project, live(1, 30.0, "P1", "geheel iets anders"))
    apply_import(store, plan_import(store.session, guide, DATA / "zoom.vtt"))
    kinds = [(s.start, s.kind) for s in store.session.segments]
    assert kinds == sorted(kinds, key=lambda k: k[0])
    assert (30.0, KIND_LIVE) in kinds and kinds[0][1] == KIND_TRANSCRIPT


def test_untimed_segments_take_the_time_before_them(project, guide) -> None:
    plan = plan_import(make_session(project).session, guide, DATA / "typed.txt")
    mehmet_more = plan.segments[3]
    assert mehmet_more.start == 82.0
    untimed = plan_import(make_session_2(project).session, guide, DATA / "untimed.txt")
    assert {s.start for s in untimed.segments} == {0.0}


def make_session_2(project) -> SessionStore:
    project.create_session(SessionMeta(id="gwp-2", title="Twee"))
    return project.open_session("gwp-2")


def test_backwards_time_is_kept_sorted_and_warned(project, guide) -> None:
    plan = plan_import(make_session(project).session, guide, DATA / "subtitles.srt")
    starts = [s.start for s in plan.segments]
    assert 12.1 in starts and starts == sorted(starts)
    assert any("ligt vóór de vorige" in str(w) for w in plan.warnings)


# ---------------------------------------------------------------- applying


def test_planning_changes_nothing_in_the_session(project, guide) -> None:
    store = make_session(project, live(1, 30.0, "P1", "Met honderdtachtig mensen op mijn lijst"))
    before = (
        store.session.meta,
        dict(store.session.participants),
        store.session.segments.as_list(),
        list(store.session.imports),
    )
    plan_import(store.session, guide, DATA / "zoom.vtt")
    after = (
        store.session.meta,
        dict(store.session.participants),
        store.session.segments.as_list(),
        list(store.session.imports),
    )
    assert before == after
    assert store.session.segments.next_id() == "s2"


def test_apply_writes_one_batch_and_logs_the_import(project, guide, monkeypatch) -> None:
    store = make_session(project)
    batches: list[int] = []
    persist = store.persist
    monkeypatch.setattr(
        store, "persist", lambda changes: (batches.append(len(changes)), persist(changes))
    )
    plan = plan_import(store.session, guide, DATA / "zoom.vtt")
    assert apply_import(store, plan) == []
    assert batches == [len(plan.changes())]
    store.close()
    saved = project.load_session("gwp-1").session
    assert len(saved.segments) == len(plan.segments)
    assert saved.imports[0].file == "zoom.vtt" and saved.imports[0].segments == 9
    log = read_audit(project.session_folder("gwp-1"))
    assert log[-1].action == "geïmporteerd"
    assert "zoom.vtt (WebVTT" in log[-1].detail and "Ruben" not in log[-1].detail


def test_the_same_file_is_never_imported_twice(project, guide, tmp_path) -> None:
    store = make_session(project)
    apply_import(store, plan_import(store.session, guide, DATA / "zoom.vtt"))
    copy = tmp_path / "andere-naam.vtt"
    copy.write_bytes((DATA / "zoom.vtt").read_bytes())
    with pytest.raises(GwpError, match="is al geïmporteerd in sessie 'gwp-1'"):
        plan_import(store.session, guide, copy)


def test_a_plan_made_before_the_session_changed_is_refused(project, guide) -> None:
    store = make_session(project, live(1, 40.0, "P1", "Met honderdtachtig mensen op mijn lijst"))
    plan = plan_import(store.session, guide, DATA / "zoom.vtt")
    store.apply(PutSegment(dataclasses.replace(store.session.segments.get("s1"), text="anders")))
    with pytest.raises(PlanOutdated, match="gewijzigd sinds het importplan"):
        apply_import(store, plan)
    assert store.session.imports == []


# ---------------------------------------------------------------- live quotes


def live_session(project, offset: float | None) -> SessionStore:
    """Recording started 300 s into the session; the facilitator typed four quotes."""
    return make_session(
        project,
        PutParticipant(Participant("GL", name="Sanne de Vries", facilitator=True)),
        PutParticipant(Participant("P1", name="Ruben Koster")),
        PutParticipant(Participant("P2", name="Fatima el Amrani")),
        live(
            1,
            338.0,
            "P1",
            "Uitvoerbaar? Met 180 mensen op mijn lijst kom ik nergens aan toe",
            themes=("caseload",),
            flags=("citaat",),
        ),
        live(
            2,
            349.0,
            "P2",
            "wethouder wil elk kwartaal betere cijfers, het gaat alleen over uitstroom",
            themes=("prestaties",),
            arena="eigen-organisatie",
        ),
        live(3, 380.0, "P2", "De werkgevers bellen mij zelf als ze iemand zoeken"),
        live(4, 360.0, "P1", "Iets over vakantiegeld en regels"),
        offset=offset,
    )


def test_live_quotes_are_linked_verified_and_lend_their_codes(project, guide) -> None:
    store = live_session(project, offset=300.0)
    plan = plan_import(store.session, guide, DATA / "zoom.vtt")
    apply_import(store, plan)
    session = store.session
    s1, s2, s3 = (session.segments.get(f"s{n}") for n in (1, 2, 3))
    ruben = session.segments.get(s1.link)
    assert ruben.text.startswith("Duidelijk vind ik hem wel.") and ruben.speaker == "P1"
    assert (ruben.themes, ruben.flags) == (("caseload",), ("citaat",))
    fatima = session.segments.get(s2.link)
    assert (fatima.themes, fatima.arena) == (("prestaties",), "eigen-organisatie")
    assert session.segments.get(s3.link).text.startswith("Door de werkgevers in de regio")
    assert all("geverifieerd" in s.flags for s in (s1, s2, s3))
    assert s1.flags == ("citaat", "geverifieerd")
    assert [q.id for q in plan.unmatched] == ["s4"]
    assert session.segments.get("s4").link is None
    # times in the report as the lists show them once imported: in the recording (360 - 300)
    assert '  niet gevonden: s4 00:01:00 P1 "Iets over vakantiegeld en regels"' in describe_plan(
        plan
    )


def test_live_participants_without_names_are_recognised_by_their_linked_quotes(
    project, guide
) -> None:
    """Led live without typing names (P1, P2 and an unused P3): the transcript's Ruben and
    Fatima are P1 and P2, not new P4 and P5; they get their names, the speakers nobody
    quoted get the next free pseudonyms."""
    store = live_session(project, offset=300.0)
    for participant in (Participant("P1"), Participant("P2"), Participant("P3")):
        store.apply(PutParticipant(participant))
    plan = plan_import(store.session, guide, DATA / "zoom.vtt")
    report = "\n".join(describe_plan(plan))
    assert "Ruben Koster → P1 (bestond al, herkend aan de gekoppelde live citaten" in report
    apply_import(store, plan)
    session = store.session
    assert session.participants["P1"].name == "Ruben Koster"
    assert session.participants["P2"].name == "Fatima el Amrani"
    assert session.segments.get(session.segments.get("s1").link).speaker == "P1"
    assert session.segments.get(session.segments.get("s2").link).speaker == "P2"
    assert set(session.participants) == {"GL", "P1", "P2", "P3"}  # no P4, P5 for the same


def test_speakers_nobody_quoted_take_the_next_free_pseudonym(project, guide, tmp_path) -> None:
    vtt = tmp_path / "drie.vtt"
    vtt.write_text(
        "WEBVTT\n\n"
        "00:00:10.000 --> 00:00:16.000\n"
        "Ruben Koster: Met honderdtachtig mensen op mijn lijst kom ik nergens aan toe.\n\n"
        "00:00:20.000 --> 00:00:26.000\n"
        "Kees Jansen: Dat herken ik wel, maar ik zeg er verder weinig over.\n\n"
        "00:00:30.000 --> 00:00:38.000\n"
        "Fatima el Amrani: De wethouder wil elk kwartaal betere cijfers over uitstroom zien.\n",
        "utf-8",
    )
    store = make_session(
        project,
        *(PutParticipant(Participant(f"P{n}")) for n in (1, 2, 3)),
        live(1, 20.0, "P1", "honderdtachtig mensen op mijn lijst, kom nergens aan toe"),
        live(2, 45.0, "P2", "wethouder wil elk kwartaal betere cijfers over uitstroom"),
        offset=0.0,
    )
    plan = plan_import(store.session, guide, vtt)
    apply_import(store, plan)
    by_name = {p.name: p.id for p in store.session.participants.values() if p.name}
    assert by_name == {"Ruben Koster": "P1", "Fatima el Amrani": "P2", "Kees Jansen": "P4"}
    kees = next(s for s in transcript_segments(store) if s.text.startswith("Dat herken"))
    assert kees.speaker == "P4"


def test_the_facilitator_quoting_a_participant_is_not_taken_for_them(
    project, guide, tmp_path
) -> None:
    vtt = tmp_path / "interview.vtt"
    vtt.write_text(
        "WEBVTT\n\n"
        "00:00:10.000 --> 00:00:16.000\n"
        "Interviewer: Je zei net: met honderdtachtig mensen op mijn lijst kom ik nergens "
        "aan toe. Klopt dat?\n\n"
        "00:00:20.000 --> 00:00:26.000\n"
        "Ruben Koster: Ja, dat klopt wel zo ongeveer.\n",
        "utf-8",
    )
    store = make_session(
        project,
        PutParticipant(Participant("P1")),
        live(1, 20.0, "P1", "honderdtachtig mensen op mijn lijst, kom nergens aan toe"),
        offset=0.0,
    )
    apply_import(store, plan_import(store.session, guide, vtt))
    session = store.session
    interviewer = next(s for s in transcript_segments(store) if s.text.startswith("Je zei"))
    assert session.participants[interviewer.speaker].facilitator
    assert session.participants["P1"].name != "Interviewer"


def test_a_transcript_segment_keeps_its_own_codes_and_gains_the_live_ones(
    project, guide, tmp_path
) -> None:
    store = make_session(
        project,
        PutParticipant(Participant("P1", name="Anna Smit")),
        live(1, 12.0, "P1", "de caseload is veel te hoog voor goed werk", themes=("caseload",)),
        offset=0.0,
    )
    path = tmp_path / "gesprek.txt"
    path.write_text(
        "[00:00:05] Anna Smit: De caseload is veel te hoog voor goed werk. #vertrouwen\n", "utf-8"
    )
    plan = plan_import(store.session, guide, path)
    assert plan.segments[0].themes == ("vertrouwen", "caseload")
    assert plan.live_updates[0].link == plan.segments[0].id


def test_recording_start_is_estimated_from_quotes_that_match_beyond_doubt(project, guide) -> None:
    store = live_session(project, offset=None)
    plan = plan_import(store.session, guide, DATA / "zoom.vtt")
    assert plan.offset_source == "geschat" and plan.offset_evidence == 3
    assert 300.0 <= plan.offset <= 310.0  # typing a quote takes a few seconds
    assert plan.meta is not None and plan.meta.recording_offset == plan.offset
    assert len(plan.live_updates) == 3
    apply_import(store, plan)
    assert store.session.meta.recording_offset == plan.offset


def test_no_guess_without_evidence(project, guide) -> None:
    store = make_session(
        project,
        PutParticipant(Participant("P1", name="Ruben Koster")),
        live(1, 900.0, "P1", "Met honderdtachtig mensen op mijn lijst kom ik nergens aan toe"),
    )
    plan = plan_import(store.session, guide, DATA / "zoom.vtt")
    assert plan.offset_source == "onbekend" and plan.meta is None and plan.offset == 0.0
    assert any("niet zeker te schatten" in str(w) for w in plan.warnings)
    # text alone still finds a quote that clearly stands out
    assert plan.live_updates[0].link is not None


def test_a_given_recording_start_is_stored_or_must_agree(project, guide) -> None:
    store = make_session(project)
    plan = plan_import(
        store.session, guide, DATA / "zoom.vtt", ImportOptions(recording_offset=60.0)
    )
    assert plan.segments[0].start == 62.1 and plan.meta.recording_offset == 60.0
    other = make_session_2(project)
    apply_import(
        other,
        plan_import(other.session, guide, DATA / "teams.vtt", ImportOptions(recording_offset=10.0)),
    )
    with pytest.raises(GwpError, match="heeft al een opnamestart"):
        plan_import(other.session, guide, DATA / "zoom.vtt", ImportOptions(recording_offset=99.0))


def test_quotes_outside_the_recording_are_not_listed_as_missing(project, guide) -> None:
    store = live_session(project, offset=300.0)
    store.apply(live(9, 5000.0, "P1", "ver na deze opname"))
    plan = plan_import(store.session, guide, DATA / "zoom.vtt")
    assert plan.outside == 1
    assert "s9" not in [q.id for q in plan.unmatched]


def test_someone_reading_out_stellingen_becomes_the_facilitator(project, guide) -> None:
    plan = plan_import(make_session(project).session, guide, DATA / "zoom.vtt")
    assert [s.statement for s in plan.statements] == ["2", "3"]
    assert not [w for w in plan.warnings if "is dat de gespreksleider" in str(w)]
    reader = [p for p in plan.participants if p.name == "Sanne de Vries"]
    assert len(reader) == 1 and reader[0].facilitator and reader[0].id == "GL"
    assert any("Sanne de Vries leest de stellingen voor" in note for note in plan.notes)


def test_a_file_of_only_codes_and_stelling_lines_is_refused(project, guide, tmp_path) -> None:
    path = tmp_path / "gesprek.txt"
    path.write_text("[00:00:01] Anna Smit: #klant\n\n!stelling 2\n", "utf-8")
    with pytest.raises(ProblemsError, match="geen gesproken tekst in het bestand"):
        plan_import(make_session(project).session, guide, path)


def test_a_question_that_only_shares_wie_wil_is_not_linked() -> None:
    """A facilitator's 'Wie wil er reageren?' is not the reading of a stelling that ends in
    'Wie wil beginnen?': question words carry no content, so nothing is marked verified."""
    from goedwerkplaats.importers.live import match_quotes

    quote = Segment("s1", 70.0, speaker="GL", text="Wie wil er reageren?", kind=KIND_LIVE)
    said = Segment(
        "s2",
        60.0,
        speaker="GL",
        text="Dank jullie wel. De eerste stelling is: de klant is koning. Wie wil beginnen?",
        kind=KIND_TRANSCRIPT,
    )
    assert match_quotes([quote], [said], timed=True) == {}
