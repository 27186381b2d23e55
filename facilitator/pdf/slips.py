"""Admission slips (受講票): eight per A4 page, each with a personal QR code for check-in."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from facilitator.pdf.fonts import register_japanese_fonts
from facilitator.pdf.qr import draw_qr

COLUMNS, ROWS = 2, 4
SLIP_W, SLIP_H = A4[0] / COLUMNS, A4[1] / ROWS
QR_SIZE = 34 * mm
PAD = 7 * mm


@dataclass(frozen=True)
class SlipEvent:
    title: str
    venue: str


@dataclass(frozen=True)
class Slip:
    """What one slip shows; `code` is the text of the personal QR code."""

    name: str
    kana: str
    staff_no: str
    department: str
    title: str
    session_label: str
    date_text: str  # 2026年12月1日（火）
    time_text: str  # 9:30〜12:00
    room: str
    code: str


def _fit(text: str, font: str, size: float, width: float) -> float:
    """The largest font size up to `size` at which `text` fits in `width`."""
    needed = stringWidth(text, font, size)
    return size if needed <= width else max(6.0, size * width / needed)


def _draw_slip(
    c: Canvas, event: SlipEvent, slip: Slip, x: float, y: float, gothic: str, mincho: str
) -> None:
    c.saveState()
    # Dashed cut lines around the slip.
    c.setDash(2, 2)
    c.setLineWidth(0.3)
    c.setStrokeGray(0.6)
    c.rect(x, y, SLIP_W, SLIP_H)
    c.restoreState()
    left, top = x + PAD, y + SLIP_H - PAD
    text_w = SLIP_W - 2 * PAD - QR_SIZE - 2 * mm
    c.setFont(gothic, 15)
    c.drawString(left, top - 13, "受講票")
    c.setFont(gothic, _fit(event.title, gothic, 8.5, SLIP_W - 2 * PAD - 52))
    c.drawRightString(x + SLIP_W - PAD, top - 11, event.title)
    c.setLineWidth(0.6)
    c.line(left, top - 18, x + SLIP_W - PAD, top - 18)
    line = top - 31
    if slip.kana:
        c.setFont(gothic, _fit(slip.kana, gothic, 7.5, text_w))
        c.drawString(left, line, slip.kana)
    line -= 17
    c.setFont(mincho, _fit(slip.name + " 様", mincho, 16, text_w))
    c.drawString(left, line, slip.name + " 様")
    line -= 15
    dept = f"{slip.department}　{slip.title}".strip()
    c.setFont(gothic, _fit(dept, gothic, 9, text_w))
    c.drawString(left, line, dept)
    line -= 12
    c.setFont(gothic, 8)
    c.drawString(left, line, f"職員番号　{slip.staff_no}")
    line -= 20
    c.setFont(gothic, 13)
    c.drawString(left, line, slip.session_label)
    label_w = stringWidth(slip.session_label, gothic, 13) + 6
    when = f"{slip.date_text}　{slip.time_text}"
    c.setFont(gothic, _fit(when, gothic, 9, text_w - label_w))
    c.drawString(left + label_w, line + 1, when)
    line -= 13
    place = f"会場　{slip.room or event.venue}"
    c.setFont(gothic, _fit(place, gothic, 9, text_w))
    c.drawString(left, line, place)
    c.setFont(gothic, 6.5)
    c.drawString(left, y + PAD - 2, "当日はこの受講票を受付でご提示ください。")
    qr_x = x + SLIP_W - PAD - QR_SIZE + 2 * mm
    qr_y = y + PAD - 2 * mm
    draw_qr(c, slip.code, qr_x, qr_y, QR_SIZE)
    c.setFont(gothic, 6)
    c.drawCentredString(qr_x + QR_SIZE / 2, qr_y + QR_SIZE + 1, "受付用QRコード")


def render_slips(event: SlipEvent, slips: Sequence[Slip]) -> bytes:
    """A PDF with the slips in the given order, eight to an A4 page."""
    gothic, mincho = register_japanese_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4, pageCompression=1)
    c.setTitle(f"受講票 {event.title}")
    per_page = COLUMNS * ROWS
    for index, slip in enumerate(slips):
        if index and index % per_page == 0:
            c.showPage()
        cell = index % per_page
        col, row = cell % COLUMNS, cell // COLUMNS
        _draw_slip(c, event, slip, col * SLIP_W, A4[1] - (row + 1) * SLIP_H, gothic, mincho)
    c.showPage()
    c.save()
    return buffer.getvalue()
