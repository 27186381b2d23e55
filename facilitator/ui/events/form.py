"""The editor for one event: its fields, its sessions table, and the problems found on save."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.event_rules import MAX_TEXT, EventSpec
from facilitator.domain.wareki import format_wareki
from facilitator.errors import FieldError
from facilitator.lang import Lang
from facilitator.services.events import EventDetail
from facilitator.ui.events.session_table_model import (
    FIELD_COLUMNS,
    Column,
    SessionDelegate,
    SessionTableModel,
)

_SESSION_FIELD = re.compile(r"^sessions\[(\d+)\]\.(\w+)$")
_WEEKDAYS_JA = "月火水木金土日"
INVALID_STYLE = """
QLineEdit[invalid="true"], QDateEdit[invalid="true"], QDoubleSpinBox[invalid="true"],
QTableView[invalid="true"] { border: 2px solid #c62828; border-radius: 3px; }
QLabel[role="fieldError"] { color: #b71c1c; }
QLabel[role="banner"] { background: #fdecea; color: #7f1d1d; padding: 8px;
    border: 1px solid #f5c2c0; border-radius: 4px; }
"""


def wareki_caption(value: date) -> str:
    """`令和8年12月3日（木）`; empty for dates before 1873, which have no Gregorian era date."""
    try:
        return f"{format_wareki(value)}（{_WEEKDAYS_JA[value.weekday()]}）"
    except ValueError:
        return ""


class EventForm(QWidget):
    """Fields of an event and its sessions; knows nothing about saving."""

    edited = Signal()

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self._lang = lang
        self.setStyleSheet(INVALID_STYLE)
        self.title_edit = self._line("titleEdit")
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy/MM/dd (ddd)" if lang == "ja" else "ddd d MMM yyyy")
        self.wareki_label = QLabel()
        self.wareki_label.setObjectName("warekiLabel")
        self.wareki_label.setVisible(lang == "ja")
        self.venue_edit = self._line("venueEdit")
        self.issuer_edit = self._line("issuerEdit")
        self.signatory_edit = self._line("signatoryEdit")
        self.hours_spin = QDoubleSpinBox()
        self.hours_spin.setObjectName("hoursSpin")
        self.hours_spin.setRange(0, 100)
        self.hours_spin.setDecimals(1)
        self.hours_spin.setSingleStep(0.5)
        self.hours_spin.setSuffix(self.tr(" hours"))
        self.sessions = SessionTableModel(date.today())
        self.table = QTableView()
        self.table.setObjectName("sessionsTable")
        self.table.setModel(self.sessions)
        self.table.setItemDelegate(SessionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.ROOM, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(90)
        self.add_button = QPushButton(self.tr("Add session"))
        self.add_button.setObjectName("addSessionButton")
        self.remove_button = QPushButton(self.tr("Remove session"))
        self.remove_button.setObjectName("removeSessionButton")
        self._errors: dict[str, QLabel] = {}
        self._layout()
        self.add_button.clicked.connect(self._add_session)
        self.remove_button.clicked.connect(self._remove_session)
        self.date_edit.dateChanged.connect(self._date_changed)
        self.hours_spin.valueChanged.connect(lambda _v: self.edited.emit())
        self.sessions.dataChanged.connect(lambda *_: self.edited.emit())
        self.sessions.rowsInserted.connect(lambda *_: self.edited.emit())
        self.sessions.rowsRemoved.connect(lambda *_: self.edited.emit())

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(MAX_TEXT + 1)  # one over: the rule, not the widget, explains the limit
        edit.textEdited.connect(lambda _t: self.edited.emit())
        return edit

    def _error_label(self, field: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{field}Error")
        label.setProperty("role", "fieldError")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.hide()
        self._errors[field] = label
        return label

    def _with_error(self, field: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._error_label(field))
        return box

    def _layout(self) -> None:
        self.banner = QLabel()
        self.banner.setObjectName("errorBanner")
        self.banner.setProperty("role", "banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        date_row = QWidget()
        date_line = QHBoxLayout(date_row)
        date_line.setContentsMargins(0, 0, 0, 0)
        date_line.addWidget(self.date_edit)
        date_line.addWidget(self.wareki_label)
        date_line.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Title"), self._with_error("title", self.title_edit))
        form.addRow(self.tr("Date"), self._with_error("date", date_row))
        form.addRow(self.tr("Venue"), self._with_error("venue", self.venue_edit))
        form.addRow(self.tr("Issuer"), self._with_error("issuer", self.issuer_edit))
        form.addRow(self.tr("Signatory"), self._with_error("signatory", self.signatory_edit))
        form.addRow(self.tr("Training hours"), self._with_error("hours", self.hours_spin))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        sessions_title = QLabel(self.tr("Sessions"))
        sessions_title.setProperty("role", "sectionTitle")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addLayout(form)
        column.addSpacing(8)
        column.addWidget(sessions_title)
        column.addWidget(self.table, 1)
        column.addWidget(self._error_label("sessions"))
        column.addLayout(buttons)

    # -- content ----------------------------------------------------------------------------
    def load(self, detail: EventDetail | None, default_date: date) -> None:
        """Show `detail`, or an empty form for a new event on `default_date`."""
        self.clear_errors()
        day = detail.date if detail else default_date
        self.title_edit.setText(detail.title if detail else "")
        self.venue_edit.setText(detail.venue if detail else "")
        self.issuer_edit.setText(detail.issuer if detail else "")
        self.signatory_edit.setText(detail.signatory if detail else "")
        self.hours_spin.setValue(detail.hours if detail else 0.0)
        self.sessions.load(detail.sessions if detail else (), day)
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self._show_wareki(day)

    def commit_open_editor(self) -> None:
        """Keep what is being typed in a session cell (Ctrl+S leaves the editor open)."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        # An open editor is a visible direct child of the viewport.
        for child in self.table.viewport().children():
            if isinstance(child, QWidget) and child.isVisible():
                self.table.commitData(child)
                self.table.closeEditor(child, QAbstractItemDelegate.EndEditHint.NoHint)

    def spec(self) -> EventSpec:
        day = self.date_edit.date().toPython()
        assert isinstance(day, date)
        return EventSpec(
            title=self.title_edit.text(),
            date=day,
            sessions=self.sessions.specs(),
            venue=self.venue_edit.text(),
            issuer=self.issuer_edit.text(),
            signatory=self.signatory_edit.text(),
            hours=self.hours_spin.value(),
        )

    def _date_changed(self, value: QDate) -> None:
        day = value.toPython()
        assert isinstance(day, date)
        self.sessions.set_event_date(day)
        self._show_wareki(day)
        self.edited.emit()

    def _show_wareki(self, day: date) -> None:
        if self._lang == "ja":
            self.wareki_label.setText(wareki_caption(day))

    def _add_session(self) -> None:
        row = self.sessions.add_row()
        self.table.selectRow(row)
        self.table.setFocus()

    def _remove_session(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.sessions.remove_row(rows[0].row())

    # -- problems ---------------------------------------------------------------------------
    def show_errors(self, errors: list[FieldError]) -> None:
        """Mark every field a save was refused for, with the reason in the UI language."""
        self.clear_errors()
        by_field: dict[str, list[str]] = {}
        cells: dict[tuple[int, Column], str] = {}
        for error in errors:
            text = error.message.text(self._lang)
            match = _SESSION_FIELD.match(error.field)
            if match:
                row, name = int(match.group(1)), match.group(2)
                cells[(row, FIELD_COLUMNS.get(name, Column.LABEL))] = text
                by_field.setdefault("sessions", []).append(text)
            else:
                key = error.field if error.field in self._errors else "sessions"
                by_field.setdefault(key, []).append(text)
        for field, texts in by_field.items():
            label = self._errors[field]
            label.setText("\n".join(texts))
            label.show()
            self._mark(self._field_widget(field), True)
        self.sessions.set_errors(cells)
        if cells:
            self.table.clearSelection()  # a selected row would hide the marked cells
        count = sum(len(t) for t in by_field.values())
        self.banner.setText(
            self.tr("Not saved. Problems to correct, marked below: %1.").replace("%1", str(count))
        )
        self.banner.show()

    def clear_errors(self) -> None:
        for field, label in self._errors.items():
            label.hide()
            label.clear()
            self._mark(self._field_widget(field), False)
        self.sessions.set_errors({})
        self.banner.hide()

    def error_text(self, field: str) -> str:
        """What the form says about `field` ("" when nothing); for tests and screen readers."""
        label = self._errors[field]
        return label.text() if label.isVisibleTo(self) else ""

    def _field_widget(self, field: str) -> QWidget:
        return {
            "title": self.title_edit,
            "date": self.date_edit,
            "venue": self.venue_edit,
            "issuer": self.issuer_edit,
            "signatory": self.signatory_edit,
            "hours": self.hours_spin,
        }.get(field, self.table)

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        if bool(widget.property("invalid")) == invalid:
            return  # re-polishing is slow; the first clear at start-up would pay it seven times
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
