"""The shell as a trainer meets it: start-up, workspaces, language, errors."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from shell_helpers import ensure_translations, make_controller, type_text

from facilitator.app import run_gui
from facilitator.composition import build_demo
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.logs import LOG_FILE_NAME
from facilitator.paths import log_dir
from facilitator.ui.app_controller import AppController
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.events.view import EventView
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import AppSettings


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "門真研修.sqlite"
    with open_workspace(path, create=True) as ws:
        build_demo(ws, FakeClock(), attendees=30, seed=1)
    return path


@pytest.fixture
def restore_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    # run_gui installs the app's hook; give the test runner its own back afterwards.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)


@pytest.fixture
def close_windows() -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.close_guard = None
            widget.close()


def shown_main_window() -> MainWindow:
    windows = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    assert len(windows) == 1
    return windows[0]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.usefixtures("restore_excepthook", "close_windows")
def test_run_gui_shows_the_demo_workspace_with_its_event(qtbot: QtBot, demo_path: Path) -> None:
    assert run_gui(demo_path, demo=False, lang="en", exec_loop=False) == 0
    window = shown_main_window()
    assert window.windowTitle() == "門真研修 — Facilitator"
    assert window.area_titles()[0] == "Event"
    view = window.area_view("event")
    assert isinstance(view, EventView)
    # The real app loads through the thread pool; wait for the results to arrive.
    qtbot.waitUntil(lambda: view.form.title_edit.text() == "管理職向けDX推進研修", timeout=5000)
    assert view.list_model.rowCount() == 1
    assert [r.label for r in view.form.sessions.rows()] == ["AM", "PM"]
    assert AppSettings().recent() == [demo_path.resolve()]


def test_only_the_first_area_is_built_at_start(qtbot: QtBot, demo_path: Path) -> None:
    controller = make_controller("en")
    assert controller.open(demo_path)
    window = controller.window
    assert window is not None
    assert window.built_area_keys() == ["event"]
    later = window.area_keys()[1]
    window.show_area(later)  # as a click in the navigation does
    assert window.built_area_keys() == ["event", later]
    assert window.current_area_key() == later
    assert window.area_view(later).isVisible()
    window.close()


@pytest.mark.usefixtures("restore_excepthook", "close_windows")
def test_the_gui_is_japanese_when_lang_is_ja(qtbot: QtBot, demo_path: Path) -> None:
    ensure_translations()
    assert run_gui(demo_path, demo=False, lang="ja", exec_loop=False) == 0
    window = shown_main_window()
    assert window.area_titles()[0] == "研修"
    assert [a.text() for a in window.menuBar().actions()] == [
        "ファイル(&F)",
        "設定(&S)",
        "ヘルプ(&H)",
    ]
    view = window.area_view("event")
    assert isinstance(view, EventView)
    qtbot.waitUntil(lambda: view.heading.text() == "研修の編集", timeout=5000)
    assert view.save_button.text() == "保存"
    day = view.form.date_edit.date()
    assert day.year() == 2026  # the demo's event is in 令和8年
    assert view.form.wareki_label.text().startswith(f"令和8年{day.month()}月{day.day()}日（")


def test_switching_language_rebuilds_the_window_and_is_remembered(
    qtbot: QtBot, demo_path: Path
) -> None:
    controller = make_controller("en")
    assert controller.open(demo_path)
    old = controller.window
    assert old is not None and old.area_titles()[0] == "Event"
    event_id = controller.current.event_id

    old.language_action("ja").trigger()

    window = controller.window
    assert window is not None and window is not old
    assert not old.isVisible()
    assert window.isVisible()
    assert window.area_titles()[0] == "研修"
    assert window.language_action("ja").isChecked()
    assert controller.current.event_id == event_id
    assert AppSettings().lang() == "ja"

    window.language_action("en").trigger()
    assert controller.window is not None
    assert controller.window.area_titles()[0] == "Event"
    controller.window.close()


def test_switching_language_keeps_the_phone_server_serving(qtbot: QtBot, demo_path: Path) -> None:
    """Phones choose their own language: the laptop's must not cut them off."""
    import socket

    from facilitator.ui.checkin.view import CheckInView

    dialogs = RecordingDialogs(confirm_answers=[True])  # "quit anyway?" at the end: yes
    controller = make_controller("ja", dialogs)
    assert controller.open(demo_path)
    services = controller.services
    assert services is not None
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = services.lan.start("127.0.0.1", port)
    try:
        old = controller.window
        assert old is not None
        old.language_action("en").trigger()
        window = controller.window
        assert window is not None and window is not old
        assert controller.services is services and services.lan.base_url == url
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass  # still listening
        window.show_area("checkin")
        view = window.area_view("checkin")
        assert isinstance(view, CheckInView)
        # Shown as serving (the projector QR is only offered then), at its address.
        assert view.server.projector_button.isEnabled()
        assert url in view.server.server_status.text()
        assert view.server.port_spin.value() == port
        assert dialogs.messages == []  # switching language does not stop the server: no question
    finally:
        if controller.window is not None:
            controller.window.close()  # the app's own shutdown: the server stops with it
        controller.shutdown()
    assert not services.lan.running


