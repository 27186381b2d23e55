"""The projector view: the session's rotating QR, the event, the session and "58 / 96".

Opened full screen on the second screen when there is one. The token is
recomputed every second from the injected clock and the QR redrawn only
when it changed (every 30 s by default). The URL is the short upper-case
form (`domain.phone_links`), so the QR has fewer, larger modules.

Read from the back of the room: the event, the session and the instruction
are each at least 5 % of the screen's height, and the QR takes the whole
height on the left. Everything is placed from the window's size alone, so
the QR never moves when the arrivals counter changes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QWidget

from facilitator.domain.clock import Clock
from facilitator.domain.phone_links import CHECKIN_PURPOSE, short_checkin_url
from facilitator.domain.phrases import keep_phrases_together
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.checkin.types import SessionCounts
from facilitator.ui.checkin.widgets import QrView
from facilitator.ui.fonts import register_bundled_fonts

TEXT_SHARE = 0.055  # event, session and instruction: each this share of the height (≥ 5 %)
COUNTER_SHARE = 0.14
MARGIN_SHARE = 0.03


@cache
def _gothic() -> tuple[str, ...]:
    # The bundled IPAex Gothic: the projector reads the same on any laptop.
    return tuple(f for f in register_bundled_fonts() if "Gothic" in f or "ゴシック" in f)


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
        self.event_label = self._label(event_title, "qrEventTitle", bold=True)
        self.session_label = self._label(
            self.tr("Check-in · Session %1").replace("%1", session_label), "qrSession", bold=True
        )
        # Japanese lines break between phrases, never inside 読み取って.
        self.instruction = self._label(
            keep_phrases_together(self.tr("Scan with your smartphone's camera")), "qrInstruction"
        )
        self.instruction.setStyleSheet("color: #0d47a1;")
        self.qr = QrView(self)
        self.url_label = self._label("", "qrUrl")
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label.setWordWrap(False)
        self.counter = self._label("0 / 0", "arrivalCounter", bold=True)
        self.counter.setWordWrap(False)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = self._label(self.tr("checked in"), "arrivalCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.resize(1100, 750)
        self.refresh()

    def _label(self, text: str, name: str, *, bold: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        font = QFont(label.font())
        font.setFamilies([*_gothic(), *font.families()])
        font.setBold(bold)
        label.setFont(font)
        return label

    @property
    def url(self) -> str:
        return self.url_label.text()

    def refresh(self) -> None:
        token = self._tokens.token_at(self._clock.now().timestamp())
        url = short_checkin_url(self._base, self._code, token)
        if url != self.url_label.text():
            self.url_label.setText(url)
            self.qr.set_text(url)

    def set_counts(self, counts: SessionCounts) -> None:
        self.counter.setText(f"{counts.arrived} / {counts.expected}")
        self._place()  # a longer count may need a smaller size; the QR stays where it is

    # -- layout --------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        w, h = self.width(), self.height()
        m = round(h * MARGIN_SHARE)
        # The QR: a square as tall as the window allows, leaving a column for the text.
        side = max(100, min(h - 2 * m, round(w * 0.58)))
        self.qr.setGeometry(m, (h - side) // 2, side, side)
        x = m + side + m
        column = max(100, w - x - m)
        text_px = max(12, round(h * TEXT_SHARE))
        y = m
        for label, px in (
            (self.event_label, text_px),
            (self.session_label, text_px),
            (self.instruction, text_px),
        ):
            self._set_px(label, px)
            height = label.heightForWidth(column)
            label.setGeometry(x, y, column, height)
            y += height + m // 2
        # The counter sits in a fixed band at the bottom of the column: its digits change,
        # its place does not.
        url_px = self._fitting_px(self.url_label, round(h * 0.022), column, monospace=True)
        self._set_px(self.url_label, url_px, monospace=True)
        url_h = self.url_label.sizeHint().height()
        self.url_label.setGeometry(x, h - m - url_h, column, url_h)
        caption_px = max(12, round(h * 0.04))
        self._set_px(self.caption, caption_px)
        caption_h = self.caption.heightForWidth(column)
        caption_top = h - m - url_h - m - caption_h
        self.caption.setGeometry(x, caption_top, column, caption_h)
        counter_px = self._fitting_px(self.counter, round(h * COUNTER_SHARE), column)
        self._set_px(self.counter, counter_px)
        counter_h = round(counter_px * 1.4)
        self.counter.setGeometry(QRect(x, caption_top - counter_h, column, counter_h))

    @staticmethod
    def _set_px(label: QLabel, px: int, *, monospace: bool = False) -> None:
        font = QFont(label.font())
        font.setPixelSize(px)
        if monospace:
            font.setStyleHint(QFont.StyleHint.Monospace)
            font.setFamilies(["monospace"])
        label.setFont(font)

    @classmethod
    def _fitting_px(cls, label: QLabel, px: int, width: int, *, monospace: bool = False) -> int:
        """The largest size up to `px` at which the label's one line fits `width`."""
        while px > 10:
            cls._set_px(label, px, monospace=monospace)
            if QFontMetrics(label.font()).horizontalAdvance(label.text()) <= width:
                break
            px = px * 9 // 10
        return px

    # -- window --------------------------------------------------------------------------------
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
