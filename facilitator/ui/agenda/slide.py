"""One agenda slide, painted: built-in text slides, PDF pages, break, check-in, feedback, closing.

The same widget draws the projector picture and the console's previews, so the
two can never disagree. Everything is laid out on a 1920×1080 canvas and
scaled, which keeps the type large and proportions right on any screen. Only
the parts that change with time (progress bar, break countdown) are repainted
by the clock, and only when what they show has changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.domain.agenda_items import ItemKind, SlideContent
from facilitator.domain.agenda_timing import Level
from facilitator.domain.phrases import keep_phrases_together
from facilitator.ui.fonts import register_bundled_fonts
from facilitator.ui.qr_image import qr_image

WIDTH, HEIGHT = 1920, 1080
PROGRESS_HEIGHT = 12
INK = QColor("#1a1a1a")
ACCENT = QColor("#1565c0")
LEVEL_COLOURS = {
    Level.NORMAL: QColor("#1565c0"),
    Level.AMBER: QColor("#f9a825"),
    Level.RED: QColor("#c62828"),
    Level.OVERTIME: QColor("#c62828"),
}


@cache
def _gothic_families() -> tuple[str, ...]:
    # Registering is process-wide and idempotent in effect; doing it once avoids re-reading the TTFs.
    return tuple(f for f in register_bundled_fonts() if "Gothic" in f or "ゴシック" in f)


def slide_font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies([*_gothic_families(), *font.families()])
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def fit_wrapped(
    p: QPainter, text: str, box: QRectF, flags: int, pixels: int, bold: bool = False
) -> QRectF:
    """Set on `p` the largest font up to `pixels` in which `text` fits `box` when wrapped,
    and return where it will be drawn. A phrase kept whole (受付・オリエンテーション
    is one) may be wider than the box at full size: shrinking beats cutting it off."""
    while True:
        p.setFont(slide_font(pixels, bold))
        used = p.boundingRect(box, flags, text)
        fits = used.width() <= box.width() + 0.5 and used.height() <= box.height() + 0.5
        if fits or pixels <= 32:
            return used
        pixels -= 4


def fitted_font(text: str, width: int, pixels: int, bold: bool = False) -> QFont:
    """The largest font up to `pixels` high in which `text` fits on one line of `width`."""
    font = slide_font(pixels, bold)
    while pixels > 24 and QFontMetrics(font).horizontalAdvance(text) > width:
        pixels -= 6
        font = slide_font(pixels, bold)
    return font


class Screen(Enum):
    """What the slide area shows apart from the item's own content."""

    ITEM = "item"
    BLACK = "black"


@dataclass(frozen=True)
class SlideFrame:
    """What one item puts on screen (the parts that do not change every second)."""

    kind: ItemKind
    title: str
    slide: SlideContent
    pdf_page: QImage | None = None
    pdf_pending: bool = False
    image: QImage | None = None
    qr_url: str | None = None
    counter: str = ""
    server_down: bool = False  # said on the console; the audience sees a neutral screen
    survey_closed: bool = False  # a feedback item's survey is not open: no QR yet


@dataclass(frozen=True)
class SlideTime:
    """The time-dependent parts, already rounded to what is shown."""

    progress_steps: int  # 0..1000
    level: Level
    countdown: str  # "09:59", "+01:05" in overtime
    resume_at: str  # "10:45", for breaks


