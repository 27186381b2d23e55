"""Guards against a PySide6 build that corrupts reference counts (pinned out in pyproject).

PySide6 6.12.0 released one reference to None too many on every call of a
method returning nothing (`QLabel.setText`, `QWidget.hide`, ...). On Python
3.11, where None is not immortal, a GUI session then aborts with
"none_dealloc" after a few thousand such calls, which is a few minutes of use.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 2000


def test_calling_void_qt_methods_leaves_none_refcount_alone(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("門真")
        label.hide()
    # Unrelated code may take or drop a few references meanwhile; a leak loses thousands.
    assert sys.getrefcount(None) > before - CALLS // 10
