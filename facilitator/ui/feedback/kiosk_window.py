"""Kiosk mode: the laptop as an answering station for attendees without a phone.

Full screen, big buttons, one attendee after another: staff number -> the
questions -> send -> a thank-you, then back to the start by itself. Every
answer goes through `FeedbackService.submit` like a phone's.

Staff choose a PIN when the kiosk opens, and Esc (or the window manager's
close, such as Alt+F4) asks for it: behind the kiosk is the whole workspace,
and an attendee who presses Esc must not land in it. While it is open the
kiosk is modal, so the main window cannot be used from a second screen
either. The app itself closing the window (it quits, another workspace is
opened) needs no PIN. The operating system's own task switching (Alt+Tab,
the Windows key) is outside the app's reach.
"""

from __future__ import annotations

import hmac
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.survey_rules import FeedbackOutcome, QuestionDef, QuestionKind
from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.feedback.capture import (
    FeedbackMethod,
    FeedbackService,
    Respondent,
    SubmitResult,
)
from facilitator.ui.feedback.texts import outcome_text
from facilitator.ui.runner import Runner

RESET_MS = 4000
BIG = 20
# The leave page goes back to where it was after this long without a key, so an
# attendee who pressed Esc and walked off leaves the kiosk usable for the next one.
LEAVE_IDLE_MS = 30_000
PIN_DIGITS = (4, 8)
# After this many wrong PINs in a row the field is disabled for LOCKOUT_MS.
PIN_TRIES = 5
LOCKOUT_MS = 30_000


def _big(widget: QWidget, size: int = BIG) -> None:
    font = QFont(widget.font())
    font.setPointSize(size)
    widget.setFont(font)


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #b3261e;")
    _big(label, 16)
    return label


def _button(text: str, name: str, slot: Any, height: int = 72) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setMinimumHeight(height)
    _big(button)
    button.clicked.connect(slot)
    return button


class _QuestionBox(QWidget):
    """One question with big toggle buttons (or a text box) and its error line."""

    def __init__(self, q: QuestionDef, lang: Lang) -> None:
        super().__init__()
        self.question = q
        column = QVBoxLayout(self)
        optional = self.tr("(optional)")
        title = QLabel(q.label(lang) + ("" if q.required else f"  {optional}"))
        title.setWordWrap(True)
        _big(title, 18)
        column.addWidget(title)
        self.group = QButtonGroup(self)
        self.group.setExclusive(q.kind is not QuestionKind.MULTIPLE_CHOICE)
        self.text: QPlainTextEdit | None = None
        if q.kind is QuestionKind.TEXT:
            self.text = QPlainTextEdit()
            self.text.setObjectName(f"kioskText_{q.key}")
            self.text.setFixedHeight(110)
            _big(self.text, 16)
            column.addWidget(self.text)
        else:
            row = QGridLayout()
            options: list[tuple[str, str]]
            low = q.min_label_ja if lang == "ja" else q.min_label_en
            high = q.max_label_ja if lang == "ja" else q.max_label_en
            if q.kind is QuestionKind.RATING:
                options = [(str(v), str(v)) for v in range(1, 6)]
            else:
                options = [(c.value, c.label(lang)) for c in q.choices]
            for i, (value, label) in enumerate(options):
                button = QPushButton(label)
                button.setCheckable(True)
                button.setMinimumHeight(72)
                button.setProperty("value", value)
                button.setObjectName(f"kiosk_{q.key}_{value}")
                _big(button, 16)
                # Equal widths that follow the screen, never a sideways scroll.
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                self.group.addButton(button, i)
                row.addWidget(button, 0, i)
                row.setColumnStretch(i, 1)
            column.addLayout(row)
            if q.kind is QuestionKind.RATING:
                # The end labels under the scale, as on the phone page (never cut off).
                ends = QHBoxLayout()
                ends.addWidget(QLabel(f"1: {low}"))
                ends.addStretch(1)
                ends.addWidget(QLabel(f"5: {high}"))
                column.addLayout(ends)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        column.addWidget(self.error)

    def value(self) -> Any:
        q = self.question
        if self.text is not None:
            return self.text.toPlainText() or None
        picked = [str(b.property("value")) for b in self.group.buttons() if b.isChecked()]
        if not picked:
            return None
        if q.kind is QuestionKind.RATING:
            return int(picked[0])
        if q.kind is QuestionKind.SINGLE_CHOICE:
            return picked[0]
        return picked


