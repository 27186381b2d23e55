"""What the platypus reports (event report, department digests) share: the page from the
report layout, paragraph styles, and a table that wraps long Japanese text."""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from facilitator.domain.report_layout import ReportLayout
from facilitator.domain.report_tables import Cell, Ratio
from facilitator.pdf.certificates import _wrap as wrap_phrases
from facilitator.pdf.fonts import GOTHIC, MINCHO, register_japanese_fonts

_PADDING = 3.0


class Styles:
    def __init__(self, layout: ReportLayout) -> None:
        register_japanese_fonts()
        names = {"gothic": GOTHIC, "mincho": MINCHO}
        self.font = names[layout.body_font.value]
        title_font = names[layout.title_font.value]
        gap = layout.line_gap
        self.title = ParagraphStyle(
            "title", fontName=title_font, fontSize=layout.title_size,
            leading=layout.title_size * gap, spaceAfter=4,
        )  # fmt: skip
        self.h2 = ParagraphStyle(
            "h2", fontName=self.font, fontSize=layout.heading_size,
            leading=layout.heading_size * gap, spaceBefore=8, spaceAfter=4,
        )  # fmt: skip
        self.body = ParagraphStyle(
            "body", fontName=self.font, fontSize=layout.body_size,
            leading=layout.body_size * gap, wordWrap="CJK",
        )  # fmt: skip
        self.cell = ParagraphStyle(
            "cell", fontName=self.font, fontSize=layout.small_size,
            leading=layout.small_size * gap, wordWrap="CJK",
        )  # fmt: skip
        self.small = ParagraphStyle(
            "small", fontName=self.font, fontSize=layout.small_size,
            leading=layout.small_size * gap, textColor=colors.HexColor("#555555"), wordWrap="CJK",
        )  # fmt: skip


def document(buffer: io.BytesIO, layout: ReportLayout, title: str) -> SimpleDocTemplate:
    m = layout.margin_mm
    return SimpleDocTemplate(
        buffer,
        pagesize=(layout.page_mm[0] * mm, layout.page_mm[1] * mm),
        leftMargin=m.left * mm,
        rightMargin=m.right * mm,
        topMargin=m.top * mm,
        bottomMargin=m.bottom * mm,
        title=title,
        creator="Facilitator",
        invariant=True,
    )


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Ratio):
        return f"{value.value * 100:.1f}%"
    if isinstance(value, float):
        return f"{value:g}" if value == int(value) else f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    st: Styles,
    widths: Sequence[float] | None = None,
) -> Flowable:
    """Numbers right-aligned; text as plain cell strings, broken into lines between
    phrases beforehand where a column's width is given. A Paragraph per cell would wrap
    every comment several times while the table splits across pages: a report of a
    thousand people's comments took seconds that way."""
    font, size = st.font, st.cell.fontSize

    def text(value: str, column: int) -> str:
        if widths is None or widths[column] is None:
            return value
        room = widths[column] - 2 * _PADDING
        if stringWidth(value, font, size) <= room and "\n" not in value:
            return value
        return "\n".join(wrap_phrases(value, font, size, room, 0.0))

    data: list[list[str]] = [[text(h, i) for i, h in enumerate(header)]]
    for row in rows:
        data.append(
            [cell_text(v) if not isinstance(v, str) else text(v, i) for i, v in enumerate(row)]
        )
    numeric = [
        i
        for i in range(len(header))
        if rows and all(isinstance(r[i], int | float | Ratio) or r[i] is None for r in rows)
    ]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), st.cell.leading),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    style += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i in numeric]
    result = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    result.setStyle(TableStyle(style))
    return result
