"""Registering the bundled IPAex fonts with reportlab, once per process.

The fonts are embedded (subset) in every PDF, so Japanese prints the same on a
machine that has no Japanese font installed.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from facilitator.resources import resource_path

GOTHIC = "IPAexGothic"
MINCHO = "IPAexMincho"
_FILES = ((GOTHIC, "ipaexg.ttf"), (MINCHO, "ipaexm.ttf"))


def register_japanese_fonts() -> tuple[str, str]:
    """Make IPAex Gothic and Mincho available to reportlab; returns (gothic, mincho) names.

    reportlab keeps its own font registry for the whole process, so registering
    twice would only waste time parsing the TTF files again.
    """
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES:
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    return GOTHIC, MINCHO
