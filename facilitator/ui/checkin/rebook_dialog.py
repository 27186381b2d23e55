"""Day-of rebooking from the check-in desk: the morning's no-shows by department, what
each would get, one button that moves those offered the afternoon, and the notice PDF.

`attach_rebook` adds the desk's "Rebook no-shows…" button next to its session
choice; the check-in view itself is not changed (the button is wired here).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.events import EventService
from facilitator.services.files import write_atomically
from facilitator.services.roster.rebook import RebookReport, RebookService
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner
from facilitator.ui.saved_file_notice import OpenUrl, SavedFileNotice, open_with_desktop


class RebookDialog(QDialog):
    def __init__(
        self,
        rebook: RebookService,
        runner: Runner,
        dialogs: Dialogs,
        lang: Lang,
        event_id: int,
        labels: list[str],
        parent: QWidget | None = None,
        *,
        open_url: OpenUrl = open_with_desktop,
    ) -> None:
        super().__init__(parent)
        self._saved = SavedFileNotice(dialogs, open_url)
        self.setObjectName("rebookDialog")
        self.setWindowTitle(self.tr("Rebook no-shows"))
        self.resize(720, 480)
        self._rebook, self._runner, self._dialogs, self._lang = rebook, runner, dialogs, lang
        self._event_id = event_id
        self.report: RebookReport | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.source = QComboBox()
        self.target = QComboBox()
        for combo in (self.source, self.target):
            combo.addItems(labels)
        self.target.setCurrentIndex(min(1, len(labels) - 1))
        row.addWidget(QLabel(self.tr("Not checked in to")))
        row.addWidget(self.source)
        row.addWidget(QLabel(self.tr("offer")))
        row.addWidget(self.target)
        row.addStretch(1)
        layout.addLayout(row)
        self.tree = QTreeWidget()
        self.tree.setObjectName("noShows")
        self.tree.setHeaderLabels(
            [self.tr("Department / name"), self.tr("Staff no."), self.tr("Outcome")]
        )
        layout.addWidget(self.tree, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.move_button = QPushButton()
        self.move_button.setObjectName("rebookMove")
        buttons.addButton(self.move_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.move_button.clicked.connect(self.rebook_now)
        self.source.currentIndexChanged.connect(lambda _i: self.refresh())
        self.target.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.move_button.setEnabled(False)
        source, target = self.source.currentText(), self.target.currentText()
        self._runner.run(
            lambda: self._rebook.plan(self._event_id, source, target), self._show, self._failed
        )

    def _show(self, report: RebookReport) -> None:
        self.report = report
        self.tree.clear()
        for dept, people in report.by_department().items():
            top = QTreeWidgetItem([dept, "", ""])
            for p in people:
                top.addChild(
                    QTreeWidgetItem([p.name, p.staff_no, p.describe(self._lang, report.to_label)])
                )
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        n, total = len(report.moved), len(report.people)
        self.summary.setText(
            self.tr("%1 not checked in to %2; %3 can move to %4 (%5 places free).")
            .replace("%1", str(total))
            .replace("%2", report.from_label)
            .replace("%3", str(n))
            .replace("%4", report.to_label)
            .replace("%5", str(report.room))
        )
        self.move_button.setText(
            self.tr("Move %1 to %2…").replace("%1", str(n)).replace("%2", report.to_label)
        )
        self.move_button.setEnabled(n > 0)

    def rebook_now(self) -> None:
        report = self.report
        if report is None or not report.moved:
            return
        path = self._dialogs.save_path(
            self,
            self.tr("Save the notice for the departments"),
            Path.home() / f"rebooked-{report.to_label}.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if path is None:
            return
        expected = frozenset(p.attendee_id for p in report.moved)
        event_id, source, target = self._event_id, report.from_label, report.to_label
        rebook = self._rebook

        def work() -> RebookReport:
            done = rebook.rebook(event_id, source, target, expected=expected)
            if done.saved:
                write_atomically(path, rebook.notices(event_id, done))
            return done

        self.move_button.setEnabled(False)
        self._runner.run(work, lambda done: self._moved(done, path), self._failed)

    def _moved(self, done: RebookReport, path: Path) -> None:
        if not done.saved:
            self._dialogs.warn(
                self,
                self.tr("Rebook no-shows"),
                self.tr("Somebody checked in meanwhile: nobody was moved. Check the new list."),
            )
        else:
            names = "、".join(p.name for p in done.moved)
            self._saved.offer(
                self,
                self.tr("Rebook no-shows"),
                self.tr("Moved to %1: %2. Notice saved to %3.")
                .replace("%1", done.to_label)
                .replace("%2", names)
                .replace("%3", str(path)),
                path,
            )
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, FacilitatorError):
            raise exc
        self._dialogs.warn(self, self.tr("Rebook no-shows"), exc.message.text(self._lang))
        self.move_button.setEnabled(bool(self.report and self.report.moved))


def attach_rebook(
    session_combo: QComboBox,
    rebook: RebookService,
    events: EventService,
    runner: Runner,
    current: CurrentEvent,
    dialogs: Dialogs,
    lang: Lang,
    *,
    open_url: OpenUrl = open_with_desktop,
) -> QPushButton:
    """Put the "Rebook no-shows…" button beside the desk's session choice."""
    button = QPushButton(QCoreApplication.translate("RebookDialog", "Rebook no-shows…"))
    button.setObjectName("rebookButton")
    holder = session_combo.parentWidget()
    layout = holder.layout() if holder is not None else None
    if isinstance(layout, QHBoxLayout):
        layout.insertWidget(layout.indexOf(session_combo) + 1, button)

    def open_dialog() -> None:
        event_id = current.event_id
        if event_id is None:
            return

        def show(labels: list[str]) -> None:
            parent = session_combo.window()
            dialog = RebookDialog(
                rebook, runner, dialogs, lang, event_id, labels, parent, open_url=open_url
            )
            dialog.open()

        runner.run(lambda: [s.label for s in events.get_event(event_id).sessions], show)

    button.clicked.connect(open_dialog)
    return button
