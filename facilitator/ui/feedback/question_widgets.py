"""What the kiosk and paper entry share about a question: the box a free-text answer is
written in, the red line under each question that says what is wrong with its answer,
and showing a refused submission's errors on those lines.

Each caller keeps its own look (the kiosk's big type for a touch screen, paper
entry's compact form for a keyboard); only the parts that must behave the same
live here, so a message reaches the person the same way on both.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QPlainTextEdit

from facilitator.domain.survey_rules import AnswerError
from facilitator.lang import Lang

ERROR_RED = "#b3261e"


def text_answer(name: str, height: int, *, tab_moves_on: bool) -> QPlainTextEdit:
    """The box of a free-text question. `tab_moves_on`: Tab goes to the next field
    instead of typing a tab (paper entry is keyboard only; a comment never needs one)."""
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setFixedHeight(height)
    box.setTabChangesFocus(tab_moves_on)
    return box


def error_line(name: str, *, bold: bool = False) -> QLabel:
    """A question's error line: red, wrapped, hidden until an answer is refused."""
    line = QLabel()
    line.setObjectName(name)
    line.setStyleSheet(f"color: {ERROR_RED};" + (" font-weight: bold;" if bold else ""))
    line.setWordWrap(True)
    line.hide()
    return line


class QuestionErrors:
    """The error lines of one form's questions, by question key."""

    def __init__(self) -> None:
        self._lines: dict[str, QLabel] = {}

    def add(self, key: str, line: QLabel) -> QLabel:
        self._lines[key] = line
        return line

    def line(self, key: str) -> QLabel:
        return self._lines[key]

    def forget(self) -> None:
        """The form's questions are rebuilt: their lines go with them."""
        self._lines.clear()

    def hide(self) -> None:
        for line in self._lines.values():
            line.hide()

    def show(self, errors: Iterable[AnswerError], lang: Lang) -> str | None:
        """Hide the old messages, show these under their questions; the key of the first
        question shown (where the cursor goes), None if none belongs to this form."""
        self.hide()
        first: str | None = None
        for error in errors:
            line = self._lines.get(error.key)
            if line is None:
                continue
            line.setText(error.message.text(lang))
            line.show()
            first = first or error.key
        return first
