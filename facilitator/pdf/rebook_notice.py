"""The day-of rebooking notice: one page per department naming who moved to the later session."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from facilitator.pdf.attendance import _doc, _styles, notice_table, signed_by
from facilitator.pdf.fonts import register_japanese_fonts


@dataclass(frozen=True)
class MovedLine:
    name: str
    title: str
    staff_no: str


@dataclass(frozen=True)
class RebookNotice:
    department: str
    lines: tuple[MovedLine, ...]


@dataclass(frozen=True)
class RebookSessions:
    """The sessions the notice names: where they were booked and where they now go."""

    event_title: str
    day: str  # e.g. 2026年12月1日（火）
    from_label: str
    to_label: str
    to_time: str  # e.g. 13:30〜16:00
    to_room: str
    issuer: str


def render_rebook_notices(sessions: RebookSessions, notices: Sequence[RebookNotice]) -> bytes:
    """One page per department: its staff rebooked from `from_label` to `to_label`."""
    gothic, mincho = register_japanese_fonts()
    st = _styles(gothic, mincho)
    buffer = io.BytesIO()
    s = sessions
    doc = _doc(buffer, f"受講セッション変更のお知らせ {s.event_title}", s.event_title, gothic)
    story: list[Flowable] = []
    for index, notice in enumerate(notices):
        if index:
            story.append(PageBreak())
        story.append(Paragraph(f"{escape(notice.department)}　御中", st["body"]))
        story.append(Spacer(1, 6 * mm))
        story.append(
            Paragraph(f"{escape(s.event_title)}　受講セッション変更のお知らせ", st["title"])
        )
        story.append(Spacer(1, 3 * mm))
        story.append(
            Paragraph(
                f"{escape(s.day)} の {escape(s.from_label)} に受付のなかった貴所属の受講者について、"
                f"下記のとおり {escape(s.to_label)}（{escape(s.to_time)}、会場：{escape(s.to_room) or '—'}）"
                f"に変更しました。お手数ですが、ご本人にお伝えください。"
                f"受付はお手元の受講票またはスマートフォンでそのまま行えます。",
                st["body"],
            )
        )
        story.append(Spacer(1, 6 * mm))
        to = f"{s.to_label}　{s.to_time}"
        rows = [(m.staff_no, m.name, m.title, s.from_label, to) for m in notice.lines]
        header = ("職員番号", "氏名", "職名", "変更前", "変更後")
        story += notice_table(header, rows, (25, 45, 35, 25, 50), st, gothic)
        story += signed_by(s.issuer, st)
    doc.build(story)
    return buffer.getvalue()
