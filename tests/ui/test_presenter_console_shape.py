"""The presenter console's current slide (issue #15 polish): the slide's own 16:9 shape,
no black bands above and below it, inside its column, at 1366×768 and 1920×1080, and
still so while paused (a thicker coloured frame) or with the catch-up banner shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui import test_agenda_presenter as shared
from tests.ui.test_agenda_presenter import Presenting

agenda_qm = shared.agenda_qm
japanese = shared.japanese
presenting = shared.presenting


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _assert_slide_shape(presenting: Presenting) -> None:
    console = presenting.console
    slide, box = console.current, console.current_box
    assert slide.width() >= 0.45 * console.width(), slide.size()
    # 16:9 within a few pixels: the canvas paints no black bands.
    assert abs(slide.height() - slide.width() * 9 / 16) <= 3, slide.size()
    # In its column: inside the box, left of the next-slide preview, above the timer.
    shown = _rect_in(slide, console)
    assert _rect_in(box, console).contains(shown)
    assert shown.right() < _rect_in(console.next_preview, console).left()
    assert shown.bottom() < _rect_in(console.time_left, console).top()
    assert QRect(QPoint(0, 0), console.size()).contains(_rect_in(console.time_left, console))
    # As large as the column allows: it fills the column's width or its height.
    across = box.width() - slide.width()
    down = box.height() - slide.height()
    assert min(across, down) <= 2 * 8 + 2 * 8 + 2, (box.size(), slide.size())


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_current_slide_keeps_its_shape_and_fits_its_column(
    presenting: Presenting,
    qtbot: QtBot,
    japanese: None,
    screenshots: Path,
    size: tuple[int, int],
) -> None:
    console = presenting.console
    presenting.controller.start()
    console.resize(*size)
    console.show()
    qtbot.waitExposed(console)
    QApplication.processEvents()
    _assert_slide_shape(presenting)
    console.grab().save(str(screenshots / f"console_slide_shape_{size[0]}_ja.png"))
    # Paused: the frame turns orange; the slide inside keeps its shape.
    qtbot.keyClick(console, Qt.Key.Key_P)
    QApplication.processEvents()
    assert console.current_frame.property("mode") == "paused"
    _assert_slide_shape(presenting)
    qtbot.keyClick(console, Qt.Key.Key_P)
    # Eighteen minutes into a ten-minute item: the catch-up banner takes height.
    presenting.clock.advance(18 * 60)
    presenting.controller.next()
    presenting.controller.tick.emit()
    QApplication.processEvents()
    assert console.catch_up.isVisible()
    _assert_slide_shape(presenting)
    console.grab().save(str(screenshots / f"console_slide_shape_catchup_{size[0]}_ja.png"))