def test_language_switch_with_unsaved_edits_asks_first(qtbot: QtBot, demo_path: Path) -> None:
    dialogs = RecordingDialogs(confirm_answers=[False])
    controller = make_controller("en", dialogs)
    assert controller.open(demo_path)
    window = controller.window
    assert window is not None
    view = window.area_view("event")
    assert isinstance(view, EventView)
    type_text(qtbot, view.form.title_edit, " 2")

    window.language_action("ja").trigger()  # the user keeps the edits

    assert controller.window is window
    assert window.language_action("en").isChecked()
    assert view.form.title_edit.text() == "管理職向けDX推進研修 2"
    assert [kind for kind, _ in dialogs.messages] == ["confirm"]
    window.close_guard = None
    window.close()


@pytest.mark.usefixtures("restore_excepthook", "close_windows")
def test_a_second_instance_is_told_who_holds_the_workspace(qtbot: QtBot, demo_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from facilitator.db.workspace import open_workspace
                ws = open_workspace({str(demo_path)!r}, program="facilitator serve")
                print("ready", flush=True)
                sys.stdin.read()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        before = sha256(demo_path)
        dialogs = RecordingDialogs()
        assert run_gui(demo_path, demo=False, lang="en", exec_loop=False, dialogs=dialogs) == 3
        [(kind, text)] = dialogs.messages
        assert kind == "warn"
        assert f"facilitator serve (PID {holder.pid})" in text
        assert "Close it there first" in text
        assert sha256(demo_path) == before
        assert not any(
            isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    finally:
        holder.communicate("", timeout=10)


@pytest.mark.usefixtures("restore_excepthook", "close_windows")
def test_an_unexpected_error_shows_the_log_path(qtbot: QtBot, demo_path: Path) -> None:
    dialogs = RecordingDialogs()
    assert run_gui(demo_path, demo=False, lang="en", exec_loop=False, dialogs=dialogs) == 0
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    [(kind, text)] = dialogs.messages
    assert kind == "critical"
    assert "Your saved data is safe" in text
    assert str(log_dir() / LOG_FILE_NAME) in text


def test_recent_workspaces_and_a_file_that_is_not_a_workspace(
    qtbot: QtBot, tmp_path: Path, demo_path: Path
) -> None:
    dialogs = RecordingDialogs()
    controller = make_controller("en", dialogs)
    other = tmp_path / "other.sqlite"
    assert controller.open(demo_path)
    assert controller.open(other, create=True)
    assert controller.window is not None
    recent_menu = controller.window.findChild(QMenu, "recentMenu")
    assert isinstance(recent_menu, QMenu)
    assert [a.text() for a in recent_menu.actions()] == [
        str(other.resolve()),
        str(demo_path.resolve()),
    ]

    recent_menu.actions()[1].trigger()
    assert controller.workspace is not None and controller.workspace.path == demo_path

    notes = tmp_path / "notes.sqlite"
    notes.write_text("not a database")
    dialogs.paths.append(notes)
    _trigger(controller, "&Open workspace…")
    assert controller.workspace.path == demo_path  # still open
    [(kind, text)] = dialogs.messages
    assert kind == "warn" and "is not a Facilitator workspace" in text
    assert notes.read_text() == "not a database"
    assert controller.window is not None
    controller.window.close()


def test_new_workspace_and_backup_from_the_file_menu(qtbot: QtBot, tmp_path: Path) -> None:
    dialogs = RecordingDialogs(paths=[tmp_path / "day1", tmp_path / "day1-copy.sqlite"])
    controller = make_controller("en", dialogs)
    assert controller.open(tmp_path / "start.sqlite", create=True)
    _trigger(controller, "&New workspace…")
    assert controller.workspace is not None
    assert controller.workspace.path == tmp_path / "day1.sqlite"
    assert controller.window is not None
    assert controller.window.windowTitle() == "day1 — Facilitator"

    _trigger(controller, "&Back up workspace…")
    assert (tmp_path / "day1-copy.sqlite").exists()
    assert dialogs.messages == [("inform", f"Backed up to {tmp_path / 'day1-copy.sqlite'}.")]
    with open_workspace(tmp_path / "day1-copy.sqlite", readonly=True) as copy:
        assert isinstance(copy, Workspace)
    controller.window.close()


def test_closing_with_unsaved_edits_asks_first(qtbot: QtBot, demo_path: Path) -> None:
    dialogs = RecordingDialogs(confirm_answers=[False, True])
    controller = make_controller("en", dialogs)
    assert controller.open(demo_path)
    window = controller.window
    assert window is not None
    view = window.area_view("event")
    assert isinstance(view, EventView)
    type_text(qtbot, view.form.venue_edit, " 3F")
    assert not window.close()
    assert controller.workspace is not None
    assert window.close()
    assert controller.workspace is None


def _trigger(controller: AppController, text: str) -> None:
    assert controller.window is not None
    for menu_action in controller.window.menuBar().actions():
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if action.text() == text:
                action.trigger()
                return
    raise AssertionError(f"no menu item {text!r}")
