"""Everyone in the event with eligible / not eligible, why, and their number."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from facilitator.domain.certificates import Reason
from facilitator.services.certificates.eligibility import EligibilityRow

_Index = QModelIndex | QPersistentModelIndex


class EligibilityModel(QAbstractTableModel):
    COLUMNS = 6

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[EligibilityRow] = []

    def set_rows(self, rows: list[EligibilityRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Department"),
            self.tr("Name"),
            self.tr("Kana"),
            self.tr("Certificate"),
            self.tr("Why"),
            self.tr("Number"),
        )[section]

    def reason_text(self, row: EligibilityRow) -> str:
        text = {
            Reason.CHECKED_IN: self.tr("Checked in"),
            Reason.NOT_CHECKED_IN: self.tr("Not checked in"),
            Reason.NO_FEEDBACK: self.tr("No feedback submitted"),
            Reason.INCLUDED_MANUALLY: self.tr("Included by hand"),
            Reason.EXCLUDED_MANUALLY: self.tr("Excluded by hand"),
        }[row.reason]
        return f"{text}: {row.override_reason}" if row.override_reason else text

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.department
            if column == 1:
                return row.name
            if column == 2:
                return row.kana
            if column == 3:
                return self.tr("Eligible") if row.eligible else self.tr("Not eligible")
            if column == 4:
                return self.reason_text(row)
            if row.number is None:
                return ""
            return self.tr("%1 (revoked)").replace("%1", row.number) if row.revoked else row.number
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return QColor("#1B7F3B") if row.eligible else QColor("#A03030")
        return None
