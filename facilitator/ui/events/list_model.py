"""The workspace's events as a read-only table: title, date, sessions, attendees."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from facilitator.domain.wareki import format_wareki
from facilitator.lang import Lang
from facilitator.services.events import EventSummary

ModelIndex = QModelIndex | QPersistentModelIndex
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole


class EventListModel(QAbstractTableModel):
    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self._lang = lang
        self._rows: list[EventSummary] = []
        self._headers = (
            self.tr("Title"),
            self.tr("Date"),
            self.tr("Sessions"),
            self.tr("Attendees"),
        )

    def set_events(self, events: list[EventSummary]) -> None:
        self.beginResetModel()
        self._rows = list(events)
        self.endResetModel()

    def row_of(self, event_id: int) -> int | None:
        for row, event in enumerate(self._rows):
            if event.id == event_id:
                return row
        return None

    def event_at(self, row: int) -> EventSummary:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return super().headerData(section, orientation, role)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event = self._rows[index.row()]
        if role == EVENT_ID_ROLE:
            return event.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                event.title,
                event.date.isoformat(),
                str(event.session_count),
                str(event.attendee_count),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1 and self._lang == "ja":
            try:
                return format_wareki(event.date)
            except ValueError:
                return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
