"""Cold start loads only what the first area needs: the heavy libraries wait for their area."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from shell_helpers import demo_file, ensure_translations

# Each is needed by one area or by the phone server, never to show the main window.
HEAVY = (
    "reportlab",  # PDFs: roster papers, certificates
    "openpyxl",  # roster spreadsheets
    "starlette",  # the phone server
    "uvicorn",
    "jinja2",
    "alembic",  # migrations run only when a workspace is older than the app
    "budoux",  # phrase breaks on slides
    "highspy",  # optimal assignment
    "zxingcpp",  # the webcam scanner
    "qrcode",
    "PySide6.QtCharts",  # feedback results
    "PySide6.QtMultimedia",  # webcam, chimes
    "PySide6.QtPdf",  # PDF decks and previews
    "PySide6.QtNetwork",
    "facilitator.ui.roster",
    "facilitator.ui.checkin",
    "facilitator.ui.agenda",
    "facilitator.ui.feedback",
    "facilitator.ui.certificates",
    "facilitator.services.roster",
    "facilitator.services.checkin",
    "facilitator.services.agenda",
    "facilitator.services.feedback",
    "facilitator.services.certificates",
    "facilitator.web",
    "facilitator.pdf",
    "facilitator.importers",
)

CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from facilitator.app import run_gui
    from PySide6.QtWidgets import QApplication
    from facilitator.ui.main_window import MainWindow
    assert run_gui(Path(sys.argv[1]), demo=False, lang="ja", exec_loop=False) == 0
    app = QApplication.instance()
    app.processEvents()
    [window] = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    window.grab()
    print(json.dumps({"title": window.area_titles()[0], "modules": sorted(sys.modules)}))
    """
)


def test_the_main_window_shows_without_loading_heavy_modules(tmp_path: Path) -> None:
    ensure_translations()
    db = demo_file(tmp_path / "demo.sqlite")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FACILITATOR_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["title"] == "研修"  # the window really showed, in Japanese
    modules: list[str] = shown["modules"]
    loaded = sorted(
        heavy for heavy in HEAVY if any(m == heavy or m.startswith(heavy + ".") for m in modules)
    )
    assert loaded == []
