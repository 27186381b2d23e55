"""Drives one presented session: the keys and buttons of both windows end up here.

The controller sends each transition to `LiveAgenda` through a one-thread
runner (saved in order, off the GUI thread) and tells both windows when the
state changed. A single QTimer refreshes what is shown; the time itself is
always read from the injected clock, never counted in ticks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from facilitator.domain.agenda_catchup import CatchUpProposal, propose_catch_up
from facilitator.domain.agenda_clock import AgendaState
from facilitator.domain.agenda_items import ItemKind
from facilitator.domain.agenda_timing import ClockStatus, Instant, Phase
from facilitator.domain.clock import Clock
from facilitator.services.agenda.items import AgendaItemInfo
from facilitator.services.agenda.live import LiveAgenda, LiveStart
from facilitator.services.agenda.phone_slides import PhoneSlideSource, SurveyStart
from facilitator.ui.agenda.pdf_pages import PdfPageCache
from facilitator.ui.agenda.slide import SlideFrame
from facilitator.ui.runner import Runner

TICK_MS = 250  # four refreshes a second; labels repaint only when their text changes
COUNTS_EVERY_MS = 3000  # arrivals / responses on the phone slides
AUDIENCE_BOX = QSize(1920, 1080)

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Down}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up}


@dataclass(frozen=True)
class Counts:
    arrivals: tuple[int, int] | None = None
    responses: int | None = None
    # None until first read: a survey not known to be open is not projected as a QR.
    survey_open: bool | None = None


class Notice(Enum):
    """Why a key press did nothing (said on the console, never on the projector)."""

    LAST_ITEM = "last_item"
    FINISHED = "finished"


class PresenterController(QObject):
    state_changed = Signal()  # item, phase, page or blackout changed: rebuild frames
    tick = Signal()  # time moved on: refresh the clocks
    blackout_changed = Signal(bool)
    notice = Signal(object)  # a Notice

    def __init__(
        self,
        live: LiveAgenda,
        start: LiveStart,
        runner: Runner,
        clock: Clock,
        pdf_cache: PdfPageCache,
        phone: PhoneSlideSource | None = None,
        counts_runner: Runner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._live = live
        self.session = start.session
        self.items = start.items
        self.rehearsal = start.rehearsal
        self.state: AgendaState = start.state
        self._runner = runner
        self._counts_runner = counts_runner or runner
        self.clock = clock
        self._pdf = pdf_cache
        self._phone = phone
        self.page = 0  # page offset inside a PDF item
        self.blackout = False
        self.counts = Counts()
        self._pdf.ready.connect(lambda _key: self.state_changed.emit())
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self._on_tick)
        self._counts_timer = QTimer(self)
        self._counts_timer.timeout.connect(self._poll_counts)
        self._last_url: str | None = None
        self._pictures: dict[str, QImage | None] = {}
        self.opening_survey = False
        self.survey_start: SurveyStart | None = None  # the event's choice, once read
        if phone is not None:
            session_id = self.session.id
            self._counts_runner.run(lambda: phone.survey_start(session_id), self._got_start)

    def _got_start(self, start: SurveyStart) -> None:
        self.survey_start = start
        self.state_changed.emit()

    # -- lifecycle -----------------------------------------------------------------------------
    def begin(self) -> None:
        self._timer.start(TICK_MS)
        self._counts_timer.start(COUNTS_EVERY_MS)
        # Resumed onto a feedback item after a restart counts as reaching it.
        self._poll_counts(arrived=True)
        self.state_changed.emit()

    def end(self) -> None:
        self._timer.stop()
        self._counts_timer.stop()

    # -- reading -------------------------------------------------------------------------------
    def now(self) -> Instant:
        return Instant(self.clock.monotonic(), self.clock.now())

    def status(self) -> ClockStatus:
        return self.state.status(self.now())

    @property
    def index(self) -> int:
        return self.state.index if self.state.index is not None else 0

    def item(self, index: int | None = None) -> AgendaItemInfo | None:
        i = self.index if index is None else index
        return self.items[i] if 0 <= i < len(self.items) else None

    def planned_minutes(self, index: int) -> int:
        return self.state.plan[index].minutes

    def proposal(self) -> CatchUpProposal | None:
        return propose_catch_up(self.state, self.now())

    def frame(self, index: int | None = None, page: int | None = None) -> SlideFrame | None:
        """What item `index` (default: the current one) shows on the projector."""
        item = self.item(index)
        if item is None:
            return None
        spec = item.spec
        pdf_image: QImage | None = None
        pdf_pending = False
        if spec.pdf is not None and spec.kind not in (ItemKind.BREAK, ItemKind.CHECKIN):
            offset = self.page if page is None else page
            number = spec.pdf.first - 1 + min(offset, spec.pdf.count - 1)
            pdf_image = self._pdf.page(spec.pdf.path, number, AUDIENCE_BOX)
            pdf_pending = pdf_image is None
            if number + 1 < spec.pdf.last:
                self._pdf.prefetch(spec.pdf.path, number + 1, AUDIENCE_BOX)
        url: str | None = None
        counter = ""
        server_down = False
        if self._phone is not None and spec.kind in (ItemKind.CHECKIN, ItemKind.FEEDBACK):
            if spec.kind == ItemKind.CHECKIN:
                url = self._phone.checkin_url(self.session.id)
                if self.counts.arrivals is not None:
                    arrived, expected = self.counts.arrivals
                    counter = self.tr("%1 / %2 checked in").replace("%1", str(arrived))
                    counter = counter.replace("%2", str(expected))
            else:
                url = self._phone.feedback_url(self.session.id)
                if self.counts.responses is not None:
                    counter = self.tr("%1 responses").replace("%1", str(self.counts.responses))
            server_down = url is None
        elif spec.kind in (ItemKind.CHECKIN, ItemKind.FEEDBACK):
            server_down = True
        survey_closed = spec.kind == ItemKind.FEEDBACK and self.counts.survey_open is not True
        if survey_closed:
            url = None  # phones would read "the survey is closed": no QR until it opens
        image = self._picture(spec.slide.image) if spec.slide.image else None
        return SlideFrame(
            kind=spec.kind,
            title=spec.title,
            slide=spec.slide,
            pdf_page=pdf_image,
            pdf_pending=pdf_pending,
            image=image,
            qr_url=url,
            counter=counter,
            server_down=server_down,
            survey_closed=survey_closed,
        )

    def _picture(self, path: str) -> QImage | None:
        # Read once per presentation: frames are rebuilt on every change of state.
        if path not in self._pictures:
            loaded = QImage(path)
            self._pictures[path] = None if loaded.isNull() else loaded
        return self._pictures[path]

    # -- commands ------------------------------------------------------------------------------
    def start(self) -> None:
        self._do(lambda: self._live.start(self.index), page=0)

    def next(self) -> None:
        """Clicker forward: the next page of a PDF item, else the next item."""
        if self._has_page(+1):
            self._set_page(self.page + 1)
        else:
            self.next_item()

    def previous(self) -> None:
        if self._has_page(-1):
            self._set_page(self.page - 1)
        else:
            self.previous_item()

    def next_item(self) -> None:
        if self.state.phase == Phase.IDLE:
            self.start()
        elif self.state.phase == Phase.FINISHED:
            self.notice.emit(Notice.FINISHED)
        elif self.state.on_last_item:
            # Finishing is the Finish button's, which asks: a key never ends the session.
            self.notice.emit(Notice.LAST_ITEM)
        else:
            self._do(self._live.next, page=0)

    def previous_item(self) -> None:
        if self.state.phase == Phase.FINISHED:
            self.notice.emit(Notice.FINISHED)
            return
        target = self.item(self.index - 1)
        last = target.spec.pdf.count - 1 if target is not None and target.spec.pdf else 0
        self._do(self._live.previous, page=last)

    def next_page(self) -> None:
        if self._has_page(+1):
            self._set_page(self.page + 1)

    def previous_page(self) -> None:
        if self._has_page(-1):
            self._set_page(self.page - 1)

    def jump(self, index: int) -> None:
        self._do(lambda: self._live.jump(index), page=0)

    def toggle_pause(self) -> None:
        if self.state.phase in (Phase.RUNNING, Phase.PAUSED):
            self._do(self._live.toggle_pause)

    def adjust(self, minutes: int) -> None:
        if self.state.current is not None:
            self._do(lambda: self._live.adjust(minutes * 60))

    def finish(self) -> None:
        self._do(self._live.finish)

    def reopen(self) -> None:
        """Continue a finished session on the item it ended on (the Start button)."""
        if self.state.phase == Phase.FINISHED:
            self._do(lambda: self._live.start(self.index))

    def open_survey(self) -> None:
        """Open the session's survey through the feedback service (one click on the console)."""
        phone = self._phone
        if phone is None or self.opening_survey:
            return
        session_id = self.session.id
        self.opening_survey = True
        self.state_changed.emit()

        def done(is_open: bool) -> None:
            self.opening_survey = False
            self.counts = Counts(self.counts.arrivals, self.counts.responses, is_open)
            self.state_changed.emit()

        self._counts_runner.run(lambda: phone.open_survey(session_id), done)

    def set_survey_start(self, start: SurveyStart) -> None:
        phone = self._phone
        if phone is not None:
            self.survey_start = start
            session_id = self.session.id
            self._counts_runner.run(
                lambda: phone.set_survey_start(session_id, start), lambda _s: None
            )

    def survey_waits_for_trainer(self) -> bool:
        """On a feedback item whose survey is closed: the console offers to open it."""
        item = self.item()
        return (
            self._phone is not None
            and item is not None
            and item.kind == ItemKind.FEEDBACK
            and self.state.phase in (Phase.RUNNING, Phase.PAUSED)
            and self.counts.survey_open is False
        )

    def accept(self, proposal: CatchUpProposal) -> None:
        self._do(lambda: self._live.accept(proposal))

    def toggle_blackout(self) -> None:
        self.blackout = not self.blackout
        self.blackout_changed.emit(self.blackout)
        self.state_changed.emit()

    def handle_key(self, key: int, text: str = "") -> bool:
        """The presenter keys; True when the key was one of them."""
        actions: dict[str, Callable[[], None]] = {
            "p": self.toggle_pause,
            "b": self.toggle_blackout,
            "+": lambda: self.adjust(+1),
            "-": lambda: self.adjust(-1),
            "−": lambda: self.adjust(-1),
        }
        if key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Period:  # many clickers send "." for their blank-screen button
            self.toggle_blackout()
        elif text.lower() in actions:
            actions[text.lower()]()
        else:
            return False
        return True

    # -- internals -----------------------------------------------------------------------------
    def _has_page(self, step: int) -> bool:
        item = self.item()
        if item is None or item.spec.pdf is None or self.state.current is None:
            return False
        return 0 <= self.page + step < item.spec.pdf.count

    def _set_page(self, page: int) -> None:
        self.page = page
        self.state_changed.emit()

    def _do(self, work: Callable[[], AgendaState], page: int | None = None) -> None:
        def done(state: AgendaState) -> None:
            moved = state.index != self.state.index
            self.state = state
            if moved and page is not None:
                self.page = page
            self.state_changed.emit()
            self.tick.emit()
            if moved:
                self._poll_counts(arrived=True)  # a phone slide's counter at once, not in 3 s

        self._runner.run(work, done)

    def _poll_counts(self, arrived: bool = False) -> None:
        """Read the counters (and whether the survey is open) off the GUI thread.

        `arrived`: the session just moved onto this item. Reaching a feedback
        item opens the survey through the feedback service, unless the trainer
        chose to be asked (then the console offers a one-click start).
        """
        phone = self._phone
        item = self.item()
        if phone is None or item is None:
            return
        if item.kind not in (ItemKind.CHECKIN, ItemKind.FEEDBACK):
            return
        session_id = self.session.id
        feedback = item.kind == ItemKind.FEEDBACK and self.state.phase in (
            Phase.RUNNING,
            Phase.PAUSED,
        )
        open_now = arrived and feedback

        def work() -> Counts:
            survey_open = phone.survey_open(session_id) if feedback else None
            opens = open_now and survey_open is False
            if opens and phone.survey_start(session_id) is SurveyStart.OPEN:
                survey_open = phone.open_survey(session_id)
            return Counts(phone.arrivals(session_id), phone.responses(session_id), survey_open)

        def done(counts: Counts) -> None:
            if counts != self.counts:
                self.counts = counts
                self.state_changed.emit()

        self._counts_runner.run(work, done)

    def _on_tick(self) -> None:
        # The phone URL's token rotates; rebuild the slide (and its QR) only when it changed.
        item = self.item()
        if self._phone is not None and item is not None:
            url = None
            if item.kind == ItemKind.CHECKIN:
                url = self._phone.checkin_url(self.session.id)
            elif item.kind == ItemKind.FEEDBACK:
                url = self._phone.feedback_url(self.session.id)
            if url != self._last_url:
                self._last_url = url
                self.state_changed.emit()
        self.tick.emit()
