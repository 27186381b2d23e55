"""The presenter console's two rows of buttons, which of them can be pressed, and what
they do.

Buttons never take the keyboard focus, so Space (a clicker's "next") never presses
one by accident. Finishing asks first: it records the session's end for the report.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from facilitator.domain.agenda_timing import Phase
from facilitator.services.agenda.phone_slides import SurveyStart
from facilitator.ui.agenda.presenter_controller import PresenterController
from facilitator.ui.dialogs import Dialogs


class ConsoleButtons(QWidget):
    def __init__(
        self,
        controller: PresenterController,
        dialogs: Dialogs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.c = c = controller
        self._dialogs = dialogs
        self.start_button = self._button(self.tr("Start"), self._start, "start")
        self.pause_button = self._button(self.tr("Pause (P)"), c.toggle_pause, "pause")
        self.prev_button = self._button(self.tr("◀ Previous item"), c.previous_item, "previous")
        self.next_button = self._button(self.tr("Next item ▶"), c.next_item, "next")
        self.prev_page = self._button(self.tr("◁ Page"), c.previous_page, "previousPage")
        self.next_page = self._button(self.tr("Page ▷"), c.next_page, "nextPage")
        minus = self._button(self.tr("−1 min"), lambda: c.adjust(-1), "minus")
        plus = self._button(self.tr("+1 min"), lambda: c.adjust(+1), "plus")
        self.blackout_button = self._button(self.tr("Blackout (B)"), c.toggle_blackout, "blackout")
        self.blackout_button.setCheckable(True)
        self.jump_box = QComboBox()
        self.jump_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for i, item in enumerate(c.items):
            self.jump_box.addItem(f"{i + 1}. {item.title}", i)
        jump = self._button(self.tr("Jump"), self._jump, "jump")
        # The console turns these two into its own signals (the launcher owns the screens).
        self.swap_button = QPushButton(self.tr("Swap screens"))
        self.swap_button.setObjectName("swap")
        self.projector_button = QPushButton(self.tr("Show projector"))
        self.projector_button.setObjectName("showProjector")
        for button in (self.swap_button, self.projector_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        finish = self._button(self.tr("Finish session"), self._finish, "finish")
        self.survey_auto = QCheckBox(self.tr("Open the survey at the feedback item"))
        self.survey_auto.setObjectName("surveyAuto")
        self.survey_auto.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.survey_auto.clicked.connect(
            lambda on: c.set_survey_start(SurveyStart.OPEN if on else SurveyStart.ASK)
        )

        controls = QHBoxLayout()
        for widget in (
            self.start_button,
            self.prev_button,
            self.next_button,
            self.prev_page,
            self.next_page,
            self.pause_button,
            minus,
            plus,
            self.blackout_button,
        ):
            controls.addWidget(widget)
        controls.addStretch(1)
        # A second row keeps every button on a 1366×768 laptop screen.
        session_row = QHBoxLayout()
        session_row.addWidget(self.jump_box)
        session_row.addWidget(jump)
        session_row.addWidget(self.survey_auto)
        session_row.addStretch(1)
        for button in (self.projector_button, self.swap_button, finish):
            session_row.addWidget(button)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(controls)
        rows.addLayout(session_row)

    def _button(self, text: str, slot: Callable[[], object], name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _=False: slot())
        return button

    def refresh(self) -> None:
        """Enable what can be pressed now and name the toggles by what they would do."""
        c = self.c
        state = c.state
        item = c.item()
        self.start_button.setEnabled(state.phase in (Phase.IDLE, Phase.FINISHED))
        self.start_button.setText(
            self.tr("Reopen session") if state.phase == Phase.FINISHED else self.tr("Start")
        )
        running = state.phase in (Phase.RUNNING, Phase.PAUSED)
        # On the last item the way on is Finish (which asks), not "next".
        self.next_button.setEnabled(
            state.phase == Phase.IDLE or (running and not state.on_last_item)
        )
        self.prev_button.setEnabled(running and c.index > 0)
        self.pause_button.setEnabled(running)
        self.pause_button.setText(
            self.tr("Resume (P)") if state.phase == Phase.PAUSED else self.tr("Pause (P)")
        )
        has_pages = item is not None and item.spec.pdf is not None and running
        self.prev_page.setEnabled(has_pages)
        self.next_page.setEnabled(has_pages)
        self.blackout_button.setChecked(c.blackout)
        self.jump_box.setCurrentIndex(c.index)
        # The event's choice, read off the GUI thread when presenting began.
        self.survey_auto.setVisible(c.survey_start is not None)
        self.survey_auto.setChecked(c.survey_start is not SurveyStart.ASK)

    # -- actions -------------------------------------------------------------------------------
    def _start(self) -> None:
        if self.c.state.phase == Phase.FINISHED:
            self.c.reopen()
        else:
            self.c.start()

    def _finish(self) -> None:
        # Finishing records the session's end for the planned-vs-actual report and
        # stops the clock; one stray click must not do that mid-session.
        if self._dialogs is not None and not self._dialogs.confirm(
            self.window(),
            self.tr("Finish session"),
            self.tr("Finish the session now? Its end time is recorded for the report."),
        ):
            return
        self.c.finish()

    def _jump(self) -> None:
        index = self.jump_box.currentData()
        if isinstance(index, int):
            self.c.jump(index)