class KioskWindow(QWidget):
    submitted = Signal(int)  # session id

    def __init__(
        self,
        feedback: FeedbackService,
        runner: Runner,
        lang: Lang,
        session_id: int,
        session_label: str,
        questions: tuple[QuestionDef, ...],
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        # A window of its own, owned by the view that opened it: when the main window
        # goes (the app quits, another workspace opens), the kiosk goes with it.
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("Feedback kiosk"))
        self._feedback, self._runner, self._lang = feedback, runner, lang
        self._session_id = session_id
        self._questions = questions
        self._boxes: list[_QuestionBox] = []
        self.reset_timer = QTimer(self)
        self.reset_timer.setSingleShot(True)
        self.reset_timer.setInterval(RESET_MS)
        self.reset_timer.timeout.connect(self.restart)
        self.pages = QStackedWidget()
        self._title = f"{title}  {session_label}"
        self._pin: str | None = None  # None until staff chose one: leaving needs nothing
        self._wrong_pins = 0
        self._back_to: QWidget | None = None
        self.start_page = self._start_page()
        self.pages.addWidget(self.start_page)
        self.questions_page = QWidget()
        self.pages.addWidget(self.questions_page)
        self.done_page = self._done_page()
        self.pages.addWidget(self.done_page)
        self.setup_page = self._setup_page()
        self.pages.addWidget(self.setup_page)
        self.leave_page = self._leave_page()
        self.pages.addWidget(self.leave_page)
        self.leave_timer = QTimer(self)
        self.leave_timer.setSingleShot(True)
        self.leave_timer.setInterval(LEAVE_IDLE_MS)
        self.leave_timer.timeout.connect(self._stay)
        self.lockout_timer = QTimer(self)
        self.lockout_timer.setSingleShot(True)
        self.lockout_timer.setInterval(LOCKOUT_MS)
        self.lockout_timer.timeout.connect(self._end_lockout)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.ask_to_leave)
        self.pages.setCurrentWidget(self.setup_page)
        self.pin_edit.setFocus()

    @property
    def locked(self) -> bool:
        return self._pin is not None

    # -- pages -----------------------------------------------------------------------------
    def _start_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addStretch(1)
        heading = QLabel(self._title)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _big(heading, 28)
        column.addWidget(heading)
        prompt = QLabel(self.tr("Enter your staff number to answer the survey"))
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _big(prompt)
        column.addWidget(prompt)
        self.staff_edit = QLineEdit()
        self.staff_edit.setObjectName("kioskStaffNo")
        self.staff_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.staff_edit.setMaxLength(50)
        _big(self.staff_edit, 28)
        self.staff_edit.returnPressed.connect(self._start)
        column.addWidget(self.staff_edit)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("kioskStart")
        self.start_button.setMinimumHeight(80)
        _big(self.start_button, 24)
        self.start_button.clicked.connect(self._start)
        column.addWidget(self.start_button)
        self.start_error = _error_label("kioskStartError")
        column.addWidget(self.start_error)
        hint = QLabel(self.tr("Staff: press Esc and enter the PIN to leave kiosk mode."))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addStretch(1)
        column.addWidget(hint)
        return page

    def _build_questions(self) -> None:
        old = self.questions_page
        page = QWidget()
        column = QVBoxLayout(page)
        self.who = QLabel()
        _big(self.who, 16)
        column.addWidget(self.who)
        body = QWidget()
        body_column = QVBoxLayout(body)
        self._boxes = [_QuestionBox(q, self._lang) for q in self._questions]
        for box in self._boxes:
            body_column.addWidget(box)
        body_column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        column.addWidget(scroll, 1)
        self.form_error = QLabel()
        self.form_error.setObjectName("kioskFormError")
        self.form_error.setStyleSheet("color: #b3261e;")
        _big(self.form_error, 16)
        column.addWidget(self.form_error)
        row = QHBoxLayout()
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("kioskCancel")
        cancel.setMinimumHeight(80)
        _big(cancel)
        cancel.clicked.connect(self.restart)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("kioskSend")
        self.send_button.setMinimumHeight(80)
        _big(self.send_button, 24)
        self.send_button.clicked.connect(self._send)
        row.addWidget(cancel, 1)
        row.addWidget(self.send_button, 2)
        column.addLayout(row)
        index = self.pages.indexOf(old)
        self.pages.removeWidget(old)
        old.setParent(None)  # the last attendee's answers leave the window at once
        old.deleteLater()
        self.pages.insertWidget(index, page)
        self.questions_page = page

    def _done_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.done_label = QLabel()
        self.done_label.setObjectName("kioskDone")
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_label.setWordWrap(True)
        _big(self.done_label, 28)
        column.addWidget(self.done_label, 1)
        return page

    def _pin_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        high = PIN_DIGITS[1]
        field.setValidator(QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{high}}}")))
        field.setMaxLength(high)
        _big(field, 28)
        return field

    def _setup_page(self) -> QWidget:
        """Staff choose the PIN before the first attendee sees the kiosk."""
        page = QWidget()
        column = QVBoxLayout(page)
        column.addStretch(1)
        heading = QLabel(self.tr("Choose a PIN for leaving kiosk mode"))
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading.setWordWrap(True)
        _big(heading, 24)
        column.addWidget(heading)
        low, high = PIN_DIGITS
        note = QLabel(
            self.tr("%1 to %2 digits. Staff need it to close the kiosk; attendees do not.")
            .replace("%1", str(low))
            .replace("%2", str(high))
        )
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)
        _big(note, 16)
        column.addWidget(note)
        self.pin_edit = self._pin_field("kioskPin")
        self.pin_edit.setPlaceholderText(self.tr("PIN"))
        column.addWidget(self.pin_edit)
        self.pin_again_edit = self._pin_field("kioskPinAgain")
        self.pin_again_edit.setPlaceholderText(self.tr("The same PIN again"))
        self.pin_again_edit.returnPressed.connect(self._set_pin)
        self.pin_edit.returnPressed.connect(self.pin_again_edit.setFocus)
        column.addWidget(self.pin_again_edit)
        self.setup_error = _error_label("kioskSetupError")
        column.addWidget(self.setup_error)
        row = QHBoxLayout()
        cancel = _button(self.tr("Cancel"), "kioskSetupCancel", self.close)
        self.begin_button = _button(self.tr("Start the kiosk"), "kioskBegin", self._set_pin)
        row.addWidget(cancel, 1)
        row.addWidget(self.begin_button, 2)
        column.addLayout(row)
        column.addStretch(1)
        return page

    def _leave_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addStretch(1)
        heading = QLabel(self.tr("Staff PIN to leave kiosk mode"))
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _big(heading, 24)
        column.addWidget(heading)
        self.leave_edit = self._pin_field("kioskLeavePin")
        self.leave_edit.returnPressed.connect(self._try_leave)
        self.leave_edit.textEdited.connect(lambda _text: self.leave_timer.start())
        column.addWidget(self.leave_edit)
        self.leave_error = _error_label("kioskLeaveError")
        column.addWidget(self.leave_error)
        row = QHBoxLayout()
        back = _button(self.tr("Back"), "kioskLeaveBack", self._stay)
        self.leave_button = _button(self.tr("Leave kiosk mode"), "kioskLeave", self._try_leave)
        row.addWidget(back, 2)
        row.addWidget(self.leave_button, 1)
        column.addLayout(row)
        column.addStretch(1)
        return page

    # -- leaving ---------------------------------------------------------------------------
    def _set_pin(self) -> None:
        pin, again = self.pin_edit.text(), self.pin_again_edit.text()
        low, high = PIN_DIGITS
        if not (low <= len(pin) <= high and pin.isdigit()):
            self.setup_error.setText(
                self.tr("The PIN needs %1 to %2 digits.")
                .replace("%1", str(low))
                .replace("%2", str(high))
            )
            return
        if pin != again:
            self.setup_error.setText(self.tr("The two PINs differ. Please type them again."))
            self.pin_again_edit.clear()
            self.pin_again_edit.setFocus()
            return
        self._pin = pin
        self.pin_edit.clear()
        self.pin_again_edit.clear()
        self.setup_error.clear()
        self.restart()

    def ask_to_leave(self) -> None:
        """Esc: before a PIN is set, leave at once; afterwards, ask for it."""
        if self._pin is None:
            self.close()
            return
        if self.pages.currentWidget() is not self.leave_page:
            self._back_to = self.pages.currentWidget()
        self.reset_timer.stop()
        self.leave_edit.clear()
        if self.lockout_timer.isActive():
            self.leave_error.setText(self.tr("Too many wrong PINs. Try again in 30 seconds."))
        else:
            self.leave_error.clear()
        self.pages.setCurrentWidget(self.leave_page)
        self.leave_edit.setFocus()
        self.leave_timer.start()

    def _try_leave(self) -> None:
        if self._pin is None or self.lockout_timer.isActive():
            return
        typed = self.leave_edit.text()
        self.leave_edit.clear()
        if hmac.compare_digest(typed.encode(), self._pin.encode()):
            self._pin = None  # unlocked: the close below goes through
            self.close()
            return
        self._wrong_pins += 1
        if self._wrong_pins >= PIN_TRIES:
            self.leave_edit.setEnabled(False)
            self.leave_button.setEnabled(False)
            self.leave_error.setText(self.tr("Too many wrong PINs. Try again in 30 seconds."))
            self.lockout_timer.start()
        else:
            self.leave_error.setText(self.tr("Wrong PIN."))
        self.leave_timer.start()

    def _end_lockout(self) -> None:
        self.lockout_timer.stop()
        self._wrong_pins = 0
        self.leave_edit.setEnabled(True)
        self.leave_button.setEnabled(True)
        self.leave_error.clear()

    def _stay(self) -> None:
        """Back to the page Esc interrupted (an attendee's answers are still there)."""
        self.leave_timer.stop()
        self.leave_edit.clear()
        back, self._back_to = self._back_to, None
        self.pages.setCurrentWidget(back or self.start_page)
        if back is None or back is self.done_page:
            self.restart()  # the thank-you page had its turn

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window manager's close (Alt+F4, the title bar: a spontaneous event) is
        # an attendee's way out as much as Esc is. The app's own close() is not: it
        # comes after the right PIN, or when the app quits or switches workspace.
        if self._pin is not None and event.spontaneous():
            event.ignore()
            self.ask_to_leave()
            return
        self.reset_timer.stop()
        self.leave_timer.stop()
        self.lockout_timer.stop()
        super().closeEvent(event)

    # -- flow ------------------------------------------------------------------------------
    def _show(self, page: QWidget) -> None:
        """Go to `page`, or, while staff are typing the PIN, make it where Back returns:
        a reply that arrives then must not pull the PIN page away (nor leave the last
        attendee's answers up when the PIN page times out)."""
        if self.pages.currentWidget() is self.leave_page:
            self._back_to = page
        else:
            self.pages.setCurrentWidget(page)

    def restart(self) -> None:
        """Back to the start for the next attendee (nothing of the last one stays on screen)."""
        self.reset_timer.stop()
        self.staff_edit.clear()
        self.start_error.clear()
        self._show(self.start_page)
        self.staff_edit.setFocus()

    def _start(self) -> None:
        staff = self.staff_edit.text().strip()
        if not staff:
            self.start_error.setText(self.tr("Please enter your staff number."))
            return
        session_id = self._session_id
        # Checked before the questions, so nobody writes answers that cannot be taken.
        self._runner.run(
            lambda: self._feedback.precheck(session_id, Respondent(staff_no=staff)),
            self._prechecked,
            self._failed,
        )

    def _prechecked(self, problem: FeedbackOutcome | None) -> None:
        if problem is not None:
            self.start_error.setText(outcome_text(problem))
            self.staff_edit.selectAll()
            self.staff_edit.setFocus()
            return
        self.start_error.clear()
        self._build_questions()
        self.who.setText(self.tr("Staff number: %1").replace("%1", self.staff_edit.text().strip()))
        self._show(self.questions_page)

    def box(self, key: str) -> _QuestionBox:
        return next(b for b in self._boxes if b.question.key == key)

    def _send(self) -> None:
        answers = {b.question.key: b.value() for b in self._boxes if b.value() is not None}
        who = Respondent(staff_no=self.staff_edit.text())
        session_id = self._session_id
        self.send_button.setEnabled(False)

        def work() -> SubmitResult:
            return self._feedback.submit(session_id, who, answers, FeedbackMethod.KIOSK)

        self._runner.run(work, self._done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.send_button.setEnabled(True)
        if not isinstance(exc, FacilitatorError):
            raise exc  # a bug: the runner reports it and points to the log
        self.form_error.setText(exc.message.text(self._lang))

    def _done(self, result: SubmitResult) -> None:
        self.send_button.setEnabled(True)
        for b in self._boxes:
            b.error.hide()
        if result.errors:
            for error in result.errors:
                for b in self._boxes:
                    if b.question.key == error.key:
                        b.error.setText(error.message.text(self._lang))
                        b.error.show()
            self.form_error.setText(outcome_text(result.outcome))
            return
        if result.outcome is FeedbackOutcome.NOT_CHECKED_IN:
            # Cannot happen after the precheck unless the check-in was undone meanwhile;
            # the answers stay on screen while staff sort it out.
            self.form_error.setText(outcome_text(result.outcome))
            return
        # Anything else ends this attendee's turn: thanks, or why not, then the start again.
        self.done_label.setText(outcome_text(result.outcome))
        self._show(self.done_page)
        if result.outcome.stored:
            self.submitted.emit(self._session_id)
        self.reset_timer.start()
