"""The roster area through its real widgets: filters, import preview, drag-and-drop, locking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shell_helpers import type_text

from facilitator.composition import build_roster_services
from facilitator.db.models import CheckIn
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.roster_rules import RosterField
from facilitator.services.events import EventService
from facilitator.services.roster.attendees import RosterService
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.roster.table_model import CheckInFilter, Column
from facilitator.ui.roster.view import RosterView
from facilitator.ui.runner import SyncRunner


def make_view(
    qtbot: QtBot, workspace: Workspace, dialogs: RecordingDialogs | None = None
) -> RosterView:
    services = build_roster_services(workspace, FakeClock())
    current = CurrentEvent(services.events.resolve_event_id(None))
    view = RosterView(
        services,
        SyncRunner(),
        current,
        lang="en",
        dialogs=dialogs or RecordingDialogs(),
    )
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def visible_column(view: RosterView, column: Column) -> list[str]:
    proxy = view.proxy
    return [str(proxy.index(r, column).data()) for r in range(proxy.rowCount())]


def test_search_session_and_checkin_filters(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    assert view.proxy.rowCount() == 100
    type_text(qtbot, view.search, "総務課")
    found = set(visible_column(view, Column.DEPARTMENT))
    assert "総務課" in found and all("総務課" in d for d in found)
    view.search.clear()
    first = view.model.row_at(0)
    # Kana typed in katakana finds kana stored in hiragana, spaces ignored.
    import jaconv

    type_text(qtbot, view.search, jaconv.hira2kata(first.kana.replace(" ", "")))
    assert first.staff_no in visible_column(view, Column.STAFF_NO)
    view.search.clear()
    qtbot.keyClicks(view.search, first.staff_no)
    assert visible_column(view, Column.STAFF_NO) == [first.staff_no]
    view.search.clear()
    view.session_filter.setCurrentIndex(view.session_filter.findText("AM"))
    assert set(visible_column(view, Column.SESSION)) == {"AM"}
    view.session_filter.setCurrentIndex(0)
    with demo_workspace.session() as session:
        session.add(
            CheckIn(
                attendee_id=first.id,
                session_id=first.session_id,
                checked_in_at=FakeClock().now(),
                method="manual",
            )
        )
    view.reload()
    view.checkin_filter.setCurrentIndex(view.checkin_filter.findData(CheckInFilter.CHECKED_IN))
    assert visible_column(view, Column.STAFF_NO) == [first.staff_no]
    view.checkin_filter.setCurrentIndex(view.checkin_filter.findData(CheckInFilter.NOT_CHECKED_IN))
    assert view.proxy.rowCount() == 99
    # Sorting by kana folds hiragana and katakana together.
    view.checkin_filter.setCurrentIndex(0)
    view.table.sortByColumn(Column.KANA, Qt.SortOrder.AscendingOrder)
    keys = [view.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).kana_key for r in range(100)]
    assert keys == sorted(keys)


def test_import_preview_lets_the_user_map_an_unknown_column(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "staff.csv"
    path.write_bytes(
        "番号,氏名,所属,希望\r\nA-1,髙橋 﨑子,㈱新設課①,午後\r\nA-2,山田 太郎,新設課,\r\n".encode(
            "cp932"
        )
    )
    view = make_view(qtbot, demo_workspace)
    dialog = view.open_import(path)
    assert dialog.preview_table.rowCount() == 2
    assert dialog.preview_table.item(0, 1).text() == "髙橋 﨑子"
    assert not dialog.import_button.isEnabled()  # 職員番号 is not recognised
    assert "Staff number" in dialog.status.text()
    dialog.mapping_boxes[RosterField.STAFF_NO].setCurrentIndex(1)  # "1: 番号"
    assert dialog.import_button.isEnabled()
    assert "Staff number" in dialog.preview_table.horizontalHeaderItem(0).text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.report is not None and dialog.report.added == 2
    assert view.proxy.rowCount() == 102
    assert "2 added" in view.last_action.text()


def test_invalid_rows_are_listed_and_valid_rows_imported_on_request(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "staff.csv"
    path.write_text("職員番号,氏名,所属\nB-1,正しい 人,課\nB-2,,課\n", encoding="utf-8")
    view = make_view(qtbot, demo_workspace)
    dialog = view.open_import(path)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.errors_table.isVisible()
    assert (dialog.errors_table.item(0, 0).text(), dialog.errors_table.item(0, 1).text()) == (
        "3",
        "氏名",
    )
    assert view.proxy.rowCount() == 100  # nothing written yet
    assert dialog.valid_only_button.isVisible()
    qtbot.mouseClick(dialog.valid_only_button, Qt.MouseButton.LeftButton)
    assert dialog.report is not None and dialog.report.added == 1
    assert view.proxy.rowCount() == 101


def drag(source_ids: list[int], view: RosterView, source_session: int, target_session: int) -> None:
    lists = view.session_lists
    source = lists.list_for(source_session)
    items = [
        source.item(i)
        for i in range(source.count())
        if source.item(i).data(Qt.ItemDataRole.UserRole) in source_ids
    ]
    mime = source.mimeData(items)
    target = lists.list_for(target_session).viewport()
    pos = QPoint(10, 10)
    move = Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, move, mime, buttons, mods)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDragMoveEvent(pos, move, mime, buttons, mods))
    QApplication.sendEvent(target, QDropEvent(QPointF(pos), move, mime, buttons, mods))


# Qt 6.12 marks the QPoint drag-event constructors deprecated, but they are what it dispatches.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_drag_and_drop_moves_and_locks_and_assignment_keeps_it(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    # Every demo department is a leader and a sub-leader: any move breaks a rule and asks.
    dialogs = RecordingDialogs(confirm_answers=[True])
    view = make_view(qtbot, demo_workspace, dialogs)
    view.tabs.setCurrentIndex(1)
    sessions = (
        EventService(demo_workspace, FakeClock()).get_event(view._current.event_id or 0).sessions
    )
    am, pm = sessions[0].id, sessions[1].id
    roster = RosterService(demo_workspace, FakeClock())
    person = next(
        p for p in roster.list_attendees(view._current.event_id or 0) if p.session_id == am
    )
    before_pm = view.session_lists.list_for(pm).count()
    drag([person.id], view, am, pm)
    assert dialogs.messages[-1][0] == "confirm"
    moved = roster.get_attendee(person.id)
    assert (moved.session_id, moved.locked) == (pm, True)
    pm_list = view.session_lists.list_for(pm)
    assert pm_list.count() == before_pm + 1
    texts = [pm_list.item(i).text() for i in range(pm_list.count())]
    assert f"[locked] {person.name}（{person.department}）" in texts
    qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
    assert roster.get_attendee(person.id).session_id == pm
    # Context menu: unlock the selection.
    for i in range(pm_list.count()):
        pm_list.item(i).setSelected(pm_list.item(i).data(Qt.ItemDataRole.UserRole) == person.id)
    menu = view.session_lists.build_menu(pm_list)
    unlock = next(a for a in menu.actions() if a.text() == "Unlock")
    unlock.trigger()
    assert not roster.get_attendee(person.id).locked


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_drop_into_a_full_session_is_refused_with_a_message(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    dialogs = RecordingDialogs()
    view = make_view(qtbot, demo_workspace, dialogs)
    event_id = view._current.event_id or 0
    am, pm = (s.id for s in EventService(demo_workspace, FakeClock()).get_event(event_id).sessions)
    roster = RosterService(demo_workspace, FakeClock())
    in_am = [p.id for p in roster.list_attendees(event_id) if p.session_id == am]
    drag(in_am[:10], view, am, pm)  # PM holds 50 of 56: ten do not fit
    assert dialogs.messages and dialogs.messages[-1][0] == "warn"
    assert "at most its capacity — PM: 60 for 56 places" in dialogs.messages[-1][1]
    assert all(roster.get_attendee(i).session_id == am for i in in_am[:10])


def test_add_attendee_validates_in_the_form(qtbot: QtBot, demo_workspace: Workspace) -> None:
    view = make_view(qtbot, demo_workspace)
    dialog = view.add_attendee()
    assert dialog is not None
    dialog.submit()
    assert dialog.errors["staff_no"].isVisible() and dialog.errors["name"].isVisible()
    qtbot.keyClicks(dialog.fields["staff_no"], "999001")
    type_text(qtbot, dialog.fields["name"], "新 規")
    dialog.fields["department"].setCurrentText("新しい課")  # type: ignore[union-attr]
    dialog.submit()
    assert dialog.saved is not None and dialog.saved.department == "新しい課"
    assert view.proxy.rowCount() == 101


def test_print_menu_saves_real_pdfs(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    dialogs = RecordingDialogs()
    view = make_view(qtbot, demo_workspace, dialogs)
    dialogs.paths = [tmp_path / "slips.pdf", tmp_path / "attendance.pdf", tmp_path / "one.pdf"]
    view.print_actions["slips"].trigger()
    view.print_actions["attendance"].trigger()
    assert len(PdfReader(tmp_path / "slips.pdf").pages) == 13
    assert "出席簿" in PdfReader(tmp_path / "attendance.pdf").pages[0].extract_text()
    view.print_actions["reprint"].trigger()  # nothing selected yet: told to select first
    assert dialogs.messages[-1][0] == "warn"
    view.table.selectRow(0)
    view.print_actions["reprint"].trigger()
    assert len(PdfReader(tmp_path / "one.pdf").pages) == 1
    assert dialogs.messages[-1] == ("choose", f"Saved {tmp_path / 'one.pdf'} (attendees: 1).")
    # Replacing a lost slip asks first, then bumps the slip's version.
    chosen = view.selected_rows()[0]
    dialogs.confirm_answers = [True]
    dialogs.paths = [tmp_path / "new.pdf"]
    view.print_actions["reissue"].trigger()
    assert dialogs.messages[-2][0] == "confirm"
    assert (tmp_path / "new.pdf").exists()
    assert RosterService(demo_workspace, FakeClock()).get_attendee(chosen.id).token_version == 1
    assert view.print_button.isEnabled()
