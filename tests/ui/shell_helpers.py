"""Helpers for the shell and event-area GUI tests (not fixtures: imported explicitly)."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QDateTimeEdit,
    QLineEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from facilitator import app
from facilitator.app import app_controller, create_application
from facilitator.composition import build_demo
from facilitator.db.workspace import open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.lang import Lang
from facilitator.resources import resource_path
from facilitator.ui.app_controller import AppController
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.runner import SyncRunner
from facilitator.ui.settings import AppSettings


def ensure_translations() -> None:
    """Compile the shell's catalogue the way the build does, when its .qm is missing or stale."""
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    for ts in resource_path("translations").glob("shell_*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)


def demo_file(path: Path, attendees: int = 20) -> Path:
    """A workspace file at `path` holding the demo event (seed 1)."""
    with open_workspace(path, create=True) as ws:
        build_demo(ws, FakeClock(), attendees=attendees, seed=1)
    return path


def make_controller(lang: Lang, dialogs: RecordingDialogs | None = None) -> AppController:
    """An app controller as `run_gui` builds it, but synchronous and with recorded dialogs."""
    ensure_translations()
    app = create_application()
    return app_controller(
        app,
        AppSettings(),
        lang,
        FakeClock(),
        runner_factory=lambda on_error: SyncRunner(on_error),
        dialogs=dialogs if dialogs is not None else RecordingDialogs(),
    )


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type `text` as a user would: ASCII key by key, Japanese as an input method commits it.

    QTest can only synthesise ASCII key presses; Japanese arrives from the IME as a
    committed string, which is what the QInputMethodEvent below is.
    """
    for chunk in _runs(text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def _runs(text: str) -> list[str]:
    runs: list[str] = []
    for char in text:
        if runs and runs[-1][-1].isascii() == char.isascii():
            runs[-1] += char
        else:
            runs.append(char)
    return runs


def cell_center(table: QTableView, row: int, column: int) -> tuple[QModelIndex, object]:
    index = table.model().index(row, column)
    table.scrollTo(index)
    return index, table.visualRect(index).center()


def edit_cell(qtbot: QtBot, table: QTableView, row: int, column: int, text: str) -> None:
    """Double-click a cell, type `text` into the editor that opens, press Enter."""
    index, point = cell_center(table, row, column)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert table.state() == QAbstractItemView.State.EditingState, "no editor opened"
    # The open editor is the viewport's visible child (focus is unreliable offscreen).
    editors = [w for w in table.viewport().findChildren(QWidget) if w.isVisible()]
    editor = next(w for w in editors if w.parentWidget() is table.viewport())
    typing_target: QWidget = editor
    if isinstance(editor, QAbstractSpinBox):
        line = editor.findChild(QLineEdit)
        assert line is not None
        if isinstance(editor, QDateTimeEdit):
            # Type every section from the first one: digits move on to the next section.
            editor.setSelectedSection(editor.sectionAt(0))
        else:
            line.selectAll()
    elif isinstance(editor, QLineEdit):
        editor.selectAll()
    type_text(qtbot, typing_target, text)
    qtbot.keyClick(typing_target, Qt.Key.Key_Return)
    # The delegate commits and closes the editor through a queued call.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=5000)
    assert table.model().index(row, column) == index


def area_keys() -> list[str]:
    """The keys of `Area("key", …)` in build_areas, in navigation order."""
    tree = ast.parse(inspect.getsource(app.build_areas))
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "Area"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ]
