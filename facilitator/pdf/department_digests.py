"""所属長 digests: one page (or more) per department, as one PDF or one PDF each."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer
from reportlab.platypus.flowables import Flowable

from facilitator.domain.feedback_summary import MIN_GROUP
from facilitator.domain.report_facts import DepartmentDigest, DigestBatch, t
from facilitator.domain.report_layout import ReportLayout
from facilitator.domain.report_tables import Cell
from facilitator.lang import Lang
from facilitator.pdf.certificates import RenderCancelled
from facilitator.pdf.report_pages import Styles, document, para, table

Progress = Callable[[int, int], None]


def digest_title(lang: Lang) -> str:
    return t(
        lang, "研修受講状況のお知らせ（所属長様）", "Training attendance for the department head"
    )


class DigestRenderer:
    def __init__(
        self, batch: DigestBatch, layout: ReportLayout, lang: Lang, labels: dict[str, str]
    ) -> None:
        self._batch = batch
        self._layout = layout
        self._lang = lang
        self._labels = labels  # rating question key -> its label in `lang`
        self._st = Styles(layout)

    def render_merged(
        self,
        digests: Sequence[DepartmentDigest],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> bytes:
        story: list[Flowable] = []
        for done, digest in enumerate(digests, start=1):
            if cancelled is not None and cancelled():
                raise RenderCancelled
            if story:
                story.append(PageBreak())
            story += self._story(digest)
            if progress is not None:
                progress(done, len(digests))
        return self._build(story, self._batch.event.title)

    def render_each(
        self,
        digests: Sequence[DepartmentDigest],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Iterable[bytes]:
        for done, digest in enumerate(digests, start=1):
            if cancelled is not None and cancelled():
                raise RenderCancelled
            yield self._build(self._story(digest), digest.department)
            if progress is not None:
                progress(done, len(digests))

    def _build(self, story: list[Flowable], title: str) -> bytes:
        buffer = io.BytesIO()
        document(buffer, self._layout, f"{digest_title(self._lang)} {title}").build(story)
        return buffer.getvalue()

    def _story(self, digest: DepartmentDigest) -> list[Flowable]:
        lang, st, event = self._lang, self._st, self._batch.event
        day = event.date_wareki if lang == "ja" else event.day.isoformat()
        story: list[Flowable] = [
            para(f"{digest.department} " + t(lang, "所属長 様", "— department head"), st.body),
            para(digest_title(lang), st.title),
            para(f"{event.title}（{day}）", st.h2),
        ]
        header = (
            t(lang, "氏名", "Name"),
            t(lang, "職名", "Title"),
            t(lang, "割当", "Assigned"),
            t(lang, "出欠", "Attendance"),
            t(lang, "振替", "Rebooked"),
        )
        rows: list[tuple[Cell, ...]] = []
        for p in digest.people:
            if p.attended_at is None:
                status = t(lang, "欠席", "Absent")
            else:
                at = p.attended_at.astimezone().strftime("%H:%M")
                status = t(
                    lang,
                    f"出席 {p.attended_session}（{at}）",
                    f"Attended {p.attended_session} ({at})",
                )
                if p.walk_in:
                    status += t(lang, "・当日参加", ", walk-in")
            moved = (
                t(
                    lang,
                    f"{p.rebooked_from}→{p.attended_session}",
                    f"{p.rebooked_from}→{p.attended_session}",
                )
                if p.rebooked_from
                else ""
            )
            rows.append((p.name, p.title, p.assigned, status, moved))
        width = self._layout.content_width_mm * mm
        story.append(table(header, rows, st, [34 * mm, 26 * mm, 16 * mm, width - 96 * mm, 20 * mm]))
        story.append(Spacer(0, 3 * mm))
        story += self._pledges(digest)
        story += self._averages(digest)
        return story

    def _pledges(self, digest: DepartmentDigest) -> list[Flowable]:
        lang, st = self._lang, self._st
        out: list[Flowable] = [para(t(lang, "所属で取り組みたいこと", "What they will try"), st.h2)]
        if not self._batch.has_survey:
            return [
                *out,
                para(t(lang, "アンケートがありません。", "There was no survey."), st.small),
            ]
        if self._batch.anonymous:
            return [
                *out,
                para(
                    t(
                        lang,
                        "アンケートは無記名のため、個人の回答は記載していません。",
                        "The survey was anonymous, so no one's answers are shown.",
                    ),
                    st.small,
                ),
            ]
        pledges = [(p.name, p.pledge) for p in digest.people if p.pledge]
        if not pledges:
            return [*out, para(t(lang, "記入はありません。", "None written."), st.small)]
        width = self._layout.content_width_mm * mm
        return [
            *out,
            table(
                (t(lang, "氏名", "Name"), t(lang, "取り組みたいこと", "Pledge")),
                pledges,
                st,
                [34 * mm, width - 34 * mm],
            ),
        ]

    def _averages(self, digest: DepartmentDigest) -> list[Flowable]:
        lang, st = self._lang, self._st
        out: list[Flowable] = [
            para(
                t(lang, "評価の平均（研修全体との比較）", "Mean ratings vs the whole event"), st.h2
            )
        ]
        if not digest.averages:
            return [
                *out,
                para(
                    t(
                        lang,
                        f"回答者が {MIN_GROUP} 名未満（{digest.answered} 名）のため、所属の平均は"
                        "表示しません。",
                        f"Fewer than {MIN_GROUP} of the department answered ({digest.answered}), "
                        "so its averages are not shown.",
                    ),
                    st.small,
                ),
            ]
        rows = [
            (self._labels.get(a.label, a.label), round(a.department, 2), round(a.event, 2))
            for a in digest.averages
        ]
        header = (
            t(lang, "設問", "Question"),
            t(lang, f"所属（{digest.answered}名）", f"Department ({digest.answered})"),
            t(lang, "研修全体", "Event"),
        )
        return [*out, table(header, rows, st)]
