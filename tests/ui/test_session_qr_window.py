"""The session-QR projector screen read from the back of the room (issue #15)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QFontInfo, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.domain.clock import FakeClock
from facilitator.services.checkin.types import SessionCounts
from facilitator.ui.checkin.session_qr_window import SessionQrWindow

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://192.168.100.200:8765"


@pytest.fixture
def japanese(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    import subprocess
    import sys

    qm = tmp_path / "checkin_ja.qm"
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    ts = ROOT / "resources" / "translations" / "checkin_ja.ts"
    subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def counts(arrived: int, expected: int) -> SessionCounts:
    return SessionCounts(arrived=arrived, expected=expected)


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)])
def test_qr_screen_is_readable_from_the_back(
    japanese: None, qtbot: QtBot, clock: FakeClock, screenshots: Path, size: tuple[int, int]
) -> None:
    window = SessionQrWindow(
        clock,
        secret="ab" * 32,
        session_code="1nRVQxgY",
        base_url=BASE,
        event_title="令和8年度 DX推進研修",
        session_label="AM",
    )
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    QApplication.processEvents()
    width, height = size
    assert (
        window.instruction.text().replace("\u2060", "")
        == "スマートフォンのカメラで読み取ってください"
    )
    for label in (window.event_label, window.session_label, window.instruction):
        assert QFontInfo(label.font()).pixelSize() >= 0.05 * height, label.objectName()
        assert label.geometry().bottom() < window.counter.geometry().top(), label.objectName()
        assert window.rect().contains(label.geometry()), label.objectName()
    # The QR takes (nearly) the whole height.
    assert window.qr.height() >= 0.9 * height and window.qr.width() == window.qr.height()
    before = window.qr.geometry()
    window.set_counts(counts(3, 50))
    QApplication.processEvents()
    window.set_counts(counts(123, 1000))
    QApplication.processEvents()
    assert window.qr.geometry() == before  # the counter never moves the code
    image = window.grab().toImage()
    image.save(str(screenshots / f"session_qr_{width}x{height}_ja.png"))
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    found = [f.text for f in zxingcpp.read_barcodes(gray)]
    assert found == [window.url] and window.url.startswith(BASE.upper() + "/C/")
