"""The check-in area: the LAN server, the door (scanner, webcam, search, walk-in) and live arrivals.

Every way in (USB scanner, webcam, manual search, walk-in, phones through
the server) ends in `CheckInService.check_in`, always called through the
runner so the GUI thread never waits on the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.checkin import CheckInMethod, CheckInOutcome, RepeatFilter
from facilitator.domain.clock import Clock
from facilitator.domain.tokens import SLIP_PREFIX
from facilitator.errors import FacilitatorError
from facilitator.lang import Lang
from facilitator.services.checkin.service import CheckInService
from facilitator.services.checkin.types import (
    AttendeeRef,
    CheckInRequest,
    CheckInResult,
    SessionArrivals,
    SlipText,
    StaffNumber,
)
from facilitator.services.events import EventDetail, EventService
from facilitator.ui.checkin.arrivals_panel import ArrivalsPanel
from facilitator.ui.checkin.desk_camera import DeskCamera
from facilitator.ui.checkin.device_refusals_panel import DeviceRefusalsPanel
from facilitator.ui.checkin.search_panel import DeskSearch
from facilitator.ui.checkin.server_panel import ServerPanel
from facilitator.ui.checkin.walk_in_dialog import WalkIn, WalkInDialog
from facilitator.ui.checkin.widgets import ResultCard, ReturnToScanning, ScannerInput, card_style
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import Dialogs
from facilitator.ui.lan_server_control import LanServerControl
from facilitator.ui.runner import Runner

if TYPE_CHECKING:
    from facilitator.ui.camera_scanner import CameraScanner
    from facilitator.ui.checkin.chimes import Chimes
    from facilitator.ui.checkin.server_note import ShownOnce

REFRESH_MS = 250  # arrivals follow a burst within well under a second, without a query per check-in

WalkInPrompt = Callable[[list[str], QWidget], "WalkIn | None"]


def ask_walk_in(departments: list[str], parent: QWidget) -> WalkIn | None:
    dialog = WalkInDialog(departments, parent)
    return dialog.value() if dialog.exec() == WalkInDialog.DialogCode.Accepted else None


class CheckInView(QWidget):
    open_box: QCheckBox

    def __init__(
        self,
        checkin: CheckInService,
        events: EventService,
        runner: Runner,
        current: CurrentEvent,
        lan: LanServerControl,
        clock: Clock,
        *,
        lang: Lang,
        dialogs: Dialogs,
        addresses: Callable[[], list[str]],
        chimes: Chimes | None = None,
        walk_in_prompt: WalkInPrompt = ask_walk_in,
        camera_factory: Callable[[], CameraScanner] | None = None,
        server_note: ShownOnce | None = None,
    ) -> None:
        super().__init__()
        self._checkin, self._events, self._runner = checkin, events, runner
        self._current, self._lan, self._clock = current, lan, clock
        self._lang, self._dialogs, self._chimes = lang, dialogs, chimes
        self._walk_in_prompt = walk_in_prompt
        self._server_note = server_note
        self._camera_factory = camera_factory
        self._event: EventDetail | None = None
        self._repeats = RepeatFilter(3.0)
        self._build(addresses())
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh_arrivals)
        lan.checkins_arrived.connect(self._on_server_checkins)
        current.changed.connect(self.load_event)
        event_id = current.event_id
        if event_id is not None:
            self.load_event(event_id)

    # -- layout ------------------------------------------------------------------------------
    def _build(self, addresses: list[str]) -> None:
        self.session_combo = QComboBox()
        self.session_combo.setObjectName("sessionCombo")
        self.session_combo.currentIndexChanged.connect(lambda _i: self._session_changed())
        self.open_box = QCheckBox(self.tr("Check-in open"))
        self.open_box.setObjectName("checkinOpen")
        self.open_box.setChecked(True)
        self.open_box.clicked.connect(self._set_open)
        self.server = ServerPanel(
            self._lan,
            self._checkin,
            self._runner,
            self._clock,
            dialogs=self._dialogs,
            addresses=addresses,
            session_code=self.session_code,
            on_error=self._error,
            note=self._server_note,
        )
        self.server.projector_opened.connect(self.refresh_arrivals)
        server_box = QGroupBox(self.tr("Phones (venue Wi-Fi)"))
        server_row = QHBoxLayout(server_box)
        server_row.addWidget(QLabel(self.tr("Session")))
        server_row.addWidget(self.session_combo)
        server_row.addWidget(self.open_box)
        server_row.addWidget(self.server, 1)

        self.scanner = ScannerInput()
        self.scanner.setPlaceholderText(self.tr("Scan a slip or type a staff number, then Enter"))
        self.scanner.scanned.connect(self.handle_scan)
        self.rapid = QCheckBox(self.tr("Rapid mode (back to scanning after 2 s)"))
        self.rapid.setChecked(True)
        self.preview_holder = QVBoxLayout()
        self.camera = DeskCamera(self._camera_factory, self.preview_holder, self)
        self.camera.decoded.connect(lambda text: self.handle_scan(text, CheckInMethod.WEBCAM))
        self.camera.failed.connect(self._camera_failed)
        self.camera_button = self.camera.button
        self.card = ResultCard()
        self.card.admit_requested.connect(self.admit_anyway)
        self.card.declined.connect(self.scanner.setFocus)
        self.card.undo_requested.connect(self.undo)
        self._return = ReturnToScanning(self.card)
        self.rapid.toggled.connect(lambda on: setattr(self._return, "enabled", on))

        self.search = DeskSearch(
            self._checkin.desk,
            self._runner,
            self._event_id,
            self._error,
        )
        self.search.check_in_requested.connect(self.check_in_attendee)
        self.search.walk_in_requested.connect(self.walk_in)

        door = QWidget()
        door_layout = QVBoxLayout(door)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scanner, 1)
        scan_row.addWidget(self.camera_button)
        door_layout.addLayout(scan_row)
        door_layout.addWidget(self.rapid)
        door_layout.addLayout(self.preview_holder)
        door_layout.addWidget(self.card)
        door_layout.addWidget(self.search, 1)
        self.refusals = DeviceRefusalsPanel(
            self._checkin.phones, self._runner, self._event_id, self._error
        )
        self.refusals.admitted.connect(self.show_result)
        door_layout.addWidget(self.refusals)

        self.arrivals = ArrivalsPanel(self._lang)
        self.arrivals.undo_requested.connect(self.undo)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(door)
        splitter.addWidget(self.arrivals)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(server_box)
        layout.addWidget(splitter, 1)

    # -- event and session -------------------------------------------------------------------
    def load_event(self, event_id: int) -> None:
        self._runner.run(lambda: self._events.get_event(event_id), self._event_loaded, self._error)

    def _event_loaded(self, detail: EventDetail) -> None:
        self._event = detail
        self.session_combo.blockSignals(True)
        self.session_combo.clear()
        for session in detail.sessions:
            self.session_combo.addItem(session.label, session.id)
        self.session_combo.blockSignals(False)
        self._session_changed()

    def _event_id(self) -> int | None:
        return self._event.id if self._event is not None else None

    def session_id(self) -> int | None:
        value = self.session_combo.currentData()
        return int(value) if value is not None else None

    def session_code(self) -> str | None:
        session_id = self.session_id()
        if self._event is None or session_id is None:
            return None
        return next(s.code for s in self._event.sessions if s.id == session_id)

    def _session_changed(self) -> None:
        self.server.close_projector()
        session_id = self.session_id()
        if self._event is not None and session_id is not None:
            info = next(s for s in self._event.sessions if s.id == session_id)
            self.open_box.setChecked(info.checkin_open)
        self.refresh_arrivals()

    def _set_open(self, is_open: bool) -> None:
        session_id = self.session_id()
        if session_id is None:
            return

        def done(state: bool) -> None:
            # Keep the cached event in step, so switching sessions shows the truth.
            if self._event is not None:
                sessions = tuple(
                    replace(s, checkin_open=state) if s.id == session_id else s
                    for s in self._event.sessions
                )
                self._event = replace(self._event, sessions=sessions)

        self._runner.run(
            lambda: self._checkin.desk.set_checkin_open(session_id, is_open), done, self._error
        )

    # -- checking in -------------------------------------------------------------------------
    def handle_scan(self, text: str, method: CheckInMethod | None = None) -> None:
        """A USB-scanner burst, a typed staff number or a webcam decode."""
        session_id = self.session_id()
        if session_id is None or not self._repeats.accept(text.upper(), self._clock.monotonic()):
            return
        if text.upper().startswith(SLIP_PREFIX + "-"):
            credential: SlipText | StaffNumber = SlipText(text)
            how = method or CheckInMethod.USB
        elif method == CheckInMethod.WEBCAM:
            return  # another QR in view (the projected session QR, a poster): not a slip
        else:
            credential = StaffNumber(text)
            how = method or CheckInMethod.MANUAL
        self.submit(CheckInRequest(session_id, credential, how, device="desk"))

    def submit(self, request: CheckInRequest) -> None:
        self._runner.run(lambda: self._checkin.check_in(request), self.show_result, self._error)

    def show_result(self, result: CheckInResult) -> None:
        self.card.show_result(result)
        self._return.shown()
        if self._chimes is not None:
            self._chimes.play(card_style(result.outcome))
        self.scanner.setFocus()
        self._refresh_timer.start()
        self.search.search_again()

    def admit_anyway(self, attendee_id: int) -> None:
        session_id = self.session_id()
        if session_id is not None:
            self.submit(
                CheckInRequest(
                    session_id,
                    AttendeeRef(attendee_id),
                    CheckInMethod.MANUAL,
                    device="desk",
                    admit_anyway=True,
                )
            )

    def undo(self, checkin_id: int, name: str = "") -> None:
        question = (
            self.tr("Undo the check-in of %1? It stays in the audit log.").replace("%1", name)
            if name
            else self.tr("Undo this check-in? It stays in the audit log.")
        )
        if not self._dialogs.confirm(self, self.tr("Undo check-in"), question):
            return

        def done(_result: object) -> None:
            self.card.show_idle()
            self.refresh_arrivals()
            self.search.search_again()

        self._runner.run(
            lambda: self._checkin.desk.undo(checkin_id, "undone at the desk"), done, self._error
        )

    def check_in_attendee(self, attendee_id: int) -> None:
        """The person chosen in the search, checked in at the desk."""
        session_id = self.session_id()
        if session_id is None:
            return
        self.submit(
            CheckInRequest(
                session_id, AttendeeRef(attendee_id), CheckInMethod.MANUAL, device="desk"
            )
        )

    def walk_in(self) -> None:
        session_id, event = self.session_id(), self._event
        if session_id is None or event is None:
            return
        departments = self._checkin.desk.departments(event.id)
        value = self._walk_in_prompt(departments, self)
        if value is None:
            return
        self._runner.run(
            lambda: self._checkin.desk.register_walk_in(
                session_id,
                staff_no=value.staff_no,
                name=value.name,
                kana=value.kana,
                department=value.department,
                device="desk",
            ),
            self.show_result,
            self._error,
        )

    # -- live arrivals -----------------------------------------------------------------------
    def _on_server_checkins(self, results: list[CheckInResult]) -> None:
        # Coalesced: a burst of phones costs one refresh a quarter second, not one each.
        changed = any(
            r.outcome.admitted or r.outcome is CheckInOutcome.DEVICE_USED for r in results
        )
        if changed and not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def refresh_arrivals(self) -> None:
        session_id = self.session_id()
        if session_id is None:
            return
        self._runner.run(
            lambda: self._checkin.desk.arrivals(session_id), self._show_arrivals, self._error
        )
        self.refusals.refresh()

    def _show_arrivals(self, arrivals: SessionArrivals) -> None:
        if arrivals.session_id != self.session_id():
            return
        self.arrivals.show_arrivals(arrivals)
        self.server.set_counts(arrivals.counts)

    # -- webcam ------------------------------------------------------------------------------
    def _camera_failed(self, text: str) -> None:
        self.card.show_message(self.tr("Webcam unavailable"), text)

    def shutdown(self) -> None:
        """Close the projector window and the camera (the app is closing this view)."""
        self.server.close_projector()
        self.camera.shutdown()

    # -- errors ------------------------------------------------------------------------------
    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, FacilitatorError):
            self._dialogs.warn(self, self.tr("Check-in"), exc.message.text(self._lang))
            return
        raise exc
