"""A box that gives the slide inside it the slide's own 16:9 shape.

The presenter console's current slide sits in a coloured frame (paused, blackout).
Stretched to its column, the canvas painted black bands above and below the slide.
This box instead places the frame at the largest 16:9 size that fits, centred across
the column, and is never taller than that size for its width, so the room left over
goes to the rest of the column rather than to black bars.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

from facilitator.ui.agenda.slide import HEIGHT, WIDTH


class SlideBox(QWidget):
    def __init__(self, frame: QFrame, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frame = frame
        frame.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _border(self) -> tuple[int, int]:
        """The frame's own margins around the slide, across and down."""
        m = self._frame.contentsMargins()
        layout = self._frame.layout()
        inner = layout.contentsMargins() if layout is not None else None
        across = m.left() + m.right() + (inner.left() + inner.right() if inner else 0)
        down = m.top() + m.bottom() + (inner.top() + inner.bottom() if inner else 0)
        return across, down

    def slide_size(self, width: int, height: int) -> QSize:
        """The largest 16:9 slide that fits a box of `width` × `height`, frame included."""
        across, down = self._border()
        w = min(width - across, (height - down) * WIDTH / HEIGHT)
        w = max(0.0, w)
        return QSize(round(w), round(w * HEIGHT / WIDTH))

    def sizeHint(self) -> QSize:
        across, down = self._border()
        return QSize(640 + across, 360 + down)

    def minimumSizeHint(self) -> QSize:
        # Small enough that the console still fits a 1366×768 screen with banners shown.
        across, down = self._border()
        return QSize(320 + across, 180 + down)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        across, down = self._border()
        # Never taller than the slide for this width: a fixed bound of the width, so
        # setting it does not change the width and the layout settles at once.
        tallest = self.slide_size(self.width(), 1 << 20).height() + down
        if self.maximumHeight() != tallest:
            self.setMaximumHeight(tallest)
        slide = self.slide_size(self.width(), self.height())
        outer = QSize(slide.width() + across, slide.height() + down)
        left = (self.width() - outer.width()) // 2
        self._frame.setGeometry(QRect(left, 0, outer.width(), outer.height()))
