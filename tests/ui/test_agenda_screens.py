"""The projector window on a two-screen setup (Qt's offscreen platform with two virtual screens).

Qt reads the screen layout once at start-up, so this runs in a child process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCREENS = {
    "synchronousWindowSystemEvents": True,
    "windowFrameMargins": False,
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
        {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
    ],
}

CHILD = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QObject, QPoint, QRect, Signal
from PySide6.QtWidgets import QApplication, QPushButton
from facilitator.db.workspace import open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.services.agenda.live import LiveAgenda
from facilitator.composition import build_demo
from facilitator.services.events import EventService
from facilitator.ui.agenda.audience_window import AudienceWindow
from facilitator.ui.agenda.pdf_pages import PdfPageCache
from facilitator.ui.agenda.presenter_console import PresenterConsole
from facilitator.ui.agenda.presenter_controller import PresenterController
from facilitator.ui.runner import SyncRunner

app = QApplication([])

class Watch(QObject):
    # Starts with only the laptop screen; "plugging in" the projector emits changed.
    changed = Signal()
    def __init__(self):
        super().__init__()
        self.visible = app.screens()[:1]
    def screens(self):
        return list(self.visible)

clock = FakeClock()
ws = open_workspace(Path(sys.argv[1]), create=True)
build_demo(ws, clock, attendees=10, seed=1)
events = EventService(ws, clock)
session = events.get_event(events.resolve_event_id(None)).sessions[0]
live = LiveAgenda(ws, clock, session.id)
runner = SyncRunner()
controller = PresenterController(live, live.load(), runner, clock, PdfPageCache(runner))
console = PresenterConsole(controller)
watch = Watch()
audience = AudienceWindow(controller, watch, console)
# As the launcher does: the console full screen on the laptop's screen.
console.open_full_screen(audience.console_screen())
result = {}

def buttons_inside():
    window = QRect(QPoint(0, 0), console.size())
    return all(
        window.contains(QRect(b.mapTo(console, QPoint(0, 0)), b.size()))
        for b in console.findChildren(QPushButton)
        if b.isVisibleTo(console)
    )

def snapshot(name):
    app.processEvents()
    result[name] = {
        "full": audience.isFullScreen(),
        "screen": audience.screen().name(),
        "size": [audience.width(), audience.height()],
        "console": [console.screen().name(), console.isFullScreen(), buttons_inside()],
    }

audience.place()
snapshot("one_screen")
watch.visible = app.screens()
watch.changed.emit()
snapshot("plugged_in")
audience.swap()
snapshot("swapped")
audience.swap()
watch.visible = app.screens()[:1]
watch.changed.emit()
snapshot("unplugged")
print(json.dumps(result))
"""


def test_projector_follows_screens(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "w.sqlite")],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    laptop_console = ["laptop", True, True]  # full screen on the laptop, every button in it
    assert result["one_screen"] == {
        "full": False,
        "screen": "laptop",
        "size": [960, 540],
        "console": laptop_console,
    }
    assert result["plugged_in"] == {
        "full": True,
        "screen": "projector",
        "size": [1920, 1080],
        "console": laptop_console,
    }
    # Swapped: the picture on the laptop's screen, the console moves to the other one.
    assert result["swapped"]["full"] and result["swapped"]["screen"] == "laptop"
    assert result["swapped"]["console"] == ["projector", True, True]
    assert result["unplugged"]["full"] is False and result["unplugged"]["size"] == [960, 540]
    assert result["unplugged"]["console"] == laptop_console
