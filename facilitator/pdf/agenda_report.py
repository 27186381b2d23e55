"""The planned-vs-actual PDF: one table, sessions side by side, overruns in red."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from facilitator.domain.agenda_report import AgendaReport, kind_name, minutes_text
from facilitator.lang import Lang
from facilitator.pdf.fonts import register_japanese_fonts

OVERRUN = colors.HexColor("#c62828")
EARLY = colors.HexColor("#2e7d32")


def _t(lang: Lang, ja: str, en: str) -> str:
    return ja if lang == "ja" else en


def render_agenda_report(report: AgendaReport, lang: Lang) -> bytes:
    gothic, _ = register_japanese_fonts()
    title_style = ParagraphStyle("title", fontName=gothic, fontSize=16, leading=22)
    small = ParagraphStyle("small", fontName=gothic, fontSize=8, leading=11, textColor=colors.grey)
    cell = ParagraphStyle("cell", fontName=gothic, fontSize=9, leading=12, wordWrap="CJK")

    header: list[object] = ["No", _t(lang, "項目", "Item"), _t(lang, "種類", "Kind")]
    for label in report.sessions:
        header += [
            f"{label} " + _t(lang, "予定", "planned"),
            f"{label} " + _t(lang, "実績", "actual"),
            f"{label} " + _t(lang, "差", "diff."),
        ]
    rows: list[list[object]] = [header]
    style: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), gothic),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
    ]
    for r, row in enumerate(report.rows, start=1):
        line: list[object] = [
            str(row.position + 1),
            Paragraph(escape(row.title), cell),
            kind_name(row.kind, lang),
        ]
        for c, actual in enumerate(row.actuals):
            diff = actual.difference_seconds
            line += [
                str(actual.planned_minutes),
                minutes_text(actual.actual_seconds),
                "" if diff is None else f"{diff / 60:+.1f}",
            ]
            if diff is not None and abs(diff) >= 60:
                column = 3 + 3 * c + 2
                style.append(
                    ("TEXTCOLOR", (column, r), (column, r), OVERRUN if diff > 0 else EARLY)
                )
        rows.append(line)
    total: list[object] = ["", _t(lang, "合計", "Total"), ""]
    for c in range(len(report.sessions)):
        planned_total = report.total_planned(c)
        actual_total = report.total_actual(c)
        total += [
            str(planned_total),
            minutes_text(actual_total),
            f"{actual_total / 60 - planned_total:+.1f}",
        ]
    rows.append(total)
    style.append(
        ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#f5f5f5"))
    )

    numbers = [18 * mm] * (3 * len(report.sessions))
    table = Table(rows, colWidths=[10 * mm, 80 * mm, 22 * mm, *numbers], repeatRows=1)
    table.setStyle(TableStyle(style))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=_t(lang, "アジェンダ 予定と実績", "Agenda: planned vs actual"),
    )
    generated = report.generated_at.astimezone().strftime("%Y-%m-%d %H:%M")
    doc.build(
        [
            Paragraph(
                escape(_t(lang, "アジェンダ 予定と実績", "Agenda: planned vs actual"))
                + " — "
                + escape(report.event_title),
                title_style,
            ),
            Paragraph(
                escape(
                    _t(
                        lang,
                        f"単位：分。差が＋は超過、−は早く終了。作成 {generated}",
                        f"Minutes. A + difference overran, − finished early. Made {generated}",
                    )
                ),
                small,
            ),
            Spacer(1, 4 * mm),
            table,
        ]
    )
    return buffer.getvalue()
