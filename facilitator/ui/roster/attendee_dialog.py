"""Adding or editing one attendee; the service validates, errors show beside the fields."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.errors import FacilitatorError, ValidationFailed
from facilitator.lang import Lang
from facilitator.services.roster.attendees import AttendeeInput, AttendeeRow
from facilitator.ui.runner import Runner


class AttendeeDialog(QDialog):
    """`save(data)` is the service call (add or update); it runs through the runner."""

    def __init__(
        self,
        save: Callable[[AttendeeInput], AttendeeRow],
        runner: Runner,
        lang: Lang,
        departments: list[str],
        session_labels: list[str],
        current: AttendeeRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save, self._runner, self._lang = save, runner, lang
        self.saved: AttendeeRow | None = None
        self.setWindowTitle(self.tr("Edit attendee") if current else self.tr("Add attendee"))
        self.setMinimumWidth(420)  # room for a full name and a long department
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("staff_no", self.tr("Staff no.")),
            ("name", self.tr("Name")),
            ("kana", self.tr("Kana")),
            ("department", self.tr("Department")),
            ("title", self.tr("Title")),
            ("role", self.tr("Role")),
            ("email", self.tr("E-mail")),
            ("preference", self.tr("Preference")),
        ):
            widget: QLineEdit | QComboBox
            if key == "department":
                widget = QComboBox()
                widget.setEditable(True)
                widget.addItems(departments)
                widget.setCurrentText(current.department if current else "")
            elif key == "preference":
                widget = QComboBox()
                widget.addItem(self.tr("No preference"), "")
                for label_text in session_labels:
                    widget.addItem(label_text, label_text)
                if current and current.preferred_label:
                    widget.setCurrentIndex(max(0, widget.findData(current.preferred_label)))
            else:
                widget = QLineEdit(getattr(current, key) if current else "")
            widget.setObjectName(f"field_{key}")
            error = QLabel()
            error.setObjectName(f"error_{key}")
            error.setProperty("role", "error")
            error.setStyleSheet("color: #b00020;")
            error.hide()
            form.addRow(label, widget)
            form.addRow("", error)
            self.fields[key], self.errors[key] = widget, error
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.status = QLabel()
        self.status.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.status)
        column.addWidget(self.buttons)

    def _text(self, key: str) -> str:
        widget = self.fields[key]
        if isinstance(widget, QComboBox):
            return str(widget.currentData() or "") if key == "preference" else widget.currentText()
        return widget.text()

    def submit(self) -> None:
        data = AttendeeInput(
            staff_no=self._text("staff_no"),
            name=self._text("name"),
            department=self._text("department"),
            kana=self._text("kana"),
            title=self._text("title"),
            role=self._text("role"),
            email=self._text("email"),
            preference=self._text("preference"),
        )
        for label in self.errors.values():
            label.hide()
        self.buttons.setEnabled(False)
        self._runner.run(lambda: self._save(data), self._done, self._failed)

    def _done(self, row: AttendeeRow) -> None:
        self.saved = row
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            for error in exc.errors:
                label = self.errors.get(error.field)
                if label is not None:
                    label.setText(error.message.text(self._lang))
                    label.show()
            return
        if isinstance(exc, FacilitatorError):
            self.status.setText(exc.message.text(self._lang))
            return
        raise exc
