"""The transcriber's screen: code segment by segment at typing speed, seeing how far they are."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.widgets import Footer, Input, Static, TextArea

from goedwerkplaats.coding.editing import PRIMARY_NEEDS_THEMES, has_primary_choice
from goedwerkplaats.coding.filter import CodingFilter, Progress, coding_progress, parse_filter
from goedwerkplaats.coding.inline_codes import InlineCodeError
from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.media.transcribing import RESUME_REWIND, typed_segment
from goedwerkplaats.model.changes import PutSegment
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Participant, Segment
from goedwerkplaats.model.timecode import format_time
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.draft import Draft
from goedwerkplaats.tui.keys import codebook_rows, help_rows, project_keymap
from goedwerkplaats.tui.screens.listening import ListeningScreen, PlayerLine
from goedwerkplaats.tui.screens.opening import OpenedSession
from goedwerkplaats.tui.widgets.codebook_panel import CodebookPanel
from goedwerkplaats.tui.widgets.labels import (
    participant_line,
    segment_text,
    shown_time,
    speaker_label,
)
from goedwerkplaats.tui.widgets.quote_input import QuoteInput
from goedwerkplaats.tui.widgets.segment_list import SegmentList
from goedwerkplaats.tui.widgets.status_line import StatusLine


class SegmentEditor(TextArea):
    """Editing a segment's text: ^T splits at the cursor, Esc or ^S keeps the text."""

    BINDINGS = [
        Binding(
            "ctrl+s,escape",
            "screen.finish_edit",
            "Bewaren",
            tooltip="de tekst bewaren",
            id="bewerken.bewaren",
        ),
        Binding(
            "ctrl+t",
            "screen.split",
            "Splitsen hier",
            tooltip="splitsen op de cursor",
            id="bewerken.splitsen",
        ),
        # TextArea itself has no keys for the whole text's begin and end. Under tmux these
        # arrive as ctrl+home/ctrl+end too (ESC[1;5H / ESC[1;5F, as in a bare terminal)
        Binding(
            "ctrl+home",
            "text_edge(False)",
            "Begin tekst",
            show=False,
            tooltip="naar het begin van de tekst",
            id="bewerken.begin",
        ),
        Binding(
            "ctrl+end",
            "text_edge(True)",
            "Eind tekst",
            show=False,
            tooltip="naar het eind van de tekst",
            id="bewerken.eind",
        ),
    ]

    def action_text_edge(self, end: bool) -> None:
        self.move_cursor(self.document.end if end else (0, 0))

    def cursor_index(self) -> int:
        row, column = self.cursor_location
        lines = self.text.split("\n")
        return sum(len(line) + 1 for line in lines[:row]) + column


NO_STATEMENT = ""  # the picker's value for "zonder stelling"
# seconds heard from an unsure word on (after the player's own run-up): the word and its context
UNSURE_LISTEN = 2.0


class LineMode(Enum):
    """What the one-line prompt at the bottom is for."""

    CLOSED = "dicht"
    SEARCH = "zoeken"
    FILTER = "filter"
    NOTE = "notitie"
    RECORDING = "opname"


class LineInput(Input):
    """The one-line prompt for search, filter and notes; Esc leaves it."""

    BINDINGS = [
        Binding(
            "escape",
            "screen.close_line",
            "Terug",
            tooltip="terug naar de segmenten",
            id="regel.terug",
        )
    ]


