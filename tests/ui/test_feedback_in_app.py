"""The feedback area inside the real main window, in Japanese."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.composition import build_demo
from facilitator.db.workspace import open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.resources import resource_path
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.feedback.view import FeedbackView

shell_helpers = pytest.importorskip("tests.ui.shell_helpers")


def _compile_feedback_catalogue() -> None:
    ts = resource_path("translations") / "feedback_ja.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        tool = Path(sys.executable).parent / "pyside6-lrelease"
        subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)


def test_feedback_area_in_japanese(qtbot: QtBot, tmp_path: Path, screenshots: Path) -> None:
    _compile_feedback_catalogue()
    db = tmp_path / "day.sqlite"
    with open_workspace(db, create=True) as ws:
        build_demo(ws, FakeClock(), attendees=20)
    controller = shell_helpers.make_controller("ja", RecordingDialogs())
    assert controller.open(db)
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    keys = window.area_keys()
    assert keys.index("feedback") == keys.index("agenda") + 1
    window.show_area("feedback")
    view = window.area_view("feedback")
    assert isinstance(view, FeedbackView)
    view.timer.stop()
    assert view.tabs.tabText(0) == "集計結果"
    assert view.toggle_button.text() == "回答受付を開始"
    assert not view.kiosk_button.isEnabled()  # closed: no kiosk
    qtbot.mouseClick(view.toggle_button, Qt.MouseButton.LeftButton)
    assert view.toggle_button.text() == "回答受付を終了"
    assert view.kiosk_button.isEnabled()
    assert "受付済み 0 名中 0 名が回答" in view.count_label.text()
    window.grab().save(str(screenshots / "feedback_in_app.png"))
