"""The self-test's Qt work: the main window, a slide, PDFs read back with Qt PDF.

Qt PDF and zxing-cpp ship in the bundle anyway (PDF decks, the layout editor,
the webcam scanner), so reading a certificate back needs nothing the trainer lacks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from facilitator.errors import Msg
from facilitator.lang import Lang
from facilitator.selftest.base import StepFailed, fail

MIN_COLOURS = 8  # a painted window has text, navigation and frames; a blank one has 1 or 2
GRID = 24  # sample points per side when counting colours


def _application() -> QApplication:
    from facilitator.app import create_application

    return create_application()


def _colours(image: QImage) -> int:
    """Distinct colours on a grid of sample points: a painted page has many, a blank one 1–2."""
    return len(
        {
            image.pixel(x * image.width() // GRID, y * image.height() // GRID)
            for x in range(GRID)
            for y in range(GRID)
        }
    )


def translated_area_names(lang: Lang) -> list[str]:
    """The navigation's area names as the app's translators give them in `lang`."""
    from PySide6.QtCore import QCoreApplication

    from facilitator.ui.translations import install_translators, remove_translators

    app = _application()
    translators = install_translators(app, lang)
    try:
        return [
            QCoreApplication.translate("Areas", "Check-in"),
            QCoreApplication.translate("Areas", "Agenda"),
            QCoreApplication.translate("Areas", "Certificates"),
        ]
    finally:
        remove_translators(app, translators)


def qt_cancel_text(lang: Lang) -> str:
    """Qt's own Cancel button in `lang`: Japanese only when Qt's `qtbase` catalogue loaded."""
    from PySide6.QtWidgets import QDialogButtonBox

    from facilitator.ui.translations import install_translators, remove_translators

    app = _application()
    translators = install_translators(app, lang)
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        button = box.button(QDialogButtonBox.StandardButton.Cancel)
        text = button.text() if button is not None else ""
        box.deleteLater()
        return text
    finally:
        remove_translators(app, translators)


def render_slide(heading: str, bullets: tuple[str, ...], png: Path) -> int:
    """Paint a built-in slide as the projector window does; returns its colour count."""
    from PySide6.QtCore import QSize

    from facilitator.domain.agenda_items import ItemKind, SlideContent
    from facilitator.ui.agenda.slide import SlideCanvas, SlideFrame

    _application()
    canvas = SlideCanvas(show_progress=False)
    canvas.resize(QSize(1280, 720))
    canvas.set_frame(SlideFrame(ItemKind.TALK, heading, SlideContent(heading, bullets)))
    image = canvas.grab().toImage()
    canvas.deleteLater()
    image.save(str(png))
    colours = _colours(image)
    if image.isNull() or colours < MIN_COLOURS:
        raise fail(
            f"the slide looks blank ({colours} colours)",
            f"スライドが空白のようです（{colours} 色）",
        )
    return colours


def render_deck_page(pdf: Path, page: int) -> tuple[int, int, int]:
    """Page `page` (0-based) of a PDF deck as the projector shows it: (width, height, colours)."""
    from PySide6.QtCore import QSize

    from facilitator.ui.agenda.pdf_pages import PdfUnreadable, page_count, render_page

    _application()
    try:
        pages = page_count(str(pdf))
        image = render_page(str(pdf), page, QSize(1920, 1080))
    except PdfUnreadable:
        raise fail(
            f"Qt PDF could not render page {page + 1} of {pdf.name}",
            f"Qt PDF で {pdf.name} の {page + 1} ページ目を表示できませんでした",
        ) from None
    colours = _colours(image)
    if pages < page + 1 or colours < 3:
        raise fail(
            f"{pdf.name}: {pages} pages; page {page + 1} has {colours} colours",
            f"{pdf.name}：{pages} ページ；{page + 1} ページ目は {colours} 色",
        )
    return image.width(), image.height(), colours


def grab_main_window(db: Path, lang: Lang, png: Path) -> Msg:
    """Start the GUI on `db` as `facilitator --db` does, paint the window and save it."""
    from PySide6.QtCore import QCoreApplication, QThreadPool
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtMultimedia import QMediaFormat

    from facilitator.app import app_controller
    from facilitator.domain.clock import SystemClock
    from facilitator.ui.dialogs import RecordingDialogs
    from facilitator.ui.settings import AppSettings

    app = _application()
    dialogs = RecordingDialogs()  # a dialog would block an unattended run; record it instead
    controller = app_controller(app, AppSettings(), lang, SystemClock(), dialogs=dialogs)
    # An exception in a Qt slot never reaches this frame; collect it instead.
    unhandled: list[BaseException] = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda _kind, exc, _tb: unhandled.append(exc)
    try:
        if not controller.open(db) or controller.window is None:
            shown = "; ".join(text for _, text in dialogs.messages)
            raise StepFailed(
                Msg(
                    en=f"the main window did not open: {shown}",
                    ja=f"メインウィンドウが開きませんでした：{shown}",
                )
            )
        window = controller.window
        # Build every area as a trainer clicking through would: each pulls in its own
        # modules and Qt plugins (multimedia for the scanner and sounds, charts, PDF),
        # which a bundle could lack. Then let their background loads finish.
        for key in window.area_keys():
            window.area_view(key)
            window.show_area(key)
            QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(10_000)
        QApplication.processEvents()
        areas = len(window.area_keys())
        window.show_area(window.area_keys()[0])
        QApplication.processEvents()
        image = window.grab().toImage()
        image.save(str(png))
        colours = _colours(image)
        problems = [text for _, text in dialogs.messages]
        problems += [f"{type(e).__name__}: {e}" for e in unhandled]
        if image.isNull() or colours < MIN_COLOURS:
            problems.append(f"the window looks blank ({colours} colours)")
        if lang == "ja" and QCoreApplication.translate("Areas", "Check-in") == "Check-in":
            problems.append("the Japanese translations did not load")
        # The webcam scanner and the door sounds need a multimedia backend plugin
        # (FFmpeg); without one the app still starts, silently unable to scan.
        if not QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode):
            problems.append("no Qt Multimedia backend (webcam scanner)")
        families = QFontDatabase.families()
        if not any(f.startswith("IPAex") for f in families):
            problems.append("the bundled IPAex fonts are not registered")
        if problems:
            raise StepFailed(
                Msg(en="; ".join(problems), ja="問題があります：" + "；".join(problems))
            )
        width, height = image.width(), image.height()
    finally:
        if controller.window is not None:
            controller.window.close_guard = None
            controller.window.close()  # its `closing` signal releases the workspace
        controller.shutdown()
        QApplication.processEvents()
        sys.excepthook = previous_hook
    return Msg(
        en=f"{areas} areas opened; {width}×{height}, {colours} colours, saved as {png.name}",
        ja=f"{areas} 画面を表示；{width}×{height}、{colours} 色、{png.name} に保存",
    )


def pdf_page_count(pdf: Path) -> int:
    """Pages of `pdf` as Qt PDF (the app's own viewer library) reads them; 0 if unreadable."""
    from PySide6.QtPdf import QPdfDocument

    _application()
    document = QPdfDocument()
    error = document.load(str(pdf))
    pages = document.pageCount() if error == QPdfDocument.Error.None_ else 0
    document.close()
    return pages


def decode_first_page_qr(pdf: Path, width: int) -> list[str]:
    """The QR texts zxing-cpp finds on page 1 of `pdf`, rendered `width` pixels wide."""
    import zxingcpp

    from facilitator.ui.certificates.images import render_first_page

    _application()
    page = render_first_page(pdf.read_bytes(), width)
    gray = page.convertToFormat(QImage.Format.Format_Grayscale8)
    found = zxingcpp.read_barcodes(
        gray, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    return [b.text for b in found if b.valid and b.text]
