"""Checking a certificate someone shows: paste or type its code, or scan its QR."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.certificates import VerifyOutcome
from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.certificates.verify import CertificateVerifier, Verification
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner

if TYPE_CHECKING:
    from facilitator.ui.camera_scanner import CameraScanner

_COLOURS = {
    VerifyOutcome.VALID: "#1B7F3B",
    VerifyOutcome.REVOKED: "#B26A00",
    VerifyOutcome.UNKNOWN: "#555555",
    VerifyOutcome.FORGED: "#A03030",
    VerifyOutcome.NUMBER_ONLY: "#555555",
}


def _fill_record(template: str, result: Verification) -> str:
    """%1 number, %2 name, %3 department, %4 event, %5 its date."""
    return (
        template.replace("%1", result.number)
        .replace("%2", result.name)
        .replace("%3", result.department)
        .replace("%4", result.event_title)
        .replace("%5", str(result.event_date))
    )


class VerifyPanel(QWidget):
    def __init__(
        self,
        service: CertificateVerifier,
        runner: Runner,
        *,
        lang: Lang,
        dialogs: Dialogs,
        scanner: CameraScanner | None = None,
    ) -> None:
        super().__init__()
        self._service, self._runner, self._lang, self._dialogs = service, runner, lang, dialogs
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("verifyCode")
        self.code_edit.setPlaceholderText(self.tr("Paste or type the code printed under the QR"))
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setObjectName("verifyButton")
        self.result = QLabel()
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        self.result.setProperty("role", "heading")
        row = QHBoxLayout()
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Check whether a certificate shown to you is genuine.")))
        layout.addLayout(row)
        layout.addWidget(self.result)
        self.outcome: VerifyOutcome | None = None
        self._scanner = scanner
        self.scan_button = QPushButton(self.tr("Scan with the webcam"))
        self.scan_button.setObjectName("scanButton")
        self.scan_button.setCheckable(True)
        self.camera_view = QVideoWidget()
        self.camera_view.setMinimumSize(320, 240)
        self.camera_view.setVisible(False)
        if scanner is not None:  # shown only when the laptop has a camera
            layout.addWidget(self.scan_button)
            layout.addWidget(self.camera_view)
            self.scan_button.toggled.connect(self._toggle_camera)
            scanner.decoded.connect(self._scanned)
            scanner.failed.connect(lambda text: self.result.setText(text))
        layout.addStretch(1)
        self.code_edit.returnPressed.connect(self.verify)
        self.verify_button.clicked.connect(self.verify)

    def _toggle_camera(self, on: bool) -> None:
        assert self._scanner is not None
        self.camera_view.setVisible(on)
        if on:
            if not self._scanner.start(self.camera_view):
                self.scan_button.setChecked(False)
        else:
            self._scanner.stop()

    def _scanned(self, text: str) -> None:
        if self.scan_button.isChecked():
            self.scan_button.setChecked(False)  # one certificate at a time
        self.verify_text(text)

    def shutdown(self) -> None:
        if self._scanner is not None:
            self._scanner.shutdown()

    def verify_text(self, text: str) -> None:
        """Verify a code that came from elsewhere (the webcam scanner)."""
        self.code_edit.setText(text)
        self.verify()

    def verify(self) -> None:
        code = self.code_edit.text().strip()
        if not code:
            return
        self._runner.run(lambda: self._service.verify(code), self._show, self._fail)

    def _show(self, result: Verification) -> None:
        when = (
            result.revoked_at.astimezone().strftime("%Y-%m-%d %H:%M") if result.revoked_at else ""
        )
        if result.outcome is VerifyOutcome.VALID:
            text = _fill_record(self.tr("Valid: certificate %1 of %2 (%3), %4 on %5."), result)
        elif result.outcome is VerifyOutcome.REVOKED:
            text = (
                self.tr("Revoked: certificate %1 of %2 was revoked on %3. Reason: %4")
                .replace("%1", result.number)
                .replace("%2", result.name)
                .replace("%3", when)
                .replace("%4", result.revoke_reason)
            )
        elif result.outcome is VerifyOutcome.NUMBER_ONLY:
            record = _fill_record(
                self.tr("Number only: %1 is the certificate of %2 (%3), %4 on %5."), result
            )
            revoked = (
                self.tr("It was revoked on %1. Reason: %2")
                .replace("%1", when)
                .replace("%2", result.revoke_reason)
                if result.revoked_at
                else ""
            )
            advice = self.tr(
                "A number alone does not prove a paper genuine: type the whole code "
                "printed under the QR (it starts with C1- or C2-)."
            )
            # Japanese sentences run on without spaces.
            text = ("" if self._lang == "ja" else " ").join(
                part for part in (record, revoked, advice) if part
            )
        elif result.outcome is VerifyOutcome.FORGED:
            text = self.tr(
                "Forged: the code's signature does not match certificate %1. "
                "Do not accept this certificate."
            ).replace("%1", result.number)
        elif result.number:
            text = self.tr("Unknown: no certificate %1 was issued in this workspace.").replace(
                "%1", result.number
            )
        else:
            # Most often only the number was typed: say what the whole code looks like.
            text = self.tr(
                "Unknown: this is not a certificate code. Type the whole code printed "
                "under the QR; it starts with C1-."
            )
        self.result.setText(text)
        colour = _COLOURS[result.outcome]
        if result.outcome is VerifyOutcome.NUMBER_ONLY and result.revoked_at:
            colour = _COLOURS[VerifyOutcome.REVOKED]  # a revoked record reads as one
        self.result.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.outcome = result.outcome

    def _fail(self, exc: BaseException) -> None:
        if isinstance(exc, FacilitatorError):
            self._dialogs.warn(self, self.tr("Verify"), exc.message.text(self._lang))
            return
        raise exc
