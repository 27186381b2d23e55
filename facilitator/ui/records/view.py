"""The Records area: the department x training matrix and a person's history from the
records database, and the two actions that feed it: "Push to records…" and "Copy this
event to another laptop…". Every read and write runs off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.records.area import RecordsArea
from facilitator.services.records.push import PushResult
from facilitator.services.records.reports import HistoryRow, Matrix
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner
from facilitator.ui.saved_file_notice import OpenUrl, SavedFileNotice, open_with_desktop

if TYPE_CHECKING:
    from facilitator.ui.current_event import CurrentEvent


def area_title() -> str:
    """The navigation title; written out here so lupdate puts it in records_ja.ts."""
    return QCoreApplication.translate("Areas", "Records")


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class RecordsView(QWidget):
    def __init__(
        self,
        area: RecordsArea,
        runner: Runner,
        current: CurrentEvent,
        *,
        lang: Lang,
        dialogs: Dialogs,
        open_url: OpenUrl = open_with_desktop,
    ) -> None:
        super().__init__()
        self._saved = SavedFileNotice(dialogs, open_url)
        self._area, self._runner, self._current = area, runner, current
        self._lang, self._dialogs = lang, dialogs

        self.records_edit = QLineEdit()
        self.records_edit.setPlaceholderText(area.target("").shown)
        self.records_edit.setToolTip(
            self.tr("An SQLite file or postgresql://user@host/database; empty: the default")
        )
        self.refresh_button = QPushButton(self.tr("Show the records"))
        self.push_button = QPushButton(self.tr("Push to records…"))
        self.copy_button = QPushButton(self.tr("Copy this event to another laptop…"))
        self.status = QLabel()
        self.status.setWordWrap(True)

        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("Records database:")))
        where.addWidget(self.records_edit, 1)
        where.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.push_button)
        actions.addWidget(self.copy_button)
        actions.addStretch(1)

        self.matrix_table = QTableWidget()
        self.matrix_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        matrix_box = QGroupBox(self.tr("Attendance by department and training"))
        matrix_layout = QVBoxLayout(matrix_box)
        matrix_layout.addWidget(self.matrix_table)

        self.staff_edit = QLineEdit()
        self.staff_edit.setPlaceholderText(self.tr("Staff number"))
        self.history_button = QPushButton(self.tr("Show history"))
        self.history_table = QTableWidget(0, 6)
        self.history_table.setHorizontalHeaderLabels(
            [
                self.tr("Training"),
                self.tr("Date"),
                self.tr("Session"),
                self.tr("Attended"),
                self.tr("Checked in"),
                self.tr("Certificate"),
            ]
        )
        self.history_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_person = QLabel()
        history_box = QGroupBox(self.tr("A person's history"))
        history_layout = QVBoxLayout(history_box)
        ask = QHBoxLayout()
        ask.addWidget(self.staff_edit, 1)
        ask.addWidget(self.history_button)
        history_layout.addLayout(ask)
        history_layout.addWidget(self.history_person)
        history_layout.addWidget(self.history_table)

        tables = QHBoxLayout()
        tables.addWidget(matrix_box, 3)
        tables.addWidget(history_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(where)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addLayout(tables, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.records_edit.returnPressed.connect(self.refresh)
        self.history_button.clicked.connect(self.show_history)
        self.staff_edit.returnPressed.connect(self.show_history)
        self.push_button.clicked.connect(self.push)
        self.copy_button.clicked.connect(self.copy_event)
        current.changed.connect(self._event_changed)
        self._event_changed(current.event_id)
        self._read_on_show = True

    def showEvent(self, event: QShowEvent) -> None:
        # An empty table says nothing: the first time the area is shown, read the
        # records (off the GUI thread), so it shows the matrix or why there is none.
        if self._read_on_show:
            self._read_on_show = False
            self.refresh()
        super().showEvent(event)

    # -- reading -------------------------------------------------------------------------
    def refresh(self) -> None:
        records = self.records_edit.text()
        self.status.setText(self.tr("Reading the records…"))
        self._runner.run(lambda: self._area.matrix(records), self._show_matrix, self._read_failed)

    def _show_matrix(self, matrix: Matrix) -> None:
        self.status.setText(self.tr("%n training(s) in the records.", "", len(matrix.trainings)))
        table = self.matrix_table
        table.clear()
        table.setRowCount(len(matrix.departments) + 1)
        table.setColumnCount(len(matrix.trainings))
        table.setHorizontalHeaderLabels(list(matrix.trainings))
        table.setVerticalHeaderLabels([*matrix.departments, self.tr("Total")])
        for column, training in enumerate(matrix.trainings):
            for row, department in enumerate(matrix.departments):
                cell = matrix.cells.get((department, training))
                if cell is not None:
                    table.setItem(
                        row, column, _cell(self._fraction(cell.attended, cell.assigned, cell.rate))
                    )
            total = matrix.totals(training)
            table.setItem(
                len(matrix.departments),
                column,
                _cell(self._fraction(total.attended, total.assigned, total.rate)),
            )
        table.resizeColumnsToContents()

    def _fraction(self, attended: int, assigned: int, rate: float) -> str:
        return (
            self.tr("%1 / %2 (%3%)")
            .replace("%1", str(attended))
            .replace("%2", str(assigned))
            .replace("%3", f"{rate:.0f}")
        )

    def show_history(self) -> None:
        staff_no = self.staff_edit.text().strip()
        if not staff_no:
            self.history_person.setText(self.tr("Type a staff number."))
            return
        records = self.records_edit.text()
        self._runner.run(
            lambda: self._area.history(records, staff_no), self._show_history, self._read_failed
        )

    def _show_history(self, rows: list[HistoryRow]) -> None:
        table = self.history_table
        table.setRowCount(len(rows))
        if not rows:
            self.history_person.setText(self.tr("Nobody with that staff number is in the records."))
            return
        first = rows[0]
        self.history_person.setText(f"{first.staff_no}  {first.name}（{rows[-1].department}）")
        for row, entry in enumerate(sorted(rows, key=lambda r: r.date)):
            certificate = entry.certificate
            if certificate and entry.certificate_revoked:
                certificate = self.tr("%1 (revoked)").replace("%1", certificate)
            values = [
                entry.training,
                entry.date.isoformat(),
                entry.session,
                self.tr("Yes") if entry.attended else self.tr("No"),
                entry.checked_in_at.astimezone().strftime("%H:%M") if entry.checked_in_at else "",
                certificate,
            ]
            for column, value in enumerate(values):
                table.setItem(row, column, _cell(value))

    def _read_failed(self, exc: BaseException) -> None:
        if isinstance(exc, FacilitatorError):
            self.status.setText(exc.message.text(self._lang))
            return
        raise exc

    # -- actions -------------------------------------------------------------------------
    def _event_changed(self, event_id: int | None) -> None:
        for button in (self.push_button, self.copy_button):
            button.setEnabled(event_id is not None)

    def push(self) -> None:
        event_id = self._current.event_id
        if event_id is None:
            return
        records = self.records_edit.text()
        self.push_button.setEnabled(False)
        self.status.setText(self.tr("Pushing the event to the records…"))
        self._runner.run(
            lambda: self._area.push(event_id, records), self._pushed, self._action_failed
        )

    def _pushed(self, result: PushResult) -> None:
        self._event_changed(self._current.event_id)
        text = result.message().text(self._lang)
        self.status.setText(text)
        self._dialogs.inform(self, self.tr("Push to records"), text)
        self.refresh()

    def copy_event(self) -> None:
        event_id = self._current.event_id
        if event_id is None:
            return
        path = self._dialogs.save_path(
            self,
            self.tr("Copy this event to another laptop"),
            Path.home() / "event.facilitator-event",
            self.tr("Copied event (*.facilitator-event)"),
        )
        if path is None:
            return
        if path.suffix != ".facilitator-event":
            path = path.with_name(path.name + ".facilitator-event")
        self._runner.run(
            lambda: self._area.export_event(event_id, path),
            lambda count: self._copied(path, count),
            self._action_failed,
        )

    def _copied(self, path: Path, count: int) -> None:
        text = (
            self.tr(
                "Wrote the event with %n attendee(s) to %1. On the other laptop, import it "
                "with: facilitator event import --db WORKSPACE %2",
                "",
                count,
            )
            .replace("%1", str(path))
            .replace("%2", path.name)
        )
        self.status.setText(text)
        self._saved.offer(self, self.tr("Copy this event to another laptop"), text, path)

    def _action_failed(self, exc: BaseException) -> None:
        self._event_changed(self._current.event_id)
        if isinstance(exc, FacilitatorError):
            text = exc.message.text(self._lang)
            self.status.setText(text)
            self._dialogs.warn(self, self.tr("Records"), text)
            return
        raise exc
