"""The check-in area inside the real main window: it is there in Japanese, and the server stops with the app."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shell_helpers import make_controller

from facilitator.composition import build_demo
from facilitator.db.workspace import open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.ui.checkin.view import CheckInView
from facilitator.ui.dialogs import RecordingDialogs


def test_checkin_area_runs_and_server_stops_with_the_app(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "day.sqlite"
    with open_workspace(db, create=True) as ws:
        build_demo(ws, FakeClock(), attendees=20)
    dialogs = RecordingDialogs()
    controller = make_controller("ja", dialogs)
    assert controller.open(db)
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    keys = window.area_keys()
    assert keys.index("checkin") == keys.index("roster") + 1
    window.show_area("checkin")
    view = window.area_view("checkin")
    assert isinstance(view, CheckInView)
    assert view.server.server_button.text() == "スマートフォン受付サーバーを起動"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    view.server.address_combo.insertItem(0, "127.0.0.1")
    view.server.address_combo.setCurrentIndex(0)
    view.server.port_spin.setValue(port)
    qtbot.mouseClick(view.server.server_button, Qt.MouseButton.LeftButton)
    note = dialogs.messages[0][1]
    assert "会場の Wi-Fi" in note and ("ファイアウォール" in note) == (sys.platform == "win32")
    base = f"http://127.0.0.1:{view.server.port_spin.value()}"
    assert f"http://127.0.0.1:{port}" in view.server.server_status.text()
    assert httpx.get(f"{base}/healthz", timeout=5).text == "ok"
    controller.shutdown()
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{base}/healthz", timeout=2)
