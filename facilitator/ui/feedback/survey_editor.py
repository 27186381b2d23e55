"""The survey editor: settings, the list of questions, and the chosen question's details.

Edits stay in the form until Save; the service checks them (stable keys,
answered questions kept) and either stores all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.feedback_summary import SurveyInfo
from facilitator.domain.survey_rules import (
    DEFAULT_TEXT_LIMIT,
    QuestionDef,
    QuestionKind,
)
from facilitator.errors import FacilitatorError, ValidationFailed
from facilitator.lang import Lang
from facilitator.services.feedback.survey_editor import (
    SurveyDraft,
    SurveyEditorService,
    SurveySource,
    SurveyState,
)
from facilitator.ui.feedback.question_form import QuestionForm, choices_text, parse_choices
from facilitator.ui.feedback.question_widgets import ERROR_RED
from facilitator.ui.runner import Runner


@dataclass
class _Row:
    question: QuestionDef
    answered: bool


class SurveyEditor(QWidget):
    saved = Signal(object)  # SurveyInfo

    def __init__(self, editor: SurveyEditorService, runner: Runner, lang: Lang) -> None:
        super().__init__()
        self._editor, self._runner, self._lang = editor, runner, lang
        self._event_id: int | None = None
        self._rows: list[_Row] = []
        self._shown = -1
        self._dirty = False
        self._loading = False
        self.source_combo = QComboBox()
        self.source_combo.setObjectName("surveySource")
        self.create_button = QPushButton(self.tr("Create the survey"))
        self.create_button.setObjectName("surveyCreate")
        self.title_edit = QLineEdit()
        self.anonymous_check = QCheckBox(self.tr("Anonymous (answers are not linked to names)"))
        self.anonymous_check.setObjectName("surveyAnonymous")
        # Why a change of named/anonymous was refused, right beside the box.
        self.anonymous_error = QLabel()
        self.anonymous_error.setObjectName("surveyAnonymousError")
        self.anonymous_error.setWordWrap(True)
        self.anonymous_error.setStyleSheet(f"color: {ERROR_RED}; font-weight: bold;")
        self.anonymous_error.hide()
        # The live count of answers (the area's poll passes it on as answers arrive).
        self.response_count = QLabel()
        self.response_count.setObjectName("surveyResponseCount")
        self._saved_anonymous = False
        self.resubmit_combo = QComboBox()
        self.resubmit_combo.setObjectName("surveyResubmit")
        self.resubmit_combo.addItem(self.tr("A second answer replaces the first"), True)
        self.resubmit_combo.addItem(self.tr("A second answer is refused"), False)
        self.question_list = QListWidget()
        self.question_list.setObjectName("surveyQuestions")
        self.add_button = QPushButton(self.tr("Add question"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.question_form = QuestionForm()
        form = self.question_form
        self.key_edit, self.kind_combo, self.required_check = (
            form.key_edit,
            form.kind_combo,
            form.required_check,
        )
        self.label_ja, self.label_en = form.label_ja, form.label_en
        self.min_ja, self.min_en, self.max_ja, self.max_en = (
            form.min_ja,
            form.min_en,
            form.max_ja,
            form.max_en,
        )
        self.choices_edit, self.max_length = form.choices_edit, form.max_length
        self.save_button = QPushButton(self.tr("Save survey"))
        self.save_button.setObjectName("surveySave")
        self.status = QLabel()
        self.status.setObjectName("surveyStatus")
        self.status.setWordWrap(True)
        self._layout()
        self._connect()
        self._set_enabled(False)

    def _layout(self) -> None:
        settings = QFormLayout()
        settings.addRow(self.tr("Title"), self.title_edit)
        anonymous = QHBoxLayout()
        anonymous.addWidget(self.anonymous_check)
        anonymous.addWidget(self.anonymous_error, 1)
        settings.addRow("", anonymous)
        settings.addRow(self.tr("Answering twice"), self.resubmit_combo)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        left = QVBoxLayout()
        left.addWidget(self.question_list, 1)
        left.addLayout(buttons)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.question_form, 3)
        self.create_row = QWidget()
        create = QHBoxLayout(self.create_row)
        create.setContentsMargins(0, 0, 0, 0)
        create.addWidget(QLabel(self.tr("Start from")))
        create.addWidget(self.source_combo, 1)
        create.addWidget(self.create_button)
        outer = QVBoxLayout(self)
        outer.addWidget(self.create_row)
        outer.addLayout(settings)
        outer.addLayout(body, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.response_count)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.save_button)
        outer.addLayout(actions)

    def _connect(self) -> None:
        self.create_button.clicked.connect(self._create)
        self.question_list.currentRowChanged.connect(self._select)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.save_button.clicked.connect(self.save)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        for edit in (
            self.title_edit,
            self.key_edit,
            self.label_ja,
            self.label_en,
            self.min_ja,
            self.min_en,
            self.max_ja,
            self.max_en,
        ):
            edit.textEdited.connect(self._edited)
        self.choices_edit.textChanged.connect(self._edited)
        self.max_length.valueChanged.connect(self._edited)
        self.required_check.toggled.connect(self._edited)
        self.anonymous_check.toggled.connect(self._edited)
        self.resubmit_combo.currentIndexChanged.connect(self._edited)

    # -- loading ---------------------------------------------------------------------------
    def load(self, event_id: int, note: str = "") -> None:
        """Show the event's survey; `note` replaces the status line (e.g. "Saved.")."""
        self._event_id = event_id

        def show(state: SurveyState) -> None:
            self._show_state(state)
            if note:
                self.status.setText(note)

        def work() -> tuple[SurveyState, list[SurveySource]]:
            state = self._editor.state(event_id)
            return state, (self._editor.sources(event_id) if state.survey is None else [])

        def shown(result: tuple[SurveyState, list[SurveySource]]) -> None:
            state, sources = result
            self.source_combo.clear()
            for source in sources:
                label = self.tr("Default template") if source.event_id is None else source.label
                self.source_combo.addItem(label, source.event_id)
            show(state)

        self._runner.run(work, shown, self._failed)

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def show_response_count(self, responses: int | None) -> None:
        """The number of answers so far (None: no survey). Once there are answers,
        named/anonymous is fixed, and the box says so by being disabled."""
        self.response_count.setVisible(responses is not None)
        if responses is None:
            return
        self.response_count.setText(self.tr("%1 responses so far.").replace("%1", str(responses)))
        self.anonymous_check.setEnabled(self.save_button.isEnabled() and responses == 0)

    def _show_state(self, state: SurveyState) -> None:
        self._loading = True
        try:
            survey = state.survey
            self.create_row.setVisible(survey is None)
            self._set_enabled(survey is not None)
            self._rows = []
            if survey is not None:
                self.title_edit.setText(survey.title)
                self.anonymous_check.setChecked(survey.anonymous)
                self._saved_anonymous = survey.anonymous
                self.anonymous_error.hide()
                self.resubmit_combo.setCurrentIndex(0 if survey.allow_resubmit else 1)
                self._rows = [_Row(q, q.key in state.answered_keys) for q in survey.questions]
            self._shown = -1
            self.status.setText(
                "" if survey is not None else self.tr("This event has no survey yet.")
            )
        finally:
            self._loading = False
        self.show_response_count(state.responses if survey is not None else None)
        self._refresh_list(0 if self._rows else -1)
        self._dirty = False

    def _refresh_list(self, select: int) -> None:
        self._loading = True
        try:
            self.question_list.clear()
            for row in self._rows:
                mark = "" if row.question.required else "  " + self.tr("(optional)")
                label = row.question.label(self._lang)
                self.question_list.addItem(f"{row.question.key} — {label}{mark}")
            self.question_list.setCurrentRow(select)
        finally:
            self._loading = False
        self._shown = -1
        self._select(select)

    def _set_enabled(self, on: bool) -> None:
        for w in (
            self.title_edit,
            self.anonymous_check,
            self.resubmit_combo,
            self.question_list,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.save_button,
        ):
            w.setEnabled(on)

    # -- editing ---------------------------------------------------------------------------
    def _edited(self) -> None:
        if not self._loading:
            self._dirty = True
            self.status.setText(self.tr("Not saved yet."))

    def _select(self, index: int) -> None:
        if self._loading:
            return
        self._store_detail()
        self._shown = index
        self._loading = True
        try:
            row = self._rows[index] if 0 <= index < len(self._rows) else None
            q = row.question if row else None
            self.key_edit.setText(q.key if q else "")
            self.key_edit.setEnabled(bool(row) and not (row and row.answered))
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(q.kind.value) if q else 0)
            self.kind_combo.setEnabled(bool(row) and not (row and row.answered))
            self.label_ja.setText(q.label_ja if q else "")
            self.label_en.setText(q.label_en if q else "")
            self.required_check.setChecked(q.required if q else True)
            self.min_ja.setText(q.min_label_ja if q else "")
            self.min_en.setText(q.min_label_en if q else "")
            self.max_ja.setText(q.max_label_ja if q else "")
            self.max_en.setText(q.max_label_en if q else "")
            self.choices_edit.setPlainText(choices_text(q.choices) if q else "")
            self.max_length.setValue((q.max_length if q else None) or DEFAULT_TEXT_LIMIT)
        finally:
            self._loading = False
        self.question_form.show_kind_fields()

    def _kind_changed(self) -> None:
        self.question_form.show_kind_fields()
        self._edited()

    def _store_detail(self) -> None:
        if not 0 <= self._shown < len(self._rows):
            return
        row = self._rows[self._shown]
        kind = QuestionKind(self.kind_combo.currentData())
        row.question = replace(
            row.question,
            key=self.key_edit.text().strip(),
            kind=kind,
            label_ja=self.label_ja.text(),
            label_en=self.label_en.text(),
            required=self.required_check.isChecked(),
            min_label_ja=self.min_ja.text(),
            min_label_en=self.min_en.text(),
            max_label_ja=self.max_ja.text(),
            max_label_en=self.max_en.text(),
            choices=parse_choices(self.choices_edit.toPlainText()) if kind.has_choices else (),
            max_length=self.max_length.value() if kind is QuestionKind.TEXT else None,
        )

    def _add(self) -> None:
        self._store_detail()
        taken = {r.question.key for r in self._rows}
        n = len(self._rows) + 1
        while f"q{n}" in taken:
            n += 1
        self._rows.append(
            _Row(
                QuestionDef(f"q{n}", QuestionKind.RATING, "", "", min_label_ja="", max_label_ja=""),
                False,
            )
        )
        self._edited()
        self._refresh_list(len(self._rows) - 1)
        self.label_ja.setFocus()

    def _remove(self) -> None:
        index = self.question_list.currentRow()
        if not 0 <= index < len(self._rows):
            return
        if self._rows[index].answered:
            self.status.setText(self.tr("This question has answers and cannot be removed."))
            return
        self._shown = -1
        del self._rows[index]
        self._edited()
        self._refresh_list(min(index, len(self._rows) - 1))

    def _move(self, step: int) -> None:
        index = self.question_list.currentRow()
        target = index + step
        if not (0 <= index < len(self._rows) and 0 <= target < len(self._rows)):
            return
        self._store_detail()
        self._rows[index], self._rows[target] = self._rows[target], self._rows[index]
        self._edited()
        self._refresh_list(target)

    # -- saving ----------------------------------------------------------------------------
    def draft(self) -> SurveyDraft:
        self._store_detail()
        return SurveyDraft(
            title=self.title_edit.text(),
            anonymous=self.anonymous_check.isChecked(),
            allow_resubmit=bool(self.resubmit_combo.currentData()),
            questions=tuple(r.question for r in self._rows),
        )

    def save(self) -> None:
        if self._event_id is None:
            return
        event_id, draft = self._event_id, self.draft()

        def work() -> SurveyInfo:
            return self._editor.save(event_id, draft)

        self._runner.run(work, self._saved, self._failed)

    def _saved(self, survey: SurveyInfo) -> None:
        self._dirty = False
        self.saved.emit(survey)
        if self._event_id is not None:
            self.load(self._event_id, self.tr("Saved."))

    def _create(self) -> None:
        if self._event_id is None:
            return
        event_id = self._event_id
        source = self.source_combo.currentData()

        def work() -> SurveyInfo:
            return self._editor.create_from(event_id, source)

        self._runner.run(work, self._saved, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, FacilitatorError):
            raise exc
        self.status.setText(exc.message.text(self._lang))
        refused = isinstance(exc, ValidationFailed) and next(
            (e for e in exc.errors if e.field == "anonymous"), None
        )
        if refused:
            # The box goes back to what is stored (answers have come in since it was
            # shown) and says why, next to it.
            self._loading = True
            try:
                self.anonymous_check.setChecked(self._saved_anonymous)
            finally:
                self._loading = False
            self.anonymous_check.setEnabled(False)
            self.anonymous_error.setText(refused.message.text(self._lang))
            self.anonymous_error.show()
            self._recount()

    def _recount(self) -> None:
        """The answer count again, now (a refusal says answers came in since the last poll)."""
        event_id = self._event_id
        if event_id is None:
            return
        self._runner.run(
            lambda: self._editor.state(event_id),
            lambda state: self.show_response_count(state.responses),
            lambda _exc: None,  # the next poll of the area shows it anyway
        )
