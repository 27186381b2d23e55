"""The certificates area: who is eligible, the layout, export, and verification."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from facilitator.lang import Lang
from facilitator.services.certificates.suite import CertificateServices
from facilitator.ui.certificates.eligibility_panel import AskText, EligibilityPanel, ask_text_dialog
from facilitator.ui.certificates.export_panel import ExportPanel, PickFolder, pick_folder_dialog
from facilitator.ui.certificates.layout_panel import LayoutPanel
from facilitator.ui.certificates.verify_panel import VerifyPanel
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner
from facilitator.ui.saved_file_notice import OpenUrl, SavedFileNotice, open_with_desktop

if TYPE_CHECKING:
    from facilitator.ui.camera_scanner import CameraScanner
    from facilitator.ui.current_event import CurrentEvent


def area_title() -> str:
    """The navigation title; written out here so lupdate puts it in certificates_ja.ts."""
    return QCoreApplication.translate("Areas", "Certificates")


class CertificatesView(QWidget):
    def __init__(
        self,
        services: CertificateServices,
        runner: Runner,
        current: CurrentEvent,
        *,
        lang: Lang,
        dialogs: Dialogs,
        scanner: CameraScanner | None = None,
        ask_text: AskText = ask_text_dialog,
        pick_folder: PickFolder = pick_folder_dialog,
        open_url: OpenUrl = open_with_desktop,
    ) -> None:
        super().__init__()
        self.eligibility = EligibilityPanel(
            services.eligibility,
            services.issuer,
            runner,
            lang=lang,
            dialogs=dialogs,
            ask_text=ask_text,
        )
        self.layout_panel = LayoutPanel(services.layouts, runner, lang=lang, dialogs=dialogs)
        self.export = ExportPanel(
            services,
            runner,
            lang=lang,
            dialogs=dialogs,
            saved=SavedFileNotice(dialogs, open_url),
            pick_folder=pick_folder,
        )
        self.verify = VerifyPanel(
            services.verifier, runner, lang=lang, dialogs=dialogs, scanner=scanner
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.eligibility, self.tr("Who gets one"))
        self.tabs.addTab(self.layout_panel, self.tr("Layout"))
        self.tabs.addTab(self.export, self.tr("Export"))
        self.tabs.addTab(self.verify, self.tr("Verify"))
        QVBoxLayout(self).addWidget(self.tabs)
        # Exporting issues numbers: the list shows them when the user comes back to it.
        self.tabs.currentChanged.connect(self._tab_changed)
        current.changed.connect(self.show_event)
        if current.event_id is not None:
            self.show_event(current.event_id)

    def show_event(self, event_id: int) -> None:
        self.eligibility.show_event(event_id)
        self.layout_panel.show_event(event_id)
        self.export.show_event(event_id)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.eligibility:
            self.eligibility.reload()
