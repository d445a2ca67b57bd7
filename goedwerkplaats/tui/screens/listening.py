"""A session screen with the recording beside it: the player's keys, its line, following.

The player decodes and plays in its own thread; this screen only sends it commands and reads
its position ten times a second. Opening the recording (finding a moved file, the sound card)
happens in a worker.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Static

from goedwerkplaats.files.problems import GwpError
from goedwerkplaats.media.link import locate, make_link, shorter_than_transcript
from goedwerkplaats.media.player import PRE_ROLL, SKIP_SECONDS, Player
from goedwerkplaats.media.timeline import (
    live_quote_of,
    next_marker,
    previous_marker,
    segment_at,
)
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import RecordingLink, Segment
from goedwerkplaats.model.timecode import format_time
from goedwerkplaats.project.folder import Project
from goedwerkplaats.tui.screens.opening import OpenedSession
from goedwerkplaats.tui.screens.session_screen import SessionScreen
from goedwerkplaats.tui.worker_errors import capitalised

PLAYER_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding(
        "f5",
        "play_pause",
        "Afspelen",
        show=False,  # the player line names it; the footer has no room at 80 columns
        tooltip="afspelen / pauze",
        id="opname.afspelen",
    ),
    Binding(
        "f6",
        "skip_back",
        "Terug",
        show=False,
        tooltip=f"{SKIP_SECONDS:g} seconden terug",
        id="opname.terug",
    ),
    Binding(
        "f7",
        "skip_forward",
        "Vooruit",
        show=False,
        tooltip=f"{SKIP_SECONDS:g} seconden vooruit",
        id="opname.vooruit",
    ),
    Binding(
        "ctrl+g",
        "to_segment",
        "Naar segment",
        show=False,
        tooltip=f"naar het begin van dit segment ({PRE_ROLL:g} s eerder)",
        id="opname.naar_segment",
    ),
    Binding(
        "f8",
        "play_segment",
        "Dit segment",
        show=False,
        tooltip="alleen dit segment afspelen",
        id="opname.segment",
    ),
    Binding(
        "less_than_sign,ctrl+down",
        "slower",
        "Langzamer",
        show=False,
        tooltip="langzamer (tot 0,5×, zelfde toonhoogte)",
        id="opname.langzamer",
    ),
    Binding(
        "greater_than_sign,ctrl+up",
        "faster",
        "Sneller",
        show=False,
        tooltip="sneller (tot 2×, zelfde toonhoogte)",
        id="opname.sneller",
    ),
    Binding(
        "ctrl+b",
        "follow",
        "Volgen",
        show=False,
        tooltip="de selectie volgt de opname aan/uit",
        id="opname.volgen",
    ),
    Binding(
        "left_square_bracket",
        "start_here",
        "Begin hier",
        show=False,
        tooltip="begin van dit segment op de afspeelpositie",
        id="opname.begin",
    ),
    Binding(
        "right_square_bracket",
        "end_here",
        "Eind hier",
        show=False,
        tooltip="eind van dit segment op de afspeelpositie",
        id="opname.eind",
    ),
    Binding(
        "left_curly_bracket",
        "previous_marker",
        "Vorige markering",
        show=False,
        tooltip="vorige markering (live gezet)",
        id="opname.vorige_markering",
    ),
    Binding(
        "right_curly_bracket",
        "next_marker",
        "Volgende markering",
        show=False,
        tooltip="volgende markering (live gezet)",
        id="opname.volgende_markering",
    ),
    Binding(
        "ctrl+l",
        "live_quote",
        "Live citaat",
        show=False,
        tooltip="naar het moment van het gekoppelde live citaat",
        id="opname.live_citaat",
    ),
    Binding(
        "f2",
        "link_recording",
        "Opname",
        show=False,
        tooltip="opname koppelen: het pad van een audio- of videobestand",
        id="opname.koppelen",
    ),
]


class PlayerLine(Static):
    """One line: ▶/⏸, position / duration, speed, following; or why there is no sound."""

    DEFAULT_CSS = "PlayerLine { height: 1; padding: 0 1; background: $boost; display: none; }"


class ListeningScreen(SessionScreen):
    """Subclasses compose a PlayerLine and provide the rows and moving the selection."""

    BINDINGS = PLAYER_BINDINGS

    def __init__(self, project: Project, guide: Guide, opened: OpenedSession) -> None:
        super().__init__(project, guide, opened)
        self.player: Player | None = None
        self.following = True
        self._shown = ""
        self._followed: str | None = None  # the row following last selected
        self._ticker: Timer | None = None

    # ------------------------------------------------------------ for subclasses

    def listening_rows(self) -> list[Segment]:
        raise NotImplementedError

    def listening_current(self) -> Segment | None:
        raise NotImplementedError

    def listening_select(self, segment: Segment) -> None:
        raise NotImplementedError

    def listening_changed(self, segment: Segment) -> None:
        """A segment's time was set from the playhead."""

    # ------------------------------------------------------------ opening

    def open_recording(self) -> None:
        """After the session opened: find the linked recording and open the player."""
        link = self.editor.session.meta.recording
        if link is not None:
            self.start_player(link)

    @work(thread=True, exclusive=True, exit_on_error=False, group="opname-openen")
    def start_player(self, link: RecordingLink, relinked: bool = False) -> None:
        try:
            found = locate(link, self.project.root)
            player = Player(found.path)
        except GwpError as error:
            self.app.call_from_thread(self.recording_failed, str(error))
            return
        moved = dataclasses.replace(link, path=str(found.path)) if found.moved else None
        self.app.call_from_thread(self.player_ready, player, moved)

    def recording_failed(self, message: str) -> None:
        link_key = self.key("opname.koppelen")
        self.app.notify(
            f"{message}. Koppel de opname opnieuw met {link_key}; aan de sessie verandert niets.",
            title="Opname niet geopend",
            severity="warning",
            timeout=20,
        )
        self.show_player_line()

    def player_ready(self, player: Player, moved: RecordingLink | None) -> None:
        if not self.is_attached:
            player.close()
            return
        if self.player is not None:
            self.player.close()
        self.player = player
        if moved is not None:
            self.editor.set_meta("opname teruggevonden", recording=moved)
            self.app.notify(f"De opname was verplaatst en is teruggevonden: {moved.path}")
        if player.note:
            self.app.notify(player.note, timeout=8)
        link = self.editor.session.meta.recording
        warning = shorter_than_transcript(self.editor.session, link) if link else None
        if warning:
            self.app.notify(capitalised(warning), severity="warning", timeout=20)
        self.show_player_line()

    def link_recording(self, text: str) -> None:
        """A path typed in the line: link it (checked in a worker), then open it."""
        path = Path(text.strip().strip("'\"")).expanduser()
        if not path.is_absolute():
            path = self.project.root / path
        self.status.say(f"Opname {path.name} wordt gecontroleerd…")
        self.check_and_link(path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="opname-koppelen")
    def check_and_link(self, path: Path) -> None:
        try:
            link = make_link(path)
        except GwpError as error:
            self.app.call_from_thread(self.status.warn, str(error))
            return
        self.app.call_from_thread(self.linked, link)

    def linked(self, link: RecordingLink) -> None:
        self.editor.set_meta("opname koppelen", recording=link)
        self.status.say(
            f"Opname gekoppeld: {Path(link.path).name} ({format_time(link.duration)}); "
            f"{self.key('opname.afspelen')} speelt af."
        )
        self.start_player(link)

    def on_unmount(self) -> None:
        if self.player is not None:
            self.player.close()
            self.player = None

    # ------------------------------------------------------------ showing and following

    def show_player_line(self) -> None:
        line = self.query_one(PlayerLine)
        line.display = True
        if self._ticker is None:  # only with a recording: a screen without one has no timer
            self._ticker = self.set_interval(0.1, self.tick)
        self._shown = ""
        self.tick()

    def tick(self) -> None:
        player = self.player
        line = self.query_one(PlayerLine)
        if not line.display:
            return
        text = self.player_text()
        if text.plain != self._shown:
            self._shown = text.plain
            line.update(text, layout=False)
        if player is not None and player.playing and self.following:
            self.follow(player.position)

    def player_text(self) -> Text:
        player = self.player
        if player is None:
            return Text(f"geen opname geopend · {self.key('opname.koppelen')} koppelen")
        text = Text()
        text.append("▶ " if player.playing else "⏸ ", style="bold green" if player.playing else "")
        text.append(f"{format_time(player.position)} / {format_time(player.duration)}")
        text.append(f"  {player.speed:g}×", style="bold" if player.speed != 1 else "dim")
        text.append("  volgen" if self.following else "  volgen uit", style="dim")
        if player.note:
            text.append("  stil", style="dim yellow")
        text.append(f"  {self.key('opname.afspelen')} ▶/⏸", style="dim")
        return text

    def follow(self, position: float) -> None:
        """Select the row being spoken, when the playhead enters it: a row the transcriber
        moved to by hand stays selected until the recording reaches the next one."""
        segment = segment_at(self.editor.session, self.listening_rows(), position)
        if segment is None or segment.id == self._followed:
            return
        self._followed = segment.id
        current = self.listening_current()
        if current is None or current.id != segment.id:
            self.listening_select(segment)

    # ------------------------------------------------------------ the keys

    def ready_player(self) -> Player | None:
        if self.player is None:
            link_key = self.key("opname.koppelen")
            has_link = self.editor.session.meta.recording
            self.status.warn(
                f"De opname is niet geopend; {link_key} koppelt haar opnieuw."
                if has_link
                else f"Deze sessie heeft nog geen opname; {link_key} koppelt er een."
            )
        return self.player

    def action_play_pause(self) -> None:
        if (player := self.ready_player()) is not None:
            player.toggle()
            self.tick()

    def action_skip_back(self) -> None:
        if (player := self.ready_player()) is not None:
            player.skip(-SKIP_SECONDS)
            self.after_jump()

    def action_skip_forward(self) -> None:
        if (player := self.ready_player()) is not None:
            player.skip(SKIP_SECONDS)
            self.after_jump()

    def after_jump(self) -> None:
        self._followed = None  # a jump lands somewhere new: select what is spoken there
        if self.player is not None and self.following:
            self.follow(self.player.position)
        self.tick()

    def recording_time_of(self, segment: Segment) -> float:
        return self.editor.session.recording_time(segment.start)

    def action_to_segment(self) -> None:
        segment = self.listening_current()
        if segment is not None and (player := self.ready_player()) is not None:
            player.jump_to(self.recording_time_of(segment))
            self.tick()

    def action_play_segment(self) -> None:
        segment = self.listening_current()
        if segment is None or (player := self.ready_player()) is None:
            return
        start = self.recording_time_of(segment)
        following = self.editor.session.segments.after(segment.id)
        end = segment.end if segment.end is not None else (following.start if following else None)
        stop = self.editor.session.recording_time(end) if end is not None else player.duration
        player.play_range(start, max(stop, start + 0.5))
        self.tick()

    def action_follow(self) -> None:
        self.following = not self.following
        self.status.say("De selectie volgt de opname." if self.following else "Volgen uit.")
        self.tick()

    def action_slower(self) -> None:
        if (player := self.ready_player()) is not None:
            self.status.say(f"Snelheid {player.slower():g}×")
            self.tick()

    def action_faster(self) -> None:
        if (player := self.ready_player()) is not None:
            self.status.say(f"Snelheid {player.faster():g}×")
            self.tick()

    def action_start_here(self) -> None:
        self.set_time_from_playhead("start")

    def action_end_here(self) -> None:
        self.set_time_from_playhead("end")

    def set_time_from_playhead(self, which: str) -> None:
        segment = self.listening_current()
        if segment is None or (player := self.ready_player()) is None:
            return
        now = self.editor.session.session_time(player.position)
        try:
            if which == "start":
                updated = self.editor.set_start(segment.id, now)
            else:
                updated = self.editor.set_end(segment.id, now)
        except ValueError as error:
            self.status.warn(f"{capitalised(str(error))}; niets gewijzigd.")
            return
        self.listening_changed(updated)
        word = "Begin" if which == "start" else "Eind"
        undo = self.key("coderen.ongedaan")
        self.status.say(f"{word} op {format_time(player.position)} gezet ({undo} maakt ongedaan).")

    def action_next_marker(self) -> None:
        self.jump_to_marker(forward=True)

    def action_previous_marker(self) -> None:
        self.jump_to_marker(forward=False)

    def jump_to_marker(self, forward: bool) -> None:
        if (player := self.ready_player()) is None:
            return
        session = self.editor.session
        if forward:
            marker = next_marker(session, player.position, PRE_ROLL)
        else:
            marker = previous_marker(session, player.position)
        if marker is None:
            self.status.say("Geen markering meer " + ("verderop." if forward else "hiervoor."))
            return
        at = session.recording_time(marker.start)
        player.jump_to(at)
        self.status.say(f"Markering op {format_time(at)}.")
        self.after_jump()

    def action_live_quote(self) -> None:
        segment = self.listening_current()
        if segment is None or (player := self.ready_player()) is None:
            return
        quote = live_quote_of(self.editor.session, segment)
        if quote is None:
            self.status.say("Bij dit segment hoort geen live citaat.")
            return
        at = self.editor.session.recording_time(quote.start)
        player.jump_to(at)
        self.status.say(f"Het live citaat is op {format_time(at)} getypt.")
        self.tick()

    def action_link_recording(self) -> None:
        raise NotImplementedError
