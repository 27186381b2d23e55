"""Kiosk mode: the laptop as an answering station for attendees without a phone.

Full screen, big buttons, one attendee after another: staff number -> the
questions -> send -> a thank-you, then back to the start by itself. Every
answer goes through `FeedbackService.submit` like a phone's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
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

from facilitator.domain.survey_rules import QuestionDef, QuestionKind
from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.feedback import (
    FeedbackMethod,
    FeedbackOutcome,
    FeedbackService,
    Respondent,
    SubmitResult,
)
from facilitator.ui.feedback_texts import outcome_text
from facilitator.ui.runner import Runner

RESET_MS = 4000
BIG = 20


def _big(widget: QWidget, size: int = BIG) -> None:
    font = QFont(widget.font())
    font.setPointSize(size)
    widget.setFont(font)


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
    ) -> None:
        super().__init__()
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
        self.pages.addWidget(self._start_page())
        self.questions_page = QWidget()
        self.pages.addWidget(self.questions_page)
        self.pages.addWidget(self._done_page())
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.restart()

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
        self.start_error = QLabel()
        self.start_error.setObjectName("kioskStartError")
        self.start_error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_error.setStyleSheet("color: #b3261e;")
        _big(self.start_error, 16)
        column.addWidget(self.start_error)
        hint = QLabel(self.tr("Staff: press Esc to leave kiosk mode."))
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

    # -- flow ------------------------------------------------------------------------------
    def restart(self) -> None:
        """Back to the start for the next attendee (nothing of the last one stays on screen)."""
        self.reset_timer.stop()
        self.staff_edit.clear()
        self.start_error.clear()
        self.pages.setCurrentIndex(0)
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
        self.pages.setCurrentWidget(self.questions_page)

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
        self.pages.setCurrentIndex(2)
        if result.outcome.stored:
            self.submitted.emit(self._session_id)
        self.reset_timer.start()
