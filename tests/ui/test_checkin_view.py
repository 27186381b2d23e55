"""The check-in desk as the trainer uses it: USB scanner, result card, search, walk-in, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from facilitator.db.models import Attendee, CheckIn, Event, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.checkin import CheckInMethod, CheckInOutcome
from facilitator.domain.clock import FakeClock
from facilitator.domain.devices import Phone
from facilitator.domain.tokens import slip_code
from facilitator.services.checkin.service import CheckInService
from facilitator.services.checkin.types import CheckInRequest, CheckInResult, StaffNumber
from facilitator.services.events import EventService
from facilitator.ui.camera_scanner import CameraScanner, FrameDecoder
from facilitator.ui.checkin.view import CheckInView
from facilitator.ui.checkin.walk_in_dialog import WalkIn
from facilitator.ui.current_event import CurrentEvent
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.lan_server_control import LanServerControl
from facilitator.ui.qr_image import qr_image
from facilitator.ui.runner import SyncRunner


class Desk:
    def __init__(self, ws: Workspace, clock: FakeClock, qtbot: QtBot) -> None:
        self.ws, self.clock = ws, clock
        self.checkin = CheckInService(ws, clock)
        self.lan = LanServerControl(self.checkin, clock, None)
        self.dialogs = RecordingDialogs()
        self.walk_ins: list[WalkIn | None] = []
        with ws.session() as s:
            self.event = s.scalars(select(Event)).one()
            self.am, self.pm = s.scalars(
                select(TrainingSession).order_by(TrainingSession.position)
            ).all()
            self.am_people = s.scalars(
                select(Attendee)
                .where(Attendee.assigned_session_id == self.am.id)
                .order_by(Attendee.id)
            ).all()
            self.pm_people = s.scalars(
                select(Attendee)
                .where(Attendee.assigned_session_id == self.pm.id)
                .order_by(Attendee.id)
            ).all()
        self.view = CheckInView(
            self.checkin,
            EventService(ws, clock),
            SyncRunner(),
            CurrentEvent(self.event.id),
            self.lan,
            clock,
            lang="en",
            dialogs=self.dialogs,
            addresses=lambda: ["127.0.0.1"],
            walk_in_prompt=lambda _depts, _parent: self.walk_ins.pop(0),
        )
        qtbot.addWidget(self.view)
        self.view.resize(1200, 800)
        self.view.show()

    def slip(self, person: Attendee) -> str:
        return slip_code(self.event.secret, self.event.id, person.staff_no, person.token_version)

    def records(self) -> list[CheckIn]:
        with self.ws.session() as s:
            return list(s.scalars(select(CheckIn).order_by(CheckIn.id)))


@pytest.fixture
def desk(demo_workspace: Workspace, clock: FakeClock, qtbot: QtBot) -> Iterator[Desk]:
    d = Desk(demo_workspace, clock, qtbot)
    yield d
    d.lan.stop()
    d.checkin.close()


def scan(qtbot: QtBot, desk: Desk, text: str, end: Qt.Key = Qt.Key.Key_Return) -> None:
    """Like a USB scanner: a burst of keystrokes ending in Enter (or Tab)."""
    desk.view.scanner.setFocus()
    qtbot.keyClicks(desk.view.scanner, text)
    qtbot.keyClick(desk.view.scanner, end)


def test_usb_scanner_checks_in_and_shows_green_card(
    qtbot: QtBot, desk: Desk, screenshots: Path
) -> None:
    person = desk.am_people[0]
    scan(qtbot, desk, desk.slip(person))
    card = desk.view.card
    assert card.headline.text() == "Checked in"
    assert person.name in card.person.text()
    assert card.style_key == "ok"
    assert desk.view.scanner.text() == ""
    assert [(r.attendee_id, r.method) for r in desk.records()] == [(person.id, "usb")]
    qtbot.waitUntil(
        lambda: desk.view.arrivals.counter.text() == f"1 / {len(desk.am_people)}", timeout=5000
    )
    card.grab().save(str(screenshots / "checkin_card_ok.png"))


def test_same_code_within_3s_is_ignored_then_already_checked_in(qtbot: QtBot, desk: Desk) -> None:
    person = desk.am_people[0]
    scan(qtbot, desk, desk.slip(person))
    desk.view.rapid.setChecked(False)
    desk.clock.advance(1)
    scan(qtbot, desk, desk.slip(person))
    assert desk.view.card.headline.text() == "Checked in"  # the repeat was dropped
    desk.clock.advance(3)
    scan(qtbot, desk, desk.slip(person), Qt.Key.Key_Tab)
    assert desk.view.card.headline.text() == "Already checked in"
    assert desk.view.card.style_key == "warn"
    assert len(desk.records()) == 1


def test_typed_staff_number_and_unknown_is_red(qtbot: QtBot, desk: Desk) -> None:
    scan(qtbot, desk, "00000")
    assert desk.view.card.headline.text() == "Not on the roster"
    assert desk.view.card.style_key == "error"
    scan(qtbot, desk, desk.am_people[1].staff_no)
    assert desk.records()[0].method == "manual"


def test_forged_slip_is_refused(qtbot: QtBot, desk: Desk) -> None:
    forged = slip_code("00" * 32, desk.event.id, desk.am_people[0].staff_no)
    scan(qtbot, desk, forged)
    assert desk.view.card.style_key == "error"
    assert desk.records() == []


def test_wrong_session_admit_anyway(qtbot: QtBot, desk: Desk, screenshots: Path) -> None:
    person = desk.pm_people[0]
    scan(qtbot, desk, desk.slip(person))
    card = desk.view.card
    assert card.headline.text() == "Registered for another session"
    assert card.admit_button.isVisible() and not card.undo_button.isVisible()
    card.grab().save(str(screenshots / "checkin_card_wrong.png"))
    qtbot.mouseClick(card.admit_button, Qt.MouseButton.LeftButton)
    assert card.headline.text() == "Checked in"
    (record,) = desk.records()
    assert record.session_id == desk.am.id and record.note == "admitted from PM"


def test_undo_from_card_keeps_audit(qtbot: QtBot, desk: Desk) -> None:
    desk.view.rapid.setChecked(False)
    scan(qtbot, desk, desk.slip(desk.am_people[0]))
    desk.dialogs.confirm_answers.append(True)
    qtbot.mouseClick(desk.view.card.undo_button, Qt.MouseButton.LeftButton)
    # The question names whose check-in is undone.
    assert desk.am_people[0].name in desk.dialogs.messages[-1][1]
    (record,) = desk.records()
    assert record.undone_at is not None
    assert desk.view.card.headline.text() == "Ready to scan"
    assert desk.view.arrivals.counter.text() == f"0 / {len(desk.am_people)}"


def test_rapid_mode_returns_to_scanning(qtbot: QtBot, desk: Desk) -> None:
    scan(qtbot, desk, desk.slip(desk.am_people[0]))
    assert desk.view.card.headline.text() == "Checked in"
    qtbot.waitUntil(lambda: desk.view.card.headline.text() == "Ready to scan", timeout=6000)


def test_search_by_kana_and_check_in_selected(qtbot: QtBot, desk: Desk) -> None:
    person = desk.am_people[2]
    qtbot.keyClicks(desk.view.search.box, person.staff_no)
    qtbot.waitUntil(lambda: desk.view.search.model.rowCount() == 1, timeout=5000)
    assert desk.view.search.model.text(0, 0) == person.name
    qtbot.mouseClick(desk.view.search.check_in_button, Qt.MouseButton.LeftButton)
    assert desk.view.card.headline.text() == "Checked in"
    assert desk.records()[0].method == "manual"
    qtbot.waitUntil(lambda: desk.view.search.model.text(0, 4) == "In (AM)", timeout=5000)
    # Undone from the card: the search still on screen says so too.
    desk.view.rapid.setChecked(False)
    desk.dialogs.confirm_answers.append(True)
    qtbot.mouseClick(desk.view.card.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.view.search.model.text(0, 4) != "In (AM)", timeout=5000)


def test_walk_in(qtbot: QtBot, desk: Desk) -> None:
    desk.walk_ins.append(WalkIn("777001", "当日 花子", "とうじつ はなこ", "総務課"))
    qtbot.mouseClick(desk.view.search.walk_in_button, Qt.MouseButton.LeftButton)
    assert desk.view.card.headline.text() == "Checked in"
    assert "当日 花子" in desk.view.card.person.text()
    assert desk.records()[0].method == "walk_in"
    desk.walk_ins.append(WalkIn("", "", "", ""))
    qtbot.mouseClick(desk.view.search.walk_in_button, Qt.MouseButton.LeftButton)
    assert desk.dialogs.messages[-1][0] == "warn" and "staff number" in desk.dialogs.messages[-1][1]


def test_arrivals_by_department_show_missing(qtbot: QtBot, desk: Desk, screenshots: Path) -> None:
    scan(qtbot, desk, desk.slip(desk.am_people[0]))
    qtbot.waitUntil(
        lambda: desk.view.arrivals.counter.text() == f"1 / {len(desk.am_people)}", timeout=5000
    )
    table = desk.view.arrivals.department_model
    rows = [[table.text(r, c) for c in range(3)] for r in range(table.rowCount())]
    missing = [name for row in rows if row[2] for name in row[2].split("、")]
    assert len(missing) == len(desk.am_people) - 1
    assert sum(int(row[1].split(" / ")[0]) for row in rows) == 1
    assert desk.am_people[1].name in missing
    assert desk.view.arrivals.recent_model.text(0, 1) == desk.am_people[0].name
    desk.view.grab().save(str(screenshots / "checkin_view.png"))


def _frame_with(text: str, at: tuple[int, int], side: int) -> QImage:
    """A synthetic 1280×720 webcam frame: grey background, the QR somewhere in it."""
    frame = QImage(1280, 720, QImage.Format.Format_RGB32)
    frame.fill(QColor(110, 120, 130))
    painter = QPainter(frame)
    painter.fillRect(at[0] - 20, at[1] - 20, side + 40, side + 40, QColor("white"))
    painter.drawImage(
        frame.rect().adjusted(at[0], at[1], at[0] + side - 1280, at[1] + side - 720), qr_image(text)
    )
    painter.end()
    return frame


def test_frame_decoder_reads_synthetic_frames(desk: Desk) -> None:
    text = desk.slip(desk.am_people[0])
    decoder = FrameDecoder()
    assert decoder.decode(_frame_with(text, (100, 80), 260)) == [text]
    assert decoder.decode(_frame_with(text, (800, 300), 380)) == [text]
    empty = QImage(1280, 720, QImage.Format.Format_RGB32)
    empty.fill(QColor(90, 90, 90))
    assert decoder.decode(empty) == []


def test_camera_frames_decode_off_the_gui_thread_and_check_in(qtbot: QtBot, desk: Desk) -> None:
    scanner = CameraScanner()
    person = desk.am_people[4]
    scanner.decoded.connect(lambda text: desk.view.handle_scan(text, method=_webcam()))
    with qtbot.waitSignal(scanner.decoded, timeout=8000) as got:
        scanner.handle_image(_frame_with(desk.slip(person), (400, 200), 300))
        scanner.handle_image(_frame_with(desk.slip(person), (400, 200), 300))  # busy: dropped
    assert got.args == [desk.slip(person)]
    assert scanner.dropped == 1
    qtbot.waitUntil(lambda: desk.view.card.headline.text() == "Checked in", timeout=5000)
    assert desk.records()[0].method == "webcam"
    scanner.shutdown()


def _webcam() -> CheckInMethod:
    return CheckInMethod.WEBCAM


def test_webcam_ignores_codes_that_are_not_slips(desk: Desk) -> None:
    desk.view.handle_scan("http://192.168.1.20:8765/c/abc?t=1-AAAA", CheckInMethod.WEBCAM)
    desk.view.handle_scan(desk.am_people[0].staff_no, CheckInMethod.WEBCAM)
    assert desk.view.card.headline.text() == "Ready to scan"
    assert desk.records() == []


def test_closing_check_in_turns_every_scan_red(qtbot: QtBot, desk: Desk) -> None:
    scan(qtbot, desk, desk.am_people[5].staff_no)  # the session is now in the writer's cache
    desk.clock.advance(5)
    qtbot.mouseClick(desk.view.open_box, Qt.MouseButton.LeftButton)
    assert not desk.view.open_box.isChecked()
    scan(qtbot, desk, desk.slip(desk.am_people[0]))
    assert desk.view.card.headline.text() == "Check-in for this session is closed"
    assert len(desk.records()) == 1
    qtbot.mouseClick(desk.view.open_box, Qt.MouseButton.LeftButton)
    desk.clock.advance(5)
    scan(qtbot, desk, desk.slip(desk.am_people[0]))
    assert desk.view.card.headline.text() == "Checked in"


def test_no_webcam_says_so_on_the_card(qtbot: QtBot, desk: Desk) -> None:
    from facilitator.ui.camera_scanner import camera_available
    from facilitator.ui.checkin.desk_camera import open_camera

    if camera_available():
        pytest.skip("this machine has a camera; the test is for one without")
    desk.view.camera.factory = open_camera
    desk.view.camera_button.setVisible(True)
    qtbot.mouseClick(desk.view.camera_button, Qt.MouseButton.LeftButton)
    assert desk.view.card.headline.text() == "Webcam unavailable"
    assert desk.view.card.detail.text() == "No camera was found."
    assert not desk.view.camera_button.isChecked()
    desk.view.shutdown()


def test_undo_from_the_latest_check_ins_list(qtbot: QtBot, desk: Desk) -> None:
    scan(qtbot, desk, desk.slip(desk.am_people[0]))
    qtbot.waitUntil(lambda: desk.view.arrivals.recent_model.rowCount() == 1, timeout=5000)
    panel = desk.view.arrivals
    assert not panel.undo_button.isEnabled()
    panel.recent.selectRow(0)
    assert panel.undo_button.isEnabled()
    desk.dialogs.confirm_answers.append(True)
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert desk.records()[0].undone_at is not None
    assert panel.recent_model.rowCount() == 0


def _phone_check_in(desk: Desk, person: Attendee, phone: Phone) -> CheckInResult:
    return desk.checkin.check_in(
        CheckInRequest(desk.am.id, StaffNumber(person.staff_no), CheckInMethod.PHONE, phone=phone)
    )


def test_a_refused_phone_shows_both_names_and_is_admitted_with_one_click(
    desk: Desk, qtbot: QtBot
) -> None:
    first, second = desk.am_people[:2]
    phone = Phone("cookie-1", "192.0.2.10")
    assert _phone_check_in(desk, first, phone).outcome is CheckInOutcome.CHECKED_IN
    refused = _phone_check_in(desk, second, phone)
    assert refused.outcome is CheckInOutcome.DEVICE_USED
    # The server relays phone results to the GUI thread; the desk list follows.
    desk.lan._relay(refused)
    qtbot.waitUntil(lambda: desk.view.refusals.model.rowCount() == 1, timeout=2000)
    panel = desk.view.refusals
    assert second.name in panel.model.text(0, 1) and first.name in panel.model.text(0, 2)
    assert panel.model.text(0, 3) == "192.0.2.10" and panel.model.text(0, 4) == "Not in yet"
    desk.view.grab().save("/tmp/issue12/checkin_refusals.png")
    qtbot.mouseClick(panel.admit_button, Qt.MouseButton.LeftButton)
    assert desk.view.card.headline.text() == "Checked in"
    assert panel.model.rowCount() == 0
    assert [r.attendee_id for r in desk.records()] == [first.id, second.id]


def test_the_desk_suggests_and_sets_the_shared_address_setting(desk: Desk, qtbot: QtBot) -> None:
    desk.checkin.check_in(
        CheckInRequest(
            desk.am.id,
            StaffNumber(desk.am_people[0].staff_no),
            CheckInMethod.PHONE,
            phone=Phone("c0", "192.0.2.99"),
        )
    )
    for n, person in enumerate(desk.am_people[1:4], start=1):
        _phone_check_in(desk, person, Phone(f"c{n}", "192.0.2.99"))
    desk.view.refusals.refresh()
    panel = desk.view.refusals
    assert panel.suggestion.isVisible() and "192.0.2.99" in panel.suggestion.text()
    desk.view.grab().save("/tmp/issue12/checkin_nat_suggestion.png")
    qtbot.mouseClick(panel.shared_box, Qt.MouseButton.LeftButton)
    assert panel.shared_box.isChecked() and not panel.suggestion.isVisible()
    again = _phone_check_in(desk, desk.am_people[1], Phone("c1", "192.0.2.99"))
    assert again.outcome is CheckInOutcome.CHECKED_IN
