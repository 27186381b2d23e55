"""Screenshots of the real app on a fresh demo workspace, for the README and docs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs]

Writes `screenshot-ja.png` and `screenshot-en.png`: the main window as it opens
(event area), each in a fresh process so each language starts as a user's would.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from facilitator.app import run_gui
from facilitator.ui.main_window import MainWindow
db, lang, out = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
assert run_gui(db, demo=False, lang=lang, exec_loop=False) == 0
app = QApplication.instance()
window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
deadline = time.monotonic() + 3
while time.monotonic() < deadline:  # let the background loads arrive and paint
    QThreadPool.globalInstance().waitForDone(50)
    app.processEvents()
assert window.grab().save(out), out
window.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="facilitator-shots-") as tmp:
        env = dict(os.environ, FACILITATOR_HOME=str(Path(tmp) / "home"))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        db = Path(tmp) / "demo.sqlite"
        subprocess.run(
            [sys.executable, "-m", "facilitator", "demo", "--db", str(db)], check=True, env=env
        )
        for lang in ("ja", "en"):
            out = args.out / f"screenshot-{lang}.png"
            subprocess.run(
                [sys.executable, "-c", CHILD, str(db), lang, str(out)], check=True, env=env
            )
            print(out)


if __name__ == "__main__":
    main()
