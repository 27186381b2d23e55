"""The 報告書 (Reports) area: the event report, the attendees' drafts and the department
digests, each previewed (its first page, drawn through Qt PDF) and exported.

Rendering and writing run on the runner, never on the GUI thread; progress comes back
through a queued signal and Cancel sets a flag the renderers check between files, so a
cancelled batch leaves no file (the service writes under temporary names).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.reports.export import ReportKind, ReportResult
from facilitator.services.reports.output import BatchCancelled
from facilitator.services.reports.suite import ReportServices
from facilitator.ui.certificates.images import ScaledImage, render_first_page
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.reports.comments_panel import CommentsPanel
from facilitator.ui.runner import Runner
from facilitator.ui.saved_file_notice import OpenUrl, SavedFileNotice, open_with_desktop

if TYPE_CHECKING:
    from facilitator.ui.current_event import CurrentEvent

PREVIEW_WIDTH = 900
PREVIEW_DELAY_MS = 400
PickFolder = Callable[[QWidget, str], Path | None]


def area_title() -> str:
    """The navigation title; written out here so lupdate puts it in reports_ja.ts."""
    return QCoreApplication.translate("Areas", "Reports")


def pick_folder_dialog(parent: QWidget, caption: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, caption, str(Path.home()))
    return Path(name) if name else None


class _ProgressRelay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to this thread."""

    progressed = Signal(int, int)


