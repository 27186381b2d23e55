"""受講報告書 drafts: one A4 page per attendee, drawn straight on the canvas.

Built like the certificates for speed: what every draft of one session shares (the
title, the labels, the event, the agenda as delivered, the blank boxes) is drawn
once into a form XObject per session; per page only the person's own lines and
answers are written, with the batch fonts (see `batch_fonts.py`). Output is
invariant, so the same data gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from facilitator.domain.report_facts import (
    AttendeeDraft,
    DeliveredItem,
    DraftBatch,
    SessionFacts,
    t,
    text_answers,
)
from facilitator.domain.report_layout import ReportLayout
from facilitator.lang import Lang
from facilitator.pdf.batch_fonts import batch_font
from facilitator.pdf.certificates import RenderCancelled
from facilitator.pdf.certificates import _wrap as wrap_phrases

Progress = Callable[[int, int], None]
_GREY = HexColor("#555555")
_LINE = HexColor("#888888")
_LABEL_MM = 28  # the label column of the person block


class DraftRenderer:
    """Draws the drafts of one event; build once, render many."""

    def __init__(self, batch: DraftBatch, layout: ReportLayout, lang: Lang) -> None:
        self._batch = batch
        self._layout = layout
        self._lang = lang
        self._title_font = batch_font(layout.title_font.value)
        self._font = batch_font(layout.body_font.value)
        self._page = (layout.page_mm[0] * mm, layout.page_mm[1] * mm)
        self._left = layout.margin_mm.left * mm
        self._width = layout.content_width_mm * mm
        # Where the per-person answers may go: below the static block, above the boxes.
        self._answers_top: dict[int, float] = {}
        self._answers_bottom = (
            layout.margin_mm.bottom + layout.draft.remarks_mm + layout.draft.approval_mm + 14
        ) * mm

    # -- public -------------------------------------------------------------------------------
    def render_merged(
        self,
        drafts: Sequence[AttendeeDraft],
        out: BinaryIO,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        canvas = self._canvas(out)
        self._pages(canvas, drafts, progress, cancelled)
        canvas.save()

    def render_one(self, draft: AttendeeDraft) -> bytes:
        buffer = io.BytesIO()
        canvas = self._canvas(buffer, (draft.session,))
        self._pages(canvas, [draft], None, None)
        canvas.save()
        return buffer.getvalue()

    def render_each(
        self,
        drafts: Sequence[AttendeeDraft],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Iterable[bytes]:
        total = len(drafts)
        for done, draft in enumerate(drafts, start=1):
            if cancelled is not None and cancelled():
                raise RenderCancelled
            yield self.render_one(draft)
            if progress is not None:
                progress(done, total)

    # -- drawing ------------------------------------------------------------------------------
    def _canvas(self, out: BinaryIO, sessions: Sequence[SessionFacts] | None = None) -> Canvas:
        canvas = Canvas(
            out, pagesize=self._page, invariant=1, pageCompression=1, initialFontName=self._font
        )
        canvas.setTitle(f"{self._title()} {self._batch.event.title}")
        canvas.setCreator("Facilitator")
        for session in sessions if sessions is not None else self._batch.event.sessions:
            canvas.beginForm(f"s{session.id}")
            self._answers_top[session.id] = self._draw_static(canvas, session)
            canvas.endForm()
        return canvas

    def _title(self) -> str:
        draft = self._layout.draft
        return t(self._lang, draft.title_ja, draft.title_en)

    def _pages(
        self,
        canvas: Canvas,
        drafts: Sequence[AttendeeDraft],
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        total = len(drafts)
        step = max(1, total // 100)
        for done, draft in enumerate(drafts, start=1):
            if cancelled is not None and cancelled():
                raise RenderCancelled
            canvas.doForm(f"s{draft.session.id}")
            self._draw_person(canvas, draft)
            canvas.showPage()
            if progress is not None and (done % step == 0 or done == total):
                progress(done, total)

    def _person_rows(self) -> list[str]:
        lang = self._lang
        return [
            t(lang, "氏名", "Name"),
            t(lang, "所属", "Department"),
            t(lang, "職名", "Title"),
            t(lang, "研修名", "Training"),
            t(lang, "開催日", "Date"),
            t(lang, "受講時間", "Attended"),
            t(lang, "会場", "Venue"),
        ]

    def _row_y(self, index: int) -> float:
        top = self._page[1] - self._layout.margin_mm.top * mm - self._layout.title_size * 2.2
        return top - index * self._layout.body_size * 2.0

    def _draw_static(self, canvas: Canvas, session: SessionFacts) -> float:
        layout, lang, event = self._layout, self._lang, self._batch.event
        width, height = self._page
        body = layout.body_size
        canvas.setFont(self._title_font, layout.title_size)
        canvas.drawCentredString(
            width / 2, height - layout.margin_mm.top * mm - layout.title_size, self._title()
        )
        canvas.setFont(self._font, body)
        values = {
            3: event.title,
            4: event.date_wareki
            if lang == "ja"
            else f"{event.day:%B} {event.day.day}, {event.day.year}",
            6: " ".join(x for x in (event.venue, session.room) if x),
        }
        canvas.setStrokeColor(_LINE)
        canvas.setLineWidth(0.4)
        for index, label in enumerate(self._person_rows()):
            y = self._row_y(index)
            canvas.setFillColor(_GREY)
            canvas.drawString(self._left, y, label)
            canvas.setFillColor(HexColor("#000000"))
            if index in values:
                canvas.drawString(self._left + _LABEL_MM * mm, y, values[index])
            canvas.line(self._left, y - body * 0.55, self._left + self._width, y - body * 0.55)
        y = self._row_y(len(self._person_rows())) - body * 0.8
        y = self._heading(
            canvas, y, t(lang, "研修内容（実施したアジェンダ）", "Agenda as delivered")
        )
        canvas.setFont(self._font, body)
        for number, item in enumerate(self._session_agenda(session), start=1):
            minutes = (
                t(lang, f"{item.actual_minutes:.0f}分", f"{item.actual_minutes:.0f} min")
                if item.actual_minutes is not None
                else t(
                    lang, f"予定 {item.planned_minutes}分", f"planned {item.planned_minutes} min"
                )
            )
            canvas.drawString(self._left + 4 * mm, y, f"{number}. {item.title}")
            canvas.drawRightString(self._left + self._width, y, minutes)
            y -= body * layout.line_gap
        y -= body * 0.6
        y = self._heading(
            canvas,
            y,
            t(lang, "受講して（アンケートの回答より）", "After the training (my answers)"),
        )
        self._boxes(canvas)
        return y

    def _session_agenda(self, session: SessionFacts) -> Sequence[DeliveredItem]:
        for draft in self._batch.drafts:
            if draft.session.id == session.id:
                return draft.agenda
        return ()

    def _heading(self, canvas: Canvas, y: float, text: str) -> float:
        size = self._layout.heading_size
        canvas.setFont(self._font, size)
        canvas.setFillColor(HexColor("#000000"))
        canvas.drawString(self._left, y, text)
        canvas.setLineWidth(0.8)
        canvas.line(self._left, y - size * 0.35, self._left + self._width, y - size * 0.35)
        return y - size * 1.7

    def _boxes(self, canvas: Canvas) -> None:
        layout, lang = self._layout, self._lang
        bottom = layout.margin_mm.bottom * mm
        approval = layout.draft.approval_mm * mm
        remarks = layout.draft.remarks_mm * mm
        gap = 5 * mm
        canvas.setLineWidth(0.6)
        canvas.setStrokeColor(HexColor("#000000"))
        canvas.setFont(self._font, layout.body_size)
        # 所属長確認: a box for the seal or signature on the right, the date on the left.
        canvas.rect(self._left, bottom, self._width, approval)
        canvas.drawString(
            self._left + 2 * mm,
            bottom + approval - layout.body_size * 1.3,
            t(lang, "所属長確認", "Department head"),
        )
        seal = min(approval, 24 * mm)
        canvas.rect(self._left + self._width - seal, bottom, seal, approval)
        canvas.setFont(self._font, layout.small_size)
        canvas.drawString(
            self._left + 2 * mm, bottom + 2 * mm, t(lang, "確認日　　年　　月　　日", "Date:")
        )
        top = bottom + approval + gap
        canvas.setFont(self._font, layout.body_size)
        canvas.rect(self._left, top, self._width, remarks)
        canvas.drawString(
            self._left + 2 * mm,
            top + remarks - layout.body_size * 1.3,
            t(lang, "所見", "Remarks"),
        )

    def _draw_person(self, canvas: Canvas, draft: AttendeeDraft) -> None:
        layout, lang = self._layout, self._lang
        x = self._left + _LABEL_MM * mm
        canvas.setFillColor(HexColor("#000000"))
        canvas.setFont(self._font, layout.body_size * 1.15)
        canvas.drawString(x, self._row_y(0), draft.name)
        canvas.setFont(self._font, layout.body_size)
        canvas.drawString(x, self._row_y(1), draft.department)
        canvas.drawString(x, self._row_y(2), " ".join(p for p in (draft.title, draft.role) if p))
        arrived = draft.checked_in_at.astimezone().strftime("%H:%M")
        canvas.drawString(
            x,
            self._row_y(5),
            t(
                lang,
                f"{draft.session.label} {draft.session.times_text()}（受付 {arrived}）",
                f"{draft.session.label} {draft.session.times_text()} (checked in {arrived})",
            ),
        )
        self._draw_answers(canvas, draft)

    def _draw_answers(self, canvas: Canvas, draft: AttendeeDraft) -> None:
        layout, lang = self._layout, self._lang
        survey = self._batch.survey
        y = self._answers_top[draft.session.id]
        body = layout.body_size
        leading = body * layout.line_gap
        canvas.setFont(self._font, body)
        if survey is None or survey.anonymous:
            note = (
                t(lang, "アンケートがありません。", "There was no survey.")
                if survey is None
                else t(
                    lang,
                    "アンケートは無記名のため、回答は記載していません。",
                    "The survey was anonymous, so no answers are shown.",
                )
            )
            canvas.setFillColor(_GREY)
            canvas.drawString(self._left, y, note)
            return
        answered = text_answers(survey, draft.answers)
        if not answered:
            canvas.setFillColor(_GREY)
            canvas.drawString(
                self._left, y, t(lang, "記述の回答はありません。", "No written answers.")
            )
            return
        indent = 4 * mm
        for question, text in answered:
            if y - leading < self._answers_bottom:
                break
            canvas.setFillColor(_GREY)
            canvas.drawString(self._left, y, f"■ {question.label(lang)}")
            canvas.setFillColor(HexColor("#000000"))
            y -= leading
            lines = wrap_phrases(text, self._font, body, self._width - indent, 0.0)
            room = int((y - self._answers_bottom) // leading)
            limit = min(layout.draft.answers_max_lines, max(room, 0))
            if len(lines) > limit:
                lines = lines[:limit]
                if lines:
                    lines[-1] = _ellipsis(lines[-1], self._font, body, self._width - indent)
            for line in lines:
                canvas.drawString(self._left + indent, y, line)
                y -= leading
            y -= body * 0.4


def _ellipsis(line: str, font: str, size: float, width: float) -> str:
    while line and stringWidth(line + "…", font, size) > width:
        line = line[:-1]
    return line + "…"
