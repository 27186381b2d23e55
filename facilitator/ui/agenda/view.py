"""The agenda area: edit the items, see their clock times per session, present, compare AM and PM."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.agenda.items import AgendaSchedule, AgendaService
from facilitator.services.agenda.report import AgendaReport, AgendaReportService, minutes_text
from facilitator.services.events import EventDetail, EventService
from facilitator.ui.agenda.editor import AgendaEditor
from facilitator.ui.agenda.texts import clock_time
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner

if TYPE_CHECKING:
    from facilitator.ui.current_event import CurrentEvent

OVERRUN = QColor("#c62828")
EARLY = QColor("#2e7d32")


class AgendaView(QWidget):
    def __init__(
        self,
        agenda: AgendaService,
        reports: AgendaReportService,
        events: EventService,
        runner: Runner,
        current: CurrentEvent,
        dialogs: Dialogs,
        lang: Lang,
        present: Callable[[int, QWidget], None],
    ) -> None:
        super().__init__()
        # The same title as the navigation entry (which app.py translates in "Areas").
        self.setWindowTitle(QCoreApplication.translate("Areas", "Agenda"))
        self._agenda = agenda
        self._reports = reports
        self._events = events
        self._runner = runner
        self._dialogs = dialogs
        self._lang = lang
        self._present = present
        self._event_id: int | None = current.event_id

        self.sessions = QComboBox()
        self.sessions.setObjectName("presentSession")
        # "AM 09:30–12:00" in full, not cut to "AM 09:".
        self.sessions.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.present_button = QPushButton(self.tr("Present…"))
        self.present_button.setObjectName("present")
        self.present_button.clicked.connect(self._present_clicked)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Session")))
        top.addWidget(self.sessions)
        top.addWidget(self.present_button)
        top.addStretch(1)

        self.editor = AgendaEditor(agenda, runner, dialogs, lang)
        self.editor.changed.connect(self._refresh_times)
        self.fit_warning = QLabel()
        self.fit_warning.setObjectName("fitWarning")
        self.fit_warning.setStyleSheet("color: #c62828; font-weight: bold;")
        self.fit_warning.setWordWrap(True)
        self.times = QTableWidget()
        self.times.setObjectName("plannedTimes")
        self.times.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        edit_tab = QWidget()
        edit_layout = QVBoxLayout(edit_tab)
        edit_layout.addWidget(self.editor, 3)
        edit_layout.addWidget(QLabel(self.tr("Planned clock times")))
        edit_layout.addWidget(self.fit_warning)
        edit_layout.addWidget(self.times, 2)

        self.report = QTableWidget()
        self.report.setObjectName("plannedVsActual")
        self.report.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self._refresh_report)
        export_csv = QPushButton(self.tr("Export CSV…"))
        export_csv.setObjectName("exportCsv")
        export_csv.clicked.connect(lambda: self._export("csv"))
        export_pdf = QPushButton(self.tr("Export PDF…"))
        export_pdf.setObjectName("exportPdf")
        export_pdf.clicked.connect(lambda: self._export("pdf"))
        report_buttons = QHBoxLayout()
        report_buttons.addWidget(refresh)
        report_buttons.addStretch(1)
        report_buttons.addWidget(export_csv)
        report_buttons.addWidget(export_pdf)
        report_tab = QWidget()
        report_layout = QVBoxLayout(report_tab)
        report_layout.addWidget(
            QLabel(self.tr("Planned vs actual minutes; red: overran, green: finished early."))
        )
        # Why the actual columns may be empty, and how to fill them.
        self.report_note = QLabel()
        self.report_note.setObjectName("reportNote")
        self.report_note.setWordWrap(True)
        self.report_note.setStyleSheet(
            "background: #e3f2fd; color: #0d47a1; padding: 8px; border-radius: 4px;"
        )
        self.report_note.hide()
        report_layout.addWidget(self.report_note)
        report_layout.addWidget(self.report, 1)
        report_layout.addLayout(report_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(edit_tab, self.tr("Agenda"))
        self.tabs.addTab(report_tab, self.tr("Planned vs actual"))
        self.tabs.currentChanged.connect(lambda i: self._refresh_report() if i == 1 else None)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        current.changed.connect(self.set_event)
        self.set_event(self._event_id)

    # -- loading -------------------------------------------------------------------------------
    def set_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        self.editor.load(event_id)
        if event_id is None:
            self.sessions.clear()
            return
        self._run(lambda: self._events.get_event(event_id), self._fill_sessions)
        self._refresh_times()

    def _fill_sessions(self, detail: EventDetail) -> None:
        self.sessions.clear()
        for session in detail.sessions:
            self.sessions.addItem(
                f"{session.label}  {session.start:%H:%M}–{session.end:%H:%M}", session.id
            )
        self.present_button.setEnabled(bool(detail.sessions))

    def _refresh_times(self) -> None:
        event_id = self._event_id
        if event_id is not None:
            self._run(lambda: self._agenda.schedule(event_id), self._fill_times)

    def _fill_times(self, schedule: AgendaSchedule) -> None:
        sessions = schedule.sessions
        self.times.clear()
        self.times.setColumnCount(2 + len(sessions))
        self.times.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Minutes"), *[s.label for s in sessions]]
        )
        rows = len(sessions[0].slots) if sessions else 0
        self.times.setRowCount(rows)
        for row in range(rows):
            slot = sessions[0].slots[row]
            minutes = int((slot.end - slot.start).total_seconds() // 60)
            self.times.setItem(row, 0, QTableWidgetItem(slot.title))
            self.times.setItem(row, 1, QTableWidgetItem(str(minutes)))
            for col, times in enumerate(sessions, start=2):
                s = times.slots[row]
                cell = QTableWidgetItem(f"{clock_time(s.start)}–{clock_time(s.end)}")
                if s.end > times.slot_end:
                    cell.setForeground(OVERRUN)
                self.times.setItem(row, col, cell)
        self.times.resizeColumnsToContents()
        problems = [
            self.tr("%1: the agenda ends at %2, %3 min after the session ends (%4).")
            .replace("%1", t.label)
            .replace("%2", clock_time(t.planned_end))
            .replace("%3", str(t.over_minutes))
            .replace("%4", clock_time(t.slot_end))
            for t in sessions
            if not t.fits
        ]
        self.fit_warning.setText(
            (self.tr("The agenda does not fit the slot.") + " " + " ".join(problems))
            if problems
            else ""
        )
        self.fit_warning.setVisible(bool(problems))

    def _refresh_report(self) -> None:
        event_id = self._event_id
        if event_id is not None:
            self._run(lambda: self._reports.report(event_id), self._fill_report)

    def _fill_report(self, report: AgendaReport) -> None:
        headers = [self.tr("Item")]
        for label in report.sessions:
            headers += [
                self.tr("%1 planned").replace("%1", label),
                self.tr("%1 actual").replace("%1", label),
                self.tr("%1 difference").replace("%1", label),
            ]
        self.report.clear()
        self.report.setColumnCount(len(headers))
        self.report.setHorizontalHeaderLabels(headers)
        self.report.setRowCount(len(report.rows))
        for r, row in enumerate(report.rows):
            self.report.setItem(r, 0, QTableWidgetItem(f"{row.position + 1}. {row.title}"))
            for c, actual in enumerate(row.actuals):
                diff = actual.difference_seconds
                cells = [
                    str(actual.planned_minutes),
                    minutes_text(actual.actual_seconds),
                    "" if diff is None else f"{diff / 60:+.1f}",
                ]
                for k, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    if k == 2 and diff is not None and abs(diff) >= 60:
                        item.setForeground(OVERRUN if diff > 0 else EARLY)
                    self.report.setItem(r, 1 + 3 * c + k, item)
        self.report.resizeColumnsToContents()
        self._explain_report(report)

    def _explain_report(self, report: AgendaReport) -> None:
        if report.has_actuals:
            self.report_note.hide()
            return
        how = self.tr(
            "Actual times are recorded when a session is presented with Present… on the"
            " session's own date; each item's time counts from when it is shown until the"
            " next item. Rehearsals (presenting on another day) are not recorded."
        )
        if report.rehearsal_runs:
            why = self.tr(
                "Nothing recorded yet: what was presented so far was a rehearsal, on another"
                " day than the session's."
            )
        else:
            why = self.tr("Nothing recorded yet: no session has been presented on its date.")
        self.report_note.setText(f"{why}\n{how}")
        self.report_note.show()

    # -- actions -------------------------------------------------------------------------------
    def _present_clicked(self) -> None:
        session_id = self.sessions.currentData()
        if isinstance(session_id, int):
            self._present(session_id, self)

    def _export(self, kind: str) -> None:
        event_id = self._event_id
        if event_id is None:
            return
        suffix = ".csv" if kind == "csv" else ".pdf"
        filters = self.tr("CSV files (*.csv)") if kind == "csv" else self.tr("PDF files (*.pdf)")
        path = self._dialogs.save_path(
            self, self.tr("Export planned vs actual"), Path.home() / f"agenda{suffix}", filters
        )
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        lang = self._lang

        def work() -> Path:
            data = (
                self._reports.export_csv(event_id, lang)
                if kind == "csv"
                else self._reports.export_pdf(event_id, lang)
            )
            path.write_bytes(data)
            return path

        self._run(
            work,
            lambda p: self._dialogs.inform(
                self, self.tr("Export"), self.tr("Saved %1.").replace("%1", str(p))
            ),
        )

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, FacilitatorError):
                self._dialogs.warn(self, self.tr("Agenda"), exc.message.text(self._lang))
            elif isinstance(exc, OSError):
                self._dialogs.warn(
                    self, self.tr("Agenda"), self.tr("Could not save: %1").replace("%1", str(exc))
                )
            else:
                raise exc

        self._runner.run(work, done, failed)
