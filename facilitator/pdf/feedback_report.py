"""The feedback summary PDF: counts, one chart per question (sessions side by side),
ratings by department, and every comment.

Answers are escaped before they reach reportlab's paragraph markup, so a
comment containing HTML is printed as the characters the attendee typed.
"""

from __future__ import annotations

import io
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from facilitator.domain.feedback_summary import FeedbackResults, QuestionResult, rating_values
from facilitator.domain.survey_rules import QuestionKind
from facilitator.lang import Lang
from facilitator.pdf.fonts import register_japanese_fonts

SERIES_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b")


def _t(lang: Lang, ja: str, en: str) -> str:
    return ja if lang == "ja" else en


class _Styles:
    def __init__(self, font: str) -> None:
        self.font = font
        self.title = ParagraphStyle("title", fontName=font, fontSize=16, leading=22, spaceAfter=6)
        self.h2 = ParagraphStyle(
            "h2", fontName=font, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4
        )
        self.body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13, wordWrap="CJK")
        self.small = ParagraphStyle(
            "small", fontName=font, fontSize=8, leading=11, textColor=colors.grey
        )


def _table(rows: list[list[str]], font: str, widths: list[float] | None = None) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _chart(result: QuestionResult, summary: FeedbackResults, lang: Lang, font: str) -> Drawing:
    q = result.question
    if q.kind is QuestionKind.RATING:
        values = rating_values()
        names = list(values)
        names[0] = f"1 {q.min_label_ja if lang == 'ja' else q.min_label_en}"
        names[-1] = f"5 {q.max_label_ja if lang == 'ja' else q.max_label_en}"
    else:
        values = [c.value for c in q.choices]
        names = [c.label(lang) for c in q.choices]
    width, height = 170 * mm, 62 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 14 * mm
    chart.width, chart.height = width - 50 * mm, height - 20 * mm
    data = [[result.counts[s.id].get(v, 0) for v in values] for s in summary.sessions]
    chart.data = data or [[0] * len(values)]
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max((max(row) for row in data if row), default=0)
    chart.valueAxis.valueMax = max(1, top)
    chart.valueAxis.valueStep = max(1, (top + 4) // 5)
    chart.groupSpacing = 6
    for i in range(len(summary.sessions)):
        chart.bars[i].fillColor = colors.HexColor(SERIES_COLOURS[i % len(SERIES_COLOURS)])
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 34 * mm, height - 10 * mm
    legend.fontName, legend.fontSize = font, 8
    legend.colorNamePairs = [
        (
            colors.HexColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]),
            f"{s.label} (n={sum(result.counts[s.id].values())})",
        )
        for i, s in enumerate(summary.sessions)
    ]
    drawing.add(legend)
    return drawing


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _question_block(
    result: QuestionResult, summary: FeedbackResults, lang: Lang, st: _Styles
) -> Flowable:
    q = result.question
    parts: list[Flowable] = [
        Paragraph(escape(q.label(lang)), st.h2),
        _chart(result, summary, lang, st.font),
    ]
    if q.kind is QuestionKind.RATING:
        rows = [
            [
                _t(lang, "セッション", "Session"),
                _t(lang, "回答数", "Answers"),
                _t(lang, "平均", "Mean"),
            ]
        ]
        for s in summary.sessions:
            rows.append([s.label, str(sum(result.counts[s.id].values())), _fmt(result.means[s.id])])
        parts.append(_table(rows, st.font, [40 * mm, 30 * mm, 30 * mm]))
    return KeepTogether(parts)


def _departments(summary: FeedbackResults, lang: Lang, st: _Styles) -> list[Flowable]:
    ratings = [r for r in summary.questions if r.question.kind is QuestionKind.RATING]
    if not ratings or not summary.departments:
        return []
    head = [_t(lang, "所属", "Department")] + [r.question.key for r in ratings]
    rows = [head]
    for dept in summary.departments:
        name = dept if dept is not None else _t(lang, "その他（少人数）", "Other (small groups)")
        rows.append([name] + [_fmt(r.department_mean(dept)) for r in ratings])
    return [
        Paragraph(_t(lang, "所属別の平均", "Mean ratings by department"), st.h2),
        _table(rows, st.font),
    ]


def _comments(summary: FeedbackResults, lang: Lang, st: _Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for q in summary.survey.questions:
        if q.kind is not QuestionKind.TEXT:
            continue
        answers = [t for t in summary.texts if t.key == q.key]
        out.append(Paragraph(f"{escape(q.label(lang))}（{len(answers)}）", st.h2))
        for t in answers:
            who = escape(t.session_label)
            if t.department:
                who += " / " + escape(t.department)
            text = escape(t.text).replace("\n", "<br/>")
            out.append(Paragraph(f'<font color="#666666">[{who}]</font> {text}', st.body))
            out.append(Spacer(0, 1.5 * mm))
    return out


def render_feedback_report(
    summary: FeedbackResults, lang: Lang, *, generated_at: datetime
) -> bytes:
    """The summary report as PDF bytes (A4, Japanese font embedded)."""
    gothic, _ = register_japanese_fonts()
    st = _Styles(gothic)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=summary.survey.title,
        invariant=True,
    )
    story: list[Flowable] = [
        Paragraph(escape(f"{summary.event_title} {summary.survey.title}".strip()), st.title),
        Paragraph(
            escape(
                _t(lang, "作成日時：", "Generated: ")
                + generated_at.astimezone().strftime("%Y-%m-%d %H:%M")
                + (_t(lang, "（無記名）", " (anonymous)") if summary.survey.anonymous else "")
            ),
            st.small,
        ),
        Spacer(0, 3 * mm),
    ]
    rows = [[_t(lang, "セッション", "Session"), _t(lang, "回答数", "Responses")]]
    rows += [[s.label, str(summary.responses.get(s.id, 0))] for s in summary.sessions]
    story.append(_table(rows, gothic, [40 * mm, 30 * mm]))
    for result in summary.questions:
        if result.question.kind is not QuestionKind.TEXT:
            story.append(_question_block(result, summary, lang, st))
    story += _departments(summary, lang, st)
    story += _comments(summary, lang, st)
    doc.build(story)
    return buffer.getvalue()
