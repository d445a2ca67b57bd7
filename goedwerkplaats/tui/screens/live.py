"""The facilitator's screen: the stelling, timers, quick capture, tagging and participation."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from enum import Enum

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer, Input, Static

from goedwerkplaats.coding.inline_codes import InlineCodeError, parse_inline_codes
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import Participant, Segment, SessionMeta
from goedwerkplaats.model.timecode import format_time
from goedwerkplaats.model.timing import (
    Clock,
    ClockRefused,
    ClockState,
    clock_state,
    current_statement,
    ended,
    now_moment,
    paused,
    planned_total,
    resumed,
    session_time,
    started,
    time_per_statement,
)
from goedwerkplaats.project.folder import Project
from goedwerkplaats.storage.draft import Draft
from goedwerkplaats.tui.key_order import forward_if_focus_moved, run_binding_now
from goedwerkplaats.tui.keys import codebook_rows, help_rows, project_keymap
from goedwerkplaats.tui.screens.opening import OpenedSession
from goedwerkplaats.tui.screens.session_screen import SessionScreen
from goedwerkplaats.tui.widgets.codebook_panel import CodebookPanel
from goedwerkplaats.tui.widgets.labels import segment_text, shown_time, speaker_label
from goedwerkplaats.tui.widgets.participants_panel import ParticipantsPanel
from goedwerkplaats.tui.widgets.quote_input import QuoteInput
from goedwerkplaats.tui.widgets.segment_table import SegmentTable
from goedwerkplaats.tui.widgets.statement_panel import StatementPanel
from goedwerkplaats.tui.widgets.status_line import StatusLine


class QuoteTable(SegmentTable):
    """The captured quotes; keys here act on the selected quote.

    Narrow (80 columns): the speaker as its pseudonym only, two lines per quote. Wide: names
    beside the pseudonyms and, where a quote fits, one line per quote."""

    def fit_to_width(self) -> None:
        wide = self.size.width >= 100
        self.show_names = wide
        self.speaker_width = 10 if wide else 3
        height = 1 if self.size.width >= 110 else 2  # a long quote is whole in the list
        if height != self.row_height:
            self.row_height = height
            if self.session is not None:
                self.show_all(self.session, self.shown_segments())

    BINDINGS = [
        Binding("e,enter", "screen.edit", "Bewerk", tooltip="tekst bewerken", id="lijst.bewerken"),
        Binding("t", "screen.tag", "Tag", tooltip="taggen", id="lijst.taggen"),
        Binding(
            "asterisk",
            "screen.star",
            "Citaat",
            tooltip="citaat voor het rapport aan/uit",
            id="lijst.citaat",
        ),
        Binding("n", "screen.note", "Notitie", tooltip="notitie", id="lijst.notitie"),
        Binding(
            "delete,d",
            "screen.delete",
            "Verwijder",
            tooltip="verwijderen (ongedaan maken zet het terug)",
            id="lijst.verwijderen",
        ),
        Binding(
            "escape,i",
            "screen.to_input",
            "Invoer",
            tooltip="terug naar de invoer",
            id="lijst.invoer",
        ),
        Binding(
            "question_mark", "screen.help", "Hulp", show=False, tooltip="deze hulp", id="lijst.hulp"
        ),
    ]

    class SpeakerKey(Message):
        def __init__(self, digit: str) -> None:
            super().__init__()
            self.digit = digit

    def on_key(self, event: events.Key) -> None:
        if event.character is not None and event.character.isdigit():
            event.stop()
            self.post_message(self.SpeakerKey(event.character))


class TagPanel(CodebookPanel, can_focus=True):
    """Tagging mode: one key per thema or arena, `*` for citaat, Enter or Esc when done."""

    BINDINGS = [
        Binding("enter,escape", "screen.tag_done", "Klaar", tooltip="klaar", id="taggen.klaar"),
        Binding(
            "question_mark",
            "screen.help",
            "Hulp",
            show=False,
            tooltip="deze hulp",
            id="taggen.hulp",
        ),
    ]

    def __init__(
        self, guide: Guide, on_code_key: Callable[[str], None], *, id: str | None = None
    ) -> None:
        super().__init__(guide, id=id)
        # applied at once, in key order: "v 2 Enter" typed fast tags before Enter ends tagging
        self.on_code_key = on_code_key

    async def on_key(self, event: events.Key) -> None:
        if forward_if_focus_moved(self, event):
            return
        if event.is_printable and event.character and event.character != "?":
            event.stop()
            self.on_code_key(event.character)
        else:
            await run_binding_now(self, event)


class EditField(Enum):
    """What the quote line edits when it edits a quote in the list."""

    TEXT = "tekst"
    NOTE = "notitie"


@dataclass(frozen=True)
class Capture:
    """A quote being typed, put aside while the facilitator edits another one."""

    text: str
    speaker: str | None
    start: float | None
    statement: str | None
    picked: bool


class LiveScreen(SessionScreen):
    BINDINGS = [
        Binding(
            "f1",
            "help",
            "Hulp",
            priority=True,
            tooltip="deze hulp (? ook op een lege regel, in de lijst, bij taggen)",
            id="live.hulp",
        ),
        Binding(
            "f10",
            "leave",
            "Sluiten",
            priority=True,
            tooltip="sessie verlaten of beëindigen",
            id="live.sluiten",
        ),
        Binding(
            "f2",
            "whole_statement",
            "Stelling",
            priority=True,
            tooltip="de hele stelling: toelichting en alle doorvragen",
            id="live.stelling",
        ),
        Binding(
            "pagedown",
            "next_statement",
            "Volgende stelling",
            priority=True,
            tooltip="volgende stelling",
            id="live.volgende_stelling",
        ),
        Binding(
            "pageup",
            "previous_statement",
            "Vorige",
            priority=True,
            tooltip="vorige stelling",
            id="live.vorige_stelling",
        ),
        Binding(
            "ctrl+t",
            "tag",
            "Taggen",
            priority=True,
            tooltip="taggen (laatste of gekozen citaat)",
            id="live.taggen",
        ),
        Binding(
            "ctrl+r",
            "mark_recording",
            "Opname",
            priority=True,
            tooltip="opname gestart: vanaf nu tijden in opnametijd",
            id="live.opname",
        ),
        Binding(
            "ctrl+b",
            "marker",
            "Markering",
            priority=True,
            tooltip="markering: een moment om later terug te luisteren",
            id="live.markering",
        ),
        Binding(
            "ctrl+z",
            "undo",
            "Ongedaan",
            priority=True,
            tooltip="laatste wijziging ongedaan maken",
            id="live.ongedaan",
        ),
        Binding(
            "ctrl+o",
            "stances",
            "Posities",
            priority=True,
            tooltip="posities van deelnemers op de stelling",
            id="live.posities",
        ),
        Binding(
            "ctrl+g",
            "participants",
            "Deelnemers",
            priority=True,
            tooltip="deelnemers (namen blijven lokaal)",
            id="live.deelnemers",
        ),
        Binding(
            "ctrl+s",
            "retry_save",
            "Opnieuw opslaan",
            show=False,
            priority=True,
            tooltip="opnieuw proberen op te slaan na een fout",
            id="live.opnieuw_opslaan",
        ),
        Binding(
            "f4",
            "side_panel",
            "Zijpaneel",
            priority=True,
            tooltip="het zijpaneel (deelnemers, posities) verbergen of tonen: ruimte voor citaten",
            id="live.zijpaneel",
        ),
        Binding(
            "f5",
            "start",
            "Start",
            priority=True,
            tooltip="de sessie starten: de klok van stelling 1 loopt vanaf nu",
            id="live.starten",
        ),
        Binding(
            "f9",
            "clock",
            "Klok",
            priority=True,
            tooltip="klok pauzeren / weer laten lopen (ook na beëindigen)",
            id="live.klok",
        ),
    ]
    DEFAULT_CSS = """
    LiveScreen #main { height: 1fr; }
    LiveScreen #capture { height: 3; border: round $accent; padding: 0 1; }
    LiveScreen #speaker { width: auto; min-width: 12; padding: 0 1 0 0; color: $accent;
                          text-style: bold; }
    LiveScreen #quote-input { border: none; height: 1; padding: 0; width: 1fr; }
    LiveScreen TagPanel { display: none; }
    LiveScreen.-compact #statement-explanation { display: none; }
    LiveScreen.-compact #statement-followups { max-height: 2; }
    LiveScreen.-tagging TagPanel { display: block; }
    LiveScreen.-tagging QuoteTable { display: none; }
    LiveScreen.-no-side ParticipantsPanel { display: none; }
    LiveScreen #whole { height: auto; max-height: 5; padding: 0 1; background: $boost;
                        display: none; }
    LiveScreen #whole.-shown { display: block; }
    """

    def __init__(
        self, project: Project, guide: Guide, opened: OpenedSession, clock: Clock = now_moment
    ) -> None:
        super().__init__(project, guide, opened)
        self.clock = clock
        self.speaker: str | None = None
        self.capture_start: float | None = None
        self.capture_statement: str | None = None
        self.editing: tuple[str, EditField] | None = None  # (segment id, what is edited)
        self.parked: Capture | None = None  # the unfinished quote while another is edited
        self.last_segment: str | None = None
        self.tag_target: str | None = None
        self._recording_confirm_until = 0.0
        self._draft_timer: object | None = None

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield StatementPanel()
        with Horizontal(id="main"):
            yield QuoteTable(self.guide, id="quotes", row_height=2)
            yield TagPanel(self.guide, self.tag_key, id="tag-panel")
            yield ParticipantsPanel(id="participants")
        yield Static(id="whole")  # the selected quote whole, while the list has the focus
        with Horizontal(id="capture"):
            yield Static("spreker?", id="speaker")
            yield QuoteInput(
                self.guide,
                on_submit=self.submit_line,
                on_speaker=self.pick_speaker,
                on_clear_speaker=self.speaker_cleared,
                id="quote-input",
            )
        yield StatusLine()
        yield Footer(compact=True, show_command_palette=False)  # ^P is in F1; room for keys

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < 32, "-compact")

    def on_mount(self) -> None:
        self.session_ready()
        self.set_interval(1.0, self.tick)

    @property
    def table(self) -> QuoteTable:
        return self.query_one(QuoteTable)

    @property
    def input(self) -> QuoteInput:
        return self.query_one(QuoteInput)

    def on_session_ready(self, draft: Draft | None) -> None:
        if not self.editor.session.timeline and self.guide.statements:
            self.editor.switch_statement(0.0, self.guide.statements[0].id)
        self.refresh_all()
        restored = self.restore_draft(draft)
        # a restored quote took the keys typed while opening already
        typed: tuple[tuple[str, str], ...] = () if restored else self.opened.typed
        if not self.editor.session.participants:
            self.input.insert_text_at_cursor(self.opened.typed_text)  # under the dialog
            typed = ()
            self.action_participants()
        if self.store.lock.stale_owner is not None:
            # the restored quote first; then how the clock stands (it may have run on while
            # the program was down): two lines at 80 columns
            resumed = "Hervat: alles is terug" + (
                ", ook het half getypte citaat." if restored else "."
            )
            self.status.say(f"{resumed} {self.clock_news(after_crash=True)[0]}", "yellow")
        elif restored:
            self.status.say("Het half getypte citaat staat er weer: typ verder.", "yellow")
        else:
            self.say_clock_state()
        self.refresh_bindings()
        self.input.focus()
        for key, character in typed:  # typed while the session opened: now, as typed
            self.app.post_message(events.Key(key, character))

    @property
    def clock_state(self) -> ClockState:
        return clock_state(self.editor.session.meta)

    def say_clock_state(self) -> None:
        """How the clock stands on opening, and the key that changes it."""
        self.status.say(*self.clock_news())

    def clock_news(self, after_crash: bool = False) -> tuple[str, str]:
        """The clock's state in a sentence, with the key that changes it, and its style.
        After a crash a running clock ran on while the program was down: said so."""
        state, clock = self.clock_state, self.key("live.klok")
        if state is ClockState.NOT_STARTED:
            return (
                f"Nog niet gestart: {self.key('live.starten')} start de klok bij stelling 1. "
                f"Deelnemers: {self.key('live.deelnemers')}.",
                "yellow",
            )
        if state is ClockState.PAUSED:
            return (
                f"Gepauzeerd op {format_time(self.now())}: {clock} laat de klok verder lopen.",
                "yellow",
            )
        if state is ClockState.ENDED:
            return f"Deze sessie is beëindigd; de klok staat stil. {clock} hervat.", "yellow"
        if after_crash:
            return f"De klok liep door en staat op {format_time(self.now())}; {clock} pauzeert.", ""
        return f"De klok loopt: {format_time(self.now())}. {clock} pauzeert. Cijfer = spreker.", ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer offers Start only before the start, the clock key only after it."""
        if action == "start":
            return self.clock_state is ClockState.NOT_STARTED
        if action == "clock":
            return self.clock_state is not ClockState.NOT_STARTED
        return True

    def change_clock(self, label: str, change: Callable[[SessionMeta], SessionMeta]) -> bool:
        try:
            meta = change(self.editor.session.meta)
        except ClockRefused as error:
            self.status.warn(f"Niet gedaan: {error}.")
            return False
        self.editor.set_meta(label, **{f.name: getattr(meta, f.name) for f in fields(meta)})
        self.show_timers()
        self.refresh_bindings()
        return True

    def action_start(self) -> None:
        """The facilitator starts the session: stelling 1's clock runs from now."""
        if self.change_clock("sessie gestart", lambda meta: started(meta, self.clock())):
            self.status.say(
                f"Gestart: de klok loopt. {self.key('live.klok')} pauzeert, "
                f"{self.key('live.sluiten')} beëindigt."
            )

    def action_clock(self) -> None:
        """Pause a running clock; resume a paused or ended one."""
        state, now = self.clock_state, self.clock()
        if state is ClockState.RUNNING:
            if self.change_clock("klok gepauzeerd", lambda meta: paused(meta, now)):
                self.status.say(
                    f"Gepauzeerd: de klok staat stil. {self.key('live.klok')} = verder.",
                    "yellow",
                )
        elif self.change_clock("klok hervat", lambda meta: resumed(meta, now)):
            self.status.say("De klok loopt weer.")

    def action_side_panel(self) -> None:
        self.toggle_class("-no-side")
        hidden = self.has_class("-no-side")
        key = self.key("live.zijpaneel")
        self.status.say(f"Zijpaneel {'verborgen' if hidden else 'zichtbaar'} ({key} wisselt).")

    @on(QuoteTable.RowHighlighted)
    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def show_whole(self) -> None:
        """In the list a quote is shown whole below it, however narrow the table."""
        whole = self.query_one("#whole", Static)
        segment = self.selected() if self.table.has_focus else None
        whole.set_class(segment is not None, "-shown")
        if segment is not None:
            who = speaker_label(self.editor.session, segment.speaker)
            text = segment_text(segment) + (f"  ✎ {segment.note}" if segment.note else "")
            whole.update(Text(f"{shown_time(self.editor.session, segment)} {who}: {text}"))

    def after_undo(self) -> None:
        self.refresh_all()

    def restore_draft(self, draft: Draft | None) -> bool:
        """The quote being typed when the session was left or the process died; True if any."""
        if draft is None:
            return False
        self.speaker = draft.speaker
        self.capture_start = draft.start
        self.capture_statement = draft.statement
        typed = self.opened.typed_text  # keys typed while the session opened go behind it
        text = draft.text + (" " + typed if typed else "")
        self.input.value = text
        self.input.cursor_position = len(text)  # at the end, nothing selected: typing adds
        self.input.digits_pick_speaker = self.speaker is None
        self.show_speaker()
        return True

    # ------------------------------------------------------------ time

    def now(self) -> float:
        """Session seconds right now."""
        return session_time(self.editor.session, self.clock())

    def current(self) -> str | None:
        return current_statement(self.editor.session, self.guide, self.now())

    def tick(self) -> None:
        self.show_timers()
        self.query_one(ParticipantsPanel).show(self.editor.session, self.now(), self.current())

    # ------------------------------------------------------------ rendering

    def refresh_all(self) -> None:
        session = self.editor.session
        self.show_statement()
        self.table.show_all(session)
        if self.table.row_count:
            self.table.move_cursor(row=self.table.row_count - 1)
        self.query_one(ParticipantsPanel).show(session, self.now(), self.current())
        self.show_speaker()

    def show_statement(self) -> None:
        statement_id = self.current()
        ids = [s.id for s in self.guide.statements]
        index = ids.index(statement_id) if statement_id in ids else 0
        self.query_one(StatementPanel).show_statement(
            self.guide.statement(statement_id), index, len(ids)
        )
        self.show_timers()

    def show_timers(self) -> None:
        session, now = self.editor.session, self.now()
        statement = self.guide.statement(self.current())
        spent = time_per_statement(session, self.guide, now)
        offset = session.meta.recording_offset
        self.query_one(StatementPanel).show_timers(
            spent.get(statement.id, 0.0) if statement else 0.0,
            float(statement.seconds) if statement and statement.seconds else None,
            now,
            planned_total(self.guide),
            None if offset is None else now - offset,
            clock_state(session.meta),
        )

    def show_speaker(self, editing_speaker: str | None = None) -> None:
        """The speaker of the quote being typed, or of the one being edited."""
        speaker = editing_speaker if self.editing else self.speaker
        label = "spreker?" if speaker is None else speaker_label(self.editor.session, speaker)
        if self.editing and self.editing[1] is EditField.NOTE:
            label = "notitie"
        prefix = "✎ " if self.editing else ""
        self.query_one("#speaker", Static).update(f"{prefix}{label} ▸")

    def segment_changed(self, segment: Segment, new: bool = False) -> None:
        if new:
            self.table.add_segment(segment)
            if segment.start < self.table_last_start():
                self.table.show_all(self.editor.session)
            self.table.move_to(segment.id)
        else:
            self.table.update_segment(segment)
        self.query_one(ParticipantsPanel).show(self.editor.session, self.now(), self.current())
        if self.has_class("-tagging"):
            self.query_one(TagPanel).show(segment)

    def table_last_start(self) -> float:
        segments = self.editor.session.segments
        return segments[len(segments) - 1].start if len(segments) else 0.0

    # ------------------------------------------------------------ capturing

    @on(QuoteTable.SpeakerKey)
    def speaker_of_selected(self, message: QuoteTable.SpeakerKey) -> None:
        participant = self.participant_for_digit(message.digit)
        if participant is not None:
            self.set_speaker_of_selected(participant.id)

    def pick_speaker(self, digit: str) -> None:
        """A digit on the empty line, handled before the keys typed after it."""
        participant = self.participant_for_digit(digit, quiet=True)
        if participant is None:
            # a digit that names no one is the start of the quote ("5 jaar geleden"): never eaten
            self.input.insert_text_at_cursor(digit)
            self.input.digits_pick_speaker = True  # on an empty line again, a digit chooses
            self.status.warn(
                f"Geen deelnemer {digit}: het cijfer staat als tekst. Spreker kiezen: maak de "
                f"regel leeg en typ het cijfer (volgende nieuwe: {self.next_digit()})."
            )
            return
        self.speaker = participant.id
        self.input.digits_pick_speaker = False
        self.show_speaker()

    def speaker_cleared(self) -> None:
        """Backspace on the empty line: the next digit picks the speaker."""
        self.speaker = None
        self.input.digits_pick_speaker = True
        self.show_speaker()
        self.status.say("Kies de spreker met een cijfer (0 = gespreksleider).")

    def next_digit(self) -> str:
        return self.editor.session.next_pseudonym().removeprefix("P")

    def participant_for_digit(self, digit: str, quiet: bool = False) -> Participant | None:
        """SessionEditor.participant_for_digit, saying what it did or (unless quiet) why not."""
        participant, added = self.editor.participant_for_digit(digit)
        participants = self.key("live.deelnemers")
        if participant is None and not quiet:
            self.status.warn(
                f"P{digit} bestaat nog niet; de volgende nieuwe deelnemer is "
                f"{self.editor.session.next_pseudonym()}. Deelnemers beheren: {participants}"
            )
        elif participant is not None and added and not participant.facilitator:
            self.status.say(
                f"Deelnemer {participant.id} toegevoegd (naam invullen kan met {participants})."
            )
        return participant

    def begin_capture(self) -> None:
        self.capture_start = self.now()
        self.capture_statement = self.current()

    @on(Input.Changed, "#quote-input")
    def typing(self, event: Input.Changed) -> None:
        if event.value and self.capture_start is None and self.editing is None:
            self.begin_capture()
        elif not event.value and self.editing is None:
            self.capture_start = None
        partial, found = self.input.completion()
        if found:
            self.status.say(f"{partial} → {', '.join(found[:4])}   (Tab vult aan)")
        self.schedule_draft()

    def schedule_draft(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()  # type: ignore[attr-defined]
        self._draft_timer = self.set_timer(0.7, self.save_draft)

    def save_draft(self) -> None:
        if self.saver is None:
            return
        capture = self.parked if self.editing is not None else self.current_capture()
        if capture is None or not capture.text:
            self.saver.save_draft(None)
            return
        self.saver.save_draft(
            Draft(capture.text, capture.speaker, capture.start, capture.statement)
        )

    def current_capture(self) -> Capture:
        return Capture(
            self.input.value,
            self.speaker,
            self.capture_start,
            self.capture_statement,
            not self.input.digits_pick_speaker,
        )

    def resume_capture(self, capture: Capture | None) -> None:
        """Back to the quote that was being typed before an edit (or an empty line)."""
        self.editing = None
        self.parked = None
        if capture is None:
            self.input.value = ""
            self.capture_start = self.capture_statement = None
            self.input.digits_pick_speaker = self.speaker is None
        else:
            self.speaker = capture.speaker
            self.capture_start, self.capture_statement = capture.start, capture.statement
            self.input.digits_pick_speaker = not capture.picked
            self.input.value = capture.text
            self.input.cursor_position = len(capture.text)
        self.show_speaker()
        self.input.focus()

    def submit_line(self, value: str) -> None:
        text = value.strip()
        if not text and self.editing is None:
            self.action_tag()
            return
        if self.editing is not None:
            self.finish_edit(text)
            return
        try:
            parsed = parse_inline_codes(text, self.guide)
        except InlineCodeError as error:
            self.status.warn(str(error))
            return
        start = self.capture_start if self.capture_start is not None else self.now()
        segment = self.editor.add_quote(
            start,
            self.speaker,
            self.capture_statement or self.current(),
            parsed.text,
            parsed.themes,
            parsed.arena,
        )
        self.last_segment = segment.id
        self.reset_capture()
        self.segment_changed(segment, new=True)
        self.status.say(
            f"Citaat {shown_time(self.editor.session, segment)} van "
            f"{speaker_label(self.editor.session, segment.speaker)} bewaard. "
            "Enter op lege regel = taggen."
        )

    def reset_capture(self) -> None:
        self.capture_start = None
        self.capture_statement = None
        self.editing = None
        self.input.value = ""
        # the speaker stays for the next quote and digits are text ("2 keer per maand");
        # another speaker: Backspace on the empty line, then a digit
        self.input.digits_pick_speaker = self.speaker is None
        if self.saver is not None:
            self.saver.save_draft(None)
        self.show_speaker()

    # ------------------------------------------------------------ editing in the list

    def selected(self) -> Segment | None:
        key = self.table.current_key()
        if key is None:
            return None
        return self.editor.session.segments.get(key)

    def action_to_input(self) -> None:
        self.input.focus()

    @on(QuoteInput.ToList)
    def to_list(self) -> None:
        if self.table.row_count:
            self.table.focus()
            key = self.key
            self.status.say(
                f"Lijst: ↑↓ kiezen, {key('lijst.bewerken')} bewerken, {key('lijst.taggen')} "
                f"taggen, {key('lijst.citaat')} citaat, {key('lijst.notitie')} notitie, "
                f"{key('lijst.verwijderen')} verwijderen, cijfer = spreker, "
                f"{key('lijst.invoer')} terug"
            )

    def action_edit(self) -> None:
        segment = self.selected()
        if segment is not None:
            self.start_edit(
                segment,
                EditField.TEXT,
                segment.text,
                f"Bewerken: Enter bewaart, {self.key('invoer.annuleren')} laat het citaat "
                "zoals het was.",
            )

    def action_note(self) -> None:
        segment = self.selected()
        if segment is not None:
            self.start_edit(
                segment,
                EditField.NOTE,
                segment.note,
                f"Notitie bij {shown_time(self.editor.session, segment)}: Enter "
                f"bewaart, {self.key('invoer.annuleren')} annuleert.",
            )

    def start_edit(self, segment: Segment, field: EditField, value: str, hint: str) -> None:
        """The unfinished quote is put aside (and kept as the draft) until the edit is done."""
        if self.editing is None:
            self.parked = self.current_capture()
        self.editing = (segment.id, field)
        self.input.digits_pick_speaker = False  # digits are text while editing
        # the line says what is being typed: a note is not a quote (a marker has no speaker)
        note = field is EditField.NOTE
        self.input.placeholder = (
            "notitie, bijv. wat hier terug te luisteren is" if note else "de tekst"
        )
        self.input.value = value
        self.input.cursor_position = len(value)
        self.input.focus()
        self.show_speaker(segment.speaker)
        self.status.say(hint)

    def action_cancel_edit(self) -> None:
        if self.editing is None:
            return
        self.resume_capture(self.parked)
        self.status.say("Niet gewijzigd.")

    def finish_edit(self, text: str) -> None:
        assert self.editing is not None
        segment_id, field = self.editing
        segment: Segment | None
        try:
            if field is EditField.NOTE:
                segment = self.editor.set_note(segment_id, text)
            else:
                segment = self.apply_edit(segment_id, text)
        except InlineCodeError as error:
            self.status.warn(str(error))
            return
        if segment is None:
            return
        self.segment_changed(segment)
        self.resume_capture(self.parked)
        self.status.say(
            "Wijziging bewaard."
            + (" Het citaat dat u aan het typen was, staat er weer." if self.input.value else "")
        )

    def apply_edit(self, segment_id: str, text: str) -> Segment | None:
        segment = self.editor.update_text(segment_id, text, self.guide)
        if segment is None:
            self.status.warn("Een citaat kan niet leeg zijn; verwijderen kan met d in de lijst.")
        return segment

    def set_speaker_of_selected(self, speaker: str) -> None:
        segment = self.selected()
        if segment is None:
            return
        updated = self.editor.set_speaker(segment.id, speaker)
        self.segment_changed(updated)
        self.status.say(
            f"Spreker van {shown_time(self.editor.session, updated)} is nu "
            f"{speaker_label(self.editor.session, speaker)} "
            f"({self.key('live.ongedaan')} maakt het ongedaan)."
        )

    def action_star(self) -> None:
        segment = self.selected()
        if segment is not None:
            self.segment_changed(self.editor.toggle_flag(segment.id))

    def action_delete(self) -> None:
        segment = self.selected()
        if segment is None:
            return
        self.editor.delete(segment.id)
        self.table.remove_row(segment.id)
        self.query_one(ParticipantsPanel).show(self.editor.session, self.now(), self.current())
        undo = self.key("live.ongedaan")
        self.status.say(f"Verwijderd: {segment_text(segment)[:40]}… ({undo} zet het terug)")

    # ------------------------------------------------------------ tagging

    def action_tag(self) -> None:
        target = self.selected() if self.table.has_focus else None
        if target is None and self.last_segment:
            target = self.editor.session.segments.get(self.last_segment)
        if target is None:  # reopened session: the last quote typed before
            target = self.editor.last_quote()
        if target is None:
            self.status.warn("Er is nog geen citaat om te taggen.")
            return
        self.tag_target = target.id
        panel = self.query_one(TagPanel)
        panel.show(target)
        self.add_class("-tagging")
        self.set_focus(panel)  # now, not deferred: keys typed right after Enter go to the panel
        self.status.say(
            f'Taggen {shown_time(self.editor.session, target)} "{segment_text(target)[:24]}…": '
            "letter=thema, cijfer=arena, *=citaat"
        )

    def tag_key(self, key: str) -> None:
        if self.tag_target is None:
            return
        segment = self.editor.code_key(self.tag_target, key, self.guide)
        if segment is None:
            self.status.warn(f"'{key}' is geen toets van het codeboek.")
            return
        self.segment_changed(segment)

    def action_tag_done(self) -> None:
        self.remove_class("-tagging")
        if self.tag_target:
            self.table.move_to(self.tag_target)
        self.tag_target = None
        self.set_focus(self.input)
        self.status.say("Klaar met taggen.")

    # ------------------------------------------------------------ stellingen, marks, undo

    def action_next_statement(self) -> None:
        self.step_statement(+1)

    def action_previous_statement(self) -> None:
        self.step_statement(-1)

    def step_statement(self, step: int) -> None:
        if not self.guide.statements:
            return
        ids = [s.id for s in self.guide.statements]
        current = self.current()
        index = ids.index(current) if current in ids else 0
        target = index + step
        if not 0 <= target < len(ids):
            self.status.warn(
                "Dit is de laatste stelling." if step > 0 else "Dit is de eerste stelling."
            )
            return
        self.editor.switch_statement(self.now(), ids[target])
        self.show_statement()
        self.query_one(ParticipantsPanel).show(self.editor.session, self.now(), self.current())
        self.status.say(f"Stelling {target + 1}: {self.guide.statements[target].text}")

    def action_mark_recording(self) -> None:
        if self.clock_state is ClockState.NOT_STARTED:
            # the recording is the start: its times and the session's begin together
            self.change_clock("sessie gestart", lambda meta: started(meta, self.clock()))
        now = self.now()
        offset = self.editor.session.meta.recording_offset
        if offset is not None and self.editor.session.has_transcript():
            # the transcript's times hang on this offset: moving it would move all of them
            self.status.warn(
                f"De opname-start ligt vast op {format_time(offset)} sessietijd: het transcript "
                "van de opname is al ingelezen."
            )
            return
        if offset is not None and now > self._recording_confirm_until:
            self._recording_confirm_until = now + 3
            self.status.warn(
                f"De opname-start staat al op {format_time(offset)} sessietijd; "
                f"druk binnen 3 seconden nogmaals {self.key('live.opname')} "
                "om hem te verzetten."
            )
            return
        self.editor.set_meta("opname-start", recording_offset=round(now, 3))
        self.refresh_all()
        self.status.say(
            f"Opname-start gemarkeerd op {format_time(now)} sessietijd; tijden "
            f"staan nu in opnametijd. ({self.key('live.ongedaan')} maakt het ongedaan)"
        )

    def action_marker(self) -> None:
        segment = self.editor.add_marker(self.now(), self.current())
        self.last_segment = segment.id
        self.segment_changed(segment, new=True)
        self.status.say(
            f"Markering op {shown_time(self.editor.session, segment)}: hier later "
            "terugluisteren. (n in de lijst = notitie)"
        )

    # ------------------------------------------------------------ other screens

    def action_stances(self) -> None:
        from goedwerkplaats.tui.screens.stances import StanceScreen

        if self.current() is None:
            return
        self.app.push_screen(
            StanceScreen(self.editor, self.guide, str(self.current())),
            lambda _result: self.refresh_all(),
        )

    def action_participants(self) -> None:
        from goedwerkplaats.tui.screens.participants import ParticipantsScreen

        self.app.push_screen(
            ParticipantsScreen(self.editor, self.guide), lambda _result: self.refresh_all()
        )

    def action_whole_statement(self) -> None:
        """The stelling with its toelichting and every follow-up, when the panel is too small."""
        from goedwerkplaats.tui.screens.help import HelpScreen

        statement = self.guide.statement(self.current())
        if statement is None:
            return
        body = Text()
        body.append(f"\n{statement.text}\n", style="bold")
        if statement.explanation:
            body.append(f"\n{statement.explanation}\n", style="italic")
        if statement.follow_ups:
            mark = " (suggestie)" if self.guide.is_suggestion("doorvragen") else ""
            body.append(f"\nDoorvragen{mark}\n", style="bold underline")
        for question in statement.follow_ups:
            body.append(f"• {question}\n")
        title = f"Stelling {statement.id}  (Esc sluit)"
        self.app.push_screen(HelpScreen([], title=title, body=body))

    def action_help(self) -> None:
        from goedwerkplaats.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(live_help(self.guide, project_keymap(self.app))))

    def action_leave(self) -> None:
        from goedwerkplaats.tui.screens.leave import LeaveChoice, LeaveScreen

        def chosen(choice: LeaveChoice | None) -> None:
            now = self.clock()
            if choice == LeaveChoice.END:
                self.change_clock("sessie beëindigd", lambda meta: ended(meta, now))
            elif choice == LeaveChoice.PAUSE:
                self.change_clock("klok gepauzeerd", lambda meta: paused(meta, now))
            if choice is not None:
                self.close_and_dismiss()

        can_pause = self.editor.session.meta.recording_offset is None
        self.app.push_screen(LeaveScreen(self.clock_state, can_pause), chosen)


