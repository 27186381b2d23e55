"""The feedback area: live counts per session, open/close, results, survey editor,
paper entry, kiosk mode and exports.

Counts are polled every few seconds through the runner (phones answer on the
server's thread; the CLI may write too); the heavier results are fetched
again only when a count changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.feedback_summary import FeedbackResults
from facilitator.domain.phrases import keep_phrases_together
from facilitator.domain.survey_template import shown_title
from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.events import EventDetail, EventService
from facilitator.services.feedback.capture import FeedbackService
from facilitator.services.feedback.export import ExportSummary, export_feedback
from facilitator.services.feedback.results import FeedbackResultsService
from facilitator.services.feedback.survey_editor import SurveyEditorService
from facilitator.services.feedback.types import SessionCount
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.feedback.kiosk_window import KioskWindow
from facilitator.ui.feedback.paper_entry import PaperEntryForm
from facilitator.ui.feedback.results_panel import FeedbackResultsPanel
from facilitator.ui.feedback.survey_editor import SurveyEditor
from facilitator.ui.qr_image import qr_image
from facilitator.ui.runner import Runner

if TYPE_CHECKING:
    from facilitator.ui.current_event import CurrentEvent

POLL_MS = 3000
QR_PIXELS = 132


@dataclass(frozen=True)
class _Snapshot:
    event: EventDetail
    counts: list[SessionCount]
    results: FeedbackResults | None


class FeedbackView(QWidget):
    def __init__(
        self,
        feedback: FeedbackService,
        results: FeedbackResultsService,
        editor: SurveyEditorService,
        events: EventService,
        runner: Runner,
        current: CurrentEvent,
        *,
        lang: Lang,
        dialogs: Dialogs,
        phone_url: Callable[[int], str | None] | None = None,
    ) -> None:
        """`phone_url(session_id)`: the survey URL with a current token while the LAN
        server runs (None otherwise); shown as a QR for phones."""
        super().__init__()
        self._phone_url = phone_url
        self._feedback, self._results, self._events = feedback, results, events
        self._runner, self._current, self._lang, self._dialogs = runner, current, lang, dialogs
        self._counts: list[SessionCount] = []
        self._snapshot: _Snapshot | None = None
        self._polling = False
        self.kiosk: KioskWindow | None = None
        self.session_combo = QComboBox()
        self.session_combo.setObjectName("feedbackSession")
        self.toggle_button = QPushButton()
        self.toggle_button.setObjectName("feedbackToggle")
        self.count_label = QLabel()
        self.count_label.setObjectName("feedbackCount")
        self.count_label.setProperty("role", "heading")
        # One "AM: n of m answered" line per session: a count is never wrapped mid-phrase.
        self.count_label.setWordWrap(False)
        self.qr_label = QLabel()
        self.qr_label.setObjectName("feedbackQr")
        self.qr_label.setFixedSize(QR_PIXELS, QR_PIXELS)
        # Until phones can answer, the QR's place says why there is no QR, at the QR's
        # size: opening a survey moves nothing, and the space is not an unexplained gap.
        self.qr_placeholder = QLabel()
        self.qr_placeholder.setObjectName("feedbackQrPlaceholder")
        self.qr_placeholder.setFixedSize(QR_PIXELS, QR_PIXELS)
        self.qr_placeholder.setWordWrap(True)
        self.qr_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_placeholder.setStyleSheet(
            "#feedbackQrPlaceholder { border: 2px dashed #9e9e9e; color: #424242; padding: 6px; }"
        )
        self.qr_stack = QStackedWidget()
        self.qr_stack.addWidget(self.qr_label)
        self.qr_stack.addWidget(self.qr_placeholder)
        self.qr_stack.setFixedSize(QR_PIXELS, QR_PIXELS)
        self.url_label = QLabel()
        self.url_label.setObjectName("feedbackUrl")
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label.setMinimumHeight(self.url_label.fontMetrics().lineSpacing())
        self._keep_place(self.url_label)
        self.kiosk_button = QPushButton(self.tr("Kiosk mode"))
        self.kiosk_button.setObjectName("kioskButton")
        # Why the kiosk cannot be used yet, under its button (a tooltip alone is missed).
        self.kiosk_hint = QLabel()
        self.kiosk_hint.setObjectName("kioskHint")
        self.kiosk_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.kiosk_hint.setStyleSheet("color: #5f5f5f;")
        self._keep_place(self.kiosk_hint)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("feedbackExport")
        self.results_panel = FeedbackResultsPanel(lang)
        self.editor = SurveyEditor(editor, runner, lang)
        self.paper = PaperEntryForm(feedback, runner, lang)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.results_panel, self.tr("Results"))
        self.tabs.addTab(self.paper, self.tr("Paper entry"))
        self.tabs.addTab(self.editor, self.tr("Survey"))
        self._layout()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.session_combo.currentIndexChanged.connect(self._session_changed)
        self.toggle_button.clicked.connect(self._toggle)
        self.kiosk_button.clicked.connect(self.open_kiosk)
        self.export_button.clicked.connect(self._export)
        self.paper.submitted.connect(lambda _sid: self.refresh())
        self.editor.saved.connect(lambda _survey: self.refresh())
        current.changed.connect(self._event_changed)
        if current.event_id is not None:
            self._event_changed(current.event_id)
        self.timer.start()

    @staticmethod
    def _keep_place(widget: QWidget) -> None:
        policy = widget.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        widget.setSizePolicy(policy)

    def _layout(self) -> None:
        # Wide enough for either label, so the button keeps its size when the survey opens.
        metrics = self.toggle_button.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(t) for t in (self.tr("Open survey"), self.tr("Close survey"))
        )
        self.toggle_button.setMinimumWidth(widest + 32)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Session")))
        bar.addWidget(self.session_combo)
        bar.addWidget(self.toggle_button)
        bar.addStretch(1)
        bar.addWidget(self.kiosk_button)
        bar.addWidget(self.export_button)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label, 1)
        counts.addWidget(self.kiosk_hint, 0, Qt.AlignmentFlag.AlignTop)
        # The controls at the top, the counts under them: the QR's height beside them
        # is room for the counts, not an empty band above and below one row.
        left = QVBoxLayout()
        left.addLayout(bar)
        left.addLayout(counts)
        left.addStretch(1)
        phone = QVBoxLayout()
        phone.addWidget(self.qr_stack)
        phone.addWidget(self.url_label)
        self.top_bar = QWidget()
        self.top_bar.setObjectName("feedbackTopBar")
        top = QHBoxLayout(self.top_bar)
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(left, 1)
        top.addLayout(phone)
        outer = QVBoxLayout(self)
        outer.addWidget(self.top_bar)
        outer.addWidget(self.tabs, 1)

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes()

    # -- data ------------------------------------------------------------------------------
    def _event_changed(self, event_id: int) -> None:
        self.editor.load(event_id)
        self.refresh()

    def _load(self, event_id: int) -> _Snapshot:
        event = self._events.get_event(event_id)
        counts = self._feedback.counts(event_id)
        try:
            results: FeedbackResults | None = self._results.results(event_id)
        except FacilitatorError:
            results = None  # no survey yet: the editor offers to create one
        return _Snapshot(event, counts, results)

    def refresh(self) -> None:
        """Fetch counts and results again (through the runner) and show them."""
        event_id = self._current.event_id
        if event_id is not None:
            self._runner.run(lambda: self._load(event_id), self._show, self._failed)

    def show_phone_link(self) -> None:
        """The QR of the chosen session's survey, while the server runs and the survey is open."""
        sid = self.session_combo.currentData()
        count = self._count_for(sid)
        url = (
            self._phone_url(sid)
            if self._phone_url is not None and count is not None and count.feedback_open
            else None
        )
        self.url_label.setVisible(url is not None)
        if url is None:
            self._show_placeholder(count is not None and count.feedback_open)
            return
        self.qr_stack.setCurrentWidget(self.qr_label)
        # Tokens rotate; a fresh QR on every poll keeps the code a phone scans current.
        image = qr_image(url).scaled(
            QR_PIXELS,
            QR_PIXELS,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )
        self.qr_label.setPixmap(QPixmap.fromImage(image))
        self.url_label.setText(url.split("?", 1)[0])

    def _show_placeholder(self, is_open: bool) -> None:
        if is_open:  # open, yet no URL: the phone server is not running
            text = self.tr("No QR: the phone server is stopped. Start it in Check-in.")
        else:
            text = self.tr("Not open yet.\nThe QR appears when you open the survey.")
        self.qr_placeholder.setText(keep_phrases_together(text))
        self.qr_stack.setCurrentWidget(self.qr_placeholder)

    def poll(self) -> None:
        self.show_phone_link()
        event_id = self._current.event_id
        if event_id is None or self._polling:
            return
        self._polling = True

        def got(counts: list[SessionCount]) -> None:
            self._polling = False
            if [(c.responses, c.checked_in, c.feedback_open) for c in counts] != [
                (c.responses, c.checked_in, c.feedback_open) for c in self._counts
            ]:
                self.refresh()

        def failed(exc: BaseException) -> None:
            self._polling = False
            self._failed(exc)

        self._runner.run(lambda: self._feedback.counts(event_id), got, failed)

    def _show(self, snapshot: _Snapshot) -> None:
        self._snapshot = snapshot
        self._counts = snapshot.counts
        keep = self.session_combo.currentData()
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        for s in snapshot.event.sessions:
            self.session_combo.addItem(s.label, s.id)
        self.session_combo.setCurrentIndex(max(0, self.session_combo.findData(keep)))
        self.session_combo.blockSignals(False)
        if snapshot.results is not None:
            self.results_panel.show_results(snapshot.results)
        self._session_changed()

    def _count_for(self, session_id: int | None) -> SessionCount | None:
        return next((c for c in self._counts if c.session_id == session_id), None)

    def _session_changed(self) -> None:
        sid = self.session_combo.currentData()
        count = self._count_for(sid)
        parts = [
            self.tr("%1: %2 of %3 checked-in attendees answered")
            .replace("%1", c.label)
            .replace("%2", str(c.responses))
            .replace("%3", str(c.checked_in))
            for c in self._counts
        ]
        self.count_label.setText("\n".join(parts))
        is_open = bool(count and count.feedback_open)
        self.toggle_button.setText(self.tr("Close survey") if is_open else self.tr("Open survey"))
        has_survey = self._snapshot is not None and self._snapshot.results is not None
        self.toggle_button.setEnabled(count is not None and has_survey)
        self.kiosk_button.setEnabled(is_open and has_survey)
        self._explain_kiosk(is_open, has_survey)
        self.export_button.setEnabled(has_survey)
        self.editor.show_response_count(
            sum(c.responses for c in self._counts) if has_survey else None
        )
        if self._snapshot is not None and self._snapshot.results is not None:
            self.paper.set_survey(sid, self._snapshot.results.survey.questions)
        self.show_phone_link()

    def _explain_kiosk(self, is_open: bool, has_survey: bool) -> None:
        if not has_survey:
            hint = self.tr("Usable once a survey exists")
            tip = self.tr("Kiosk mode needs a survey: create it in the Survey tab first.")
        elif not is_open:
            hint = self.tr("Usable once the survey is open")
            tip = self.tr(
                "Kiosk mode takes answers on this computer while the session's survey is"
                " open. Press “Open survey” first."
            )
        else:
            hint = ""
            tip = self.tr("Show the survey full screen on this computer for attendees to answer.")
        self.kiosk_hint.setText(hint)
        self.kiosk_hint.setVisible(bool(hint))
        self.kiosk_button.setToolTip(tip)

    def response_count_text(self) -> str:
        return self.count_label.text()

    # -- actions ---------------------------------------------------------------------------
    def _toggle(self) -> None:
        sid = self.session_combo.currentData()
        count = self._count_for(sid)
        if count is None:
            return
        wanted = not count.feedback_open
        self._runner.run(
            lambda: self._feedback.set_feedback_open(sid, wanted),
            lambda _state: self.refresh(),
            self._failed,
        )

    def open_kiosk(self) -> None:
        snapshot = self._snapshot
        sid = self.session_combo.currentData()
        if snapshot is None or snapshot.results is None or sid is None:
            return
        survey = snapshot.results.survey
        self.kiosk = KioskWindow(
            self._feedback,
            self._runner,
            self._lang,
            sid,
            self.session_combo.currentText(),
            survey.questions,
            shown_title(survey.title, survey.template_key, self._lang),
            parent=self,
        )
        self.kiosk.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.kiosk.submitted.connect(lambda _sid: self.refresh())
        self.kiosk.destroyed.connect(self._kiosk_gone)
        self.kiosk.showFullScreen()

    def _kiosk_gone(self) -> None:
        # Closed (by its PIN, or by the app): the window is deleted, so forget it.
        self.kiosk = None

    def _export(self) -> None:
        event_id = self._current.event_id
        if event_id is None:
            return
        path = self._dialogs.save_path(
            self,
            self.tr("Export feedback"),
            Path.home() / "feedback.xlsx",
            self.tr("Excel (*.xlsx);;CSV (*.csv);;PDF summary (*.pdf)"),
        )
        if path is None:
            return
        lang = self._lang
        clock = self._feedback.clock

        def work() -> ExportSummary:
            return export_feedback(self._results, event_id, path, lang, now=clock.now)

        def done(summary: ExportSummary) -> None:
            self._dialogs.inform(
                self,
                self.tr("Export feedback"),
                self.tr("Wrote %1 responses to %2.")
                .replace("%1", str(summary.responses))
                .replace("%2", str(summary.path)),
            )

        self._runner.run(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, FacilitatorError):
            self._dialogs.warn(self, self.tr("Feedback"), exc.message.text(self._lang))
        else:
            raise exc
