"""What the presenter console says in large type and the projector never shows.

- `StateAlert`: paused / blackout, a coloured band and the same colour round
  the current slide;
- `PhoneAlert`: the phone server is stopped, or the survey is not open (with
  the one-click "アンケートを開始");
- `NoticeAlert`: why a key press did nothing (the last item, a finished session),
  for a few seconds.
Japanese lines break between phrases (BudouX), never inside a word.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator.domain.agenda_items import ItemKind
from facilitator.domain.phrases import keep_phrases_together
from facilitator.ui.agenda.presenter_controller import Notice
from facilitator.ui.agenda.slide import SlideFrame

PAUSED_COLOUR = "#e65100"  # deep orange: nothing else on the console uses it
BLACKOUT_COLOUR = "#4a148c"  # deep purple: visible around a black slide
NOTICE_MS = 4000


class StateAlert(QLabel):
    """The paused / blackout band; it also colours `frame`, the current slide's frame."""

    def __init__(self, frame: QFrame, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stateBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._frame = frame
        self.hide()

    def show_state(self, paused: bool, blackout: bool, px: int) -> None:
        parts = []
        if blackout:
            parts.append(self.tr("BLACKOUT — the projector is black (B to show it again)"))
        if paused:
            parts.append(self.tr("PAUSED — the clock is stopped (P to resume)"))
        mode = "blackout" if blackout else "paused" if paused else ""
        colour = BLACKOUT_COLOUR if blackout else PAUSED_COLOUR if paused else "transparent"
        if self._frame.property("mode") != mode:
            self._frame.setProperty("mode", mode)
            self._frame.setStyleSheet(
                f"#{self._frame.objectName()} {{ border: 8px solid {colour}; border-radius: 6px; }}"
            )
        text = "\n".join(parts)
        if self.text() != text:
            self.setText(text)
        self.setStyleSheet(
            f"background: {colour}; color: white; font-weight: bold; padding: 6px;"
            f" font-size: {px}px;"
        )
        self.setVisible(bool(parts))


class PhoneAlert(QFrame):
    """The phone side's trouble, said to the trainer only."""

    start_survey = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phoneBanner")
        self.text = QLabel()
        self.text.setObjectName("phoneText")
        self.text.setWordWrap(True)
        self.survey_button = QPushButton(self.tr("Start the survey"))
        self.survey_button.setObjectName("startSurvey")
        self.survey_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays "next"
        self.survey_button.clicked.connect(lambda _=False: self.start_survey.emit())
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.survey_button)
        self.hide()

    def show_for(self, frame: SlideFrame | None, opening: bool, waits: bool, px: int) -> None:
        """`frame`: the current slide; `opening`: the survey is being opened; `waits`:
        the survey is closed and the trainer may open it."""
        text = ""
        ask = False
        if frame is not None and frame.kind in (ItemKind.CHECKIN, ItemKind.FEEDBACK):
            if frame.server_down:
                text = self.tr(
                    "The phone server is not running: the projector shows “starting shortly”"
                    " instead of a QR. Start the server in the Check-in area."
                )
            elif frame.survey_closed and opening:
                text = self.tr("Opening the survey…")
            elif frame.survey_closed and waits:
                text = self.tr(
                    "The survey is not open: the projector shows “the survey will start"
                    " shortly” until you start it."
                )
                ask = True
        kept = keep_phrases_together(text)
        if self.text.text() != kept:
            self.text.setText(kept)
        red = frame is not None and frame.server_down
        background, ink = ("#c62828", "white") if red else ("#e3f2fd", "#0d47a1")
        self.setStyleSheet(
            f"#phoneBanner {{ background: {background}; border-radius: 4px; }}"
            f" #phoneText {{ color: {ink}; font-weight: bold; font-size: {px}px; }}"
            f" #startSurvey {{ background: #1565c0; color: white; font-weight: bold;"
            f" font-size: {px}px; padding: 6px 18px; border-radius: 4px; }}"
        )
        self.survey_button.setVisible(ask)
        self.setVisible(bool(text))


class NoticeAlert(QLabel):
    """Why a key did nothing, for a few seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_notice(self, notice: Notice, px: int) -> None:
        text = {
            Notice.LAST_ITEM: self.tr(
                "This is the last item. To end the session, press “Finish session”."
            ),
            Notice.FINISHED: self.tr(
                "The session has finished. “Reopen session” or Jump continues it."
            ),
        }[notice]
        self.setText(keep_phrases_together(text))
        self.setStyleSheet(
            "background: #fff3cd; color: #5d4200; font-weight: bold; padding: 6px;"
            f" border-radius: 4px; font-size: {px}px;"
        )
        self.show()
        self._timer.start(NOTICE_MS)