def live_help(guide: Guide, keymap: Mapping[str, str]) -> list[tuple[str, str]]:
    """Every key of the live screen, by mode, as the project has them (toetsen.yaml)."""
    return help_rows(
        keymap,
        [
            (
                "Invoer (onderste regel)",
                [
                    (
                        "1–9",
                        "spreker kiezen op een lege regel met 'spreker?'; nieuw nummer = erbij",
                    ),
                    ("0", "de gespreksleider als spreker"),
                    ("cijfer", "na opslaan blijft de spreker staan en is een cijfer tekst"),
                    ("Backspace", "op de lege regel: andere spreker (daarna een cijfer)"),
                    ("typen", "het citaat; de tijd is het moment waarop u begon"),
                    ("#thema @arena", "codes in de tekst"),
                    ("Enter", "citaat opslaan; Enter op een lege regel: laatste citaat taggen"),
                    QuoteInput,
                ],
            ),
            ("Overal", [LiveScreen, ("^P", "alle opdrachten zoeken")]),
            (
                "Lijst",
                [("↑ ↓", "citaat kiezen"), QuoteTable, ("0–9", "spreker van het citaat wijzigen")],
            ),
            (
                "Taggen",
                [
                    *codebook_rows(guide),
                    ("*", "citaat voor het rapport"),
                    ("0", "arena leegmaken"),
                    TagPanel,
                ],
            ),
        ],
    )
