"""Drawing certificates from a layout: one merged PDF or one PDF per attendee.

Fast by construction: everything on a page that is the same for the whole
event (borders, background, images, the title, the event text) is drawn once
into a form XObject that every page reuses; per page only the attendee's
texts and the QR (one path, see `certificate_qr.py`) are written. Output is invariant
(no timestamps or random ids), so exporting twice gives the same bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from facilitator.domain.certificate_layout import (
    Align,
    Box,
    FontKey,
    FrameElement,
    ImageElement,
    Layout,
    QrElement,
    TextElement,
    fill_placeholders,
)
from facilitator.domain.phrases import phrases
from facilitator.pdf.batch_fonts import batch_font
from facilitator.pdf.certificate_qr import certificate_qr_ops

_STATIC_FORM = "static"
_LEADING = 1.25
_ASCENT = 0.88  # IPAex ascent as a share of the font size
_MIN_SIZE = 4.0


@dataclass(frozen=True)
class CertificateFields:
    """What changes from one attendee's certificate to the next."""

    name: str
    name_kana: str
    department: str
    title: str
    number: str
    code: str  # the verification code the QR carries

    def values(self) -> dict[str, str]:
        return {
            "name": self.name,
            "name_kana": self.name_kana,
            "department": self.department,
            "title": self.title,
            "number": self.number,
            "code": self.code,
        }


class RenderCancelled(Exception):
    """The caller asked to stop; whatever was being written must be thrown away."""


Progress = Callable[[int, int], None]


