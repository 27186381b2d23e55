"""The Records area: the matrix and a person's history from the records, and its two
actions ("Push to records…", "Copy this event to another laptop…"), in the real window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shell_helpers import make_controller

from facilitator.db.workspace import open_workspace
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.main_window import MainWindow
from facilitator.ui.records.view import RecordsView
from tests.records.day import check_in, make_day, staff_numbers

# The laptop screen the Records area must fit (taskbar left out).
SCREEN_WIDTH, SCREEN_HEIGHT = 1366, 728


def open_records_area(
    path: Path, lang: str, dialogs: RecordingDialogs
) -> tuple[MainWindow, RecordsView]:
    """The real window on `path`, showing the Records area."""
    controller = make_controller(lang, dialogs)  # type: ignore[arg-type]
    assert controller.open(path)
    window = controller.window
    assert window is not None
    window.show_area("records")
    view = window.area_view("records")
    assert isinstance(view, RecordsView)
    return window, view


@pytest.fixture
def day(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "day.sqlite"
    make_day(path)
    with open_workspace(path) as ws:
        person = staff_numbers(ws, "AM")[0]
        check_in(ws, person, method="phone")
    return path, person


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_push_then_matrix_and_history_and_copy_for_another_laptop(
    qtbot: QtBot, day: tuple[Path, str], tmp_path: Path, lang: str, screenshots: Path
) -> None:
    path, person = day
    records = tmp_path / "records.sqlite"
    copy = tmp_path / "door-b.facilitator-event"
    dialogs = RecordingDialogs(paths=[copy])
    window, view = open_records_area(path, lang, dialogs)
    # Nothing pushed yet: the records say so, without a dialog.
    view.records_edit.setText(str(records))
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "push" in view.status.text() or "送" in view.status.text())
    assert not records.exists()

    qtbot.mouseClick(view.push_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.messages))
    kind, text = dialogs.messages[-1]
    assert kind == "inform"
    assert ("1 attendances" in text) if lang == "en" else ("記録に送りました" in text)
    qtbot.waitUntil(lambda: view.matrix_table.columnCount() == 1)
    total = view.matrix_table.item(view.matrix_table.rowCount() - 1, 0)
    assert total is not None and total.text().startswith("1 / 20")

    view.staff_edit.setText(person)
    qtbot.mouseClick(view.history_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.history_table.rowCount() == 1)
    attended = view.history_table.item(0, 3)
    assert attended is not None and attended.text() == ("出席" if lang == "ja" else "Yes")

    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: copy.exists())
    assert json.loads(copy.read_text(encoding="utf-8"))["format"] == "facilitator-event"
    qtbot.waitUntil(
        lambda: dialogs.messages[-1][1].startswith("受講者" if lang == "ja" else "Wrote")
    )
    # The copy ends like every other save: where it went, and an offer to open its folder.
    assert dialogs.messages[-1][0] == "choose"

    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN_WIDTH and hint.height() <= SCREEN_HEIGHT, hint
    window.grab().save(str(screenshots / f"records-{lang}.png"))
    window.close_guard = None
    window.close()


def test_an_unreachable_server_is_told_in_japanese(qtbot: QtBot, day: tuple[Path, str]) -> None:
    path, _ = day
    dialogs = RecordingDialogs()
    window, view = open_records_area(path, "ja", dialogs)
    view.records_edit.setText("mysql://nobody@127.0.0.1/x")
    qtbot.mouseClick(view.push_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.messages))
    kind, text = dialogs.messages[-1]
    assert kind == "warn" and "記録データベース" in text
    assert view.push_button.isEnabled()
    window.close_guard = None
    window.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_area_reads_the_records_when_first_shown(
    qtbot: QtBot, day: tuple[Path, str], lang: str
) -> None:
    path, _ = day
    window, view = open_records_area(path, lang, RecordingDialogs())
    # No click needed: the default records file does not exist yet, and the area says
    # what to do instead of showing two empty tables.
    expected = "まだ記録がありません" if lang == "ja" else "push"
    qtbot.waitUntil(lambda: expected in view.status.text())
    window.close_guard = None
    window.close()  # takes its translators with it, or later tests read Japanese
