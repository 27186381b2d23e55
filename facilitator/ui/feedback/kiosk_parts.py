"""The kiosk's building blocks: big type, red error lines, big buttons, PIN fields,
and one question with big toggle buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.survey_rules import QuestionDef, QuestionKind
from facilitator.lang import Lang
from facilitator.ui.feedback.question_widgets import ERROR_RED, error_line, text_answer

BIG = 20
PIN_DIGITS = (4, 8)
# A picked answer is filled dark blue with white bold text and a thick border; an
# unpicked one is white with a grey border. Checked against WCAG AA in the tests
# (text 4.5:1 on either, and the fill 3:1 against the unpicked face).
PICKED_FILL = "#0b4fb3"
PICKED_TEXT = "#ffffff"
PICKED_BORDER = "#062d66"
UNPICKED_FACE = "#ffffff"
UNPICKED_TEXT = "#1c1c1e"
UNPICKED_BORDER = "#767676"
ANSWER_STYLE = (
    f"QPushButton {{ background: {UNPICKED_FACE}; color: {UNPICKED_TEXT};"
    f" border: 2px solid {UNPICKED_BORDER}; border-radius: 8px; font-size: 16pt; }}"
    f" QPushButton:focus {{ border: 3px solid {PICKED_FILL}; }}"
    f" QPushButton:checked {{ background: {PICKED_FILL}; color: {PICKED_TEXT};"
    f" border: 4px solid {PICKED_BORDER}; font-weight: bold; }}"
)
# The widest a kiosk's questions and answers grow on a large screen: beyond it
# a line of text and a row of answers get too long to read at a glance.
READABLE_WIDTH = 1100
FIELD_WIDTH = 560


def big(widget: QWidget, size: int = BIG) -> None:
    font = QFont(widget.font())
    font.setPointSize(size)
    widget.setFont(font)


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet(f"color: {ERROR_RED};")
    big(label, 16)
    return label


def big_button(text: str, name: str, slot: Callable[[], Any], height: int = 72) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setMinimumHeight(height)
    big(button)
    button.clicked.connect(slot)
    return button


def pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAlignment(Qt.AlignmentFlag.AlignCenter)
    high = PIN_DIGITS[1]
    field.setValidator(QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{high}}}")))
    field.setMaxLength(high)
    big(field, 28)
    return field


class QuestionBox(QWidget):
    """One question with big toggle buttons (or a text box) and its error line."""

    def __init__(self, q: QuestionDef, lang: Lang) -> None:
        super().__init__()
        self.question = q
        column = QVBoxLayout(self)
        optional = self.tr("(optional)")
        title = QLabel(q.label(lang) + ("" if q.required else f"  {optional}"))
        title.setWordWrap(True)
        big(title, 18)
        column.addWidget(title)
        self.group = QButtonGroup(self)
        self.group.setExclusive(q.kind is not QuestionKind.MULTIPLE_CHOICE)
        self.text: QPlainTextEdit | None = None
        if q.kind is QuestionKind.TEXT:
            self.text = text_answer(f"kioskText_{q.key}", 110, tab_moves_on=False)
            big(self.text, 16)
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
                button.setStyleSheet(ANSWER_STYLE)
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
        self.error = error_line(f"kioskError_{q.key}", bold=True)
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
