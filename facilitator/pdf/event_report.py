"""The 研修実施報告書 (event report) as PDF: the titled tables of `report_tables.py`."""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer
from reportlab.platypus.flowables import Flowable

from facilitator.domain.report_facts import EventReportFacts, t
from facilitator.domain.report_layout import ReportLayout
from facilitator.domain.report_tables import Section, event_report_sections
from facilitator.lang import Lang
from facilitator.pdf.report_pages import Styles, document, para, table


def report_title(lang: Lang) -> str:
    return t(lang, "研修実施報告書", "Training implementation report")


def _section(section: Section, st: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(40 * mm), para(section.title, st.h2)]
    for tab in section.tables:
        comments = tab.header[-1] in ("コメント", "Comment")
        widths = [18 * mm, 30 * mm, 32 * mm, width - 80 * mm] if comments else None
        block: list[Flowable] = [para(tab.caption, st.body)] if tab.caption else []
        block.append(table(tab.header, tab.rows, st, widths))
        # A short table stays on one page; a long one splits, its header repeated.
        out += [KeepTogether(block)] if len(tab.rows) < 25 else block
        out.append(Spacer(0, 2 * mm))
    out += [para(note, st.small) for note in section.notes]
    return out


def render_event_report(
    facts: EventReportFacts, layout: ReportLayout, lang: Lang, *, generated_at: datetime
) -> bytes:
    """The event report as PDF bytes (the layout's paper, Japanese fonts embedded)."""
    st = Styles(layout)
    buffer = io.BytesIO()
    title = report_title(lang)
    doc = document(buffer, layout, f"{title} {facts.event.title}")
    width = layout.content_width_mm * mm
    story: list[Flowable] = [
        para(title, st.title),
        para(facts.event.title, st.h2),
        para(
            t(lang, "作成：", "Generated: ") + generated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            st.small,
        ),
    ]
    for section in event_report_sections(facts, lang):
        story += _section(section, st, width)
    doc.build(story)
    return buffer.getvalue()
