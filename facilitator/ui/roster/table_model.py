"""The roster as a Qt table model, and the proxy that searches, filters and sorts it."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from enum import IntEnum
from typing import Any

import jaconv
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from facilitator.services.roster.attendees import AttendeeRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    STAFF_NO = 0
    NAME = 1
    KANA = 2
    DEPARTMENT = 3
    TITLE = 4
    ROLE = 5
    PREFERENCE = 6
    SESSION = 7
    LOCKED = 8
    CHECKED_IN = 9


def fold(text: str) -> str:
    """Search folding: width, case, and hiragana/katakana ignored."""
    return jaconv.kata2hira(unicodedata.normalize("NFKC", text)).casefold()


class RosterTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AttendeeRow] = []
        self._headers = [
            self.tr("Staff no."),
            self.tr("Name"),
            self.tr("Kana"),
            self.tr("Department"),
            self.tr("Title"),
            self.tr("Role"),
            self.tr("Preference"),
            self.tr("Session"),
            self.tr("Locked"),
            self.tr("Checked in"),
        ]

    def set_rows(self, rows: list[AttendeeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AttendeeRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._rows[index.row()]
        col = Column(index.column())
        if role == ROW_ROLE:
            return a
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, col)
        if role == SORT_ROLE:
            if col == Column.KANA:
                return a.kana_key
            if col == Column.DEPARTMENT:
                return f"{a.department_position:05d}{a.department}"
            return str(self._display(a, col))
        if role == Qt.ItemDataRole.ToolTipRole and col == Column.LOCKED and a.locked:
            return self.tr("Placed by hand: automatic assignment keeps this attendee here.")
        return None

    def _display(self, a: AttendeeRow, col: Column) -> str:
        values = {
            Column.STAFF_NO: a.staff_no,
            Column.NAME: a.name,
            Column.KANA: a.kana,
            Column.DEPARTMENT: a.department,
            Column.TITLE: a.title,
            Column.ROLE: a.role,
            Column.PREFERENCE: a.preferred_label,
            Column.SESSION: a.session_label or self.tr("Unassigned"),
            Column.LOCKED: self.tr("Locked") if a.locked else "",
            Column.CHECKED_IN: self.tr("Yes") if a.checked_in else "",
        }
        return values[col]


class CheckInFilter(IntEnum):
    ANY = 0
    CHECKED_IN = 1
    NOT_CHECKED_IN = 2


UNASSIGNED = -1  # session filter value for "no session"


class RosterFilterProxy(QSortFilterProxyModel):
    """Search by name, kana, staff number or department; filter by session and check-in."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._session: int | None = None  # None: any; UNASSIGNED: none
        self._checkin = CheckInFilter.ANY
        self.setSortRole(SORT_ROLE)

    def _refilter(self, change: Callable[[], None]) -> None:
        # Qt 6.10 replaced invalidateFilter() by begin/endFilterChange(); support both.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def set_search(self, text: str) -> None:
        def change() -> None:
            self._needle = fold(text.strip())

        self._refilter(change)

    def set_session(self, session_id: int | None) -> None:
        def change() -> None:
            self._session = session_id

        self._refilter(change)

    def set_checkin(self, value: CheckInFilter) -> None:
        def change() -> None:
            self._checkin = value

        self._refilter(change)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RosterTableModel)
        a = model.row_at(source_row)
        if self._session is not None:
            wanted = None if self._session == UNASSIGNED else self._session
            if a.session_id != wanted:
                return False
        if self._checkin == CheckInFilter.CHECKED_IN and not a.checked_in:
            return False
        if self._checkin == CheckInFilter.NOT_CHECKED_IN and a.checked_in:
            return False
        if self._needle:
            haystack = fold(f"{a.name}\n{a.kana}\n{a.staff_no}\n{a.department}").replace(" ", "")
            return self._needle.replace(" ", "") in haystack
        return True
