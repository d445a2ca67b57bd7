"""Where each participant stands on the stelling: begin and end, five points or n.v.t."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from goedwerkplaats.coding.editing import SessionEditor
from goedwerkplaats.model.changes import DeleteStance
from goedwerkplaats.model.guide import Guide
from goedwerkplaats.model.session import MOMENTS, Stance
from goedwerkplaats.storage.session_format import SCALE
from goedwerkplaats.tui.key_order import replay_if_closed, run_binding_now
from goedwerkplaats.tui.keys import key_for
from goedwerkplaats.tui.widgets.participants_panel import stance_table

SHORT: dict[int | None, str] = {None: "n.v.t.", **{value: label for value, label in SCALE.items()}}


class StanceScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Klaar", id="posities.klaar"),
        Binding("tab,right,left", "switch_moment", "Begin/eind", id="posities.moment"),
        Binding("backspace,delete", "clear", "Wissen", id="posities.wissen"),
    ]
    DEFAULT_CSS = """
    StanceScreen { align: center middle; }
    StanceScreen Vertical { width: 100; max-width: 100%; height: auto; max-height: 100%;
                            border: round $accent; padding: 0 1; background: $surface; }
    StanceScreen DataTable { height: auto; max-height: 14; }
    """

    def __init__(self, editor: SessionEditor, guide: Guide, statement: str) -> None:
        super().__init__()
        self.editor = editor
        self.guide = guide
        self.statement = statement
        self.moment = MOMENTS[0]

    def compose(self) -> ComposeResult:
        statement = self.guide.statement(self.statement)
        with Vertical():
            yield Static(f"[b]Posities[/b] — {statement.text if statement else self.statement}")
            yield Static(
                "1 helemaal mee oneens · 2 mee oneens · 3 neutraal · 4 mee eens · "
                "5 helemaal mee eens · 0/n n.v.t.",
                classes="muted",
            )
            yield DataTable(cursor_type="cell", id="stance-table")
            yield Static(id="distribution")
            yield Static(
                f"↑↓ deelnemer · {key_for(self.app, 'posities.moment')} begin/eind · cijfer zet "
                f"en gaat door · {key_for(self.app, 'posities.wissen')} wist · "
                f"{key_for(self.app, 'posities.klaar')} klaar",
                classes="muted",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        labels = {p.id: p.id + (f" {p.name}" if p.name else "") for p in self.people()}
        answer = max(len(text) for text in SHORT.values())
        # names whole: the column is as wide as the longest, up to what the terminal leaves
        room = self.app.size.width - 4 - 2 * 3 - 2 * answer - 2
        name_width = max(10, min(max((len(t) for t in labels.values()), default=10), room))
        table.add_column("Deelnemer", key="deelnemer", width=name_width)
        table.add_column("Begin", key="begin", width=answer)
        table.add_column("Eind", key="eind", width=answer)
        for participant in self.people():
            table.add_row(
                labels[participant.id],
                *self.values(participant.id),
                key=participant.id,
            )
        table.move_cursor(row=0, column=1)
        table.focus()
        self.show_distribution()

    def people(self) -> list:  # type: ignore[type-arg]
        return [p for p in self.editor.session.ordered_participants() if not p.facilitator]

    def values(self, participant_id: str) -> list[str]:
        cells = []
        for moment in MOMENTS:
            stance = self.editor.session.stances.get((self.statement, participant_id, moment))
            cells.append("" if stance is None else SHORT[stance.value])
        return cells

    async def on_key(self, event: events.Key) -> None:
        if replay_if_closed(self, event):  # a digit typed after Esc picks a speaker
            return
        character = event.character or ""
        if character in "12345n0" and character:
            event.stop()
            self.set_value(None if character in "n0" else int(character))
        else:  # Tab, arrows and Backspace here too, or a digit typed after them overtakes them
            await run_binding_now(self, event)

    def current_participant(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def set_value(self, value: int | None) -> None:
        participant = self.current_participant()
        if participant is None:
            return
        moment = MOMENTS[max(0, self.query_one(DataTable).cursor_column - 1)]
        self.editor.set_stance(Stance(self.statement, participant, moment, value))
        self.refresh_row(participant)
        table = self.query_one(DataTable)
        table.move_cursor(row=min(table.cursor_row + 1, table.row_count - 1))

    def action_clear(self) -> None:
        participant = self.current_participant()
        if participant is None:
            return
        moment = MOMENTS[max(0, self.query_one(DataTable).cursor_column - 1)]
        key = (self.statement, participant, moment)
        if key in self.editor.session.stances:
            self.editor.apply("positie wissen", DeleteStance(key))
            self.refresh_row(participant)

    def refresh_row(self, participant: str) -> None:
        table = self.query_one(DataTable)
        for moment, value in zip(MOMENTS, self.values(participant), strict=True):
            table.update_cell(participant, moment, value)
        self.show_distribution()

    def action_switch_moment(self) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(column=2 if table.cursor_column == 1 else 1)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        if event.coordinate.column == 0:
            event.data_table.move_cursor(column=1)

    def show_distribution(self) -> None:
        self.query_one("#distribution", Static).update(
            stance_table(self.editor.session, self.statement)
        )

    def action_close(self) -> None:
        self.dismiss(None)
