"""The desk during a real door rush (issue 15): the selection never jumps to someone else,
a wrong-session card can be declined, methods are words, the server note is said once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_checkin_view import Desk, scan
from test_checkin_view import desk as desk  # the same desk fixture (a demo event, AM open)

from facilitator.domain.checkin import CheckInMethod
from facilitator.domain.devices import Phone
from facilitator.services.checkin.types import CheckInRequest, StaffNumber
from facilitator.ui.checkin.server_note import WorkspaceNote


def search(qtbot: QtBot, desk: Desk, text: str, at_least: int) -> None:
    desk.view.search.box.setText(text)  # as the input method commits it
    qtbot.waitUntil(lambda: desk.view.search.model.rowCount() >= at_least, timeout=5000)


def test_after_a_check_in_the_selection_stays_on_the_same_person(qtbot: QtBot, desk: Desk) -> None:
    search(qtbot, desk, "課", at_least=5)
    panel = desk.view.search
    assert panel.selected_id() == panel.model.key(0)  # a typed query starts on its first match
    # The fourth or a later row, someone expected in this (AM) session.
    row = next(r for r in range(3, panel.model.rowCount()) if "AM" in panel.model.text(r, 4))
    panel.table.selectRow(row)
    chosen, name = panel.model.key(row), panel.model.text(row, 0)
    qtbot.mouseClick(panel.check_in_button, Qt.MouseButton.LeftButton)
    assert desk.view.card.headline.text() == "Checked in"
    # The list is searched again to show the new status; the selection must not move.
    qtbot.waitUntil(lambda: panel.model.text(panel.model_row(chosen), 4) == "In (AM)", timeout=5000)
    assert panel.selected_id() == chosen
    assert panel.model.text(panel.model_row(chosen), 0) == name
    # Pressing again acts on the same person: "already checked in", nobody new recorded.
    records = len(desk.records())
    qtbot.mouseClick(panel.check_in_button, Qt.MouseButton.LeftButton)
    assert len(desk.records()) == records
    assert panel.selected_id() == chosen


def test_a_refresh_that_drops_the_selected_person_selects_nobody(qtbot: QtBot, desk: Desk) -> None:
    search(qtbot, desk, "課", at_least=5)
    panel = desk.view.search
    panel.table.selectRow(2)
    # The person left the results (here: the query no longer finds them) while refreshing.
    panel._refreshing = True
    panel._show(
        [m for m in desk.checkin.desk.search(desk.event.id, "課") if m.id != panel.selected_id()]
    )
    assert panel.selected_id() is None


def test_the_wrong_session_card_can_be_declined_and_records_nothing(
    qtbot: QtBot, desk: Desk, screenshots: Path
) -> None:
    person = desk.pm_people[0]
    scan(qtbot, desk, desk.slip(person))
    card = desk.view.card
    assert card.headline.text() == "Registered for another session"
    assert card.admit_button.isVisible() and card.decline_button.isVisible()
    assert card.decline_button.text() == "Do not admit"
    card.grab().save(str(screenshots / "checkin_card_wrong_session.png"))
    qtbot.mouseClick(card.decline_button, Qt.MouseButton.LeftButton)
    assert card.headline.text() == "Ready to scan" and card.style_key == "idle"
    assert not card.decline_button.isVisible() and not card.admit_button.isVisible()
    assert desk.records() == []
    assert desk.view.scanner.hasFocus()


def test_methods_show_as_words_never_codes(qtbot: QtBot, desk: Desk) -> None:
    slip_person, typed_person, phone_person = desk.am_people[:3]
    scan(qtbot, desk, desk.slip(slip_person))
    desk.clock.advance(5)
    scan(qtbot, desk, typed_person.staff_no)
    # The phone API: recorded as "api", shown as a phone.
    desk.checkin.check_in(
        CheckInRequest(
            desk.am.id,
            StaffNumber(phone_person.staff_no),
            CheckInMethod.API,
            phone=Phone("cookie-api", "127.0.0.1"),
        )
    )
    desk.view.refresh_arrivals()
    panel = desk.view.arrivals
    qtbot.waitUntil(lambda: panel.recent_model.rowCount() == 3, timeout=5000)
    by_name = {panel.recent_model.text(r, 1): panel.recent_model.text(r, 3) for r in range(3)}
    assert by_name == {
        slip_person.name: "Slip QR",
        typed_person.name: "Manual entry",
        phone_person.name: "Phone",
    }
    summary = panel.summary.text()
    assert "Phone 1" in summary and "Slip QR 1" in summary and "Manual entry 1" in summary
    assert "API" not in summary and "api" not in summary


def test_the_phone_server_note_is_shown_once_per_workspace(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.ini"
    note = WorkspaceNote(settings, desk.ws.path, "phone_server")
    server = desk.view.server
    server._note = note
    # The server itself is not the point here: a start that answers at once.
    desk.lan.start = lambda host, port: f"http://{host}:{port}/"  # type: ignore[method-assign]
    server.toggle_server()
    assert [kind for kind, _ in desk.dialogs.messages] == ["inform"]
    assert "venue Wi-Fi" in desk.dialogs.messages[0][1]
    server.toggle_server()  # started again (running stays False with the stand-in start)
    assert len(desk.dialogs.messages) == 1
    # The next launch of the app reads the same settings file: the note stays quiet...
    assert WorkspaceNote(settings, desk.ws.path, "phone_server").shown()
    # ...while another workspace explains the server once more.
    assert not WorkspaceNote(settings, tmp_path / "other.sqlite", "phone_server").shown()
