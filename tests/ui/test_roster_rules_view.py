"""The roster area's day-of fixes (issue 15): a move that breaks a session rule is warned
about by name first, broken rules show in the session lists, rows are one height, the
Print button's arrow has room, and a saved PDF offers to open it or its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QPushButton, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from facilitator.composition import build_roster_services
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.scheduling_inputs import RoleKind, role_kind
from facilitator.services.roster.attendees import AttendeeRow, RosterService
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.roster.rows import row_height
from facilitator.ui.roster.view import RosterView
from facilitator.ui.runner import SyncRunner

LEADERS_RULE = "A department's leader and sub-leader attend different sessions"


class Opened:
    def __init__(self) -> None:
        self.urls: list[QUrl] = []

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return True


def make_view(
    qtbot: QtBot, workspace: Workspace, dialogs: RecordingDialogs, opened: Opened | None = None
) -> RosterView:
    services = build_roster_services(workspace, FakeClock())
    view = RosterView(
        services,
        SyncRunner(),
        CurrentEvent(services.events.resolve_event_id(None)),
        lang="en",
        dialogs=dialogs,
        open_url=opened or Opened(),
    )
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def leader_and_sub(view: RosterView) -> tuple[AttendeeRow, AttendeeRow]:
    people = view._snapshot.people if view._snapshot else []
    leader = next(p for p in people if role_kind(p.role) is RoleKind.LEADER)
    sub = next(
        p
        for p in people
        if p.department_id == leader.department_id and role_kind(p.role) is RoleKind.SUBLEADER
    )
    assert leader.session_id != sub.session_id  # the assignment kept them apart
    return leader, sub


def select_in(view: RosterView, person: AttendeeRow) -> None:
    source = view.session_lists.list_for(person.session_id)
    for i in range(source.count()):
        item = source.item(i)
        item.setSelected(item.data(256) == person.id)


def move_by_menu(view: RosterView, person: AttendeeRow, target: int) -> None:
    select_in(view, person)
    menu = view.session_lists.build_menu(view.session_lists.list_for(person.session_id))
    label = next(s.label for s in view._snapshot.loads if s.id == target)  # type: ignore[union-attr]
    next(a for a in menu.actions() if a.text() == f"Move to {label}").trigger()


def test_a_move_that_breaks_a_rule_is_warned_by_name_and_can_be_cancelled(
    qtbot: QtBot, demo_workspace: Workspace, screenshots: Path
) -> None:
    dialogs = RecordingDialogs(confirm_answers=[False])
    view = make_view(qtbot, demo_workspace, dialogs)
    view.tabs.setCurrentIndex(1)
    leader, sub = leader_and_sub(view)
    assert sub.session_id is not None
    move_by_menu(view, leader, sub.session_id)
    kind, text = dialogs.messages[-1]
    assert kind == "confirm"
    assert LEADERS_RULE in text and leader.department in text and "Move anyway?" in text
    roster = RosterService(demo_workspace, FakeClock())
    assert roster.get_attendee(leader.id).session_id == leader.session_id  # cancelled: unmoved

    dialogs.confirm_answers = [True]
    move_by_menu(view, leader, sub.session_id)
    assert roster.get_attendee(leader.id).session_id == sub.session_id
    # The session list now shows the broken rule: a count on its title, a mark on the people.
    target = view.session_lists.list_for(sub.session_id)
    title = view.session_lists._labels[view.session_lists.lists.index(target)]
    assert "rule breaks: 2" in title.text()  # leaders together, and the office left empty
    assert LEADERS_RULE in title.toolTip()
    marked = [
        target.item(i)
        for i in range(target.count())
        if target.item(i).data(256) in (leader.id, sub.id)
    ]
    assert len(marked) == 2
    assert all(not m.icon().isNull() and LEADERS_RULE in m.toolTip() for m in marked)
    others = [target.item(i) for i in range(target.count()) if target.item(i) not in marked]
    assert all(m.icon().isNull() for m in others)
    view.grab().save(str(screenshots / "roster_rule_breaks.png"))


def test_rows_are_one_height_in_the_table_and_the_session_lists(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = make_view(qtbot, demo_workspace, RecordingDialogs())
    expected = row_height(view.table)
    assert view.table.rowHeight(0) == view.table.rowHeight(5) == expected
    view.tabs.setCurrentIndex(1)
    first = view.session_lists.lists[0]
    assert first.visualItemRect(first.item(0)).height() == expected


def test_the_print_button_leaves_room_for_its_menu_arrow(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    view = make_view(qtbot, demo_workspace, RecordingDialogs())
    button = view.print_button
    assert isinstance(button, QPushButton) and button.menu() is not None
    option = QStyleOptionButton()
    button.initStyleOption(option)
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
    text = button.fontMetrics().horizontalAdvance(button.text())
    assert button.width() >= text + arrow


def test_a_saved_pdf_offers_to_open_it_or_its_folder(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    dialogs = RecordingDialogs()
    opened = Opened()
    view = make_view(qtbot, demo_workspace, dialogs, opened)
    dialogs.paths = [tmp_path / "slips.pdf", tmp_path / "attendance.pdf", tmp_path / "r.xlsx"]
    dialogs.choice_answers = [0, 1, None]
    view.print_actions["slips"].trigger()
    assert dialogs.messages[-1] == ("choose", f"Saved {tmp_path / 'slips.pdf'} (attendees: 100).")
    view.print_actions["attendance"].trigger()
    view.files.ask_export()  # closed without a choice: nothing opens
    assert (tmp_path / "r.xlsx").exists()
    assert [u.toLocalFile() for u in opened.urls] == [str(tmp_path / "slips.pdf"), str(tmp_path)]