class ReportsView(QWidget):
    def __init__(
        self,
        services: ReportServices,
        runner: Runner,
        current: CurrentEvent,
        *,
        lang: Lang,
        dialogs: Dialogs,
        pick_folder: PickFolder = pick_folder_dialog,
        render: Callable[[bytes, int], QImage] = render_first_page,
        open_url: OpenUrl = open_with_desktop,
    ) -> None:
        super().__init__()
        self._saved = SavedFileNotice(dialogs, open_url)
        self._services, self._runner, self._lang, self._dialogs = services, runner, lang, dialogs
        self._pick_folder, self._render = pick_folder, render
        self._event_id: int | None = None
        self._generation = 0
        self._cancel = threading.Event()
        self._relay = _ProgressRelay()
        self._relay.progressed.connect(self._progress)
        self.preview_image: QImage | None = None

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("reportKind")
        self.kind_combo.addItem(self.tr("Event report (研修実施報告書)"), ReportKind.EVENT)
        self.kind_combo.addItem(
            self.tr("Attendees' report drafts (受講報告書)"), ReportKind.ATTENDEES
        )
        self.kind_combo.addItem(
            self.tr("Department heads' digests (所属長)"), ReportKind.DEPARTMENTS
        )
        self.about = QLabel()
        self.about.setObjectName("reportAbout")
        self.about.setWordWrap(True)

        self.comments = CommentsPanel(lang=lang)
        self.preview = ScaledImage(self.tr("Preview"))
        self.preview.setObjectName("reportPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(280, 300)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.comments)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.pdf_button = QPushButton(self.tr("PDF…"))
        self.pdf_button.setObjectName("reportPdfButton")
        self.xlsx_button = QPushButton(self.tr("Excel…"))
        self.xlsx_button.setObjectName("reportXlsxButton")
        self.zip_button = QPushButton(self.tr("ZIP, one file each…"))
        self.zip_button.setObjectName("reportZipButton")
        self.folder_button = QPushButton(self.tr("Folder, one file each…"))
        self.folder_button.setObjectName("reportFolderButton")
        self.template_button = QPushButton(self.tr("Fill our Excel form…"))
        self.template_button.setObjectName("reportTemplateButton")
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelReportButton")
        self.cancel_button.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Report:")))
        top.addWidget(self.kind_combo)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Export:")))
        for button in self._buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.about)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addLayout(row)
        layout.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.kind_combo.currentIndexChanged.connect(lambda _: self._kind_changed())
        self.comments.changed.connect(self._timer.start)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.xlsx_button.clicked.connect(self._ask_xlsx)
        self.zip_button.clicked.connect(self._ask_zip)
        self.folder_button.clicked.connect(lambda: self._ask_folder())
        self.template_button.clicked.connect(self._ask_template)
        self.cancel_button.clicked.connect(self.cancel)
        self._kind_changed(refresh=False)
        current.changed.connect(self.show_event)
        if current.event_id is not None:
            self.show_event(current.event_id)

    # -- what is shown ------------------------------------------------------------------------
    @property
    def kind(self) -> ReportKind:
        kind = self.kind_combo.currentData()
        assert isinstance(kind, ReportKind)
        return kind

    def show_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        if event_id is None:
            return
        self._runner.run(
            lambda: self._services.facts.comments(event_id), self.comments.show_comments, self._fail
        )
        self.refresh_preview()

    def _kind_changed(self, *, refresh: bool = True) -> None:
        kind = self.kind
        self.comments.setVisible(kind is ReportKind.EVENT)
        self.xlsx_button.setVisible(kind is ReportKind.EVENT)
        self.zip_button.setVisible(kind is not ReportKind.EVENT)
        self.folder_button.setVisible(kind is not ReportKind.EVENT)
        self.template_button.setVisible(kind is ReportKind.ATTENDEES)
        self.pdf_button.setText(
            self.tr("PDF…") if kind is ReportKind.EVENT else self.tr("One PDF with all…")
        )
        self.about.setText(
            {
                ReportKind.EVENT: self.tr(
                    "For the DX committee: the event and its sessions, the agenda as planned "
                    "and as run, attendance by session and department, certificates, the "
                    "survey AM against PM, the difficulty balance and the comments you tick."
                ),
                ReportKind.ATTENDEES: self.tr(
                    "One A4 draft per attendee who checked in: the day, the agenda as "
                    "delivered, their own written answers (not for an anonymous survey), and "
                    "blank boxes for remarks and the department head. Or fill the city's own "
                    "Excel form ({{氏名}}, {{所属}}, {{回答:action}}…) for each."
                ),
                ReportKind.DEPARTMENTS: self.tr(
                    "One page per department: who was assigned, who came, who did not, who "
                    "moved session, their pledges, and the department's averages when at "
                    "least 3 of them answered."
                ),
            }[kind]
        )
        if refresh:
            self.refresh_preview()

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.pdf_button,
            self.xlsx_button,
            self.zip_button,
            self.folder_button,
            self.template_button,
        )

    # -- preview ------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        event_id = self._event_id
        if event_id is None:
            return
        self._generation += 1
        generation, kind, lang = self._generation, self.kind, self._lang
        chosen = self.comments.chosen() if kind is ReportKind.EVENT else None
        exporter, render = self._services.exporter, self._render

        def work() -> QImage:
            return render(exporter.preview(event_id, kind, lang, chosen), PREVIEW_WIDTH)

        def done(image: QImage) -> None:
            if generation == self._generation:  # else a newer choice is being drawn
                self.preview_image = image
                self.preview.set_image(image)

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            if isinstance(exc, FacilitatorError):
                self.preview_image = None
                self.preview.clear()
                self.preview.setText(exc.message.text(self._lang))
                return
            raise exc

        self._runner.run(work, done, failed)

    # -- exporting ----------------------------------------------------------------------------
    def _ask_pdf(self) -> None:
        name = {
            ReportKind.EVENT: "研修実施報告書.pdf",
            ReportKind.ATTENDEES: "受講報告書.pdf",
            ReportKind.DEPARTMENTS: "所属長あて.pdf",
        }[self.kind]
        path = self._dialogs.save_path(
            self, self.tr("Export report"), Path.home() / name, self.tr("PDF (*.pdf)")
        )
        if path is not None:  # the save dialog has asked before replacing a file
            self.export(str(path.with_suffix(".pdf")), force=True)

    def _ask_xlsx(self) -> None:
        path = self._dialogs.save_path(
            self,
            self.tr("Export report"),
            Path.home() / "研修実施報告書.xlsx",
            self.tr("Excel (*.xlsx)"),
        )
        if path is not None:
            self.export(str(path.with_suffix(".xlsx")), force=True)

    def _ask_zip(self) -> None:
        path = self._dialogs.save_path(
            self, self.tr("Export report"), Path.home() / "reports.zip", self.tr("ZIP (*.zip)")
        )
        if path is not None:
            self.export(str(path.with_suffix(".zip")), force=True)

    def _ask_folder(self, template: Path | None = None) -> None:
        folder = self._pick_folder(self, self.tr("Folder for the reports"))
        if folder is None:
            return
        force = False
        if folder.exists() and any(folder.iterdir()):
            force = self._dialogs.confirm(
                self,
                self.tr("Export report"),
                self.tr("Files in %1 with the same names will be replaced. Continue?").replace(
                    "%1", str(folder)
                ),
            )
            if not force:
                return
        self.export(f"{folder}/", force=force, template=template)

    def _ask_template(self) -> None:
        template = self._dialogs.open_path(
            self, self.tr("The city's Excel form"), Path.home(), self.tr("Excel (*.xlsx)")
        )
        if template is not None:
            self._ask_folder(template)

    def export(self, target: str, *, force: bool, template: Path | None = None) -> None:
        event_id = self._event_id
        if event_id is None:
            return
        kind, lang = self.kind, self._lang
        chosen = self.comments.chosen() if kind is ReportKind.EVENT else None
        exporter, relay, cancel = self._services.exporter, self._relay, self._cancel
        cancel.clear()
        self._busy(True)
        self.status.setText(self.tr("Exporting…"))

        def work() -> ReportResult:
            if kind is ReportKind.EVENT:
                return exporter.event_report(
                    event_id, target, lang, comment_ids=chosen, force=force
                )
            if kind is ReportKind.ATTENDEES:
                return exporter.attendees(
                    event_id,
                    target,
                    lang,
                    template=template,
                    force=force,
                    progress=relay.progressed.emit,
                    cancelled=cancel.is_set,
                )
            return exporter.departments(
                event_id,
                target,
                lang,
                force=force,
                progress=relay.progressed.emit,
                cancelled=cancel.is_set,
            )

        self._runner.run(work, self._done, self._failed)

    def cancel(self) -> None:
        self._cancel.set()
        self.status.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _done(self, result: ReportResult) -> None:
        self._busy(False)
        text = (
            self.tr("Wrote %1 file(s) to %2.")
            .replace("%1", str(result.count))
            .replace("%2", str(result.path))
        )
        if result.anonymous:
            text += " " + self.tr("The survey is anonymous, so no one's answers were included.")
        self.status.setText(text)
        self._saved.offer(self, self.tr("Reports"), text, result.path)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, BatchCancelled):
            self.status.setText(self.tr("Export cancelled; no file was written."))
            return
        self.status.setText("")
        self._fail(exc)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.cancel_button.setVisible(busy)
        for button in self._buttons():
            button.setEnabled(not busy)

    def _fail(self, exc: BaseException) -> None:
        if isinstance(exc, FacilitatorError):
            self._dialogs.warn(self, self.tr("Reports"), exc.message.text(self._lang))
            return
        raise exc
