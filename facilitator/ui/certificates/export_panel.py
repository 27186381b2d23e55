"""Exporting certificates and the issued list, with progress and cancel.

The export runs on the runner; progress comes back through a queued signal
and Cancel sets a flag the renderer checks between pages. The service
writes under a temporary name, so a cancelled export leaves nothing behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.certificates.export import ExportCancelled, ExportResult
from facilitator.services.certificates.suite import CertificateServices
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner
from facilitator.ui.saved_file_notice import SavedFileNotice

PickFolder = Callable[[QWidget, str], Path | None]


def pick_folder_dialog(parent: QWidget, caption: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, caption, str(Path.home()))
    return Path(name) if name else None


class _ProgressRelay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to this thread."""

    progressed = Signal(int, int)


class ExportPanel(QWidget):
    def __init__(
        self,
        services: CertificateServices,
        runner: Runner,
        *,
        lang: Lang,
        dialogs: Dialogs,
        saved: SavedFileNotice,
        pick_folder: PickFolder = pick_folder_dialog,
    ) -> None:
        super().__init__()
        self._services, self._runner, self._lang, self._dialogs = services, runner, lang, dialogs
        self._saved = saved
        self._pick_folder = pick_folder
        self._event_id: int | None = None
        self._cancel = threading.Event()
        self._relay = _ProgressRelay()
        self._relay.progressed.connect(self._progress)

        intro = QLabel(
            self.tr(
                "Exporting first gives a number to everyone eligible who has none yet, "
                "then writes the issued certificates (revoked ones are left out), "
                "sorted by department and kana."
            )
        )
        intro.setWordWrap(True)
        self.merged_button = QPushButton(self.tr("Save PDF…"))
        self.merged_button.setObjectName("exportMergedButton")
        self.zip_button = QPushButton(self.tr("Save ZIP…"))
        self.zip_button.setObjectName("exportZipButton")
        self.folder_button = QPushButton(self.tr("Choose folder…"))
        self.folder_button.setObjectName("exportFolderButton")
        self.list_button = QPushButton(self.tr("Save list…"))
        self.list_button.setObjectName("exportListButton")
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelExportButton")
        self.cancel_button.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)

        # A form: what each file holds on the left, its button (at its own size) on the right.
        pdfs = QGroupBox(self.tr("Certificates"))
        pdf_form = QFormLayout(pdfs)
        pdf_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        pdf_form.addRow(self.tr("Every certificate in one PDF (to print)"), self.merged_button)
        pdf_form.addRow(self.tr("One PDF per person, in a ZIP (to send)"), self.zip_button)
        pdf_form.addRow(self.tr("One PDF per person, in a folder"), self.folder_button)
        register = QGroupBox(self.tr("Register"))
        list_form = QFormLayout(register)
        list_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        list_form.addRow(
            self.tr("List of issued certificates (Excel, CSV or PDF)"), self.list_button
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(pdfs)
        layout.addWidget(register)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.merged_button.clicked.connect(lambda: self._ask_file(".pdf"))
        self.zip_button.clicked.connect(lambda: self._ask_file(".zip"))
        self.folder_button.clicked.connect(self._ask_folder)
        self.list_button.clicked.connect(self._ask_list)
        self.cancel_button.clicked.connect(self.cancel)

    def show_event(self, event_id: int | None) -> None:
        self._event_id = event_id

    # -- choosing the target ------------------------------------------------------------------
    def _ask_file(self, suffix: str) -> None:
        filters = self.tr("PDF (*.pdf)") if suffix == ".pdf" else self.tr("ZIP (*.zip)")
        path = self._dialogs.save_path(
            self, self.tr("Export certificates"), Path.home() / f"certificates{suffix}", filters
        )
        if path is not None:
            # The save dialog has already asked before replacing an existing file.
            self.export(
                str(path if path.suffix.lower() == suffix else path.with_suffix(suffix)), force=True
            )

    def _ask_folder(self) -> None:
        folder = self._pick_folder(self, self.tr("Folder for the certificates"))
        if folder is None:
            return
        force = False
        if folder.exists() and any(folder.iterdir()):
            force = self._dialogs.confirm(
                self,
                self.tr("Export certificates"),
                self.tr("Files in %1 with the same names will be replaced. Continue?").replace(
                    "%1", str(folder)
                ),
            )
            if not force:
                return
        self.export(f"{folder}/", force=force)

    def _ask_list(self) -> None:
        event_id = self._event_id
        path = self._dialogs.save_path(
            self,
            self.tr("List of issued certificates"),
            Path.home() / "certificates.xlsx",
            self.tr("Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"),
        )
        if path is None or event_id is None:
            return

        def done(count: int) -> None:
            text = (
                self.tr("Wrote the list of %1 certificates to %2.")
                .replace("%1", str(count))
                .replace("%2", str(path))
            )
            self.status.setText(text)
            self._saved.offer(self, self.tr("Certificates"), text, path)

        self._runner.run(
            lambda: self._services.write_list(event_id, path, force=True), done, self._fail
        )

    # -- exporting ----------------------------------------------------------------------------
    def export(self, target: str, *, force: bool) -> None:
        event_id = self._event_id
        if event_id is None:
            return
        self._cancel.clear()
        self._busy(True)
        self.status.setText(self.tr("Exporting…"))
        relay, cancel = self._relay, self._cancel
        services = self._services

        def work() -> ExportResult:
            services.issuer.issue(event_id)
            return services.exporter.export(
                event_id,
                target,
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

    def _done(self, result: ExportResult) -> None:
        self._busy(False)
        text = (
            self.tr("Wrote %1 certificates to %2.")
            .replace("%1", str(result.count))
            .replace("%2", str(result.path))
        )
        self.status.setText(text)
        self._saved.offer(self, self.tr("Certificates"), text, result.path)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ExportCancelled):
            self.status.setText(self.tr("Export cancelled; no file was written."))
            return
        self.status.setText("")
        self._fail(exc)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.cancel_button.setVisible(busy)
        for button in (self.merged_button, self.zip_button, self.folder_button, self.list_button):
            button.setEnabled(not busy)

    def _fail(self, exc: BaseException) -> None:
        if isinstance(exc, FacilitatorError):
            self._dialogs.warn(self, self.tr("Certificates"), exc.message.text(self._lang))
            return
        raise exc
