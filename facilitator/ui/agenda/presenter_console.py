"""The presenter console on the laptop: current and next slide, notes, time, pace, controls.

Keys (so presentation clickers work): → Space PageDown next, ← PageUp previous,
P pause/resume, B (or .) blackout, + / − one minute more or less, F11 full
screen. Buttons never take the keyboard focus, so Space always means "next"
and never presses a button by accident. No key ends the session: on the last
item → only says so; Finish is a button, and it asks.

Everything the trainer must not miss (paused, blackout, the phone server
stopped, a survey not open yet) is said here in large type, never on the
projector.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.agenda_timing import ON_TIME_TOLERANCE, Level, Phase
from facilitator.ui.agenda.console_alerts import (
    PAUSED_COLOUR,
    NoticeAlert,
    PhoneAlert,
    StateAlert,
)
from facilitator.ui.agenda.console_buttons import ConsoleButtons
from facilitator.ui.agenda.console_catchup import CatchUpBanner
from facilitator.ui.agenda.presenter_controller import PresenterController
from facilitator.ui.agenda.slide import Screen, SlideCanvas
from facilitator.ui.agenda.slide_box import SlideBox
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
        self.setWindowTitle(self.tr("Presenter — %1").replace("%1", controller.session.label))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.resize(1280, 720)

        self.current = SlideCanvas(self)
        # The frame around the current slide turns orange (paused) or purple (blackout).
        self.current_frame = QFrame()
        self.current_frame.setObjectName("currentFrame")
        frame_layout = QVBoxLayout(self.current_frame)
        frame_layout.setContentsMargins(8, 8, 8, 8)
        frame_layout.addWidget(self.current)
        # The slide keeps its 16:9 shape: no black bands where the column has room.
        self.current_box = SlideBox(self.current_frame)
        self.state_banner = StateAlert(self.current_frame)
        self.notice_label = NoticeAlert()
        self.phone_banner = PhoneAlert()
        self.phone_text = self.phone_banner.text
        self.survey_button = self.phone_banner.survey_button
        self.phone_banner.start_survey.connect(controller.open_survey)
        self.next_preview = SlideCanvas(self, show_progress=False, keep_aspect=True)
        self.next_title = QLabel()
        self.position_label = QLabel()
        self.item_title = QLabel()
        self.time_left = QLabel()
        self.time_left.setObjectName("timeLeft")
        self.time_left.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label = QLabel()
        self.wall_clock = QLabel()
        self.planned_end = QLabel()
        self.projected_end = QLabel()
        self.pace = QLabel()
        self.pace.setObjectName("pace")
        self.notes = QTextBrowser()
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.catch_up = CatchUpBanner(controller.accept)
        self.catch_up_text = self.catch_up.text
        self.buttons = ConsoleButtons(controller, dialogs)
        self.buttons.swap_button.clicked.connect(self.swap_requested.emit)
        self.buttons.projector_button.clicked.connect(self.projector_requested.emit)
        self.start_button = self.buttons.start_button
        self.next_button = self.buttons.next_button
        self.survey_auto = self.buttons.survey_auto
        self._build()
        controller.state_changed.connect(self.refresh)
        controller.tick.connect(self.refresh_time)
        controller.notice.connect(
            lambda notice: self.notice_label.show_notice(notice, self._banner_px())
        )
        self.refresh()

    def _build(self) -> None:
        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.position_label)
        top.addWidget(self.item_title, 1)
        top.addWidget(self.phase_label)
        left.addLayout(top)
        left.addWidget(self.state_banner)
        left.addWidget(self.current_box, 3)
        left.addWidget(self.time_left)
        left.addStretch(0)  # what the slide's shape leaves over, under the timer

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
        right.addWidget(self.next_preview)
        right.addWidget(self.next_title)
        right.addWidget(QLabel(self.tr("Notes")))
        right.addWidget(self.notes, 1)

        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.catch_up)
        layout.addWidget(self.phone_banner)
        layout.addWidget(self.notice_label)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

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
        self.buttons.refresh()
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
        self._show_state(state.phase == Phase.PAUSED, c.blackout)
        self._show_phone()
        self.refresh_time()

    def _show_state(self, paused: bool, blackout: bool) -> None:
        self.state_banner.show_state(paused, blackout, self._banner_px())

    def _show_phone(self) -> None:
        c = self.c
        self.phone_banner.show_for(
            self.current.frame(), c.opening_survey, c.survey_waits_for_trainer(), self._banner_px()
        )

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
        if c.state.phase == Phase.PAUSED:
            left = self.tr("PAUSED  %1").replace("%1", left)
            level_style = f"color: white; background: {PAUSED_COLOUR};"
        else:
            level_style = LEVEL_STYLE[status.level]
        self._set_text(self.time_left, left)
        style = f"font-size: {self._time_px()}px; font-weight: bold; padding: 4px; " + level_style
        if self.time_left.styleSheet() != style:
            self.time_left.setStyleSheet(style)
        self._set_text(self.pace, self._pace_text(status.pace_seconds))
        behind = status.pace_seconds <= -ON_TIME_TOLERANCE
        # A style sheet's font replaces the inherited one: say the size too.
        pace_px = max(13, self.font().pixelSize())  # -1 until the first resize
        pace_style = f"font-weight: bold; font-size: {pace_px}px;" + (
            " color: #c62828;" if behind else ""
        )
        if self.pace.styleSheet() != pace_style:
            self.pace.setStyleSheet(pace_style)
        self.catch_up.show_proposal(c.proposal())

    # -- scaling -------------------------------------------------------------------------------
    def _time_px(self) -> int:
        return max(32, round(self.height() * 0.065))

    def _banner_px(self) -> int:
        return max(18, round(self.height() * 0.032))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The type grows with the screen: read from a step back on a 1080p laptop, and
        # everything still fits on 1366×768.
        super().resizeEvent(event)
        base = QFont(self.font())
        base.setPixelSize(max(13, round(self.height() * 0.019)))
        self.setFont(base)  # every label, button and the notes follow
        title = QFont(base)
        title.setPixelSize(max(20, round(self.height() * 0.028)))
        title.setBold(True)
        self.item_title.setFont(title)
        clock = QFont(base)
        clock.setPixelSize(max(28, round(self.height() * 0.04)))
        self.wall_clock.setFont(clock)
        self.refresh_time()
        self._show_state(self.c.state.phase == Phase.PAUSED, self.c.blackout)

    def open_full_screen(self, screen: QScreen | None) -> None:
        """Full screen on the laptop's screen (`screen`; None: where it is)."""
        if screen is not None:
            if self.windowHandle() is None:
                self.create()
            handle = self.windowHandle()
            if handle is not None:
                handle.setScreen(screen)
            self.setGeometry(screen.availableGeometry())
        self.showFullScreen()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
            return
        if not self.c.handle_key(event.key(), event.text()):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.c.end()
        self.closed.emit()
        super().closeEvent(event)
