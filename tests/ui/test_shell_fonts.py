"""The bundled IPAex fonts are registered at start and Japanese renders as glyphs, not tofu."""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetrics,
    QImage,
    QRawFont,
)
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from facilitator.app import create_application
from facilitator.resources import resource_path
from facilitator.ui.fonts import GOTHIC_FILE, MINCHO_FILE, register_bundled_fonts

SAMPLE = "門真"


def covers(font: QFont, text: str) -> bool:
    """Whether `font` itself has glyphs for `text` (no fallback to other fonts)."""
    font = QFont(font)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in text)


def resolved(family: str) -> str:
    """The concrete family Qt picks for `family` (aliases such as "Sans Serif" resolved)."""
    font = QFont(family)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    return QFontInfo(font).family()


def render(qtbot: QtBot, font: QFont) -> QImage:
    label = QLabel(SAMPLE)
    qtbot.addWidget(label)
    label.setFont(font)
    label.setStyleSheet("background: white; color: black;")
    label.resize(160, 60)
    return label.grab().toImage()


def dark_pixels(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if QColor(image.pixel(x, y)).lightness() < 128
    )


def test_the_bundled_files_hold_the_glyphs(qtbot: QtBot) -> None:
    for name in (GOTHIC_FILE, MINCHO_FILE):
        raw = QRawFont(str(resource_path("fonts", name)), 16)
        assert raw.isValid(), name
        assert all(raw.supportsCharacter(ord(ch)) for ch in SAMPLE), name
    assert resource_path("fonts", "IPA_Font_License_Agreement_v1.0.txt").is_file()


def test_start_up_registers_the_bundled_fonts_and_uses_gothic(qtbot: QtBot) -> None:
    app = create_application()
    added = register_bundled_fonts()
    assert "IPAexGothic" in added and "IPAexMincho" in added
    families = QApplication.font().families()
    assert "IPAexGothic" in families
    assert all(f in QFontDatabase.families() for f in added)
    # The first of the app font's families that draws Japanese resolves to the bundled Gothic.
    japanese = [resolved(f) for f in families if covers(QFont(f), SAMPLE)]
    assert japanese and japanese[0] == "IPAexGothic"
    assert app is QApplication.instance()


def test_japanese_renders_with_the_app_font_and_not_as_tofu(qtbot: QtBot) -> None:
    create_application()
    app_font = QApplication.font()
    app_font.setPointSize(20)
    with_app_font = render(qtbot, app_font)
    assert dark_pixels(with_app_font) > 100  # strokes were drawn, the label is not blank

    gothic = QFont("IPAexGothic", 20)
    gothic.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    assert covers(gothic, SAMPLE)
    assert with_app_font == render(qtbot, gothic)  # the very glyphs of IPAex Gothic

    lacking = [f for f in QFontDatabase.families() if not covers(QFont(f), SAMPLE)]
    assert lacking, "no font without Japanese glyphs to compare against"
    tofu_font = QFont(lacking[0], 20)
    tofu_font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    assert render(qtbot, tofu_font) != with_app_font
