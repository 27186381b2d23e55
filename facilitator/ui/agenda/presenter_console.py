"""The presenter console on the laptop: current and next slide, notes, time, pace, controls.

Keys (so presentation clickers work): → Space PageDown next, ← PageUp previous,
P pause/resume, B (or .) blackout, + / − one minute more or less. Buttons never
take the keyboard focus, so Space always means "next" and never presses a
button by accident.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.agenda_catchup import CatchUpProposal
from facilitator.domain.agenda_timing import ON_TIME_TOLERANCE, Level, Phase
from facilitator.ui.agenda.presenter_controller import PresenterController
from facilitator.ui.agenda.slide import Screen, SlideCanvas
from facilitator.ui.agenda.texts import clock_time, countdown, slide_time
from facilitator.ui.dialogs import Dialogs

LEVEL_STYLE = {
    Level.NORMAL: "color: #1a1a1a;",
    Level.AMBER: "color: #b26a00; background: #fff3cd;",
    Level.RED: "color: white; background: #c62828;",
    Level.OVERTIME: "color: white; background: #c62828;",
}


class PresenterConsole(QWidget):
    swap_requested = Signal()
    # The projector window was closed by hand (or lost with its screen): bring it back.
    projector_requested = Signal()
    closed = Signal()

    def __init__(
        self,
        controller: PresenterController,
        parent: QWidget | None = None,
        dialogs: Dialogs | None = None,
    ) -> None:
        # A window of its own, yet owned by the agenda view so it closes with the workspace.
        super().__init__(parent, Qt.WindowType.Window)
        self.c = controller
        self._dialogs = dialogs
        self.setWindowTitle(self.tr("Presenter — %1").replace("%1", controller.session.label))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.resize(1280, 760)
        self._ignored: CatchUpProposal | None = None
        self._shown_proposal: CatchUpProposal | None = None

        self.current = SlideCanvas(self)
        self.next_preview = SlideCanvas(self, show_progress=False)
        self.next_title = QLabel()
        self.position_label = QLabel()
        self.item_title = QLabel()
        self.item_title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.time_left = QLabel()
        self.time_left.setObjectName("timeLeft")
        self.time_left.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label = QLabel()
        self.wall_clock = QLabel()
        self.wall_clock.setStyleSheet("font-size: 28px;")
        self.planned_end = QLabel()
        self.projected_end = QLabel()
        self.pace = QLabel()
        self.pace.setObjectName("pace")
        self.notes = QTextBrowser()
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.catch_up = QFrame()
        self.catch_up_text = QLabel()
        self.catch_up_text.setWordWrap(True)
        self.jump_box = QComboBox()
        self.jump_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for i, item in enumerate(controller.items):
            self.jump_box.addItem(f"{i + 1}. {item.title}", i)
        self._build()
        controller.state_changed.connect(self.refresh)
        controller.tick.connect(self.refresh_time)
        self.refresh()

    def _button(self, text: str, slot: object, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _=False: slot())  # type: ignore[operator]
        return button

    def _build(self) -> None:
        c = self.c
        self.start_button = self._button(self.tr("Start"), c.start, "start")
        self.pause_button = self._button(self.tr("Pause (P)"), c.toggle_pause, "pause")
        self.prev_button = self._button(self.tr("◀ Previous item"), c.previous_item, "previous")
        self.next_button = self._button(self.tr("Next item ▶"), c.next_item, "next")
        self.prev_page = self._button(self.tr("◁ Page"), c.previous_page, "previousPage")
        self.next_page = self._button(self.tr("Page ▷"), c.next_page, "nextPage")
        minus = self._button(self.tr("−1 min"), lambda: c.adjust(-1), "minus")
        plus = self._button(self.tr("+1 min"), lambda: c.adjust(+1), "plus")
        self.blackout_button = self._button(self.tr("Blackout (B)"), c.toggle_blackout, "blackout")
        self.blackout_button.setCheckable(True)
        jump = self._button(self.tr("Jump"), self._jump, "jump")
        swap = self._button(self.tr("Swap screens"), self.swap_requested.emit, "swap")
        projector = self._button(
            self.tr("Show projector"), self.projector_requested.emit, "showProjector"
        )
        finish = self._button(self.tr("Finish session"), self._finish, "finish")
        accept = self._button(self.tr("Apply"), self._accept, "acceptCatchUp")
        ignore = self._button(self.tr("Ignore"), self._ignore, "ignoreCatchUp")

        banner = QHBoxLayout(self.catch_up)
        banner.addWidget(self.catch_up_text, 1)
        banner.addWidget(accept)
        banner.addWidget(ignore)
        self.catch_up.setStyleSheet("QFrame { background: #fff3cd; border-radius: 4px; }")
        self.catch_up.hide()

        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.position_label)
        top.addWidget(self.item_title, 1)
        top.addWidget(self.phase_label)
        left.addLayout(top)
        left.addWidget(self.current, 3)
        left.addWidget(self.time_left)

        info = QGridLayout()
        info.addWidget(QLabel(self.tr("Now")), 0, 0)
        info.addWidget(self.wall_clock, 0, 1)
        info.addWidget(QLabel(self.tr("Planned end")), 1, 0)
        info.addWidget(self.planned_end, 1, 1)
        info.addWidget(QLabel(self.tr("Projected end")), 2, 0)
        info.addWidget(self.projected_end, 2, 1)
        info.addWidget(QLabel(self.tr("Pace")), 3, 0)
        info.addWidget(self.pace, 3, 1)

        right = QVBoxLayout()
        right.addLayout(info)
        right.addWidget(QLabel(self.tr("Next")))
        right.addWidget(self.next_preview, 2)
        right.addWidget(self.next_title)
        right.addWidget(QLabel(self.tr("Notes")))
        right.addWidget(self.notes, 2)

        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)

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
        # A second row keeps the console within a 1280-pixel laptop screen.
        session_row = QHBoxLayout()
        session_row.addWidget(self.jump_box)
        session_row.addWidget(jump)
        session_row.addStretch(1)
        session_row.addWidget(projector)
        session_row.addWidget(swap)
        session_row.addWidget(finish)

        layout = QVBoxLayout(self)
        layout.addWidget(self.catch_up)
        layout.addLayout(body, 1)
        layout.addLayout(controls)
        layout.addLayout(session_row)

    # -- refresh -------------------------------------------------------------------------------
    def refresh(self) -> None:
        c = self.c
        state = c.state
        item = c.item()
        self.current.set_screen(Screen.ITEM)
        self.current.set_frame(c.frame())
        following = c.item(c.index + 1)
        self.next_preview.set_frame(c.frame(c.index + 1, 0) if following else None)
        self.next_title.setText(
            f"{following.title}（{self._minutes(c.planned_minutes(c.index + 1))}）"
            if following
            else self.tr("(last item)")
        )
        self.position_label.setText(f"{c.index + 1} / {len(c.items)}")
        if item is not None:
            pages = ""
            if item.spec.pdf is not None:
                pages = f"  p.{c.page + 1}/{item.spec.pdf.count}"
            self.item_title.setText(item.title + pages)
            self.notes.setPlainText(item.spec.notes)
        self.start_button.setEnabled(state.phase in (Phase.IDLE, Phase.FINISHED))
        running = state.phase in (Phase.RUNNING, Phase.PAUSED)
        self.pause_button.setEnabled(running)
        self.pause_button.setText(
            self.tr("Resume (P)") if state.phase == Phase.PAUSED else self.tr("Pause (P)")
        )
        has_pages = item is not None and item.spec.pdf is not None and running
        self.prev_page.setEnabled(has_pages)
        self.next_page.setEnabled(has_pages)
        self.blackout_button.setChecked(c.blackout)
        self.phase_label.setText(
            {
                Phase.IDLE: self.tr("Not started"),
                Phase.RUNNING: self.tr("Running"),
                Phase.PAUSED: self.tr("PAUSED"),
                Phase.FINISHED: self.tr("Finished"),
            }[state.phase]
            + (self.tr(" · BLACKOUT") if c.blackout else "")
            + (self.tr(" · rehearsal") if c.rehearsal else "")
        )
        self.jump_box.setCurrentIndex(c.index)
        self.refresh_time()

    def refresh_time(self) -> None:
        c = self.c
        status = c.status()
        now = c.clock.now()
        self.current.set_time(slide_time(status, now) if status.index is not None else None)
        self._set_text(self.wall_clock, now.astimezone().strftime("%H:%M:%S"))
        self._set_text(self.planned_end, clock_time(status.planned_end))
        self._set_text(self.projected_end, clock_time(status.projected_end))
        if status.index is None:
            left = self.tr("Not started")
        elif status.remaining_seconds < 0:
            left = self.tr("Over %1").replace("%1", countdown(status.remaining_seconds))
        else:
            left = self.tr("%1 left").replace("%1", countdown(status.remaining_seconds))
        self._set_text(self.time_left, left)
        style = "font-size: 44px; font-weight: bold; padding: 4px; " + LEVEL_STYLE[status.level]
        if self.time_left.styleSheet() != style:
            self.time_left.setStyleSheet(style)
        self._set_text(self.pace, self._pace_text(status.pace_seconds))
        behind = status.pace_seconds <= -ON_TIME_TOLERANCE
        pace_style = "font-weight: bold; color: #c62828;" if behind else "font-weight: bold;"
        if self.pace.styleSheet() != pace_style:
            self.pace.setStyleSheet(pace_style)
        self._show_proposal(c.proposal())

    def _minutes(self, count: int) -> str:
        return self.tr("%1 min").replace("%1", str(count))

    def _pace_text(self, seconds: float) -> str:
        if abs(seconds) < ON_TIME_TOLERANCE:
            return self.tr("On time")
        minutes = round(abs(seconds) / 60) or 1
        if seconds > 0:
            return self.tr("%1 min ahead").replace("%1", str(minutes))
        return self.tr("%1 min behind").replace("%1", str(minutes))

    def _set_text(self, label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def _show_proposal(self, proposal: CatchUpProposal | None) -> None:
        if (
            proposal is not None
            and self._ignored is not None
            and proposal.cuts == self._ignored.cuts
        ):
            proposal = None
        if proposal == self._shown_proposal or (
            proposal is not None
            and self._shown_proposal is not None
            and proposal.cuts == self._shown_proposal.cuts
        ):
            return
        self._shown_proposal = proposal
        if proposal is None:
            self.catch_up.hide()
            return
        # The list separator is translated: "、" in Japanese, ", " in English.
        cuts = self.tr(", ").join(
            f"{cut.title} {cut.from_minutes}→{self._minutes(cut.to_minutes)}"
            for cut in proposal.cuts
        )
        text = self.tr("%1 min behind. Shorten: %2").replace(
            "%1", str(round(proposal.behind_seconds / 60))
        )
        text = text.replace("%2", cuts)
        if proposal.still_late_seconds > 0:
            text += self.tr(" (still %1 min late)").replace(
                "%1", str(round(proposal.still_late_seconds / 60))
            )
        self.catch_up_text.setText(text)
        self.catch_up.show()

    # -- actions -------------------------------------------------------------------------------
    def _accept(self) -> None:
        if self._shown_proposal is not None:
            self.c.accept(self._shown_proposal)
            self._shown_proposal = None
            self.catch_up.hide()

    def _ignore(self) -> None:
        self._ignored = self._shown_proposal
        self._shown_proposal = None
        self.catch_up.hide()

    def _finish(self) -> None:
        # Finishing records the session's end for the planned-vs-actual report and
        # stops the clock; one stray click must not do that mid-session.
        if self._dialogs is not None and not self._dialogs.confirm(
            self,
            self.tr("Finish session"),
            self.tr("Finish the session now? Its end time is recorded for the report."),
        ):
            return
        self.c.finish()

    def _jump(self) -> None:
        index = self.jump_box.currentData()
        if isinstance(index, int):
            self.c.jump(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.c.handle_key(event.key(), event.text()):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.c.end()
        self.closed.emit()
        super().closeEvent(event)
