"""Who gets a certificate: the list with reasons, manual decisions, numbering settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.certificates import Override, check_number_format, format_number
from facilitator.errors import FacilitatorError, InputRejected
from facilitator.lang import Lang
from facilitator.services.certificates.eligibility import (
    CertificateEligibility,
    CertificateSettings,
    EligibilityRow,
)
from facilitator.services.certificates.issue import CertificateIssuer, IssuePlan, IssueResult
from facilitator.ui.certificates.table_model import EligibilityModel
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.runner import Runner

# (parent, title, label) -> the text typed, or None when cancelled.
AskText = Callable[[QWidget, str, str], str | None]


def ask_text_dialog(parent: QWidget, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


class EligibilityPanel(QWidget):
    def __init__(
        self,
        service: CertificateEligibility,
        issuer: CertificateIssuer,
        runner: Runner,
        *,
        lang: Lang,
        dialogs: Dialogs,
        ask_text: AskText = ask_text_dialog,
    ) -> None:
        super().__init__()
        self._service, self._issuer, self._runner = service, issuer, runner
        self._lang, self._dialogs, self._ask_text = lang, dialogs, ask_text
        self._event_id: int | None = None

        self.prefix_edit = QLineEdit()
        self.prefix_edit.setObjectName("prefixEdit")
        self.format_edit = QLineEdit()
        self.format_edit.setObjectName("formatEdit")
        self.format_edit.setToolTip(self.tr("Fields: {prefix}, {year}, {seq:04d}"))
        # The number as it will print, beside the format that makes it.
        self.example_label = QLabel()
        self.example_label.setObjectName("numberExample")
        self._plan: IssuePlan | None = None
        for edit in (self.prefix_edit, self.format_edit):
            edit.textChanged.connect(lambda _t: self._show_example())
        self.feedback_check = QCheckBox(self.tr("Also require feedback to be submitted"))
        self.feedback_check.setObjectName("requireFeedback")
        self.save_settings_button = QPushButton(self.tr("Save rules"))
        self.save_settings_button.setObjectName("saveRulesButton")
        form = QFormLayout()
        form.addRow(self.tr("Number prefix"), self.prefix_edit)
        format_row = QHBoxLayout()
        format_row.addWidget(self.format_edit, 1)
        format_row.addWidget(self.example_label, 1)
        form.addRow(self.tr("Number format"), format_row)
        form.addRow("", self.feedback_check)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_settings_button)
        save_row.addStretch(1)
        form.addRow("", save_row)

        self.model = EligibilityModel()
        self.table = QTableView()
        self.table.setObjectName("eligibilityTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

        self.summary = QLabel()
        self.summary.setObjectName("eligibilitySummary")
        self.include_button = QPushButton(self.tr("Include…"))
        self.include_button.setObjectName("includeButton")
        self.exclude_button = QPushButton(self.tr("Exclude…"))
        self.exclude_button.setObjectName("excludeButton")
        self.rules_button = QPushButton(self.tr("Follow the rules"))
        self.rules_button.setObjectName("followRulesButton")
        self.issue_button = QPushButton(self.tr("Issue numbers"))
        self.issue_button.setObjectName("issueButton")
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.setObjectName("revokeButton")
        self.reissue_button = QPushButton(self.tr("Reissue…"))
        self.reissue_button.setObjectName("reissueButton")
        buttons = QHBoxLayout()
        for button in (self.include_button, self.exclude_button, self.rules_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.issue_button, self.revoke_button, self.reissue_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.save_settings_button.clicked.connect(self._save_settings)
        self.include_button.clicked.connect(lambda: self._override(Override.INCLUDE))
        self.exclude_button.clicked.connect(lambda: self._override(Override.EXCLUDE))
        self.rules_button.clicked.connect(lambda: self._override(Override.NONE))
        self.issue_button.clicked.connect(self._issue)
        self.revoke_button.clicked.connect(lambda: self._certificate_action(revoke=True))
        self.reissue_button.clicked.connect(lambda: self._certificate_action(revoke=False))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # -- loading ------------------------------------------------------------------------------
    def show_event(self, event_id: int | None) -> None:
        self._event_id = event_id
        if event_id is None:
            self.model.set_rows([])
            self._update_buttons()
            return
        self._runner.run(
            lambda: self._service.get_settings(event_id), self._show_settings, self._fail
        )
        self.reload()

    def reload(self) -> None:
        event_id = self._event_id
        if event_id is None:
            return
        self._runner.run(lambda: self._service.eligibility(event_id), self._show_rows, self._fail)
        self._runner.run(lambda: self._issuer.plan(event_id), self._plan_loaded, self._plan_failed)

    def _plan_loaded(self, plan: IssuePlan) -> None:
        self._plan = plan
        self._show_example()

    def _plan_failed(self, exc: BaseException) -> None:
        # A saved format that gives no number: the example line says why, no dialog on load.
        if not isinstance(exc, InputRejected):
            raise exc
        self._plan = None
        self.example_label.setText(exc.message.text(self._lang))

    def _show_example(self) -> None:
        """The next number with the format as typed (not yet saved), or why it gives none."""
        plan = self._plan
        if plan is None:
            return
        prefix, fmt = self.prefix_edit.text(), self.format_edit.text()
        try:
            check_number_format(fmt, prefix)
            number = format_number(fmt, prefix, plan.year, plan.next_seq)
        except InputRejected as exc:
            self.example_label.setStyleSheet("color: #b3261e;")
            self.example_label.setText(exc.message.text(self._lang))
            return
        self.example_label.setStyleSheet("")
        self.example_label.setText(self.tr("e.g. %1").replace("%1", number))

    def _show_settings(self, settings: CertificateSettings) -> None:
        self.prefix_edit.setText(settings.prefix)
        self.format_edit.setText(settings.number_format)
        self.feedback_check.setChecked(settings.require_feedback)

    def _show_rows(self, rows: list[EligibilityRow]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        eligible = sum(1 for r in rows if r.eligible)
        issued = sum(1 for r in rows if r.number is not None and not r.revoked)
        waiting = sum(1 for r in rows if r.eligible and r.number is None)
        self.summary.setText(
            self.tr("%1 of %2 eligible; %3 certificates issued; %4 waiting for a number.")
            .replace("%1", str(eligible))
            .replace("%2", str(len(rows)))
            .replace("%3", str(issued))
            .replace("%4", str(waiting))
        )
        if selected is not None:
            for index, row in enumerate(rows):
                if row.attendee_id == selected.attendee_id:
                    self.table.selectRow(index)
        self._update_buttons()

    def selected(self) -> EligibilityRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.rows[indexes[0].row()] if indexes else None

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.include_button, self.exclude_button, self.rules_button):
            button.setEnabled(row is not None)
        has_cert = row is not None and row.number is not None
        self.revoke_button.setEnabled(has_cert and row is not None and not row.revoked)
        self.reissue_button.setEnabled(has_cert)
        self.issue_button.setEnabled(self._event_id is not None)

    # -- actions ------------------------------------------------------------------------------
    def _fail(self, exc: BaseException) -> None:
        if isinstance(exc, FacilitatorError):
            self._dialogs.warn(self, self.tr("Certificates"), exc.message.text(self._lang))
            return
        raise exc

    def _save_settings(self) -> None:
        if self._event_id is None:
            return
        event_id = self._event_id
        settings = CertificateSettings(
            self.prefix_edit.text(), self.format_edit.text(), self.feedback_check.isChecked()
        )

        def done(saved: CertificateSettings) -> None:
            self._show_settings(saved)
            self.reload()

        self._runner.run(
            lambda: self._service.update_settings(event_id, settings), done, self._fail
        )

    def _override(self, override: Override) -> None:
        row = self.selected()
        if row is None:
            return
        reason = ""
        if override is not Override.NONE:
            label = (
                self.tr("Why is %1 included by hand?")
                if override is Override.INCLUDE
                else self.tr("Why is %1 excluded by hand?")
            ).replace("%1", row.name)
            answer = self._ask_text(self, self.tr("Reason"), label)
            if answer is None:
                return
            reason = answer
        self._runner.run(
            lambda: self._service.set_override(row.attendee_id, override, reason),
            lambda _: self.reload(),
            self._fail,
        )

    def _issue(self) -> None:
        """番号を発行: say how many numbers (and which) first, and issue only when confirmed."""
        if self._event_id is None:
            return
        event_id = self._event_id

        def ask(plan: IssuePlan) -> None:
            self._plan_loaded(plan)
            title = self.tr("Issue numbers")
            if plan.pending == 0:
                self._dialogs.inform(
                    self, title, self.tr("Everyone eligible already has a number.")
                )
                return
            question = (
                self.tr(
                    "Issue %1 certificate numbers (%2 to %3)? An issued number stays with its "
                    "person; a revoked number is never given again."
                )
                .replace("%1", str(plan.pending))
                .replace("%2", plan.first)
                .replace("%3", plan.last)
            )
            if self._dialogs.confirm(self, title, question):
                self._runner.run(lambda: self._issuer.issue(event_id), done, self._fail)

        def done(result: IssueResult) -> None:
            self._dialogs.inform(
                self,
                self.tr("Certificates"),
                self.tr("%1 new numbers issued; %2 in total.")
                .replace("%1", str(len(result.newly_issued)))
                .replace("%2", str(result.total_issued)),
            )
            self.reload()

        self._runner.run(lambda: self._issuer.plan(event_id), ask, self._fail)

    def _certificate_action(self, *, revoke: bool) -> None:
        row = self.selected()
        if row is None or row.number is None:
            return
        number = row.number
        label = (
            self.tr("Why is certificate %1 revoked?")
            if revoke
            else self.tr("Why is certificate %1 reissued?")
        ).replace("%1", number)
        reason = self._ask_text(self, self.tr("Reason"), label)
        if reason is None:
            return
        if revoke:
            self._runner.run(
                lambda: self._issuer.revoke(number, reason), lambda _: self.reload(), self._fail
            )
        else:
            self._runner.run(
                lambda: self._issuer.reissue(number, reason), lambda _: self.reload(), self._fail
            )
