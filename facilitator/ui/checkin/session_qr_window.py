"""The projector view: the session's rotating QR, its URL as text and "58 / 96".

Opened full screen on the second screen when there is one. The token is
recomputed every second from the injected clock and the QR redrawn only
when it changed (every 30 s by default).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from facilitator.domain.clock import Clock
from facilitator.domain.phone_links import CHECKIN_PURPOSE, checkin_url
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.checkin.types import SessionCounts
from facilitator.ui.checkin.widgets import QrView


class SessionQrWindow(QWidget):
    def __init__(
        self,
        clock: Clock,
        *,
        secret: str,
        session_code: str,
        base_url: str,
        event_title: str,
        session_label: str,
        parent: QWidget | None = None,
    ) -> None:
        # A separate window, but owned by the view: it goes when the view goes.
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("sessionQrWindow")
        self.setWindowTitle(self.tr("Check-in — %1").replace("%1", session_label))
        self.setStyleSheet("QWidget#sessionQrWindow { background: white; } QLabel { color: #111; }")
        self._clock = clock
        self._tokens = RotatingTokens(secret, CHECKIN_PURPOSE, session_code)
        self._code = session_code
        self._base = base_url
        title = QLabel(event_title)
        title.setObjectName("qrEventTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-size: 26pt; font-weight: bold;")
        heading = QLabel(self.tr("Scan to check in · Session %1").replace("%1", session_label))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setStyleSheet("font-size: 22pt;")
        self.qr = QrView()
        self.url_label = QLabel()
        self.url_label.setObjectName("qrUrl")
        self.url_label.setTextFormat(Qt.TextFormat.PlainText)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label.setStyleSheet("font-size: 16pt; font-family: monospace;")
        self.counter = QLabel("0 / 0")
        self.counter.setObjectName("arrivalCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setStyleSheet("font-size: 96pt; font-weight: bold;")
        caption = QLabel(self.tr("checked in"))
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption.setStyleSheet("font-size: 24pt;")
        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(self.counter)
        side.addWidget(caption)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.qr, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(title)
        layout.addWidget(heading)
        layout.addLayout(body, 1)
        layout.addWidget(self.url_label, 0, Qt.AlignmentFlag.AlignHCenter)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    @property
    def url(self) -> str:
        return self.url_label.text()

    def refresh(self) -> None:
        token = self._tokens.token_at(self._clock.now().timestamp())
        url = checkin_url(self._base, self._code, token)
        if url != self.url_label.text():
            self.url_label.setText(url)
            self.qr.set_text(url)

    def set_counts(self, counts: SessionCounts) -> None:
        self.counter.setText(f"{counts.arrived} / {counts.expected}")

    def show_on_projector(self) -> None:
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            primary = QGuiApplication.primaryScreen()
            target = next((s for s in screens if s is not primary), screens[1])
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            self.resize(1100, 750)
            self.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        super().closeEvent(event)
