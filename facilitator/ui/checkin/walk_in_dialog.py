"""Registering someone who is not on the roster, at the door."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)


@dataclass(frozen=True)
class WalkIn:
    staff_no: str
    name: str
    kana: str
    department: str


class WalkInDialog(QDialog):
    def __init__(self, departments: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Walk-in registration"))
        self.setMinimumWidth(420)  # room for a full name and a long department
        self.staff_no = QLineEdit()
        self.staff_no.setObjectName("walkInStaffNo")
        self.name = QLineEdit()
        self.name.setObjectName("walkInName")
        self.kana = QLineEdit()
        self.kana.setObjectName("walkInKana")
        self.department = QComboBox()
        self.department.setObjectName("walkInDepartment")
        self.department.setEditable(True)
        self.department.addItems(departments)
        self.department.setCurrentIndex(-1)
        form = QFormLayout(self)
        form.addRow(self.tr("Staff number"), self.staff_no)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kana"), self.kana)
        form.addRow(self.tr("Department"), self.department)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Register and check in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> WalkIn:
        return WalkIn(
            self.staff_no.text(),
            self.name.text(),
            self.kana.text(),
            self.department.currentText(),
        )