class CertificateRenderer:
    """Draws certificates of one event with one layout; build once, render many."""

    def __init__(self, layout: Layout, event_values: dict[str, str], title: str = "") -> None:
        # Parsing a font file takes a while: only the fonts the layout uses are registered.
        self._fonts: dict[FontKey, str] = {}
        self._layout = layout
        self._event_values = dict(event_values)
        self._title = title
        width_mm, height_mm = layout.page_mm
        self._page = (width_mm * mm, height_mm * mm)
        self._static = [e for e in layout.elements if not _is_dynamic(e)]
        self._dynamic = [e for e in layout.elements if _is_dynamic(e)]

    # -- public -------------------------------------------------------------------------------
    def render_merged(
        self,
        items: Sequence[CertificateFields],
        out: BinaryIO,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        """All certificates, one page each, into `out`."""
        canvas = self._canvas(out)
        self._pages(canvas, items, progress, cancelled)
        canvas.save()

    def render_one(self, item: CertificateFields) -> bytes:
        """One attendee's certificate as a complete PDF."""
        buffer = io.BytesIO()
        canvas = self._canvas(buffer)
        self._pages(canvas, [item], None, None)
        canvas.save()
        return buffer.getvalue()

    def render_each(
        self,
        items: Sequence[CertificateFields],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Iterable[bytes]:
        """One PDF per attendee, in order (a generator, so the caller can stream to disk)."""
        total = len(items)
        for done, item in enumerate(items, start=1):
            if cancelled is not None and cancelled():
                raise RenderCancelled
            yield self.render_one(item)
            if progress is not None:
                progress(done, total)

    # -- drawing ------------------------------------------------------------------------------
    def _canvas(self, out: BinaryIO) -> Canvas:
        # The initial font is ours: reportlab's default would add an unembedded Helvetica.
        canvas = Canvas(
            out,
            pagesize=self._page,
            invariant=1,
            pageCompression=1,
            initialFontName=self._font(FontKey.MINCHO),
        )
        canvas.setTitle(self._title or self._layout.name)
        canvas.setCreator("Facilitator")
        canvas.setAuthor(self._event_values.get("issuer", ""))
        canvas.beginForm(_STATIC_FORM)
        self._draw_static(canvas)
        canvas.endForm()
        return canvas

    def _pages(
        self,
        canvas: Canvas,
        items: Sequence[CertificateFields],
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        total = len(items)
        step = max(1, total // 100)
        for done, item in enumerate(items, start=1):
            if cancelled is not None and cancelled():
                raise RenderCancelled
            canvas.doForm(_STATIC_FORM)
            values = {**self._event_values, **item.values()}
            for element in self._dynamic:
                if isinstance(element, QrElement):
                    size = element.size * mm
                    x, y = element.x * mm, self._page[1] - element.y * mm - size
                    canvas.addLiteral(certificate_qr_ops(item.code, x, y, size))
                elif isinstance(element, TextElement):
                    text = fill_placeholders(element.text, values)
                    self._draw_text(canvas, element, text)
            canvas.showPage()
            if progress is not None and (done % step == 0 or done == total):
                progress(done, total)

    def _draw_static(self, canvas: Canvas) -> None:
        width, height = self._page
        if self._layout.background is not None:
            canvas.drawImage(
                ImageReader(io.BytesIO(self._layout.background)), 0, 0, width, height, mask="auto"
            )
        for element in self._static:
            if isinstance(element, FrameElement):
                x, y, w, h = self._rect(element.box)
                canvas.setStrokeColor(HexColor(element.color))
                canvas.setLineWidth(element.line_width)
                canvas.rect(x, y, w, h, stroke=1, fill=0)
            elif isinstance(element, ImageElement):
                x, y, w, h = self._rect(element.box)
                canvas.drawImage(
                    ImageReader(io.BytesIO(element.data)),
                    x,
                    y,
                    w,
                    h,
                    mask="auto",
                    preserveAspectRatio=True,
                    anchor="c",
                )
            elif isinstance(element, TextElement):
                self._draw_text(
                    canvas, element, fill_placeholders(element.text, self._event_values)
                )

    def _rect(self, box: Box) -> tuple[float, float, float, float]:
        w, h = box.width * mm, box.height * mm
        return box.x * mm, self._page[1] - box.y * mm - h, w, h

    def _font(self, key: FontKey) -> str:
        name = self._fonts.get(key)
        if name is None:
            name = self._fonts[key] = batch_font(key.value)
        return name

    def _draw_text(self, canvas: Canvas, element: TextElement, text: str) -> None:
        font = self._font(element.font)
        x, y, w, h = self._rect(element.box)
        size, lines = fit_text(text, font, element.size, w, h, element.wrap, element.letter_spacing)
        if not lines:
            return
        canvas.setFillColor(HexColor(element.color))
        canvas.setFont(font, size)
        block = size * (1 + _LEADING * (len(lines) - 1))
        baseline = y + h - (h - block) / 2 - size * _ASCENT
        spacing = element.letter_spacing
        for line in lines:
            if element.align is Align.LEFT:
                canvas.drawString(x, baseline, line, charSpace=spacing)
            elif element.align is Align.RIGHT:
                canvas.drawRightString(x + w, baseline, line, charSpace=spacing)
            else:
                canvas.drawCentredString(x + w / 2, baseline, line, charSpace=spacing)
            baseline -= size * _LEADING


def _is_dynamic(element: object) -> bool:
    if isinstance(element, QrElement):
        return True
    return isinstance(element, TextElement) and element.per_attendee


def _width(text: str, font: str, size: float, spacing: float) -> float:
    return float(stringWidth(text, font, size)) + spacing * max(0, len(text) - 1)


def _wrap(text: str, font: str, size: float, width: float, spacing: float) -> list[str]:
    """Greedy line breaking between phrases (BudouX for Japanese, spaces for Latin text).

    Breaking between any two CJK characters would split words such as 時間 across
    lines on a certificate; a phrase wider than the whole box is still broken
    between its characters.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for token in _fitting_tokens(paragraph, font, size, width, spacing):
            candidate = current + token
            if current and _width(candidate.rstrip(), font, size, spacing) > width:
                lines.append(current.rstrip())
                current = token.lstrip()
            else:
                current = candidate
        lines.append(current.rstrip())
    return lines


def _fitting_tokens(
    paragraph: str, font: str, size: float, width: float, spacing: float
) -> list[str]:
    tokens: list[str] = []
    for token in _tokens(paragraph):
        if _width(token.strip(), font, size, spacing) > width:
            tokens.extend(token)  # one character at a time
        else:
            tokens.append(token)
    return tokens


def _tokens(paragraph: str) -> list[str]:
    """Unbreakable pieces: Japanese phrases, Latin words, and the spaces between them."""
    tokens: list[str] = []
    for phrase in phrases(paragraph):
        for piece in re.split(r"( )", phrase):
            if piece:
                tokens.append(piece)
    return tokens


@lru_cache(maxsize=256)
def fit_text(
    text: str, font: str, size: float, width: float, height: float, wrap: bool, spacing: float
) -> tuple[float, tuple[str, ...]]:
    """The largest size up to `size` at which `text` fits the box, and its lines.

    Cached: the event-wide texts are fitted once per batch, not once per file.
    """
    if not text.strip():
        return size, ()
    if not wrap:
        lines = tuple(text.split("\n"))
        scale = 1.0
        for line in lines:
            natural = float(stringWidth(line, font, size))
            extra = spacing * max(0, len(line) - 1)  # letter spacing does not shrink
            if natural and natural + extra > width:
                scale = min(scale, max(0.0, width - extra) / natural)
        fitted = min(size * scale, height / (1 + _LEADING * (len(lines) - 1)))
        return max(_MIN_SIZE, fitted), lines
    current = size
    while True:
        wrapped = _wrap(text, font, current, width, spacing)
        block = current * (1 + _LEADING * (len(wrapped) - 1))
        widest = max(_width(line, font, current, spacing) for line in wrapped)
        if (block <= height and widest <= width) or current <= _MIN_SIZE:
            return current, tuple(wrapped)
        current = max(_MIN_SIZE, current * 0.92)
