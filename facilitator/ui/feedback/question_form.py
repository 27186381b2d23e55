"""The chosen question's fields in the survey editor: key, kind, both labels, whether an
answer is required, and what only some kinds have (the scale's ends, choices, length)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from facilitator.domain.survey_rules import MAX_TEXT_LIMIT, ChoiceDef, QuestionKind


def choices_text(choices: tuple[ChoiceDef, ...]) -> str:
    return "\n".join(f"{c.value} | {c.label_ja} | {c.label_en}" for c in choices)


def parse_choices(text: str) -> tuple[ChoiceDef, ...]:
    """One choice a line: `value | 日本語 | English` (missing labels repeat the value)."""
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        value = parts[0]
        ja = parts[1] if len(parts) > 1 and parts[1] else value
        en = parts[2] if len(parts) > 2 and parts[2] else ja
        out.append(ChoiceDef(value, ja, en))
    return tuple(out)


class QuestionForm(QWidget):
    """Lays out the fields; the editor reads and fills them and decides what an edit means."""

    def __init__(self) -> None:
        super().__init__()
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("questionKey")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("questionKind")
        for kind, label in (
            (QuestionKind.RATING, self.tr("Rating 1–5")),
            (QuestionKind.SINGLE_CHOICE, self.tr("Single choice")),
            (QuestionKind.MULTIPLE_CHOICE, self.tr("Multiple choice")),
            (QuestionKind.TEXT, self.tr("Free text")),
        ):
            self.kind_combo.addItem(label, kind.value)
        self.label_ja = QLineEdit()
        self.label_ja.setObjectName("questionLabelJa")
        self.label_en = QLineEdit()
        self.label_en.setObjectName("questionLabelEn")
        self.required_check = QCheckBox(self.tr("Answer required"))
        self.min_ja, self.min_en, self.max_ja, self.max_en = (QLineEdit() for _ in range(4))
        self.choices_edit = QPlainTextEdit()
        self.choices_edit.setObjectName("questionChoices")
        self.choices_edit.setPlaceholderText(self.tr("one per line: value | 日本語 | English"))
        self.max_length = QSpinBox()
        self.max_length.setRange(1, MAX_TEXT_LIMIT)
        self.detail = QFormLayout(self)
        self.detail.setContentsMargins(0, 0, 0, 0)
        self.detail.addRow(self.tr("Key"), self.key_edit)
        self.detail.addRow(self.tr("Kind"), self.kind_combo)
        self.detail.addRow(self.tr("Question (Japanese)"), self.label_ja)
        self.detail.addRow(self.tr("Question (English)"), self.label_en)
        self.detail.addRow("", self.required_check)
        self._min_pair = self._pair(self.min_ja, self.min_en)
        self._max_pair = self._pair(self.max_ja, self.max_en)
        self.detail.addRow(self.tr("1 means (ja / en)"), self._min_pair)
        self.detail.addRow(self.tr("5 means (ja / en)"), self._max_pair)
        self.detail.addRow(self.tr("Choices"), self.choices_edit)
        self.detail.addRow(self.tr("Length limit"), self.max_length)

    def _pair(self, a: QWidget, b: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(a)
        row.addWidget(b)
        return box

    def show_kind_fields(self) -> None:
        kind = QuestionKind(self.kind_combo.currentData())
        for widget, show in (
            (self._min_pair, kind is QuestionKind.RATING),
            (self._max_pair, kind is QuestionKind.RATING),
            (self.choices_edit, kind.has_choices),
            (self.max_length, kind is QuestionKind.TEXT),
        ):
            self.detail.setRowVisible(widget, show)
