"""Typing in paper forms, keyboard only: staff number, then one short field per question.

Tab and Enter move on (Enter in the last field, or Ctrl+Enter anywhere,
saves); a rating is its digit, a choice its number. The answers go through
the same `FeedbackService.submit` as phones, so the same rules and messages
apply; after a save the form clears and the cursor is back on the staff
number for the next sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.paper_entry import paper_hint, paper_value
from facilitator.domain.survey_rules import FeedbackOutcome, QuestionDef, QuestionKind
from facilitator.lang import Lang
from facilitator.services.feedback.capture import FeedbackService
from facilitator.services.feedback.types import FeedbackMethod, Respondent, SubmitResult
from facilitator.ui.feedback.answer_sender import AnswerSender
from facilitator.ui.feedback.question_widgets import QuestionErrors, error_line, text_answer
from facilitator.ui.feedback.texts import outcome_text
from facilitator.ui.runner import Runner

Field = QLineEdit | QPlainTextEdit


class _EnterMovesOn(QObject):
    """Enter in a one-line field moves to the next field, like Tab."""

    def __init__(self, advance: Callable[[QWidget], None]) -> None:
        super().__init__()
        self._advance = advance

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, QLineEdit)
        ):
            self._advance(watched)
            return True
        return False


class PaperEntryForm(QWidget):
    submitted = Signal(int)  # session id, after a stored submission

    def __init__(self, feedback: FeedbackService, runner: Runner, lang: Lang) -> None:
        super().__init__()
        self._lang = lang
        self._sender = AnswerSender(feedback, runner, FeedbackMethod.PAPER, lang)
        self._session_id: int | None = None
        self._questions: tuple[QuestionDef, ...] = ()
        self._fields: dict[str, Field] = {}
        self._errors = QuestionErrors()
        self._enter = _EnterMovesOn(self._next_after)
        self.staff_edit = QLineEdit()
        self.staff_edit.setObjectName("paperStaffNo")
        self.staff_edit.installEventFilter(self._enter)
        self.status = QLabel()
        self.status.setObjectName("paperStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setObjectName("paperSave")
        self.save_button.clicked.connect(self.save)
        self._form = QFormLayout()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Type each paper form: staff number, then a digit per rating, the number of a "
                "choice (several: 13 or 1 3), text as written. Enter moves on; Ctrl+Enter saves."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        layout.addStretch(1)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

    def set_survey(self, session_id: int | None, questions: tuple[QuestionDef, ...]) -> None:
        self._session_id = session_id
        if questions == self._questions:
            return
        self._questions = questions
        while self._form.rowCount():
            self._form.removeRow(0)
        self._fields.clear()
        self._errors.forget()
        self.staff_edit = QLineEdit()
        self.staff_edit.setObjectName("paperStaffNo")
        self.staff_edit.installEventFilter(self._enter)
        self._form.addRow(self.tr("Staff number"), self.staff_edit)
        for q in questions:
            field: Field
            if q.kind is QuestionKind.TEXT:
                field = text_answer(f"paper_{q.key}", 64, tab_moves_on=True)
            else:
                field = QLineEdit()
                field.setObjectName(f"paper_{q.key}")
                field.installEventFilter(self._enter)
                field.setPlaceholderText(paper_hint(q, self._lang))
            error = self._errors.add(q.key, error_line(f"paperError_{q.key}"))
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(field)
            hint = paper_hint(q, self._lang)
            if hint and q.kind.has_choices:
                column.addWidget(QLabel(hint))
            column.addWidget(error)
            mark = "*" if q.required else ""
            self._form.addRow(f"{q.label(self._lang)}{mark}", box)
            self._fields[q.key] = field

    def field(self, key: str) -> Field:
        return self._fields[key]

    def error_line(self, key: str) -> QLabel:
        """The line under a question that says what is wrong with its answer."""
        return self._errors.line(key)

    def _next_after(self, widget: QWidget) -> None:
        order: list[QWidget] = [self.staff_edit, *self._fields.values()]
        index = order.index(widget) if widget in order else -1
        if index == len(order) - 1:
            self.save()
        elif index >= 0:
            order[index + 1].setFocus()

    def _answers(self) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        for q in self._questions:
            field = self._fields[q.key]
            typed = field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
            value = paper_value(q, typed)
            if value is not None:
                answers[q.key] = value
        return answers

    def save(self) -> None:
        if self._session_id is None:
            return
        session_id = self._session_id
        who = Respondent(staff_no=self.staff_edit.text())
        answers = self._answers()
        staff = self.staff_edit.text().strip()
        self._sender.send(
            self.save_button,
            session_id,
            who,
            answers,
            lambda r: self._done(r, staff, session_id),
            self.status.setText,
        )

    def _done(self, result: SubmitResult, staff: str, session_id: int) -> None:
        self._errors.hide()
        text = outcome_text(result.outcome, self)
        if result.outcome.stored:
            self.status.setText(f"{staff}: {text}")
            for field in self._fields.values():
                field.clear()
            self.staff_edit.clear()
            self.staff_edit.setFocus()
            self.submitted.emit(session_id)
            return
        self.status.setText(text)
        first_key = self._errors.show(result.errors, self._lang)
        first: QWidget | None = self._fields[first_key] if first_key else None
        if result.outcome in (FeedbackOutcome.NOT_CHECKED_IN, FeedbackOutcome.ALREADY_SUBMITTED):
            first = self.staff_edit
        (first or self.staff_edit).setFocus()
