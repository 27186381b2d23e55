"""PDF deck pages rendered with Qt PDF, off the GUI thread, kept in a small cache.

The projector asks for a page at its own size; the first request starts a
background render and returns None (the slide shows a placeholder), and the
finished image arrives through `ready`. The next page is rendered ahead so a
clicker press shows it at once.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from facilitator.ui.runner import Runner

CACHE_PAGES = 24


class PdfUnreadable(Exception):
    """The deck cannot be opened (moved, damaged or not a PDF)."""


@dataclass(frozen=True)
class PageKey:
    path: str
    mtime_ns: int
    page: int  # 0-based
    width: int
    height: int


def page_count(path: str) -> int:
    """Pages in the deck; raises PdfUnreadable when it cannot be opened."""
    doc = QPdfDocument()
    try:
        if doc.load(path) != QPdfDocument.Error.None_:
            raise PdfUnreadable(path)
        return int(doc.pageCount())
    finally:
        doc.close()


def render_page(path: str, page: int, box: QSize) -> QImage:
    """Page `page` (0-based) scaled to fit `box`, keeping its proportions.

    Safe to call on a worker thread: the document lives and dies inside the call.
    """
    doc = QPdfDocument()
    try:
        if doc.load(path) != QPdfDocument.Error.None_ or not 0 <= page < doc.pageCount():
            raise PdfUnreadable(path)
        points = doc.pagePointSize(page)
        target = QSize(max(1, round(points.width())), max(1, round(points.height()))).scaled(
            box, Qt.AspectRatioMode.KeepAspectRatio
        )
        rendered = doc.render(page, target)
        if rendered.isNull():
            raise PdfUnreadable(path)
        # Qt PDF leaves unpainted areas transparent; a page is white paper on the projector.
        image = QImage(rendered.size(), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.drawImage(0, 0, rendered)
        painter.end()
        return image
    finally:
        doc.close()


class PdfPageCache(QObject):
    ready = Signal(object)  # PageKey
    failed = Signal(str)  # path

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._images: OrderedDict[PageKey, QImage] = OrderedDict()
        self._pending: set[PageKey] = set()

    def key(self, path: str, page: int, box: QSize) -> PageKey | None:
        try:
            mtime = Path(path).stat().st_mtime_ns
        except OSError:
            return None
        return PageKey(path, mtime, page, box.width(), box.height())

    def page(self, path: str, page: int, box: QSize) -> QImage | None:
        """The cached image, or None while it is being rendered (then `ready` fires)."""
        key = self.key(path, page, box)
        if key is None:
            self.failed.emit(path)
            return None
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
            return image
        self._request(key)
        return None

    def prefetch(self, path: str, page: int, box: QSize) -> None:
        key = self.key(path, page, box)
        if key is not None and key not in self._images:
            self._request(key)

    def _request(self, key: PageKey) -> None:
        if key in self._pending:
            return
        self._pending.add(key)
        self._runner.run(
            lambda: render_page(key.path, key.page, QSize(key.width, key.height)),
            lambda image: self._store(key, image),
            lambda _exc: self._fail(key),
        )

    def _store(self, key: PageKey, image: QImage) -> None:
        self._pending.discard(key)
        self._images[key] = image
        while len(self._images) > CACHE_PAGES:
            self._images.popitem(last=False)
        self.ready.emit(key)

    def _fail(self, key: PageKey) -> None:
        self._pending.discard(key)
        self.failed.emit(key.path)
