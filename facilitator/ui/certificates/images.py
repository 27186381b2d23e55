"""Page images for the certificate layout editor (Qt PDF), safe off the GUI thread.

reportlab cannot place a PDF page, so a one-page PDF chosen as background is
drawn once, at 200 dpi, into a JPEG that the layout keeps.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel

BACKGROUND_DPI = 200


def render_first_page(pdf: bytes, width: int) -> QImage:
    """Page 1 of `pdf` as an image `width` pixels wide (safe off the GUI thread)."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    size = document.pagePointSize(0)
    height = round(width * size.height() / size.width()) if size.width() else width
    page = document.render(0, QSize(width, height))
    document.close()
    # Qt PDF leaves the paper transparent; the preview shows it white, as printed.
    image = QImage(page.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    return image


class BackgroundUnusable(Exception):
    """`kind`: "pages" (not exactly one page), "unreadable", or "os" (with `detail`)."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(kind)
        self.kind, self.detail = kind, detail


def background_bytes(path: Path) -> bytes:
    """The background for the layout: an image file as it is, a one-page PDF as a JPEG.

    reportlab cannot place a PDF page, so the page is drawn at 200 dpi (Qt PDF)
    once, when chosen; safe to run off the GUI thread.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BackgroundUnusable("os", exc.strerror or str(exc)) from exc
    if data.startswith((b"\x89PNG", b"\xff\xd8")):
        return data
    if not data.startswith(b"%PDF"):
        raise BackgroundUnusable("unreadable")
    raw = QByteArray(data)  # kept referenced: the buffer does not own it
    buffer = QBuffer(raw)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pages = document.pageCount()
    points = document.pagePointSize(0) if pages else None
    document.close()
    if pages != 1 or points is None:
        raise BackgroundUnusable("pages" if pages > 1 else "unreadable")
    image = render_first_page(data, max(1, round(points.width() / 72 * BACKGROUND_DPI)))
    out = QByteArray()
    sink = QBuffer(out)
    sink.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide accepts only str here, although its type stub says bytes.
    image.save(sink, "JPEG", 88)  # type: ignore[call-overload]
    return bytes(out.data())


class ScaledImage(QLabel):
    """Shows an image scaled to the label's current size, keeping its proportions."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._image: QImage | None = None

    def set_image(self, image: QImage) -> None:
        self._image = image
        self._rescale()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._image is None:
            return
        self.setPixmap(
            QPixmap.fromImage(self._image).scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