class CodingScreen(ListeningScreen):
    BINDINGS = [
        Binding("f1,question_mark", "help", "Hulp", tooltip="deze hulp", id="coderen.hulp"),
        Binding(
            "f10",
            "leave",
            "Sluiten",
            priority=True,
            tooltip="opslaan en terug naar de sessielijst",
            id="coderen.sluiten",
        ),
        Binding(
            "space",
            "next_uncoded",
            "Volgende open",
            tooltip="naar het volgende segment zonder thema",
            id="coderen.volgende_open",
        ),
        Binding("slash", "search", "Zoeken", tooltip="zoeken in de tekst", id="coderen.zoeken"),
        Binding(
            "f3",
            "search_next",
            "Volgende treffer",
            tooltip="volgende treffer",
            id="coderen.volgende_treffer",
        ),
        Binding(
            "f4",
            "next_unsure",
            "Onzeker woord",
            show=False,
            tooltip="naar het volgende woord dat de spraakherkenning onzeker hoorde",
            id="coderen.onzeker",
        ),
        Binding(
            "ctrl+f",
            "filter",
            "Filter",
            priority=True,
            tooltip="filter: stelling:2 spreker:P3 #thema @arena ongecodeerd",
            id="coderen.filter",
        ),
        Binding(
            "plus",
            "merge",
            "Samenvoegen",
            tooltip="samenvoegen met het volgende segment",
            id="coderen.samenvoegen",
        ),
        Binding(
            "ctrl+e",
            "speaker",
            "Spreker",
            priority=True,
            tooltip="spreker wijzigen, of een voorstel (P1?) bevestigen",
            id="coderen.spreker",
        ),
        Binding(
            "ctrl+k",
            "statement",
            "Stelling",
            priority=True,
            tooltip="stelling vanaf hier wijzigen",
            id="coderen.stelling",
        ),
        Binding(
            "ctrl+n", "note", "Notitie", priority=True, tooltip="notitie", id="coderen.notitie"
        ),
        Binding(
            "ctrl+o",
            "primary_theme",
            "Hoofdthema",
            show=False,
            priority=True,
            tooltip="hoofdthema voor het rapport: het volgende van de thema's (daarna: geen keus)",
            id="coderen.hoofdthema",
        ),
        Binding(
            "ctrl+z",
            "undo",
            "Ongedaan",
            priority=True,
            tooltip="laatste wijziging ongedaan maken",
            id="coderen.ongedaan",
        ),
        Binding(
            "ctrl+s",
            "retry_save",
            "Opnieuw opslaan",
            show=False,
            tooltip="opnieuw proberen op te slaan na een fout",
            id="coderen.opslaan",
        ),
        Binding(
            "f9",
            "transcribe",
            "Transcriberen",
            show=False,
            tooltip="transcriberen uit de opname: cijfer = spreker, typen, Enter; de tijd is "
            "het moment waarop u begon te typen (nogmaals: terug naar coderen)",
            id="coderen.transcriberen",
        ),
        Binding(
            "ctrl+y",
            "auto_pause",
            "Autopauze",
            show=False,
            tooltip="autopauze aan/uit: de opname wacht terwijl u typt en speelt na Enter "
            "verder van iets eerder",
            id="coderen.autopauze",
        ),
    ]
    DEFAULT_CSS = """
    CodingScreen #progress { height: 1; padding: 0 1; background: $boost; }
    CodingScreen #left { width: 1fr; }
    CodingScreen #segment-text { height: 30%; min-height: 8; border: round $primary;
                                 padding: 0 1; }
    CodingScreen SegmentEditor { height: 8; display: none; }
    CodingScreen.-editing SegmentEditor { display: block; }
    CodingScreen.-editing #segment-text { display: none; }
    /* wider on a large terminal: the labels are whole from about 150 columns */
    CodingScreen CodebookPanel { width: 28%; min-width: 31; max-width: 44; }
    CodingScreen LineInput { display: none; }
    CodingScreen.-line LineInput { display: block; }
    CodingScreen #transcribe { display: none; }
    CodingScreen.-transcribing #transcribe { display: block; }
    CodingScreen.-transcribing CodebookPanel { display: none; }
    """

    def __init__(self, project: Project, guide: Guide, opened: OpenedSession) -> None:
        super().__init__(project, guide, opened)
        self.filter = CodingFilter()
        self.search_text = ""
        self.line_mode = LineMode.CLOSED
        self.progress: Progress | None = None
        # transcribing from the recording: who speaks, when typing began, pausing while typing
        self.transcribing = False
        self.speaker: str | None = None
        self.began_at: float | None = None
        self.auto_pause = False
        self.paused_for_typing = False

    def compose(self) -> ComposeResult:
        yield Static(id="progress")
        yield PlayerLine()
        with Horizontal():
            with Vertical(id="left"):
                yield SegmentList(self.guide, id="segments")
                yield Static(id="segment-text")
                yield SegmentEditor(id="editor", soft_wrap=True)
            yield CodebookPanel(self.guide, id="codebook")
        yield LineInput(id="line")
        yield QuoteInput(
            self.guide,
            id="transcribe",
            on_submit=self.submit_typed,
            on_speaker=self.pick_speaker,
            on_clear_speaker=self.speaker_cleared,
        )
        yield StatusLine()
        yield Footer(compact=True, show_command_palette=False)  # ^P is in F1; room for keys

    def on_mount(self) -> None:
        self.table.key_handler = self.list_key
        self.session_ready()

    @property
    def table(self) -> SegmentList:
        return self.query_one(SegmentList)

    # ------------------------------------------------------------ opening

    def on_session_ready(self, draft: Draft | None) -> None:
        self.progress = coding_progress(self.editor.session)
        self.show_rows()
        self.show_progress()
        self.table.focus()
        if self.table.row_count:
            self.action_next_uncoded(quiet=True)
        # short enough for 80 columns beside the "opgeslagen" mark
        help_key = self.key("coderen.hulp")
        keys = (
            f"letter thema · cijfer arena · * citaat · {self.key('coderen.volgende_open')} verder"
        )
        if any(s.unsure_words() for s in self.editor.session.segments):
            keys += f" · {self.key('coderen.onzeker')} onzeker"
        self.status.say(f"{keys} · {help_key} hulp")
        self.open_recording()
        if self.editor.session.meta.recording is not None:
            self.show_player_line()

    def after_undo(self) -> None:
        self.show_rows()
        self.recount()

    # ------------------------------------------------------------ the recording beside it

    def listening_rows(self) -> list[Segment]:
        # the rows the list shows: the player asks ten times a second, so no new filtering
        return self.table.rows()

    def listening_current(self) -> Segment | None:
        return self.current()

    def listening_select(self, segment: Segment) -> None:
        if self.table.shows(segment.id):
            self.table.move_to(segment.id)

    def listening_changed(self, segment: Segment) -> None:
        self.show_rows()  # a new start may move the row
        self.table.move_to(segment.id)

    def action_link_recording(self) -> None:
        link = self.editor.session.meta.recording
        self.open_line(
            LineMode.RECORDING,
            link.path if link else "",
            "pad van de opname (.m4a .mp4 .mp3 .wav …); Enter = koppelen, Esc = terug",
        )

    # ------------------------------------------------------------ transcribing

    def action_transcribe(self) -> None:
        """Type what is said while the recording plays; Enter adds it at the moment typing
        began. Again (or Esc on an empty line): back to coding."""
        if self.transcribing:
            self.leave_transcribing()
            return
        if self.ready_player() is None:
            return
        self.transcribing = True
        self.add_class("-transcribing")
        self.show_player_line()
        line = self.query_one(QuoteInput)
        line.digits_pick_speaker = True
        line.focus()
        play = self.key("opname.afspelen")
        back = self.key("coderen.transcriberen")
        pause = self.key("coderen.autopauze")
        self.status.say(
            f"Transcriberen: {play} speelt, cijfer = spreker, typen, Enter · {pause} autopauze"
            f" · {back} terug"
        )

    def leave_transcribing(self) -> None:
        self.transcribing = False
        self.remove_class("-transcribing")
        self.table.focus()
        self.status.say("Terug naar coderen.")

    def action_cancel_edit(self) -> None:
        """Esc in the typing line: clear it, or leave transcribing when it is empty."""
        line = self.query_one(QuoteInput)
        if line.value:
            line.value = ""
            self.began_at = None
        else:
            self.leave_transcribing()

    @on(QuoteInput.ToList)
    def typing_to_list(self) -> None:
        self.leave_transcribing()

    def speaker_cleared(self) -> None:
        self.query_one(QuoteInput).digits_pick_speaker = True
        self.status.say("Kies de spreker opnieuw met een cijfer (0 = gespreksleider).")

    def action_auto_pause(self) -> None:
        self.auto_pause = not self.auto_pause
        self.status.say(
            f"Autopauze aan: de opname wacht terwijl u typt en speelt na Enter verder vanaf "
            f"{RESUME_REWIND:g} s eerder."
            if self.auto_pause
            else "Autopauze uit."
        )

    def pick_speaker(self, digit: str) -> None:
        participant = self.participant_for_digit(digit)
        line = self.query_one(QuoteInput)
        if participant is None:
            line.digits_pick_speaker = True
            return
        self.speaker = participant.id
        self.status.say(f"Spreker {speaker_label(self.editor.session, participant.id)}; typ.")

    def participant_for_digit(self, digit: str) -> Participant | None:
        """The live capture's rule (SessionEditor.participant_for_digit), said on screen."""
        participant, added = self.editor.participant_for_digit(digit)
        if participant is None:
            self.status.warn(
                f"P{digit} bestaat nog niet; de volgende nieuwe deelnemer is "
                f"{self.editor.session.next_pseudonym()}."
            )
        elif added:
            self.status.say(f"Deelnemer {participant.id} toegevoegd.")
        return participant

    @on(Input.Changed, "#transcribe")
    def typing(self, event: Input.Changed) -> None:
        if not event.value:
            self.began_at = None
            return
        if self.began_at is not None or self.player is None:
            return
        self.began_at = self.player.position  # the moment the words began, as live capture
        if self.auto_pause and self.player.playing:
            self.player.pause()
            self.paused_for_typing = True

    def submit_typed(self, value: str) -> None:
        if not value.strip():
            return
        began = self.began_at
        if began is None:
            began = self.player.position if self.player is not None else 0.0
        try:
            segment = typed_segment(self.editor.session, self.guide, began, self.speaker, value)
        except InlineCodeError as error:  # the words stay in the line
            self.status.warn(f"{error}. Verbeter de code of haal hem weg.")
            return
        if segment is None:
            return
        self.editor.apply("transcriberen", PutSegment(segment))
        line = self.query_one(QuoteInput)
        line.value = ""
        line.digits_pick_speaker = True
        self.began_at = None
        self.show_rows()
        self.table.move_to(segment.id)
        self.recount()
        if self.paused_for_typing and self.player is not None:
            self.paused_for_typing = False
            self.player.skip(-RESUME_REWIND)
            self.player.play()
        who = speaker_label(self.editor.session, segment.speaker)
        self.status.say(f"{shown_time(self.editor.session, segment)} {who}: bewaard.")

    # ------------------------------------------------------------ showing

    def visible_segments(self) -> list[Segment]:
        session = self.editor.session
        if not self.filter.active:
            return session.segments.as_list()
        return [s for s in session.segments if self.filter.matches(s, session, self.guide)]

    def show_rows(self) -> None:
        self.table.show_all(self.editor.session, self.visible_segments())
        self.show_current()

    def current(self) -> Segment | None:
        key = self.table.current_key()
        if key is None:
            return None
        return self.editor.session.segments.get(key)

    def on_segment_list_highlighted(self, _event: SegmentList.Highlighted) -> None:
        self.show_current()

    def show_current(self) -> None:
        segment = self.current()
        self.query_one(CodebookPanel).show(segment)
        panel = self.query_one("#segment-text", Static)
        if segment is None:
            panel.update(
                Text(
                    "Geen segmenten"
                    + (
                        " in dit filter"
                        if self.filter.active
                        else "; importeer een transcript (i in de lijst)"
                    ),
                    style="dim",
                )
            )
            return
        # a fixed height, so a key never costs a new layout; a turn too long for it says so
        panel.update(self.fitted(self.describe(segment), panel.content_size), layout=False)

    def fitted(self, content: Text, size: Size) -> Text:
        """The first lines that fit, and a last one saying where the rest is."""
        lines = content.wrap(self.app.console, max(1, size.width))
        if len(lines) <= size.height or size.height < 2:
            return content
        more = Text(f"… {self.key('lijst.bewerken', SegmentList)} toont de hele tekst", "dim")
        return Text("\n").join([*lines[: size.height - 1], more])

    def describe(self, segment: Segment) -> Text:
        session = self.editor.session
        statement = self.guide.statement(segment.statement)
        text = Text()
        text.append(
            f"{shown_time(session, segment)}  {speaker_label(session, segment.speaker)}",
            style="bold",
        )
        if session.is_facilitator(segment.speaker):
            text.append(" (gespreksleider)", style="dim")
        if segment.speaker_suggested:
            confirm = self.key("coderen.spreker")
            text.append(f" (voorstel; {confirm} bevestigt)", style="yellow")
        text.append(f"  stelling {statement.id if statement else '–'}", style="dim")
        # codes and note above the words: a long turn may not fit, they must stay in sight
        codes = [self.guide.theme_label(t) for t in segment.themes]
        if segment.arena:
            codes.append(self.guide.arena_label(segment.arena))
        if codes:
            text.append("\ncodes: " + " · ".join(codes), style="cyan")
        if segment.primary_theme and len(segment.themes) > 1:
            label = self.guide.theme_label(segment.primary_theme)
            text.append(f"  (in het rapport onder: {label})", style="cyan dim")
        if segment.note:
            text.append(f"\nnotitie: {segment.note}", style="italic yellow")
        unsure = segment.unsure_words()
        if unsure:
            words = ", ".join(f"'{word}'" for _time, word in unsure)
            next_key = self.key("coderen.onzeker")
            text.append(f"\nonzeker herkend: {words} ({next_key} = volgende)", style="yellow")
        body = Text("\n" + segment_text(segment))
        for _time, word in unsure:
            body.highlight_words([word.strip()], style="black on yellow", case_sensitive=False)
        text.append_text(body)
        linked = session.segments.get(segment.link) if segment.link else None
        if linked is not None:
            text.append(f"\nlive citaat: {segment_text(linked)}", style="dim italic")
        return text

    def recount(self) -> None:
        """After splits, merges and undo: count everything again."""
        self.progress = coding_progress(self.editor.session)
        self.show_progress()

    def show_progress(self) -> None:
        assert self.progress is not None
        progress = self.progress
        text = Text()
        for statement, (coded, total) in progress.per_statement.items():
            label = f"st.{statement}" if statement else "zonder st."
            text.append(f"{label} ", style="dim")
            text.append(f"{coded}/{total}  ", style="bold green" if coded == total else "")
        percent = round(100 * progress.coded / progress.total) if progress.total else 0
        text.append(f"totaal {progress.coded}/{progress.total} ({percent}%)", style="bold")
        if self.filter.active:
            text.append(f"   filter: {self.filter.describe()}", style="yellow")
        self.query_one("#progress", Static).update(text, layout=False)

    def changed(self, segment: Segment) -> None:
        assert self.progress is not None
        self.progress.update(segment)
        self.table.update_segment(segment)
        self.show_current()
        self.show_progress()

    # ------------------------------------------------------------ coding keys

    def list_key(self, event: events.Key) -> bool:
        """Coding keys on the list, handled in the order they were typed."""
        key = event.character or ""
        segment = self.current()
        if segment is None or not (key in ("*", "0") or self.guide.code_for_key(key)):
            return False
        self.code_key(segment, key)
        return True

    def code_key(self, segment: Segment, key: str) -> None:
        updated = self.editor.code_key(self.coding_target(segment).id, key, self.guide)
        if updated is not None:
            self.changed(updated)

    def coding_target(self, segment: Segment) -> Segment:
        """Where the code goes (SessionEditor.coding_target); when that is the linked
        transcript segment, the cursor goes along, so the user sees where the code went."""
        session = self.editor.session
        target = self.editor.coding_target(segment.id)
        if target.id == segment.id:
            return segment
        where = f"Dit live citaat hoort bij het transcript op {shown_time(session, target)}"
        if self.table.shows(target.id):
            self.table.move_to(target.id)
            self.status.say(f"{where}; daar staat de code.")
        else:  # the filter hides it: say so, or a second key would seem to do nothing
            self.status.say(f"{where} (buiten dit filter); daar staat de code.")
        return target

    def action_next_uncoded(self, quiet: bool = False) -> None:
        session = self.editor.session
        rows = self.visible_segments()
        start = self.table.cursor_row
        for offset in range(1, len(rows) + 1):
            index = (start + offset) % len(rows) if not quiet else (offset - 1) % len(rows)
            candidate = rows[index]
            if session.is_codable(candidate) and not candidate.is_coded:
                self.table.move_cursor(index)
                return
        if not quiet:
            self.status.say("Alles in deze lijst is gecodeerd.", "green")

    def action_next_unsure(self) -> None:
        """To the next segment with a word the speech recogniser was unsure of."""
        rows = self.visible_segments()
        start = self.table.cursor_row
        for offset in range(1, len(rows) + 1):
            index = (start + offset) % len(rows)
            unsure = rows[index].unsure_words()
            if unsure:
                self.table.move_cursor(index)
                words = ", ".join(f"'{word}'" for _time, word in unsure)
                edit = self.key("lijst.bewerken", SegmentList)
                heard = self.hear_unsure(unsure[0][0])
                self.status.say(f"Onzeker herkend: {words}{heard}; {edit} verbetert of bevestigt.")
                return
        self.status.say("Geen onzeker herkende woorden (meer) in deze lijst.", "green")

    def hear_unsure(self, at: float) -> str:
        """Plays the spot of an unsure word when a recording is open; says where, or nothing."""
        if self.player is None:
            return ""
        moment = self.editor.session.recording_time(at)
        self.player.play_range(moment, moment + UNSURE_LISTEN)
        self.tick()
        return f" (u hoort het op {format_time(moment)})"

    # ------------------------------------------------------------ search, filter, note

    def open_line(self, mode: LineMode, value: str, placeholder: str) -> None:
        self.line_mode = mode
        line = self.query_one(LineInput)
        line.value, line.placeholder = value, placeholder
        self.add_class("-line")
        line.focus()

    def action_close_line(self) -> None:
        self.remove_class("-line")
        self.line_mode = LineMode.CLOSED
        self.table.focus()

    def action_search(self) -> None:
        self.open_line(
            LineMode.SEARCH,
            self.search_text,
            f"zoek in de tekst; Enter = zoeken, {self.key('coderen.volgende_treffer')} = volgende",
        )

    def action_filter(self) -> None:
        self.open_line(
            LineMode.FILTER,
            self.filter.describe(),
            "stelling:2 spreker:P3 #thema @arena ongecodeerd — leeg = alles tonen",
        )

    def action_primary_theme(self) -> None:
        """Where the report prints a fragment with several themes (stored with it)."""
        segment = self.current()
        if segment is None:
            return
        segment = self.coding_target(segment)
        if not has_primary_choice(segment.themes):
            self.status.say(PRIMARY_NEEDS_THEMES)
            return
        updated = self.editor.cycle_primary_theme(segment.id)
        self.changed(updated)
        if updated.primary_theme is None:
            self.status.say("Geen hoofdthema gekozen: het rapport volgt de volgorde van de opzet.")
        else:
            label = self.guide.theme_label(updated.primary_theme)
            self.status.say(f"Hoofdthema: {label} (hier staat het citaat in het rapport).")

    def action_note(self) -> None:
        segment = self.current()
        if segment is not None:
            self.open_line(LineMode.NOTE, segment.note, "notitie bij dit segment; Enter = bewaren")

    @on(Input.Submitted, "#line")
    def line_submitted(self, event: Input.Submitted) -> None:
        mode, value = self.line_mode, event.value.strip()
        if mode is LineMode.SEARCH:
            self.search_text = value
            self.action_close_line()
            self.action_search_next(include_current=True)
        elif mode is LineMode.FILTER:
            self.apply_filter(value)
        elif mode is LineMode.RECORDING:
            self.action_close_line()
            if value:
                self.link_recording(value)
        elif mode is LineMode.NOTE:
            segment = self.current()
            self.action_close_line()
            if segment is not None:
                self.changed(self.editor.set_note(segment.id, value))
                self.status.say("Notitie bewaard." if value else "Notitie weggehaald.")

    def apply_filter(self, value: str) -> None:
        try:
            self.filter = parse_filter(value, self.editor.session, self.guide)
        except GwpError as error:
            self.status.warn(str(error))
            return
        self.action_close_line()
        self.show_rows()
        self.show_progress()
        self.status.say(
            f"{self.table.row_count} segment(en) in dit filter."
            if self.filter.active
            else "Filter uit: alle segmenten."
        )

    def action_search_next(self, include_current: bool = False) -> None:
        if not self.search_text:
            self.action_search()
            return
        rows = self.visible_segments()
        needle = self.search_text.lower()
        start = self.table.cursor_row
        for offset in range(0 if include_current else 1, len(rows) + 1):
            index = (start + offset) % len(rows)
            if needle in rows[index].text.lower():
                self.table.move_cursor(index)
                found_next = self.key("coderen.volgende_treffer")
                self.status.say(f"Gevonden: '{self.search_text}' ({found_next} = volgende)")
                return
        self.status.warn(f"'{self.search_text}' komt niet voor in deze lijst.")

    # ------------------------------------------------------------ editing the text

    def on_segment_list_selected(self, _event: SegmentList.Selected) -> None:
        segment = self.current()
        if segment is None or segment.is_marker:
            return
        editor = self.query_one(SegmentEditor)
        editor.text = segment.text
        self.add_class("-editing")
        editor.focus()
        split, keep = self.key("bewerken.splitsen"), self.key("bewerken.bewaren")
        self.status.say(f"Bewerken: {split} splitst op de cursor, {keep} bewaart.")

    def action_finish_edit(self) -> None:
        segment = self.current()
        text = self.query_one(SegmentEditor).text.strip()
        if segment is None:
            self.close_editor()
            return
        if text == segment.text:
            self.close_editor()
            if segment.unsure:  # looked at and kept: the words are no longer in doubt
                self.changed(self.editor.confirm_words(segment.id))
                self.status.say("Gecontroleerd: de woorden zijn niet meer als onzeker gemarkeerd.")
            return
        try:
            updated = self.editor.update_text(segment.id, text, self.guide)
        except InlineCodeError as error:  # the editor stays open: the words are not lost
            self.status.warn(f"{error}. Verbeter de code of haal hem weg.")
            return
        self.close_editor()
        if updated is None:
            self.status.warn("Een segment kan niet leeg zijn; de tekst is niet gewijzigd.")
            return
        self.changed(updated)
        coded = (updated.themes, updated.arena) != (segment.themes, segment.arena)
        self.status.say("Tekst bewaard." + (" De codes uit de tekst staan erbij." if coded else ""))

    def close_editor(self) -> None:
        self.remove_class("-editing")
        self.table.focus()

    def action_split(self) -> None:
        segment = self.current()
        editor = self.query_one(SegmentEditor)
        if segment is None:
            return
        text = editor.text
        if text != segment.text:
            segment = self.editor.set_text(segment.id, text.strip())
        try:
            _first, second = self.editor.split(segment.id, editor.cursor_index())
        except ValueError as error:
            self.status.warn(f"Niet gesplitst: {error}.")
            return
        self.remove_class("-editing")
        self.show_rows()
        self.table.move_to(second.id)
        self.table.focus()
        self.recount()
        start = shown_time(self.editor.session, second)
        self.status.say(f"Gesplitst: het tweede deel begint op {start}.")

    def action_merge(self) -> None:
        segment = self.current()
        if segment is None:
            return
        following = self.editor.session.segments.after(segment.id)
        if following is not None and self.table.key_after(segment.id) != following.id:
            # merging with a row the filter hides would swallow text the transcriber cannot see
            self.status.warn(
                "Niet samengevoegd: het volgende segment is verborgen door het filter."
            )
            return
        try:
            merged = self.editor.merge_with_next(segment.id)
        except ValueError as error:
            self.status.warn(f"Niet samengevoegd: {error}.")
            return
        self.show_rows()
        self.table.move_to(merged.id)
        self.recount()
        undo = self.key("coderen.ongedaan")
        self.status.say(f"Samengevoegd met het volgende segment ({undo} maakt het ongedaan).")

    # ------------------------------------------------------------ speaker, stelling

    def action_speaker(self) -> None:
        from goedwerkplaats.tui.screens.pick import PickScreen, speaker_keys

        segment = self.current()
        if segment is None:
            return
        session = self.editor.session
        choices = {p.id: p for p in session.speaker_choices()}
        options = [
            (p.id, participant_line(p) + ("" if p.id in session.participants else "  (nieuw)"))
            for p in choices.values()
        ]

        def chosen(participant_id: str | None) -> None:
            if participant_id is None:
                return
            if participant_id not in self.editor.session.participants:
                self.editor.put_participant(choices[participant_id])
                self.status.say(f"Deelnemer {participant_id} toegevoegd.")
            self.changed(self.editor.set_speaker(segment.id, participant_id))

        self.app.push_screen(
            PickScreen("Wie spreekt hier?", options, speaker_keys(list(choices.values()))),
            chosen,
        )

    def action_statement(self) -> None:
        """Set the stelling from this segment on, up to the next segment of another stelling."""
        from goedwerkplaats.tui.screens.pick import PickScreen, statement_keys

        segment = self.current()
        if segment is None:
            return
        ids = [s.id for s in self.guide.statements]
        keys = statement_keys(ids)
        # the key is the stelling's own id where it can be: no "1  1. De cliënten…"
        options = [
            (s.id, s.text if key == s.id else f"{s.id}. {s.text}")
            for s, key in zip(self.guide.statements, keys, strict=True)
        ]
        # 0, always: a fourth stelling in the guide never takes this key over
        options.append((NO_STATEMENT, "zonder stelling (bijv. de opening)"))
        keys.append("0")

        def chosen(statement_id: str | None) -> None:
            if statement_id is not None:
                self.set_statement_from(segment, statement_id or None)

        self.app.push_screen(PickScreen("Stelling vanaf dit segment", options, keys), chosen)

    def set_statement_from(self, segment: Segment, statement: str | None) -> None:
        """Up to where the next stelling began: the run of segments that had the old one."""
        count = self.editor.set_statement_from(segment.id, statement)
        self.show_rows()
        self.recount()
        where = f"bij stelling {statement}" if statement else "zonder stelling"
        undo = self.key("coderen.ongedaan")
        self.status.say(f"{count} segment(en) {where} gezet ({undo} maakt het ongedaan).")

    # ------------------------------------------------------------ help and leaving

    def action_help(self) -> None:
        from goedwerkplaats.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(coding_help(self.guide, project_keymap(self.app))))

    def action_leave(self) -> None:
        if self.player is not None:
            self.player.pause()
        self.close_and_dismiss()


def coding_help(guide: Guide, keymap: Mapping[str, str]) -> list[tuple[str, str]]:
    """Every key of the coding screen, as the project has them (toetsen.yaml)."""
    return help_rows(
        keymap,
        [
            (
                "Coderen",
                [
                    ("↑ ↓ PgUp PgDn", "door de segmenten"),
                    ("*", "citaat voor het rapport aan/uit"),
                    ("0", "arena leegmaken"),
                    SegmentList,
                    CodingScreen,
                ],
            ),
            ("Tekst bewerken", [SegmentEditor]),
            ("Zoeken, filter, notitie (onderste regel)", [LineInput]),
            ("Opname", [ListeningScreen]),
            ("Codeboek", codebook_rows(guide, " (nogmaals: leeg)")),
        ],
    )
