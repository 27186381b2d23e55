"""Live arrivals of one session: the counter, who is missing by department, recent check-ins."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.checkin_methods import MethodWord, method_label, method_totals
from facilitator.lang import Lang
from facilitator.services.checkin.types import SessionArrivals
from facilitator.ui.rows_model import RowsModel


def table_view(model: RowsModel, name: str, stretch_last: bool = True) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    # Interactive, not ResizeToContents: measuring every cell on each refresh is
    # what made a burst stall the window.
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    return view


class ArrivalsPanel(QWidget):
    undo_requested = Signal(int, str)  # check-in id, the person's name

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.counter = QLabel("0 / 0")
        self.counter.setObjectName("arrivalsCounter")
        self.counter.setStyleSheet("font-size: 36pt; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setObjectName("arrivalsSummary")
        self.summary.setWordWrap(True)
        self.department_model = RowsModel(
            [self.tr("Department"), self.tr("In / expected"), self.tr("Not yet arrived")]
        )
        self.departments = table_view(self.department_model, "departmentTable")
        self.departments.setColumnWidth(0, 150)
        self.departments.setColumnWidth(1, 90)
        self.recent_model = RowsModel(
            [self.tr("Time"), self.tr("Name"), self.tr("Department"), self.tr("Method")]
        )
        self.recent = table_view(self.recent_model, "recentTable", stretch_last=False)
        self._fit_recent_columns()
        self.undo_button = QPushButton(self.tr("Undo selected check-in…"))
        self.undo_button.setObjectName("undoSelectedButton")
        self.undo_button.setEnabled(False)
        self.recent.selectionModel().selectionChanged.connect(
            lambda *_: self.undo_button.setEnabled(self.recent.selectionModel().hasSelection())
        )
        self.recent_model.modelReset.connect(lambda: self.undo_button.setEnabled(False))
        self.undo_button.clicked.connect(self._undo_selected)
        head = QHBoxLayout()
        head.addWidget(self.counter)
        head.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(QLabel(self.tr("By department")))
        layout.addWidget(self.departments, 3)
        layout.addWidget(QLabel(self.tr("Latest check-ins")))
        layout.addWidget(self.recent, 2)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignRight)

    def _fit_recent_columns(self) -> None:
        """Time and method as wide as their longest text; name and department share the rest,
        so the table never needs a horizontal scrollbar, whatever the panel's width."""
        header = self.recent.horizontalHeader()
        metrics = self.recent.fontMetrics()
        pad = 16  # the cell's own margins on both sides
        time_text = "00:00:00 " + self.tr("(late)")
        method_texts = [w.label.text(self._lang) for w in MethodWord]
        fixed = {
            0: max(metrics.horizontalAdvance(time_text), header.sectionSizeHint(0)) + pad,
            3: max(max(map(metrics.horizontalAdvance, method_texts)), header.sectionSizeHint(3))
            + pad,
        }
        for column in range(self.recent_model.columnCount()):
            if column in fixed:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                self.recent.setColumnWidth(column, fixed[column])
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)

    def show_arrivals(self, arrivals: SessionArrivals) -> None:
        counts = arrivals.counts
        self.counter.setText(f"{counts.arrived} / {counts.expected}")
        # The list separator is translated: "、" in Japanese, ", " in English.
        methods = self.tr(", ").join(
            f"{word.label.text(self._lang)} {n}" for word, n in method_totals(arrivals.methods)
        )
        self.summary.setText(
            self.tr("Session %1 · missing %2 · late %3")
            .replace("%1", arrivals.label)
            .replace("%2", str(max(0, counts.expected - counts.arrived)))
            .replace("%3", str(arrivals.late))
            + ("\n" + methods if methods else "")
        )
        # Departments with someone missing first, so the gaps are at the top.
        ordered = sorted(arrivals.departments, key=lambda d: not d.missing)
        self.department_model.set_rows(
            [(d.department, f"{d.arrived} / {d.expected}", "、".join(d.missing)) for d in ordered]
        )
        late = " " + self.tr("(late)")
        self.recent_model.set_rows(
            [
                (
                    a.checked_in_at.astimezone().strftime("%H:%M:%S") + (late if a.late else ""),
                    a.name,
                    a.department,
                    method_label(a.method).text(self._lang),
                )
                for a in arrivals.recent
            ],
            [a.checkin_id for a in arrivals.recent],
        )

    def _undo_selected(self) -> None:
        rows = self.recent.selectionModel().selectedRows()
        if rows:
            row = rows[0].row()
            self.undo_requested.emit(
                int(self.recent_model.key(row)), self.recent_model.text(row, 1)
            )
