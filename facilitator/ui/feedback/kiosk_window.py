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

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.survey_rules import FeedbackOutcome, QuestionDef
from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.feedback.capture import (
    FeedbackMethod,
    FeedbackService,
    Respondent,
    SubmitResult,
)
from facilitator.ui.feedback.answer_sender import AnswerSender
from facilitator.ui.feedback.kiosk_pages import (
    DonePage,
    LeavePage,
    PinSetupPage,
    QuestionsPage,
    StartPage,
)
from facilitator.ui.feedback.kiosk_parts import PIN_DIGITS, QuestionBox
from facilitator.ui.feedback.texts import outcome_text
from facilitator.ui.runner import Runner

RESET_MS = 4000
# The leave page goes back to where it was after this long without a key, so an
# attendee who pressed Esc and walked off leaves the kiosk usable for the next one.
LEAVE_IDLE_MS = 30_000
# After this many wrong PINs in a row the field is disabled for LOCKOUT_MS.
PIN_TRIES = 5
LOCKOUT_MS = 30_000


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
        self._sender = AnswerSender(feedback, runner, FeedbackMethod.KIOSK, lang)
        self._session_id = session_id
        self._questions = questions
        self.reset_timer = QTimer(self)
        self.reset_timer.setSingleShot(True)
        self.reset_timer.setInterval(RESET_MS)
        self.reset_timer.timeout.connect(self.restart)
        self.pages = QStackedWidget()
        self._title = f"{title}  {session_label}"
        self._pin: str | None = None  # None until staff chose one: leaving needs nothing
        self._wrong_pins = 0
        self._back_to: QWidget | None = None
        self.start_page = StartPage(self._title, self._start)
        self.staff_edit = self.start_page.staff_edit
        self.start_button = self.start_page.start_button
        self.start_error = self.start_page.start_error
        self.questions_page = QuestionsPage((), lang, self.restart, self._send)
        self.done_page = DonePage()
        self.done_label = self.done_page.done_label
        self.setup_page = PinSetupPage(self.close, self._set_pin)
        self.pin_edit = self.setup_page.pin_edit
        self.pin_again_edit = self.setup_page.pin_again_edit
        self.setup_error = self.setup_page.setup_error
        self.begin_button = self.setup_page.begin_button
        self.leave_page = LeavePage(self._stay, self._try_leave, self._typing_pin)
        self.leave_edit = self.leave_page.leave_edit
        self.leave_error = self.leave_page.leave_error
        self.leave_button = self.leave_page.leave_button
        for page in (
            self.start_page,
            self.questions_page,
            self.done_page,
            self.setup_page,
            self.leave_page,
        ):
            self.pages.addWidget(page)
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

    def _typing_pin(self) -> None:
        self.leave_timer.start()  # the idle limit counts from the last key

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
            self._precheck_failed,
        )

    def _precheck_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, FacilitatorError):
            raise exc  # a bug: the runner reports it and points to the log
        # Said on the start page, where the attendee still is.
        self.start_error.setText(exc.message.text(self._lang))

    def _prechecked(self, problem: FeedbackOutcome | None) -> None:
        if problem is not None:
            self.start_error.setText(outcome_text(problem))
            self.staff_edit.selectAll()
            self.staff_edit.setFocus()
            return
        self.start_error.clear()
        self._build_questions()
        self.questions_page.who.setText(
            self.tr("Staff number: %1").replace("%1", self.staff_edit.text().strip())
        )
        self._show(self.questions_page)

    def _build_questions(self) -> None:
        old = self.questions_page
        page = QuestionsPage(self._questions, self._lang, self.restart, self._send)
        index = self.pages.indexOf(old)
        self.pages.removeWidget(old)
        old.setParent(None)  # the last attendee's answers leave the window at once
        old.deleteLater()
        self.pages.insertWidget(index, page)
        self.questions_page = page

    @property
    def send_button(self) -> QPushButton:
        return self.questions_page.send_button

    def box(self, key: str) -> QuestionBox:
        return self.questions_page.box(key)

    def _send(self) -> None:
        boxes = self.questions_page.boxes
        answers = {b.question.key: b.value() for b in boxes if b.value() is not None}
        who = Respondent(staff_no=self.staff_edit.text())
        self._sender.send(
            self.send_button, self._session_id, who, answers, self._done, self._refused
        )

    def _refused(self, message: str) -> None:
        self.questions_page.form_error.setText(message)

    def _done(self, result: SubmitResult) -> None:
        page = self.questions_page
        page.errors.show(result.errors, self._lang)
        if result.errors:
            page.form_error.setText(outcome_text(result.outcome))
            return
        if result.outcome is FeedbackOutcome.NOT_CHECKED_IN:
            # Cannot happen after the precheck unless the check-in was undone meanwhile;
            # the answers stay on screen while staff sort it out.
            page.form_error.setText(outcome_text(result.outcome))
            return
        # Anything else ends this attendee's turn: thanks, or why not, then the start again.
        self.done_label.setText(outcome_text(result.outcome))
        self._show(self.done_page)
        if result.outcome.stored:
            self.submitted.emit(self._session_id)
        self.reset_timer.start()
