"""The roster & sessions area: the attendee table, session lists, import, assignment
(printing is `print_menu.py`).

Every read and write goes through the runner to the roster services; after
each change the view reloads, so it always shows what was saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.events import EventDetail
from facilitator.services.roster.area import RosterServices
from facilitator.services.roster.attendees import AttendeeRow, SessionLoad
from facilitator.services.roster.schedule import AssignmentReport
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.roster.assign_moves_dialog import AssignFlow
from facilitator.ui.roster.attendee_dialog import AttendeeDialog
from facilitator.ui.roster.import_dialog import ImportDialog
from facilitator.ui.roster.print_menu import PrintMenu
from facilitator.ui.roster.roster_files import RosterFiles
from facilitator.ui.roster.rows import fix_table_rows
from facilitator.ui.roster.rule_guard import RuleGuard, plan_breaks
from facilitator.ui.roster.session_lists import SessionLists
from facilitator.ui.roster.table_model import (
    ROW_ROLE,
    UNASSIGNED,
    CheckInFilter,
    Column,
    RosterFilterProxy,
    RosterTableModel,
)
from facilitator.ui.runner import Runner
from facilitator.ui.saved_file_notice import OpenUrl, SavedFileNotice, open_with_desktop

if TYPE_CHECKING:
    from facilitator.ui.current_event import CurrentEvent


@dataclass(frozen=True)
class _Snapshot:
    event: EventDetail
    people: list[AttendeeRow]
    loads: list[SessionLoad]


class RosterView(QWidget):
    def __init__(
        self,
        services: RosterServices,
        runner: Runner,
        current: CurrentEvent,
        *,
        lang: Lang,
        dialogs: Dialogs,
        open_url: OpenUrl = open_with_desktop,
    ) -> None:
        super().__init__()
        self._s, self._runner, self._current = services, runner, current
        self._lang, self._dialogs = lang, dialogs
        self.saved = SavedFileNotice(dialogs, open_url)
        self._snapshot: _Snapshot | None = None
        self.attendee_dialog: AttendeeDialog | None = None

        self.model = RosterTableModel(self)
        self.proxy = RosterFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DEPARTMENT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        fix_table_rows(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.search = QLineEdit()
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText(self.tr("Search name, kana, staff no. or department"))
        self.search.setClearButtonEnabled(True)
        self.session_filter = QComboBox()
        self.session_filter.setObjectName("sessionFilter")
        self.session_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.checkin_filter = QComboBox()
        self.checkin_filter.setObjectName("checkinFilter")
        self.checkin_filter.addItem(self.tr("Checked in or not"), CheckInFilter.ANY)
        self.checkin_filter.addItem(self.tr("Checked in"), CheckInFilter.CHECKED_IN)
        self.checkin_filter.addItem(self.tr("Not checked in"), CheckInFilter.NOT_CHECKED_IN)
        self.session_lists = SessionLists(lang)
        self.summary = QLabel()
        self.summary.setObjectName("rosterSummary")
        self.summary.setWordWrap(True)
        self.last_action = QLabel()
        self.last_action.setObjectName("lastAction")
        self.last_action.setWordWrap(True)
        self.issues = QPlainTextEdit()
        self.issues.setObjectName("assignmentIssues")
        self.issues.setReadOnly(True)
        self.issues.setMaximumHeight(110)
        self.issues.hide()
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setObjectName("importRosterButton")
        self.export_button = QPushButton(self.tr("Export…"))
        self.assign_button = QPushButton(self.tr("Assign sessions"))
        self.assign_button.setObjectName("assignButton")
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        # A push button with a menu leaves room for its arrow (the tool button squashed it).
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setObjectName("printButton")
        self.printing = PrintMenu(
            self,
            self.print_button,
            services,
            runner,
            lambda: current.event_id,
            lambda: [r.id for r in self.selected_rows()],
            dialogs,
            self._failed,
            self.saved,
        )
        self.print_actions = self.printing.actions
        self.files = RosterFiles(
            self,
            services,
            runner,
            lang=lang,
            dialogs=dialogs,
            saved=self.saved,
            event_id=lambda: current.event_id,
            last_action=self.last_action,
            reload=self.reload,
            failed=self._failed,
        )
        self.guard = RuleGuard(dialogs, lang)
        self._layout()

        self.search.textChanged.connect(self.proxy.set_search)
        self.session_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_session(self.session_filter.currentData())
        )
        self.checkin_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_checkin(CheckInFilter(self.checkin_filter.currentData()))
        )
        self.import_button.clicked.connect(self.files.ask_import)
        self.export_button.clicked.connect(self.files.ask_export)
        self.assign_button.clicked.connect(self.assign)
        self.add_button.clicked.connect(self.add_attendee)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.session_lists.move_requested.connect(self.move_attendees)
        self.session_lists.lock_requested.connect(self.set_locked)
        current.changed.connect(lambda _id: self.reload())
        self.reload()

    def _layout(self) -> None:
        actions = QHBoxLayout()
        for button in (self.import_button, self.export_button, self.assign_button):
            actions.addWidget(button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        for button in (self.add_button, self.edit_button, self.remove_button):
            actions.addWidget(button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(QLabel(self.tr("Session")))
        filters.addWidget(self.session_filter)
        filters.addWidget(QLabel(self.tr("Check-in")))
        filters.addWidget(self.checkin_filter)
        table_page = QWidget()
        table_column = QVBoxLayout(table_page)
        table_column.addLayout(filters)
        table_column.addWidget(self.table, 1)
        lists_page = QWidget()
        lists_column = QVBoxLayout(lists_page)
        hint = QLabel(
            self.tr(
                "Drag attendees between sessions, or right-click for more. Moved attendees are "
                "locked: automatic assignment keeps them where you put them."
            )
        )
        hint.setWordWrap(True)
        lists_column.addWidget(hint)
        lists_column.addWidget(self.session_lists, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(table_page, self.tr("Attendees"))
        self.tabs.addTab(lists_page, self.tr("Sessions"))
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 12, 12, 12)
        column.addLayout(actions)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.summary)
        column.addWidget(self.last_action)
        column.addWidget(self.issues)

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        event_id = self._current.event_id
        has_event = event_id is not None
        for widget in (
            self.import_button,
            self.export_button,
            self.assign_button,
            self.print_button,
            self.add_button,
            self.edit_button,
            self.remove_button,
        ):
            widget.setEnabled(has_event)
        if event_id is None:
            self.summary.setText(self.tr("Create an event first; its roster appears here."))
            self.model.set_rows([])
            return

        def load() -> _Snapshot:
            return _Snapshot(
                self._s.events.get_event(event_id),
                self._s.roster.list_attendees(event_id),
                self._s.roster.session_loads(event_id),
            )

        self._runner.run(load, self._show, self._failed)

    def _show(self, snapshot: _Snapshot) -> None:
        self._snapshot = snapshot
        self.model.set_rows(snapshot.people)
        chosen = self.session_filter.currentData()
        self.session_filter.blockSignals(True)
        self.session_filter.clear()
        self.session_filter.addItem(self.tr("All sessions"), None)
        for s in snapshot.event.sessions:
            self.session_filter.addItem(s.label, s.id)
        self.session_filter.addItem(self.tr("Unassigned"), UNASSIGNED)
        self.session_filter.setCurrentIndex(max(0, self.session_filter.findData(chosen)))
        self.session_filter.blockSignals(False)
        self.proxy.set_session(self.session_filter.currentData())
        self.session_lists.set_data(
            snapshot.loads, snapshot.people, plan_breaks(snapshot.loads, snapshot.people)
        )
        # The list separator is translated: "、" in Japanese, ", " in English.
        sizes = self.tr(", ").join(f"{s.label} {s.assigned}/{s.capacity}" for s in snapshot.loads)
        unassigned = sum(1 for p in snapshot.people if p.session_id is None)
        self.summary.setText(
            self.tr("%1 attendees — %2 — unassigned: %3")
            .replace("%1", str(len(snapshot.people)))
            .replace("%2", sizes or "-")
            .replace("%3", str(unassigned))
        )

    def _failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(self._current.event_id is not None)
        self.assign_button.setEnabled(self._current.event_id is not None)
        if isinstance(exc, FacilitatorError):
            self._dialogs.warn(self, self.tr("Roster"), exc.message.text(self._lang))
            self.reload()
            return
        raise exc

    def selected_rows(self) -> list[AttendeeRow]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in sorted(rows)]

    # -- import / export (roster_files.py) ---------------------------------------------------
    def open_import(self, path: Path) -> ImportDialog:
        return self.files.open_import(path)

    # -- assignment and moves ----------------------------------------------------------------
    def assign(self) -> None:
        event_id = self._current.event_id
        if event_id is None:
            return
        self.assign_button.setEnabled(False)
        flow = AssignFlow(self._s.schedule, self._runner, self._lang, self._dialogs, self)
        flow.start(event_id, self._assigned, self._failed)  # moves are asked about first

    def _assigned(self, report: AssignmentReport) -> None:
        self.assign_button.setEnabled(True)
        self.issues.setPlainText("\n".join(i.message.text(self._lang) for i in report.issues))
        self.issues.setVisible(bool(report.issues))
        self.reload()

    def move_attendees(self, attendee_ids: list[int], session_id: int | None) -> None:
        """A drop or a menu choice: warned first when it breaks a session rule."""
        snapshot = self._snapshot
        if snapshot is not None and not self.guard.allows(
            self, snapshot.loads, snapshot.people, attendee_ids, session_id
        ):
            return
        self._then_reload(lambda: self._s.roster.move(attendee_ids, session_id))

    def set_locked(self, attendee_ids: list[int], locked: bool) -> None:
        self._then_reload(lambda: self._s.roster.set_locked(attendee_ids, locked))

    def _then_reload(self, work: Callable[[], object]) -> None:
        """A change off the GUI thread, then the table as it now is."""
        self._runner.run(work, lambda _r: self.reload(), self._failed)

    # -- attendees ---------------------------------------------------------------------------
    def _open_attendee_dialog(
        self, save: Callable[..., AttendeeRow], current: AttendeeRow | None
    ) -> AttendeeDialog:
        snapshot = self._snapshot
        departments = sorted({p.department for p in snapshot.people}) if snapshot else []
        labels = [s.label for s in snapshot.event.sessions] if snapshot else []
        dialog = AttendeeDialog(save, self._runner, self._lang, departments, labels, current, self)
        dialog.finished.connect(lambda _r: self.reload())
        self.attendee_dialog = dialog
        dialog.open()
        return dialog

    def add_attendee(self) -> AttendeeDialog | None:
        event_id = self._current.event_id
        if event_id is None:
            return None
        return self._open_attendee_dialog(
            lambda data: self._s.roster.add_attendee(event_id, data), None
        )

    def edit_selected(self) -> AttendeeDialog | None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return None
        row = rows[0]
        return self._open_attendee_dialog(
            lambda data: self._s.roster.update_attendee(row.id, data), row
        )

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        names = "、".join(r.name for r in rows[:5]) + ("…" if len(rows) > 5 else "")
        if not self._dialogs.confirm(
            self, self.tr("Remove"), self.tr("Remove %1 from the roster?").replace("%1", names)
        ):
            return

        def work() -> None:
            for r in rows:
                self._s.roster.remove_attendee(r.id)

        self._then_reload(work)
