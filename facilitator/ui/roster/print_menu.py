"""The roster's Print menu: admission slips (all, selected, replaced), attendance
sheets and department notices, each saved as a PDF off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from facilitator.services.roster.area import RosterServices
from facilitator.services.roster.papers import Paper, write_paper
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner
from facilitator.ui.saved_file_notice import SavedFileNotice

FILE_NAMES = {
    "slips": "admission-slips.pdf",
    "reprint": "admission-slip.pdf",
    "reissue": "admission-slip-reissued.pdf",
    "attendance": "attendance.pdf",
    "notices": "department-notices.pdf",
    "stale": "admission-slips-moved.pdf",
}


class PrintMenu(QObject):
    """Fills `button`'s menu; the view gives it the event and the selection it shows."""

    def __init__(
        self,
        parent: QWidget,
        button: QPushButton,
        services: RosterServices,
        runner: Runner,
        event_id: Callable[[], int | None],
        selected: Callable[[], list[int]],
        dialogs: Dialogs,
        failed: Callable[[BaseException], None],
        saved: SavedFileNotice,
    ) -> None:
        super().__init__(parent)
        self._saved = saved
        self._parent, self._button, self._s, self._runner = parent, button, services, runner
        self._event_id, self._selected, self._dialogs = event_id, selected, dialogs
        self._failed = failed
        menu = QMenu(parent)
        self.actions: dict[str, QAction] = {
            "slips": menu.addAction(self.tr("Admission slips (all)…")),
            "reprint": menu.addAction(self.tr("Admission slips for the selected attendees…")),
            "reissue": menu.addAction(
                self.tr("Replace lost slips for the selected attendees (old QR stops working)…")
            ),
            "attendance": menu.addAction(self.tr("Attendance sheets…")),
            "notices": menu.addAction(self.tr("Department notices…")),
            "stale": menu.addAction(self.tr("Admission slips of attendees who moved…")),
        }
        for kind, action in self.actions.items():
            action.triggered.connect(lambda _checked=False, kind=kind: self.print_paper(kind))
        button.setMenu(menu)

    def print_paper(self, kind: str) -> None:
        event_id = self._event_id()
        if event_id is None:
            return
        selected = self._selected()
        parent = self._parent
        if kind in ("reprint", "reissue") and not selected:
            self._dialogs.warn(
                parent,
                self.tr("Print"),
                self.tr("Select the attendees whose slips to reprint in the table first."),
            )
            return
        if kind == "reissue" and not self._dialogs.confirm(
            parent,
            self.tr("Print"),
            self.tr(
                "Print new slips for %1 attendees? Their current slips' QR codes will no longer "
                "check them in."
            ).replace("%1", str(len(selected))),
        ):
            return
        path = self._dialogs.save_path(
            parent, self.tr("Save PDF"), Path.home() / FILE_NAMES[kind], self.tr("PDF (*.pdf)")
        )
        if path is None:
            return
        papers, roster = self._s.papers, self._s.roster

        def reissue() -> Paper:
            roster.reissue_slips(selected)
            return papers.slips(event_id, selected)

        makers: dict[str, Callable[[], Paper]] = {
            "slips": lambda: papers.slips(event_id),
            "reprint": lambda: papers.slips(event_id, selected),
            "reissue": reissue,
            "attendance": lambda: papers.attendance(event_id),
            "notices": lambda: papers.notices(event_id),
            "stale": lambda: papers.stale_slips(event_id),
        }
        make = makers[kind]
        self._button.setEnabled(False)  # busy until the PDF is written
        self._runner.run(
            lambda: write_paper(make(), path),
            lambda paper: self._printed(paper, path),
            self._failed,
        )

    def _printed(self, paper: Paper, path: Path) -> None:
        self._button.setEnabled(True)
        text = (
            self.tr("Saved %1 (attendees: %2).")
            .replace("%1", str(path))
            .replace("%2", str(paper.count))
        )
        if paper.skipped:
            text += " " + self.tr("%1 attendees without a session were left out.").replace(
                "%1", str(paper.skipped)
            )
        self._saved.offer(self._parent, self.tr("Print"), text, path)
