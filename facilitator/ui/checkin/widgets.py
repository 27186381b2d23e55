"""Widgets of the check-in desk: the scanner input, the result card, a scaled QR view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.checkin import CheckInOutcome
from facilitator.services.checkin.types import CheckInResult
from facilitator.ui.qr_image import qr_image

# Green: in. Amber: already in (let them through, but note it). Red: send to the desk.
CARD_COLOURS = {"ok": "#1b7f3b", "warn": "#b26a00", "error": "#b3261e", "idle": "#5f6368"}


def card_style(outcome: CheckInOutcome) -> str:
    if outcome == CheckInOutcome.CHECKED_IN:
        return "ok"
    if outcome == CheckInOutcome.ALREADY_CHECKED_IN:
        return "warn"
    return "error"


class ScannerInput(QLineEdit):
    """A USB scanner types like a keyboard: a burst of keys ending in Enter or Tab.

    Emits `scanned(text)` on either key and clears itself, keeping the focus
    so the next slip can be scanned at once. Typing a staff number and
    pressing Enter works the same way.
    """

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scannerInput")
        self.setClearButtonEnabled(True)
        self.setMaxLength(200)

    def event(self, e: QEvent) -> bool:
        # Tab would move the focus away before keyPressEvent saw it.
        if (
            e.type() == QEvent.Type.KeyPress
            and isinstance(e, QKeyEvent)
            and e.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._finish()
            return True
        return super().event(e)

    def _finish(self) -> None:
        text = self.text().strip()
        self.clear()
        if text:
            self.scanned.emit(text)


class ResultCard(QFrame):
    """The big green / amber / red card that tells the door what happened."""

    admit_requested = Signal(int)  # attendee id
    undo_requested = Signal(int, str)  # check-in id, the person's name
    declined = Signal()  # "Do not admit": nothing is recorded, the card is cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultCard")
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.headline = QLabel()
        self.headline.setObjectName("resultHeadline")
        self.headline.setWordWrap(True)
        self.person = QLabel()
        self.person.setObjectName("resultPerson")
        self.person.setWordWrap(True)
        self.person.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.admit_button = QPushButton(self.tr("Admit to this session anyway"))
        self.admit_button.setObjectName("admitButton")
        self.decline_button = QPushButton(self.tr("Do not admit"))
        self.decline_button.setObjectName("declineButton")
        self.undo_button = QPushButton(self.tr("Undo this check-in"))
        self.undo_button.setObjectName("undoButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.admit_button)
        buttons.addWidget(self.decline_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.person)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self._attendee_id: int | None = None
        self._checkin_id: int | None = None
        self.admit_button.clicked.connect(self._admit)
        self.decline_button.clicked.connect(self._decline)
        self.undo_button.clicked.connect(self._undo)
        self.result: CheckInResult | None = None
        self.style_key = "idle"
        self.show_idle()

    def show_idle(self) -> None:
        self.result = None
        self._paint("idle")
        self.headline.setText(self.tr("Ready to scan"))
        self.person.setText("")
        self.detail.setText(
            self.tr("Scan an admission slip, or type a staff number and press Enter.")
        )
        self._show_buttons(admit=False, undo=False)

    def show_result(self, result: CheckInResult) -> None:
        self.result = result
        self._paint(card_style(result.outcome))
        self.headline.setText(self.outcome_text(result.outcome))
        who = result.attendee
        self.person.setText(f"{who.name}　{who.department}" if who else "")
        self.detail.setText(self._detail(result))
        self._attendee_id = who.id if who else None
        self._checkin_id = result.checkin_id
        self._show_buttons(
            admit=result.outcome == CheckInOutcome.WRONG_SESSION and who is not None,
            undo=result.outcome == CheckInOutcome.CHECKED_IN and result.checkin_id is not None,
        )

    def _show_buttons(self, *, admit: bool, undo: bool) -> None:
        # A wrong-session card asks for a decision: both answers sit side by side.
        self.admit_button.setVisible(admit)
        self.decline_button.setVisible(admit)
        self.undo_button.setVisible(undo)

    def show_message(self, headline: str, detail: str) -> None:
        self.result = None
        self._paint("error")
        self.headline.setText(headline)
        self.person.setText("")
        self.detail.setText(detail)
        self._show_buttons(admit=False, undo=False)

    def outcome_text(self, outcome: CheckInOutcome) -> str:
        texts = {
            CheckInOutcome.CHECKED_IN: self.tr("Checked in"),
            CheckInOutcome.ALREADY_CHECKED_IN: self.tr("Already checked in"),
            CheckInOutcome.WRONG_SESSION: self.tr("Registered for another session"),
            CheckInOutcome.UNKNOWN_ATTENDEE: self.tr("Not on the roster"),
            CheckInOutcome.INVALID_TOKEN: self.tr("Code not valid (forged or replaced slip)"),
            CheckInOutcome.EXPIRED_TOKEN: self.tr("Code expired"),
            CheckInOutcome.SESSION_CLOSED: self.tr("Check-in for this session is closed"),
            CheckInOutcome.DEVICE_USED: self.tr("This phone already checked in someone else"),
        }
        return texts[outcome]

    def _detail(self, result: CheckInResult) -> str:
        who = result.attendee
        at = result.checked_in_at.astimezone().strftime("%H:%M") if result.checked_in_at else ""
        if result.outcome == CheckInOutcome.CHECKED_IN:
            return (
                self.tr("%1 · %2")
                .replace("%1", result.session.label if result.session else "")
                .replace("%2", at)
            )
        if result.outcome == CheckInOutcome.ALREADY_CHECKED_IN:
            return (
                self.tr("Checked in at %1 (session %2).")
                .replace("%1", at)
                .replace("%2", result.checked_in_session)
            )
        if result.outcome == CheckInOutcome.WRONG_SESSION and who is not None:
            return self.tr("Assigned to session %1.").replace("%1", who.assigned_session)
        # A red card alone leaves the desk guessing; say what to do next.
        hints = {
            CheckInOutcome.UNKNOWN_ATTENDEE: self.tr(
                "Check the staff number, search by name below, or register them as a walk-in."
            ),
            CheckInOutcome.INVALID_TOKEN: self.tr(
                "Search the attendee by name below. "
                "An old slip stops working once a replacement is printed."
            ),
            CheckInOutcome.EXPIRED_TOKEN: self.tr("Ask them to scan the code on the screen again."),
            CheckInOutcome.SESSION_CLOSED: self.tr(
                "Tick “Check-in open” above to accept arrivals again."
            ),
        }
        return hints.get(result.outcome, "")

    def _paint(self, key: str) -> None:
        self.style_key = key
        colour = CARD_COLOURS[key]
        self.setStyleSheet(
            f"QFrame#resultCard {{ background: {colour}; border-radius: 12px; }}"
            "QFrame#resultCard QLabel { color: white; }"
            "QLabel#resultHeadline { font-size: 28pt; font-weight: bold; }"
            "QLabel#resultPerson { font-size: 20pt; }"
        )

    def _admit(self) -> None:
        if self._attendee_id is not None:
            self.admit_requested.emit(self._attendee_id)

    def _decline(self) -> None:
        self.show_idle()
        self.declined.emit()

    def _undo(self) -> None:
        if self._checkin_id is not None:
            who = self.result.attendee if self.result else None
            self.undo_requested.emit(self._checkin_id, who.name if who else "")


class ReturnToScanning(QObject):
    """Rapid mode: the card goes back to "ready" about 2 s after each result."""

    def __init__(self, card: ResultCard, delay_ms: int = 2000) -> None:
        super().__init__(card)
        self._card = card
        self.enabled = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._expire)

    def shown(self) -> None:
        # A wrong-session card waits for the trainer's decision.
        result = self._card.result
        if self.enabled and not (result and result.outcome == CheckInOutcome.WRONG_SESSION):
            self._timer.start()
        else:
            self._timer.stop()

    def _expire(self) -> None:
        self._card.show_idle()


class QrView(QWidget):
    """A QR code drawn as large as the widget allows, sharp (no smoothing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrView")
        self._image: QImage | None = None
        self.text = ""
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self._image = qr_image(text) if text else None
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self._image is not None:
            modules = self._image.width()
            scale = max(1, min(self.width(), self.height()) // modules)
            side = modules * scale
            x, y = (self.width() - side) // 2, (self.height() - side) // 2
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(
                self.rect().adjusted(x, y, x + side - self.width(), y + side - self.height()),
                self._image,
            )
        painter.end()
