"""Registering the bundled IPAex fonts so Japanese renders on any laptop."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from facilitator.resources import resource_path

log = logging.getLogger(__name__)

GOTHIC_FILE = "ipaexg.ttf"
MINCHO_FILE = "ipaexm.ttf"


def register_bundled_fonts() -> list[str]:
    """Add the bundled fonts to Qt's database; returns the family names added."""
    families: list[str] = []
    for name in (GOTHIC_FILE, MINCHO_FILE):
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            log.warning("could not load bundled font %s", name)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def ui_font(families: list[str], point_size: float | None = None) -> QFont:
    """The app's font: the system default, falling back to IPAex Gothic for Japanese."""
    font = QFont()
    gothic = [f for f in families if "Gothic" in f or "ゴシック" in f]
    font.setFamilies([*font.families(), *gothic])
    if point_size:
        font.setPointSizeF(point_size)
    return font
