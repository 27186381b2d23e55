"""The editable table of an event's sessions (label, date, start, end, room, capacity).

Rows are plain `SessionRow`s; the model turns them into `SessionSpec`s for the
service and marks the cells a `ValidationFailed` pointed at. Times and dates
are handed to Qt as QTime/QDate, so the default delegate edits them with
QTimeEdit/QDateEdit and capacity with a QSpinBox.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTimeEdit,
    QWidget,
)

from facilitator.domain.event_rules import SessionSpec
from facilitator.services.events import SessionInfo

ModelIndex = QModelIndex | QPersistentModelIndex
ERROR_BACKGROUND = QColor("#fde2e1")
DEFAULT_CAPACITY = 50
MAX_CAPACITY = 100_000


class Column(IntEnum):
    LABEL = 0
    DATE = 1
    START = 2
    END = 3
    ROOM = 4
    CAPACITY = 5


# Field names as `domain.event_rules` reports them ("sessions[1].end").
FIELD_COLUMNS = {
    "label": Column.LABEL,
    "date": Column.DATE,
    "start": Column.START,
    "end": Column.END,
    "room": Column.ROOM,
    "capacity": Column.CAPACITY,
}


@dataclass(frozen=True)
class SessionRow:
    label: str
    start: time
    end: time
    room: str
    capacity: int
    date: date | None = None  # None: on the event's date
    id: int | None = None  # None: not saved yet


class SessionTableModel(QAbstractTableModel):
    def __init__(self, event_date: date) -> None:
        super().__init__()
        self._rows: list[SessionRow] = []
        self._event_date = event_date
        self._errors: dict[tuple[int, Column], str] = {}
        self._headers = (
            self.tr("Label"),
            self.tr("Date"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Room"),
            self.tr("Capacity"),
        )

    # -- content ----------------------------------------------------------------------------
    def load(self, sessions: tuple[SessionInfo, ...], event_date: date) -> None:
        self.beginResetModel()
        self._event_date = event_date
        self._rows = [
            SessionRow(
                label=s.label,
                start=s.start,
                end=s.end,
                room=s.room,
                capacity=s.capacity,
                # Sessions on the event's day follow it when the event is moved.
                date=None if s.date == event_date else s.date,
                id=s.id,
            )
            for s in sessions
        ]
        self._errors.clear()
        self.endResetModel()

    def rows(self) -> list[SessionRow]:
        return list(self._rows)

    def specs(self) -> tuple[SessionSpec, ...]:
        return tuple(
            SessionSpec(
                label=r.label,
                start=r.start,
                end=r.end,
                capacity=r.capacity,
                room=r.room,
                date=r.date,
                id=r.id,
            )
            for r in self._rows
        )

    def set_event_date(self, value: date) -> None:
        self._event_date = value
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.DATE), self.index(len(self._rows) - 1, Column.DATE)
            )

    def add_row(self) -> int:
        """Append a session with sensible defaults (AM, then PM, then after the last one)."""
        n = len(self._rows)
        if n == 0:
            row = SessionRow("AM", time(9, 30), time(12, 0), "", DEFAULT_CAPACITY)
        else:
            last = self._rows[-1]
            if n == 1 and last.label.upper() == "AM" and last.end <= time(13, 30):
                start, end = time(13, 30), time(16, 0)
            else:
                start = _plus(last.end, 30)
                end = _plus(start, 120)
            label = "PM" if n == 1 else str(n + 1)
            capacity = last.capacity if last.capacity >= 1 else DEFAULT_CAPACITY
            row = SessionRow(label, start, end, last.room, capacity, last.date)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(row)
        self.endInsertRows()
        return n

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        # Errors are tied to row numbers that just shifted; the next save re-checks.
        self._errors.clear()
        self.endRemoveRows()

    def set_errors(self, errors: dict[tuple[int, Column], str]) -> None:
        self._errors = dict(errors)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    def error_at(self, row: int, column: Column) -> str | None:
        return self._errors.get((row, column))

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return super().headerData(section, orientation, role)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._value(row, column, role)
        if role == Qt.ItemDataRole.BackgroundRole and (index.row(), column) in self._errors:
            return QBrush(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._errors.get((index.row(), column))
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.DATE and row.date is None:
            return QBrush(QColor("#6b6b6b"))  # follows the event's date
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.CAPACITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _value(self, row: SessionRow, column: Column, role: int) -> Any:
        display = role == Qt.ItemDataRole.DisplayRole
        match column:
            case Column.LABEL:
                return row.label
            case Column.DATE:
                day = row.date or self._event_date
                return day.isoformat() if display else QDate(day.year, day.month, day.day)
            case Column.START:
                return f"{row.start:%H:%M}" if display else QTime(row.start.hour, row.start.minute)
            case Column.END:
                return f"{row.end:%H:%M}" if display else QTime(row.end.hour, row.end.minute)
            case Column.ROOM:
                return row.room
            case Column.CAPACITY:
                return row.capacity

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        old = self._rows[index.row()]
        new = _with_value(old, Column(index.column()), value, self._event_date)
        if new is None:
            return False
        if new != old:
            self._rows[index.row()] = new
            self._errors.pop((index.row(), Column(index.column())), None)
            self.dataChanged.emit(index, index)
        return True


class SessionDelegate(QStyledItemDelegate):
    """Editors in the table's own formats: 24-hour times, ISO dates, whole-number capacity."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        column = Column(index.column())
        if column in (Column.START, Column.END):
            time_editor = QTimeEdit(parent)
            time_editor.setDisplayFormat("HH:mm")
            return time_editor
        if column == Column.DATE:
            date_editor = QDateEdit(parent)
            date_editor.setDisplayFormat("yyyy-MM-dd")
            date_editor.setCalendarPopup(True)
            return date_editor
        if column == Column.CAPACITY:
            # 0 is typeable on purpose: the rule, not the widget, says why it is refused.
            spin = QSpinBox(parent)
            spin.setRange(0, MAX_CAPACITY)
            return spin
        return super().createEditor(parent, option, index)


def _with_value(row: SessionRow, column: Column, value: Any, event_date: date) -> SessionRow | None:
    """`row` with one cell changed, or None when `value` is not something the cell can hold."""
    match column:
        case Column.LABEL:
            return replace(row, label=str(value).strip())
        case Column.ROOM:
            return replace(row, room=str(value).strip())
        case Column.CAPACITY:
            try:
                return replace(row, capacity=int(value))
            except (TypeError, ValueError):
                return None
        case Column.DATE:
            if not isinstance(value, QDate) or not value.isValid():
                return None
            day = value.toPython()
            assert isinstance(day, date)
            return replace(row, date=None if day == event_date else day)
        case Column.START | Column.END:
            if not isinstance(value, QTime) or not value.isValid():
                return None
            moment = time(value.hour(), value.minute())
            return (
                replace(row, start=moment) if column == Column.START else replace(row, end=moment)
            )


def _plus(moment: time, minutes: int) -> time:
    # Clamped to the same day: a session never runs past midnight.
    total = min(moment.hour * 60 + moment.minute + minutes, 23 * 60 + 59)
    return time(total // 60, total % 60)
