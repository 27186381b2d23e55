"""Quitting, switching language and Qt's own dialogs, as a trainer meets them mid-day."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QTabWidget
from pytestqt.qtbot import QtBot
from shell_helpers import demo_file, make_controller, type_text

from facilitator.lang import Lang
from facilitator.ui.agenda.presenter_console import PresenterConsole
from facilitator.ui.app_controller import AppController
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.events.view import EventView
from facilitator.ui.main_window import MainWindow


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    return demo_file(tmp_path / "quit.sqlite")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def opened(
    demo_path: Path, lang: Lang, dialogs: RecordingDialogs | None = None
) -> tuple[AppController, MainWindow]:
    controller = make_controller(lang, dialogs)
    assert controller.open(demo_path)
    assert controller.window is not None
    return controller, controller.window


def start_presenting(qtbot: QtBot, window: MainWindow) -> PresenterConsole:
    """The agenda area's Present, as the trainer clicks it."""
    window.show_area("agenda")
    view = window.area_view("agenda")
    present = view.findChild(QPushButton, "present")
    assert present is not None
    qtbot.mouseClick(present, Qt.MouseButton.LeftButton)
    [console] = view.findChildren(PresenterConsole)
    assert console.isVisible()
    return console


def press_ctrl_q(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Q as the keyboard gives it to the active main window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_q_is_the_quit_key(qtbot: QtBot, demo_path: Path) -> None:
    _controller, window = opened(demo_path, "ja")
    quit_action = window.findChild(QAction, "quit")
    assert quit_action is not None and quit_action.text() == "終了(&Q)"
    assert QKeySequence("Ctrl+Q") in quit_action.shortcuts()
    window.close()


def test_ctrl_q_quits_at_once_when_nothing_is_under_way(qtbot: QtBot, demo_path: Path) -> None:
    dialogs = RecordingDialogs()
    controller, window = opened(demo_path, "en", dialogs)
    press_ctrl_q(qtbot, window)
    assert not window.isVisible()
    assert dialogs.messages == []
    assert controller.workspace is None


def test_ctrl_q_while_the_phone_server_runs_asks_first(qtbot: QtBot, demo_path: Path) -> None:
    dialogs = RecordingDialogs(confirm_answers=[False, True])
    controller, window = opened(demo_path, "ja", dialogs)
    services = controller.services
    assert services is not None
    port = free_port()
    services.lan.start("127.0.0.1", port)  # type: ignore[attr-defined]
    try:
        press_ctrl_q(qtbot, window)  # the trainer keeps the server running
        [(kind, text)] = dialogs.messages
        assert kind == "confirm"
        assert "スマートフォン用サーバーが動いています" in text
        assert text.endswith("Facilitator を終了しますか？")
        assert window.isVisible()
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass  # phones still reach it

        press_ctrl_q(qtbot, window)  # and now quits
        assert len(dialogs.messages) == 2
        assert not window.isVisible()
        assert not services.lan.running  # type: ignore[attr-defined]
    finally:
        controller.shutdown()


def test_opening_another_workspace_while_serving_asks_first(
    qtbot: QtBot, demo_path: Path, tmp_path: Path
) -> None:
    dialogs = RecordingDialogs(confirm_answers=[False])
    controller, window = opened(demo_path, "en", dialogs)
    services = controller.services
    assert services is not None
    services.lan.start("127.0.0.1", free_port())  # type: ignore[attr-defined]
    try:
        assert not controller.open(tmp_path / "other.sqlite", create=True)
        [(kind, text)] = dialogs.messages
        assert kind == "confirm" and text.endswith("Open the other workspace anyway?")
        assert controller.workspace is not None and controller.workspace.path == demo_path
        assert services.lan.running  # type: ignore[attr-defined]
        assert not (tmp_path / "other.sqlite").exists()
    finally:
        window.close_guard = None
        window.close()
    assert not services.lan.running  # type: ignore[attr-defined]


def test_closing_while_a_session_is_presented_asks_first(qtbot: QtBot, demo_path: Path) -> None:
    dialogs = RecordingDialogs(confirm_answers=[False, True])
    controller, window = opened(demo_path, "en", dialogs)
    console = start_presenting(qtbot, window)

    assert not window.close()
    [(kind, text)] = dialogs.messages
    assert kind == "confirm"
    assert "A session is being presented" in text
    assert "phone server" not in text  # only what is really under way is named
    assert console.isVisible()

    assert window.close()
    assert controller.workspace is None

    # With the console closed, nothing is under way any more: no question.
    _, again = opened(demo_path, "en", dialogs)
    assert again.close()
    assert len(dialogs.messages) == 2


def test_language_switch_names_the_area_with_unsaved_edits(qtbot: QtBot, demo_path: Path) -> None:
    dialogs = RecordingDialogs(confirm_answers=[False])
    controller, window = opened(demo_path, "ja", dialogs)
    view = window.area_view("event")
    assert isinstance(view, EventView)
    type_text(qtbot, view.form.venue_edit, " 3F")
    window.show_area("feedback")  # the edits are in another area than the one shown

    window.language_action("en").trigger()

    [(kind, text)] = dialogs.messages
    assert kind == "confirm"
    assert "「研修」の変更が保存されていません。" in text
    assert controller.window is window  # kept, with the edit
    window.close_guard = None
    window.close()


def test_language_switch_while_presenting_asks_first(qtbot: QtBot, demo_path: Path) -> None:
    """The console belongs to the window a switch rebuilds: the trainer is asked first."""
    dialogs = RecordingDialogs(confirm_answers=[False])
    controller, window = opened(demo_path, "ja", dialogs)
    console = start_presenting(qtbot, window)

    window.language_action("en").trigger()

    [(kind, text)] = dialogs.messages
    assert kind == "confirm"
    assert text.startswith("セッションを発表中です。")
    assert text.endswith("言語を切り替えますか？")
    assert controller.window is window and console.isVisible()
    assert window.language_action("ja").isChecked()
    console.close()
    window.close()


def test_language_switch_keeps_the_area_and_its_tab(qtbot: QtBot, demo_path: Path) -> None:
    controller, old = opened(demo_path, "ja")
    tabbed = _area_with_tabs(old)
    old.show_area(tabbed)
    tabs = old.area_view(tabbed).findChildren(QTabWidget)[0]
    last = tabs.count() - 1
    tabs.setCurrentIndex(last)

    old.language_action("en").trigger()

    window = controller.window
    assert window is not None and window is not old
    assert window.current_area_key() == tabbed
    assert window.area_view(tabbed).isVisible()
    assert window.area_view(tabbed).findChildren(QTabWidget)[0].currentIndex() == last
    window.close()


def test_qt_s_own_buttons_are_japanese(qtbot: QtBot, demo_path: Path) -> None:
    _, window = opened(demo_path, "ja")  # the app's own start installs the translations
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "キャンセル"
    window.close()


def _area_with_tabs(window: MainWindow) -> str:
    """The first area (in navigation order) whose view has tabs: feedback or certificates."""
    for key in window.area_keys():
        tabs = window.area_view(key).findChildren(QTabWidget)
        if tabs and tabs[0].count() > 1:
            return key
    raise AssertionError("no area has tabs")
