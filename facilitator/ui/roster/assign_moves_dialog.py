"""Assigning with moves: when a re-assignment would move people already placed, the
trainer sees every move with its reason (and whose printed slip goes stale) and
decides. `AssignFlow` runs the service, asks through `MovesDialog`, and saves only
the moves that were shown (the service refuses a changed plan and it is asked again).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.scheduling_issues import REASON_TEXT
from facilitator.lang import Lang
from facilitator.services.roster.schedule import AssignmentReport, ScheduleService
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner


class MovesDialog(QDialog):
    """The moves a plan makes, one row each; Save keeps them, Cancel keeps everyone put."""

    def __init__(self, report: AssignmentReport, lang: Lang, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("assignMovesDialog")
        self.setWindowTitle(self.tr("Confirm moves"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        stale = len(report.stale_slips)
        head = self.tr("This assignment moves %1 attendees who already have a session.").replace(
            "%1", str(len(report.moves))
        )
        if stale:
            head += " " + self.tr("%1 of them have a printed slip that must be reprinted.").replace(
                "%1", str(stale)
            )
        self.summary = QLabel(head)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        headers = [
            self.tr("Staff no."),
            self.tr("Name"),
            self.tr("Department"),
            self.tr("From"),
            self.tr("To"),
            self.tr("Why"),
            self.tr("Slip"),
        ]
        self.table = QTableWidget(len(report.moves), len(headers))
        self.table.setObjectName("movesTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, m in enumerate(report.moves):
            cells = [
                m.staff_no,
                m.move.name,
                m.move.department,
                m.move.from_label,
                m.move.to_label or self.tr("(none)"),
                REASON_TEXT[m.move.reason].text(lang),
                self.tr("reprint") if m.slip_printed else "",
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save moves"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveMoves")
        self.cancel_button = buttons.addButton(
            self.tr("Keep everyone where they are"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class AssignFlow(QObject):
    """Assign; when the plan moves people, ask first; then hand the final report to `done`."""

    def __init__(
        self,
        schedule: ScheduleService,
        runner: Runner,
        lang: Lang,
        dialogs: Dialogs,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._schedule, self._runner, self._lang = schedule, runner, lang
        self._dialogs, self._parent = dialogs, parent
        self.dialog: MovesDialog | None = None

    def start(
        self,
        event_id: int,
        done: Callable[[AssignmentReport], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        def planned(report: AssignmentReport) -> None:
            if report.saved:
                self._saved(report, done)
                return
            self.dialog = MovesDialog(report, self._lang, self._parent)
            keys = frozenset(m.move.key for m in report.moves)

            def answered(result: int) -> None:
                if result != QDialog.DialogCode.Accepted:
                    done(report)  # nothing saved; the issues still show
                    return
                self._runner.run(
                    lambda: self._schedule.assign(event_id, accept_moves=keys), planned, failed
                )

            self.dialog.finished.connect(answered)
            self.dialog.open()

        self._runner.run(lambda: self._schedule.assign(event_id), planned, failed)

    def _saved(self, report: AssignmentReport, done: Callable[[AssignmentReport], None]) -> None:
        done(report)
        if report.stale_slips:
            names = "、".join(f"{m.staff_no} {m.move.name}" for m in report.stale_slips)
            self._dialogs.inform(
                self._parent,
                self.tr("Reprint slips"),
                self.tr(
                    "These attendees moved and their printed slips are out of date: %1"
                ).replace("%1", names),
            )