class SlideCanvas(QWidget):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        show_progress: bool = True,
        keep_aspect: bool = False,
    ) -> None:
        super().__init__(parent)
        # keep_aspect: as tall as the slide is for the width it gets (no black bars),
        # the rest of the column going to whatever is below it.
        self._keep_aspect = keep_aspect
        self.setSizePolicy(
            QSizePolicy.Policy.Expanding,
            QSizePolicy.Policy.Fixed if keep_aspect else QSizePolicy.Policy.Expanding,
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._frame: SlideFrame | None = None
        self._time: SlideTime | None = None
        self._screen = Screen.ITEM
        self._show_progress = show_progress
        self._qr: QImage | None = None
        self._qr_text: str | None = None
        self.paints = 0  # for the CPU benchmark and tests: repaint count

    # -- inputs --------------------------------------------------------------------------------
    def set_frame(self, frame: SlideFrame | None) -> None:
        if frame != self._frame:
            self._frame = frame
            if frame is not None and frame.qr_url != self._qr_text:
                self._qr_text = frame.qr_url
                self._qr = qr_image(frame.qr_url) if frame.qr_url else None
            self.update()

    def frame(self) -> SlideFrame | None:
        return self._frame

    def set_time(self, time: SlideTime | None) -> None:
        if time == self._time:
            return
        old, self._time = self._time, time
        if (
            old is not None
            and time is not None
            and old.countdown == time.countdown
            and old.resume_at == time.resume_at
            and old.level == time.level
        ):
            self.update(self._progress_rect())  # only the bar moved
        else:
            self.update()

    def set_screen(self, screen: Screen) -> None:
        if screen != self._screen:
            self._screen = screen
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    def heightForWidth(self, width: int) -> int:
        return round(width * HEIGHT / WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Layouts give a box its width from the columns; the height then follows the
        # slide's shape (a fixed height changes nothing horizontally, so this settles).
        if self._keep_aspect and self.height() != self.heightForWidth(self.width()):
            self.setFixedHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    # -- painting ------------------------------------------------------------------------------
    def _viewport(self) -> QRectF:
        scale = min(self.width() / WIDTH, self.height() / HEIGHT)
        w, h = WIDTH * scale, HEIGHT * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _progress_rect(self) -> QRect:
        view = self._viewport()
        bar = PROGRESS_HEIGHT * view.height() / HEIGHT
        return QRectF(view.left(), view.bottom() - bar - 1, view.width(), bar + 2).toAlignedRect()

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        frame = self._frame
        if self._screen == Screen.BLACK or frame is None:
            painter.end()
            return
        view = self._viewport()
        painter.translate(view.topLeft())
        painter.scale(view.width() / WIDTH, view.height() / HEIGHT)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if frame.kind == ItemKind.BREAK:
            self._paint_break(painter, frame)
        elif frame.kind in (ItemKind.CHECKIN, ItemKind.FEEDBACK):
            self._paint_phone(painter, frame)
        elif frame.kind == ItemKind.CLOSING:
            self._paint_closing(painter, frame)
        elif frame.pdf_page is not None or frame.pdf_pending:
            self._paint_pdf(painter, frame)
        else:
            self._paint_content(painter, frame)
        if self._show_progress and self._time is not None:
            self._paint_progress(painter, self._time)
        painter.end()

    def _heading(self, frame: SlideFrame) -> str:
        return frame.slide.heading or frame.title

    def _paint_content(self, p: QPainter, frame: SlideFrame) -> None:
        p.fillRect(QRectF(0, 0, WIDTH, HEIGHT), QColor("white"))
        p.fillRect(QRectF(0, 0, 24, HEIGHT), ACCENT)
        p.setPen(INK)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        text_width = 1040 if frame.image is not None else 1680
        title = keep_phrases_together(self._heading(frame))
        box = QRectF(120, 90, text_width, 240)
        heading = fit_wrapped(p, title, box, int(flags), 84, bold=True)
        p.drawText(box, int(flags), title)
        rule_y = min(heading.bottom(), 330) + 30
        p.fillRect(QRectF(120, rule_y, 200, 8), ACCENT)
        p.setFont(slide_font(56))
        y = rule_y + 60
        for bullet in frame.slide.bullets:
            kept = keep_phrases_together(bullet)
            rect = p.boundingRect(QRectF(200, y, text_width - 80, 400), int(flags), kept)
            p.drawText(QRectF(130, y, 60, 80), int(flags), "・")
            p.drawText(rect, int(flags), kept)
            y = rect.bottom() + 28
            if y > HEIGHT - 80:
                break
        if frame.image is not None:
            target = QRectF(1220, 360, 600, 600)
            scaled = frame.image.size().scaled(600, 600, Qt.AspectRatioMode.KeepAspectRatio)
            p.drawImage(
                QRectF(
                    target.center().x() - scaled.width() / 2,
                    target.center().y() - scaled.height() / 2,
                    scaled.width(),
                    scaled.height(),
                ),
                frame.image,
            )

    def _paint_pdf(self, p: QPainter, frame: SlideFrame) -> None:
        if frame.pdf_page is None:
            p.setPen(QColor("#9e9e9e"))
            p.setFont(slide_font(48))
            p.drawText(QRectF(0, 0, WIDTH, HEIGHT), int(Qt.AlignmentFlag.AlignCenter), "…")
            return
        size = frame.pdf_page.size().scaled(WIDTH, HEIGHT, Qt.AspectRatioMode.KeepAspectRatio)
        p.drawImage(
            QRectF(
                (WIDTH - size.width()) / 2,
                (HEIGHT - size.height()) / 2,
                size.width(),
                size.height(),
            ),
            frame.pdf_page,
        )

    def _paint_break(self, p: QPainter, frame: SlideFrame) -> None:
        p.fillRect(QRectF(0, 0, WIDTH, HEIGHT), QColor("#0d1b2a"))
        p.setPen(QColor("#e0e6ee"))
        p.setFont(slide_font(96, bold=True))
        p.drawText(QRectF(0, 90, WIDTH, 140), int(Qt.AlignmentFlag.AlignCenter), frame.title)
        if self._time is None:
            return
        p.setPen(QColor("white"))
        p.setFont(slide_font(400, bold=True))
        p.drawText(
            QRectF(0, 250, WIDTH, 480), int(Qt.AlignmentFlag.AlignCenter), self._time.countdown
        )
        p.setPen(QColor("#ffd54f"))
        p.setFont(slide_font(120, bold=True))
        p.drawText(
            QRectF(0, 760, WIDTH, 170),
            int(Qt.AlignmentFlag.AlignCenter),
            self.tr("Resume at %1").replace("%1", self._time.resume_at),
        )

    def _paint_phone(self, p: QPainter, frame: SlideFrame) -> None:
        p.fillRect(QRectF(0, 0, WIDTH, HEIGHT), QColor("white"))
        qr_box = QRectF(100, 140, 800, 800)
        waiting = frame.qr_url is None or self._qr is None
        if waiting:
            # No QR to scan (server stopped, survey not open yet): the room sees a calm
            # "starting shortly", never a staff message; the console says what is wrong.
            p.fillRect(qr_box, QColor("#eef2f7"))
            p.setPen(ACCENT)
            if frame.kind == ItemKind.CHECKIN:
                soon = self.tr("Check-in will open shortly")
            else:
                soon = self.tr("The survey will start shortly")
            fit_wrapped(
                p,
                keep_phrases_together(soon),
                qr_box.adjusted(60, 60, -60, -60),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                72,
                bold=True,
            )
            p.drawText(
                qr_box.adjusted(60, 60, -60, -60),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                keep_phrases_together(soon),
            )
        else:
            assert self._qr is not None
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            p.drawImage(qr_box, self._qr)
        p.setPen(INK)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        title, box = keep_phrases_together(self._heading(frame)), QRectF(980, 140, 860, 240)
        fit_wrapped(p, title, box, int(left), 84, bold=True)
        p.drawText(box, int(left), title)
        p.setFont(slide_font(48))
        if waiting:
            hint = self.tr("Please wait a moment.")
        elif frame.kind == ItemKind.CHECKIN:
            hint = self.tr("Scan the code with your phone's camera to check in.")
        else:
            hint = self.tr("Scan the code with your phone's camera to answer the survey.")
        p.drawText(QRectF(980, 420, 860, 260), int(left), keep_phrases_together(hint))
        if frame.counter:
            p.setPen(ACCENT)
            p.setFont(fitted_font(frame.counter, 880, 110, bold=True))
            p.drawText(QRectF(980, 720, 900, 200), int(left), frame.counter)

    def _paint_closing(self, p: QPainter, frame: SlideFrame) -> None:
        p.fillRect(QRectF(0, 0, WIDTH, HEIGHT), QColor("white"))
        p.setPen(ACCENT)
        p.setFont(slide_font(150, bold=True))
        p.drawText(
            QRectF(0, 260, WIDTH, 300),
            int(Qt.AlignmentFlag.AlignCenter),
            self.tr("Thank you"),
        )
        p.setPen(INK)
        p.setFont(slide_font(60))
        # The heading of a closing item is usually just "閉会"; its lines say more.
        lines = list(frame.slide.bullets) or [self._heading(frame)]
        p.drawText(
            QRectF(100, 620, WIDTH - 200, 360),
            int(
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            ),
            keep_phrases_together("\n".join(lines)),
        )

    def _paint_progress(self, p: QPainter, time: SlideTime) -> None:
        track = QRectF(0, HEIGHT - PROGRESS_HEIGHT, WIDTH, PROGRESS_HEIGHT)
        p.fillRect(track, QColor(128, 128, 128, 70))
        done = QRectF(
            track.left(), track.top(), WIDTH * time.progress_steps / 1000, PROGRESS_HEIGHT
        )
        p.fillRect(done, LEVEL_COLOURS[time.level])
