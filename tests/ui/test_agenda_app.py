"""The agenda area inside the real app: navigation order, Japanese title, presenting end to end."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from shell_helpers import make_controller

from facilitator.composition import build_demo
from facilitator.db.workspace import open_workspace
from facilitator.domain.agenda_timing import Phase
from facilitator.domain.clock import FakeClock
from facilitator.ui.agenda.audience_window import AudienceWindow
from facilitator.ui.agenda.presenter_console import PresenterConsole
from facilitator.ui.agenda.view import AgendaView


def test_agenda_area_presents_through_the_app(
    qtbot: QtBot, tmp_path: Path, screenshots: Path
) -> None:
    path = tmp_path / "demo.sqlite"
    with open_workspace(path, create=True) as ws:
        build_demo(ws, FakeClock(), attendees=20, seed=1)
    controller = make_controller("ja")
    assert controller.open(path)
    window = controller.window
    assert window is not None
    keys = window.area_keys()
    assert "agenda" in keys
    if "checkin" in keys:
        assert keys.index("agenda") == keys.index("checkin") + 1
    assert window.area_titles()[keys.index("agenda")] == "アジェンダ"
    view = window.area_view("agenda")
    assert isinstance(view, AgendaView)
    assert view.editor.list.count() == 8
    present = view.findChild(QPushButton, "present")
    assert present is not None and present.text() == "発表を開始…"
    qtbot.mouseClick(present, Qt.MouseButton.LeftButton)
    [console] = view.findChildren(PresenterConsole)
    assert console.isVisible() and console.windowTitle() == "発表者画面 — AM"
    qtbot.keyClick(console, Qt.Key.Key_Right)
    # Transitions go through the one-thread runner: wait for the saved state to come back.
    controller_ = console.c
    qtbot.waitUntil(lambda: controller_.state.phase == Phase.RUNNING, timeout=20000)
    qtbot.keyClick(console, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: controller_.index == 1, timeout=20000)
    # A projector window closed by hand comes back with the console's button.
    audience = console.findChild(AudienceWindow)
    assert audience is not None and audience.isVisible()
    audience.close()
    assert not audience.isVisible()
    show = console.findChild(QPushButton, "showProjector")
    assert show is not None and show.text() == "プロジェクター画面を表示"
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert audience.isVisible()
    console.resize(1366, 768)
    console.grab().save(str(screenshots / "agenda_console_ja.png"))
    view.grab().save(str(screenshots / "agenda_view_ja.png"))
    console.close()
    window.close()
