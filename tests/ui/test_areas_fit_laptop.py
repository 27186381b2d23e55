"""The check-in desk, the roster and the certificates fit a 1366×768 laptop with its
taskbar (about 728 pixels left for the window), in Japanese: nothing out of reach."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from shell_helpers import make_controller

from facilitator.composition import Composition, build_demo
from facilitator.db.workspace import open_workspace
from facilitator.domain.checkin import CheckInMethod
from facilitator.domain.clock import FakeClock
from facilitator.services.checkin.types import CheckInRequest, StaffNumber
from facilitator.ui.app_controller import AppController
from facilitator.ui.checkin.view import CheckInView
from facilitator.ui.main_window import MainWindow

WIDTH, HEIGHT = 1366, 728  # a 1366×768 screen less its taskbar


@pytest.fixture
def window(tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    path = tmp_path / "fit.sqlite"
    clock = FakeClock()
    with open_workspace(path, create=True) as ws:
        build_demo(ws, clock, attendees=100, seed=1)
        core = Composition(ws, clock)
        event = core.events.resolve_event_id(None)
        am = core.events.get_event(event).sessions[0].id
        # A few arrivals, so the recent check-ins table holds rows.
        for match in core.checkin.desk.search(event, "課")[:15]:
            core.checkin.check_in(
                CheckInRequest(am, StaffNumber(match.staff_no), CheckInMethod.API)
            )
        core.close()
    controller: AppController = make_controller("ja")
    assert controller.open(path)
    assert controller.window is not None
    win = controller.window
    win.resize(WIDTH, HEIGHT)
    win.show()
    yield win
    win.close_guard = None
    win.close()


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def out_of_reach(window: QWidget, area: QWidget) -> list[str]:
    """Visible buttons of `area` not wholly inside the window."""
    inside = QRect(QPoint(0, 0), window.size())
    return [
        b.text() or b.objectName()
        for b in area.findChildren(QAbstractButton)
        if b.isVisible() and not inside.contains(QRect(b.mapTo(window, QPoint(0, 0)), b.size()))
    ]


def check_fits(window: MainWindow, key: str) -> QWidget:
    window.show_area(key)
    view = window.area_view(key)
    settle()
    hint = window.minimumSizeHint()
    assert hint.width() <= WIDTH and hint.height() <= HEIGHT, (key, hint)
    assert window.width() <= WIDTH and window.height() <= HEIGHT
    tabs = view.findChild(QTabWidget)
    for index in range(tabs.count() if tabs is not None else 1):
        if tabs is not None:
            tabs.setCurrentIndex(index)
            settle()
        assert out_of_reach(window, view) == [], (key, index)
    return view


def test_the_check_in_desk_fits_a_1366_laptop(window: MainWindow) -> None:
    view = check_fits(window, "checkin")
    assert isinstance(view, CheckInView)
    view.refresh_arrivals()
    recent = view.arrivals.recent
    settle()
    assert view.arrivals.recent_model.rowCount() >= 5  # those of the AM session
    assert not recent.horizontalScrollBar().isVisible()
    header = recent.horizontalHeader()
    assert header.length() <= recent.viewport().width()
    # The search list keeps room for several people at once (it was squeezed to two rows).
    table = view.search.table
    assert table.viewport().height() >= 5 * table.verticalHeader().defaultSectionSize()


def test_the_roster_fits_a_1366_laptop(window: MainWindow) -> None:
    check_fits(window, "roster")


def test_the_certificates_fit_a_1366_laptop(window: MainWindow) -> None:
    check_fits(window, "certificates")
