"""The event area, driven through its real widgets: create, edit, validate, reopen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot
from shell_helpers import edit_cell, make_controller, type_text

from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.event_rules import EventSpec, SessionSpec
from facilitator.lang import Lang
from facilitator.services.events import EventService
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.events.session_table_model import Column
from facilitator.ui.events.view import EventView
from facilitator.ui.runner import SyncRunner

T = TypeVar("T")


def make_view(
    qtbot: QtBot,
    workspace: Workspace,
    lang: Lang = "en",
    dialogs: RecordingDialogs | None = None,
    current: CurrentEvent | None = None,
) -> EventView:
    view = EventView(
        EventService(workspace, FakeClock()),
        SyncRunner(),
        current or CurrentEvent(),
        lang=lang,
        dialogs=dialogs or RecordingDialogs(),
        clock=FakeClock(),
    )
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def fill_two_sessions(qtbot: QtBot, view: EventView) -> None:
    """Title, venue, and AM/PM sessions in room 大会議室, typed as a trainer would."""
    type_text(qtbot, view.form.title_edit, "窓口応対研修")
    view.form.date_edit.setDate(QDate(2027, 2, 10))
    type_text(qtbot, view.form.venue_edit, "門真市役所")
    qtbot.mouseClick(view.form.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.form.add_button, Qt.MouseButton.LeftButton)
    table = view.form.table
    edit_cell(qtbot, table, 0, Column.ROOM, "大会議室")
    edit_cell(qtbot, table, 0, Column.CAPACITY, "40")
    edit_cell(qtbot, table, 1, Column.ROOM, "大会議室")
    edit_cell(qtbot, table, 1, Column.START, "1300")
    edit_cell(qtbot, table, 1, Column.END, "1545")
    edit_cell(qtbot, table, 1, Column.CAPACITY, "35")


def test_create_event_with_two_sessions_then_reopen_the_workspace(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "training.sqlite"
    controller = make_controller("en")
    assert controller.open(path, create=True)
    assert controller.window is not None
    view = controller.window.area_view("event")
    assert isinstance(view, EventView)
    assert view.list_model.rowCount() == 0

    fill_two_sessions(qtbot, view)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)

    assert view.status.text() == "Saved."
    assert view.list_model.rowCount() == 1
    assert controller.current.event_id is not None
    controller.window.close()
    assert controller.workspace is None  # closing the window released the workspace

    again = make_controller("en")
    assert again.open(path)
    assert again.window is not None
    reopened = again.window.area_view("event")
    assert isinstance(reopened, EventView)
    assert reopened.list_model.rowCount() == 1
    assert reopened.form.title_edit.text() == "窓口応対研修"
    assert reopened.form.venue_edit.text() == "門真市役所"
    assert reopened.form.date_edit.date() == QDate(2027, 2, 10)
    rows = reopened.form.sessions.rows()
    assert [(r.label, r.start, r.end, r.room, r.capacity) for r in rows] == [
        ("AM", time(9, 30), time(12, 0), "大会議室", 40),
        ("PM", time(13, 0), time(15, 45), "大会議室", 35),
    ]
    model = reopened.form.table.model()
    assert model.index(1, Column.START).data() == "13:00"
    assert model.index(1, Column.DATE).data() == "2027-02-10"
    again.window.close()


def test_validation_errors_are_shown_beside_the_fields_and_nothing_is_saved(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = make_view(qtbot, workspace)
    fill_two_sessions(qtbot, view)
    edit_cell(qtbot, view.form.table, 1, Column.START, "1100")  # overlaps AM in 大会議室
    edit_cell(qtbot, view.form.table, 1, Column.CAPACITY, "0")
    qtbot.mouseClick(view.form.add_button, Qt.MouseButton.LeftButton)  # 16:15-18:15
    edit_cell(qtbot, view.form.table, 2, Column.END, "1600")  # before its start
    view.form.title_edit.clear()

    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)

    form = view.form
    assert form.banner.isVisible()
    assert form.banner.text() == "Not saved. Problems to correct, marked below: 4."
    assert form.error_text("title") == "Enter a title."
    sessions_text = form.error_text("sessions")
    assert "Session 3: the end (16:00) must be after the start (16:15)." in sessions_text
    assert "Session PM: capacity must be at least 1." in sessions_text
    assert "Sessions AM and PM overlap in room 大会議室." in sessions_text
    assert form.sessions.error_at(2, Column.END)
    assert form.sessions.error_at(1, Column.CAPACITY)
    assert form.sessions.error_at(0, Column.START) is None
    assert form.table.model().index(2, Column.END).data(Qt.ItemDataRole.BackgroundRole)
    assert form.table.property("invalid") is True
    assert form.title_edit.property("invalid") is True
    assert EventService(workspace, FakeClock()).list_events() == []

    # Correcting the fields clears the marks on the next save.
    type_text(qtbot, form.title_edit, "窓口応対研修")
    edit_cell(qtbot, form.table, 2, Column.END, "1800")
    edit_cell(qtbot, form.table, 1, Column.CAPACITY, "30")
    edit_cell(qtbot, form.table, 1, Column.START, "1300")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert not form.banner.isVisible()
    assert form.error_text("sessions") == ""
    assert form.title_edit.property("invalid") is False
    assert len(EventService(workspace, FakeClock()).list_events()) == 1


def test_errors_are_in_japanese_when_the_ui_is_japanese(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace, lang="ja")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert view.form.error_text("title") == "研修名を入力してください。"
    assert view.form.error_text("sessions") == "セッションを 1 つ以上追加してください。"


def test_wareki_date_follows_the_date_field_in_japanese(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace, lang="ja")
    view.form.date_edit.setDate(QDate(2026, 12, 3))
    assert view.form.wareki_label.text() == "令和8年12月3日（木）"
    view.form.date_edit.setDate(QDate(2019, 5, 1))
    assert view.form.wareki_label.text() == "令和元年5月1日（水）"
    english = make_view(qtbot, workspace, lang="en")
    assert not english.form.wareki_label.isVisible()


def test_selecting_an_event_loads_it_and_makes_it_current(
    qtbot: QtBot, workspace: Workspace
) -> None:
    service = EventService(workspace, FakeClock())
    sessions = (SessionSpec("AM", time(9), time(12), 20, room="A"),)
    first = service.create_event(EventSpec("研修A", date(2026, 5, 1), sessions))
    second = service.create_event(EventSpec("研修B", date(2026, 6, 1), sessions))
    current = CurrentEvent(second.id)
    seen: list[int] = []
    current.changed.connect(seen.append)
    view = make_view(qtbot, workspace, current=current)
    assert view.form.title_edit.text() == "研修B"

    row = view.list_model.row_of(first.id)
    assert row is not None
    view.event_list.selectRow(row)
    assert view.form.title_edit.text() == "研修A"
    assert current.event_id == first.id
    assert seen == [first.id]


def test_unsaved_edits_are_kept_unless_the_user_discards_them(
    qtbot: QtBot, workspace: Workspace
) -> None:
    service = EventService(workspace, FakeClock())
    sessions = (SessionSpec("AM", time(9), time(12), 20, room="A"),)
    event = service.create_event(EventSpec("研修A", date(2026, 5, 1), sessions))
    dialogs = RecordingDialogs(confirm_answers=[False, True])
    view = make_view(qtbot, workspace, dialogs=dialogs, current=CurrentEvent(event.id))
    type_text(qtbot, view.form.title_edit, "（改）")
    assert view.has_unsaved_changes()

    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)  # answered "No"
    assert view.form.title_edit.text() == "研修A（改）"
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)  # answered "Yes"
    assert view.form.title_edit.text() == ""
    assert view.heading.text() == "New event"
    assert [kind for kind, _ in dialogs.messages] == ["confirm", "confirm"]
    assert service.get_event(event.id).title == "研修A"


def test_removing_a_session_and_saving_updates_the_event(
    qtbot: QtBot, workspace: Workspace
) -> None:
    service = EventService(workspace, FakeClock())
    sessions = (
        SessionSpec("AM", time(9), time(12), 20, room="A"),
        SessionSpec("PM", time(13), time(16), 20, room="A"),
    )
    event = service.create_event(EventSpec("研修A", date(2026, 5, 1), sessions))
    view = make_view(qtbot, workspace, current=CurrentEvent(event.id))
    view.form.table.selectRow(1)
    qtbot.mouseClick(view.form.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert [s.label for s in service.get_event(event.id).sessions] == ["AM"]
    assert view.list_model.event_at(0).session_count == 1


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_event_list_shows_counts(qtbot: QtBot, demo_workspace: Workspace, lang: Lang) -> None:
    view = make_view(qtbot, demo_workspace, lang=lang)
    model = view.list_model
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in (2, 3)] == ["2", "100"]


def test_ctrl_s_saves_and_keeps_the_cell_being_typed(qtbot: QtBot, workspace: Workspace) -> None:
    service = EventService(workspace, FakeClock())
    sessions = (SessionSpec("AM", time(9), time(12), 20, room="A"),)
    event = service.create_event(EventSpec("研修A", date(2026, 5, 1), sessions))
    view = make_view(qtbot, workspace, current=CurrentEvent(event.id))
    [shortcut] = view.findChildren(QShortcut)
    assert shortcut.key() == QKeySequence(QKeySequence.StandardKey.Save)
    table = view.form.table
    table.edit(table.model().index(0, Column.CAPACITY))
    [editor] = [w for w in table.viewport().findChildren(QSpinBox) if w.isVisible()]
    line = editor.findChild(QLineEdit)
    assert line is not None
    line.selectAll()
    qtbot.keyClicks(line, "25")

    shortcut.activated.emit()  # what Ctrl+S does; the editor is still open

    assert service.get_event(event.id).sessions[0].capacity == 25
    assert view.status.text() == "Saved."


def test_coming_back_to_the_area_refreshes_the_list(qtbot: QtBot, workspace: Workspace) -> None:
    service = EventService(workspace, FakeClock())
    sessions = (SessionSpec("AM", time(9), time(12), 20, room="A"),)
    service.create_event(EventSpec("研修A", date(2026, 5, 1), sessions))
    view = make_view(qtbot, workspace)
    assert view.list_model.rowCount() == 1
    view.hide()
    service.create_event(EventSpec("研修B", date(2026, 6, 1), sessions))  # e.g. by the CLI
    view.show()
    assert [view.list_model.event_at(r).title for r in range(2)] == ["研修B", "研修A"]


class QueuedRunner:
    """Holds work until the test runs it, in any order (as a thread pool may)."""

    def __init__(self) -> None:
        self.queue: list[tuple[Callable[[], object], Callable[[Any], None]]] = []

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.queue.append((work, on_done))

    def finish(self, index: int = 0) -> None:
        work, on_done = self.queue.pop(index)
        on_done(work())


def test_a_slow_answer_for_an_earlier_click_does_not_replace_the_latest(
    qtbot: QtBot, workspace: Workspace
) -> None:
    service = EventService(workspace, FakeClock())
    sessions = (SessionSpec("AM", time(9), time(12), 20, room="A"),)
    a = service.create_event(EventSpec("研修A", date(2026, 5, 1), sessions))
    b = service.create_event(EventSpec("研修B", date(2026, 6, 1), sessions))
    runner = QueuedRunner()
    view = EventView(
        service,
        runner,
        CurrentEvent(),
        lang="en",
        dialogs=RecordingDialogs(),
        clock=FakeClock(),
    )
    qtbot.addWidget(view)
    runner.finish()  # the event list
    for event in (a, b):
        row = view.list_model.row_of(event.id)
        assert row is not None
        view.event_list.selectRow(row)
    runner.finish(1)  # B answers first ...
    runner.finish(0)  # ... then the earlier request for A
    assert view.form.title_edit.text() == "研修B"
