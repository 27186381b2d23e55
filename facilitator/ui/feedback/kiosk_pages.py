"""The kiosk's pages, laid out: start, questions, thank-you, PIN setup, leaving.

Each page only builds its widgets and hands its buttons to the callbacks it is
given; `KioskWindow` decides what happens and which page shows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.survey_rules import QuestionDef
from facilitator.lang import Lang
from facilitator.ui.feedback.kiosk_parts import (
    FIELD_WIDTH,
    PIN_DIGITS,
    READABLE_WIDTH,
    QuestionBox,
    big,
    big_button,
    error_label,
    pin_field,
)
from facilitator.ui.feedback.question_widgets import ERROR_RED, QuestionErrors

Action = Callable[[], object]


def _centred(text: str, size: int, *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(wrap)
    big(label, size)
    return label


class StartPage(QWidget):
    """The event and session, and the staff number an attendee types to begin."""

    def __init__(self, title: str, start: Action) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(_centred(title, 28))
        prompt = QLabel(self.tr("Enter your staff number to answer the survey"))
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big(prompt)
        column.addWidget(prompt)
        self.staff_edit = QLineEdit()
        self.staff_edit.setObjectName("kioskStaffNo")
        self.staff_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.staff_edit.setMaxLength(50)
        big(self.staff_edit, 28)
        # A staff number is short: a field across a 1920 px screen reads as a banner.
        self.staff_edit.setFixedWidth(FIELD_WIDTH)
        self.staff_edit.returnPressed.connect(start)
        column.addWidget(self.staff_edit, 0, Qt.AlignmentFlag.AlignHCenter)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("kioskStart")
        self.start_button.setMinimumHeight(80)
        big(self.start_button, 24)
        self.start_button.clicked.connect(start)
        self.start_button.setFixedWidth(FIELD_WIDTH)
        column.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.start_error = error_label("kioskStartError")
        column.addWidget(self.start_error)
        hint = QLabel(self.tr("Staff: press Esc and enter the PIN to leave kiosk mode."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addStretch(1)
        column.addWidget(hint)


class QuestionsPage(QWidget):
    """One attendee's questions, built afresh for each attendee."""

    def __init__(
        self, questions: tuple[QuestionDef, ...], lang: Lang, cancel: Action, send: Action
    ) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        self.who = QLabel()
        big(self.who, 16)
        column.addWidget(self.who)
        body = QWidget()
        body_column = QVBoxLayout(body)
        self.boxes = [QuestionBox(q, lang) for q in questions]
        self.errors = QuestionErrors()
        for box in self.boxes:
            self.errors.add(box.question.key, box.error)
        for box in self.boxes:
            body_column.addWidget(box)
        body_column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        column.addWidget(scroll, 1)
        self.form_error = QLabel()
        self.form_error.setObjectName("kioskFormError")
        self.form_error.setStyleSheet(f"color: {ERROR_RED};")
        big(self.form_error, 16)
        column.addWidget(self.form_error)
        row = QHBoxLayout()
        cancel_button = QPushButton(self.tr("Cancel"))
        cancel_button.setObjectName("kioskCancel")
        cancel_button.setMinimumHeight(80)
        big(cancel_button)
        cancel_button.clicked.connect(cancel)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("kioskSend")
        self.send_button.setMinimumHeight(80)
        big(self.send_button, 24)
        self.send_button.clicked.connect(send)
        row.addWidget(cancel_button, 1)
        row.addWidget(self.send_button, 2)
        column.addLayout(row)
        self._column = column

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Centred and at most READABLE_WIDTH wide: on a large screen the questions and
        # their answer buttons stay a readable line, not a strip across the room.
        side = max(9, (event.size().width() - READABLE_WIDTH) // 2)
        self._column.setContentsMargins(side, 9, side, 9)
        super().resizeEvent(event)

    def box(self, key: str) -> QuestionBox:
        return next(b for b in self.boxes if b.question.key == key)


class DonePage(QWidget):
    """Thanks, or why the answers were not taken."""

    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        self.done_label = QLabel()
        self.done_label.setObjectName("kioskDone")
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_label.setWordWrap(True)
        big(self.done_label, 28)
        column.addWidget(self.done_label, 1)


class PinSetupPage(QWidget):
    """Staff choose the PIN before the first attendee sees the kiosk."""

    def __init__(self, cancel: Action, begin: Action) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(_centred(self.tr("Choose a PIN for leaving kiosk mode"), 24, wrap=True))
        low, high = PIN_DIGITS
        note = _centred(
            self.tr("%1 to %2 digits. Staff need it to close the kiosk; attendees do not.")
            .replace("%1", str(low))
            .replace("%2", str(high)),
            16,
            wrap=True,
        )
        column.addWidget(note)
        self.pin_edit = pin_field("kioskPin")
        self.pin_edit.setPlaceholderText(self.tr("PIN"))
        column.addWidget(self.pin_edit)
        self.pin_again_edit = pin_field("kioskPinAgain")
        self.pin_again_edit.setPlaceholderText(self.tr("The same PIN again"))
        self.pin_again_edit.returnPressed.connect(begin)
        self.pin_edit.returnPressed.connect(self.pin_again_edit.setFocus)
        column.addWidget(self.pin_again_edit)
        self.setup_error = error_label("kioskSetupError")
        column.addWidget(self.setup_error)
        row = QHBoxLayout()
        cancel_button = big_button(self.tr("Cancel"), "kioskSetupCancel", cancel)
        self.begin_button = big_button(self.tr("Start the kiosk"), "kioskBegin", begin)
        row.addWidget(cancel_button, 1)
        row.addWidget(self.begin_button, 2)
        column.addLayout(row)
        column.addStretch(1)


class LeavePage(QWidget):
    """The staff PIN that ends kiosk mode (Esc or the window's close leads here)."""

    def __init__(self, back: Action, leave: Action, typing: Action) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(_centred(self.tr("Staff PIN to leave kiosk mode"), 24))
        self.leave_edit = pin_field("kioskLeavePin")
        self.leave_edit.returnPressed.connect(leave)
        self.leave_edit.textEdited.connect(lambda _text: typing())
        column.addWidget(self.leave_edit)
        self.leave_error = error_label("kioskLeaveError")
        column.addWidget(self.leave_error)
        row = QHBoxLayout()
        back_button = big_button(self.tr("Back"), "kioskLeaveBack", back)
        self.leave_button = big_button(self.tr("Leave kiosk mode"), "kioskLeave", leave)
        row.addWidget(back_button, 2)
        row.addWidget(self.leave_button, 1)
        column.addLayout(row)
        column.addStretch(1)
