"""Per-session attendance sheets (出席簿) and per-department notices (受講セッションのお知らせ).

Every value from the roster is escaped before it reaches reportlab's paragraph markup:
a department called 「R&D」 or a name with `<` prints as written instead of being parsed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from facilitator.pdf.fonts import register_japanese_fonts


@dataclass(frozen=True)
class SessionSheet:
    """One session's attendance sheet; `people` are already sorted (department, kana)."""

    label: str
    when: str  # 2026年12月1日（火） 9:30〜12:00
    room: str
    capacity: int
    people: tuple[SheetLine, ...]


@dataclass(frozen=True)
class SheetLine:
    department: str
    title: str
    name: str
    kana: str
    staff_no: str


@dataclass(frozen=True)
class NoticeLine:
    name: str
    title: str
    session: str  # "AM　9:30〜12:00" or "未定"
    room: str


@dataclass(frozen=True)
class DepartmentNotice:
    department: str
    lines: tuple[NoticeLine, ...]


def _styles(gothic: str, mincho: str) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=gothic, fontSize=15, leading=20, spaceAfter=2),
        "sub": ParagraphStyle("sub", fontName=gothic, fontSize=9.5, leading=13),
        "body": ParagraphStyle("body", fontName=mincho, fontSize=10.5, leading=16),
        "cell": ParagraphStyle("cell", fontName=gothic, fontSize=8.5, leading=10.5),
        "small": ParagraphStyle("small", fontName=gothic, fontSize=6.5, leading=8),
    }


def _doc(buffer: io.BytesIO, title: str, footer: str, gothic: str) -> BaseDocTemplate:
    def page_footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(gothic, 7.5)
        canvas.drawString(15 * mm, 9 * mm, footer)
        canvas.drawRightString(A4[0] - 15 * mm, 9 * mm, f"{doc.page} ページ")
        canvas.restoreState()

    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title=title,
        invariant=1,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=page_footer)])
    return doc


HEADER_FILL = colors.Color(0.9, 0.9, 0.9)


def _grid(font: str) -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), font, 8.5),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
    )


def notice_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_mm: Sequence[float],
    st: dict[str, ParagraphStyle],
    gothic: str,
) -> list[Flowable]:
    """A department notice's table: a grey header row repeated on every page, text cells."""
    data: list[list[object]] = [list(header)]
    data += [[Paragraph(escape(cell), st["cell"]) for cell in row] for row in rows]
    table = Table(data, colWidths=[w * mm for w in widths_mm], repeatRows=1)
    table.setStyle(_grid(gothic))
    return [table]


def signed_by(issuer: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The issuing office under a notice, when there is one."""
    return [Spacer(1, 10 * mm), Paragraph(escape(issuer), st["body"])] if issuer else []


def render_attendance(event_title: str, sheets: Sequence[SessionSheet]) -> bytes:
    """One attendance sheet per session, each starting on a new page, with a signature column."""
    gothic, mincho = register_japanese_fonts()
    st = _styles(gothic, mincho)
    buffer = io.BytesIO()
    doc = _doc(buffer, f"出席簿 {event_title}", event_title, gothic)
    story: list[Flowable] = []
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story.append(Paragraph(f"出席簿　{escape(sheet.label)}", st["title"]))
        story.append(
            Paragraph(
                f"{escape(event_title)}　{escape(sheet.when)}　会場：{escape(sheet.room) or '—'}　"
                f"受講者 {len(sheet.people)} 名（定員 {sheet.capacity} 名）",
                st["sub"],
            )
        )
        story.append(Spacer(1, 4 * mm))
        data: list[list[object]] = [
            ["No.", "所属", "職名", "氏名", "ふりがな", "職員番号", "受付", "署名"]
        ]
        for number, p in enumerate(sheet.people, start=1):
            data.append(
                [
                    str(number),
                    Paragraph(escape(p.department), st["cell"]),
                    Paragraph(escape(p.title), st["cell"]),
                    Paragraph(escape(p.name), st["cell"]),
                    Paragraph(escape(p.kana), st["small"]),
                    p.staff_no,
                    "□",
                    "",
                ]
            )
        widths = [w * mm for w in (9, 34, 20, 30, 28, 19, 10, 30)]
        table = Table(
            data,
            colWidths=widths,
            repeatRows=1,
            rowHeights=[6 * mm] + [8.5 * mm] * len(sheet.people),
        )
        style = _grid(gothic)
        style.add("ALIGN", (0, 0), (0, -1), "RIGHT")
        style.add("ALIGN", (6, 0), (6, -1), "CENTER")
        table.setStyle(style)
        story.append(table)
    if not sheets:
        story.append(Paragraph("出席簿　（セッションがありません）", st["title"]))
    doc.build(story)
    return buffer.getvalue()


def render_notices(
    event_title: str, event_when: str, venue: str, issuer: str, notices: Sequence[DepartmentNotice]
) -> bytes:
    """One page per department listing which of its staff attend which session."""
    gothic, mincho = register_japanese_fonts()
    st = _styles(gothic, mincho)
    buffer = io.BytesIO()
    doc = _doc(buffer, f"受講セッションのお知らせ {event_title}", event_title, gothic)
    story: list[Flowable] = []
    for index, notice in enumerate(notices):
        if index:
            story.append(PageBreak())
        story.append(Paragraph(f"{escape(notice.department)}　御中", st["body"]))
        story.append(Spacer(1, 6 * mm))
        story.append(Paragraph(f"{escape(event_title)}　受講セッションのお知らせ", st["title"]))
        story.append(Spacer(1, 3 * mm))
        story.append(
            Paragraph(
                f"標記研修について、貴所属の受講者と受講セッションを下記のとおりお知らせします。"
                f"受講者が同時に不在とならないよう、セッションを分けています。"
                f"各受講者に受講票をお渡しください。<br/>開催日：{escape(event_when)}　会場：{escape(venue) or '—'}",
                st["body"],
            )
        )
        story.append(Spacer(1, 6 * mm))
        rows = [(line.name, line.title, line.session, line.room) for line in notice.lines]
        story += notice_table(
            ("氏名", "職名", "セッション", "会場"), rows, (45, 30, 50, 55), st, gothic
        )
        story += signed_by(issuer, st)
    if not notices:
        story.append(Paragraph("受講セッションのお知らせ　（受講者がいません）", st["title"]))
    doc.build(story)
    return buffer.getvalue()
