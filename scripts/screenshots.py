"""Screenshots of the real app on a fresh demo workspace: every area, every tab, both projector
screens and the presenter console, at laptop sizes, for review and for the README and docs.

    .venv/bin/python scripts/screenshots.py --out /tmp/shots [--lang ja en]
        [--sizes 1366x768 1920x1080] [--readme docs]

Writes `<out>/<size>/<lang>/NN-<area>[-tabN].png` for every area the main window has
(read from the window, so an area added later is captured too), plus
`projector-slide.png` (the audience window during the first agenda item),
`presenter-console.png` and `projector-session-qr.png` (the session QR the door
projector shows while the phone server runs, here on 127.0.0.1 only).

Each size and language runs in a fresh, offscreen process with two virtual screens of
that size: the laptop (whose main window is sized as a maximised window above a 40 px
taskbar) and the projector. `--readme DIR` also writes `DIR/screenshot-<lang>.png`
(the roster area at the first size). The demo is `facilitator demo`, with `--finished`
when this version offers it (a day already run: check-ins, answers, certificates).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TASKBAR_PX = 40
README_AREA = "roster"

CHILD = r"""
import socket, sys, time
from pathlib import Path
from PySide6.QtCore import QThreadPool, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTabWidget, QWidget
from facilitator.app import app_controller, create_application
from facilitator.domain.clock import SystemClock
from facilitator.ui.dialogs import RecordingDialogs
from facilitator.ui.settings import AppSettings

db, lang, out, taskbar = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
out.mkdir(parents=True, exist_ok=True)
app = create_application()
# Questions are answered "no" and files are not chosen: nothing blocks the run.
controller = app_controller(app, AppSettings(), lang, SystemClock(), dialogs=RecordingDialogs())
assert controller.open(db), "the demo workspace did not open"
window = controller.window
laptop = app.screens()[0].geometry()
window.setGeometry(laptop.x(), laptop.y(), laptop.width(), laptop.height() - taskbar)


def settle(seconds=0.6):
    # Background loads (runner threads) arrive, then the layout follows and paints.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QThreadPool.globalInstance().waitForDone(20)
        app.processEvents()


def save(widget, name):
    path = out / name
    assert widget.grab().save(str(path)), path
    print(path, flush=True)


def top_level(name):
    found = [w for w in app.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    found += [
        w for t in app.topLevelWidgets() for w in t.findChildren(QWidget, name)
        if w.isWindow() and w.isVisible()
    ]
    assert found, f"no visible window named {name}"
    return found[0]


# The phone server on the laptop itself, so the check-in area shows it serving.
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
controller.services.lan.start("127.0.0.1", port)

for number, key in enumerate(window.area_keys(), start=1):
    window.show_area(key)
    view = window.area_view(key)
    settle()
    tabs = view.findChildren(QTabWidget)
    if not tabs:
        save(window, f"{number:02d}-{key}.png")
        continue
    outer = tabs[0]
    for index in range(outer.count()):
        outer.setCurrentIndex(index)
        settle(0.3)
        save(window, f"{number:02d}-{key}-tab{index + 1}.png")
    outer.setCurrentIndex(0)

# The door projector: the session QR, as the check-in area's button opens it.
from facilitator.ui.checkin.server_panel import ServerPanel

window.show_area("checkin")
panel = window.area_view("checkin").findChild(ServerPanel)
assert panel is not None and panel.projector_button.isEnabled(), "the server is not serving"
panel.projector_button.click()
settle()
save(top_level("sessionQrWindow"), "projector-session-qr.png")
panel.close_projector()

# The session projector: the agenda area's "Present" opens the console and the audience window.
from facilitator.ui.agenda.presenter_console import PresenterConsole

window.show_area("agenda")
agenda = window.area_view("agenda")
present = agenda.findChild(QPushButton, "present")
assert present is not None, "the agenda area has no Present button"
present.click()
deadline = time.monotonic() + 20
while not agenda.findChildren(PresenterConsole) and time.monotonic() < deadline:
    settle(0.1)
[console] = agenda.findChildren(PresenterConsole)
settle()
from PySide6.QtTest import QTest

QTest.keyClick(console, Qt.Key.Key_Right)  # start the first item, as a clicker does
settle(1.5)
save(console, "presenter-console.png")
save(top_level("audienceWindow"), "projector-slide.png")
console.close()
settle(0.2)
controller.services.lan.stop()
window.close_guard = None
window.close()
"""


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1366x768")
    return int(width), int(height)


def screens_config(folder: Path, width: int, height: int) -> Path:
    """Qt's offscreen platform with a laptop screen and a projector right of it, both this size."""
    screen = {"width": width, "height": height, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = {
        "screens": [
            {"name": "laptop", "x": 0, "y": 0, **screen},
            {"name": "projector", "x": width, "y": 0, **screen},
        ]
    }
    path = folder / f"screens-{width}x{height}.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def make_demo(db: Path, env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "facilitator", "demo", "--db", str(db)]
    offered = subprocess.run(
        [*command[:4], "--help"], capture_output=True, text=True, env=env, check=True
    )
    if "--finished" in offered.stdout:
        command.append("--finished")
    subprocess.run(command, check=True, env=env, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--lang", nargs="+", default=["ja"], choices=["ja", "en"])
    parser.add_argument("--sizes", nargs="+", type=parse_size, default=[(1366, 768), (1920, 1080)])
    parser.add_argument("--readme", type=Path, help="also write screenshot-<lang>.png here")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="facilitator-shots-") as tmp:
        folder = Path(tmp)
        env = dict(os.environ, FACILITATOR_HOME=str(folder / "home"))
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        db = folder / "demo.sqlite"
        make_demo(db, env)
        for width, height in args.sizes:
            platform = f"offscreen:configfile={screens_config(folder, width, height)}"
            for lang in args.lang:
                # A copy per run: presenting and the server write to the workspace.
                run_db = folder / f"{width}x{height}-{lang}" / "demo.sqlite"
                run_db.parent.mkdir()
                shutil.copy(db, run_db)
                target = args.out / f"{width}x{height}" / lang
                subprocess.run(
                    [sys.executable, "-c", CHILD, str(run_db), lang, str(target), str(TASKBAR_PX)],
                    check=True,
                    env=dict(env, QT_QPA_PLATFORM=platform),
                )
        if args.readme is not None:
            width, height = args.sizes[0]
            for lang in args.lang:
                [shot] = sorted((args.out / f"{width}x{height}" / lang).glob(f"*-{README_AREA}*"))[
                    :1
                ]
                shutil.copy(shot, args.readme / f"screenshot-{lang}.png")
                print(args.readme / f"screenshot-{lang}.png")


if __name__ == "__main__":
    main()
