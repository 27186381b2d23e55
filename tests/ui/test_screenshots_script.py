"""scripts/screenshots.py captures every area and both projector screens, painted, not blank."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from shell_helpers import area_keys

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "screenshots.py"
MIN_COLOURS = 8  # a painted window has text, frames and controls; a blank one has 1 or 2
GRID = 24


def colours(path: Path) -> int:
    image = QImage(str(path))
    assert not image.isNull(), path
    return len(
        {
            image.pixel(x * image.width() // GRID, y * image.height() // GRID)
            for x in range(GRID)
            for y in range(GRID)
        }
    )


def test_the_script_captures_every_area_and_projector_screen(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    readme = tmp_path / "readme"
    readme.mkdir()
    env = dict(os.environ, FACILITATOR_HOME=str(tmp_path / "home"))
    env.pop("QT_QPA_PLATFORM", None)  # the script sets its own (offscreen, two screens)
    command = [sys.executable, str(SCRIPT), "--out", str(out), "--readme", str(readme)]
    subprocess.run(
        [*command, "--sizes", "1366x768"],
        check=True,
        env=env,
        timeout=300,
        capture_output=True,
    )
    folder = out / "1366x768" / "ja"
    shots = sorted(folder.glob("*.png"))
    names = {p.name for p in shots}
    # Every area of the navigation (its key is in the file name), in navigation order.
    areas = [p.name.split("-")[1].removesuffix(".png") for p in shots if p.name[:2].isdigit()]
    assert list(dict.fromkeys(areas)) == area_keys()
    assert {"projector-slide.png", "projector-session-qr.png", "presenter-console.png"} <= names
    blank = [p.name for p in shots if colours(p) < MIN_COLOURS]
    assert blank == []
    window = QImage(str(folder / "01-event.png"))
    assert (window.width(), window.height()) == (1366, 768 - 40)  # above the taskbar
    projector = QImage(str(folder / "projector-slide.png"))
    assert (projector.width(), projector.height()) == (1366, 768)  # the whole projector
    assert colours(readme / "screenshot-ja.png") >= MIN_COLOURS
