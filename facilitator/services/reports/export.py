"""Writing the reports: the event report (.pdf/.xlsx), the attendees' drafts (PDFs or a
filled XLSX form each) and the department digests; every export whole or not at all."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import BinaryIO

from facilitator.domain.clock import Clock
from facilitator.domain.report_facts import AttendeeDraft, DraftBatch, answer_text
from facilitator.domain.report_tables import event_report_sections
from facilitator.errors import InputRejected, Msg
from facilitator.lang import Lang
from facilitator.services.files import exists_error, write_many
from facilitator.services.reports.facts import ReportFactsService
from facilitator.services.reports.layout import report_layout
from facilitator.services.reports.output import (
    BatchCancelled,
    BatchKind,
    batch_target,
    safe_name,
    write_single,
)
from facilitator.services.reports.people import PeopleReportsService
from facilitator.services.reports.xlsx_template import XlsxTemplate

Progress = Callable[[int, int], None]


class ReportKind(Enum):
    EVENT = "event"  # 研修実施報告書
    ATTENDEES = "attendees"  # 受講報告書 drafts
    DEPARTMENTS = "departments"  # 所属長 digests


@dataclass(frozen=True)
class ReportResult:
    path: Path
    count: int  # files (or pages) written
    anonymous: bool = False  # the survey is anonymous: no one's answers were included


def event_report_format(raw: str) -> str:
    suffix = Path(raw).suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise InputRejected(
            Msg(
                en=f"--out {raw!r}: give a .pdf or an .xlsx file.",
                ja=f"--out {raw!r}：.pdf または .xlsx のファイルを指定してください。",
            )
        )
    return suffix


def _no_drafts() -> InputRejected:
    return InputRejected(
        Msg(
            en="Nobody has checked in to this event, so there are no drafts to write.",
            ja="この研修の受付済みの受講者がいないため、受講報告書の下書きはありません。",
        )
    )


def _no_digests() -> InputRejected:
    return InputRejected(
        Msg(
            en="This event has nobody on its roster, so there are no digests to write.",
            ja="この研修の名簿に受講者がいないため、所属長あての資料はありません。",
        )
    )


class ReportExporter:
    def __init__(
        self, clock: Clock, facts: ReportFactsService, people: PeopleReportsService
    ) -> None:
        self._clock = clock
        self._facts = facts
        self._people = people

    def preview(
        self, event_id: int, kind: ReportKind, lang: Lang, comment_ids: Collection[int] | None
    ) -> bytes:
        """A PDF to look at before exporting: the event report, or the first attendee's draft
        or the first department's digest; refuses as the export would when there is none."""
        if kind is ReportKind.EVENT:
            return self.event_report_bytes(event_id, lang, ".pdf", comment_ids)
        if kind is ReportKind.ATTENDEES:
            from facilitator.pdf.attendee_drafts import DraftRenderer

            batch = self._people.drafts(event_id)
            if not batch.drafts:
                raise _no_drafts()
            return DraftRenderer(batch, report_layout(), lang).render_one(batch.drafts[0])
        from facilitator.pdf.department_digests import DigestRenderer

        digests = self._people.digests(event_id)
        if not digests.digests:
            raise _no_digests()
        labels = self._facts.rating_labels(event_id, lang)
        renderer = DigestRenderer(digests, report_layout(), lang, labels)
        return renderer.render_merged(digests.digests[:1])

    # -- the event report ----------------------------------------------------------------------
    def event_report_bytes(
        self, event_id: int, lang: Lang, suffix: str, comment_ids: Collection[int] | None = None
    ) -> bytes:
        """The event report as .pdf or .xlsx bytes (the GUI previews the PDF)."""
        facts = self._facts.event_report(event_id, comment_ids)
        if suffix == ".xlsx":
            from facilitator.pdf.event_report import report_title
            from facilitator.services.reports.event_xlsx import event_report_xlsx

            title = f"{report_title(lang)} {facts.event.title}"
            return event_report_xlsx(title, event_report_sections(facts, lang))
        from facilitator.pdf.event_report import render_event_report

        return render_event_report(facts, report_layout(), lang, generated_at=self._clock.now())

    def event_report(
        self,
        event_id: int,
        raw_out: str,
        lang: Lang,
        *,
        comment_ids: Collection[int] | None = None,
        force: bool = False,
    ) -> ReportResult:
        suffix = event_report_format(raw_out)
        path = Path(raw_out)
        if path.exists() and not force:
            raise exists_error(path)
        data = self.event_report_bytes(event_id, lang, suffix, comment_ids)
        write_single(path, force, lambda handle: _write(handle, data))
        return ReportResult(path, 1)

    # -- attendees' drafts ---------------------------------------------------------------------
    def attendees(
        self,
        event_id: int,
        raw_out: str,
        lang: Lang,
        *,
        template: Path | None = None,
        force: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ReportResult:
        """One draft per attendee who checked in: a PDF each (or all in one .pdf), or the
        city's XLSX form filled for each (`template`)."""
        kind, path = batch_target(raw_out, merged=template is None)
        batch = self._people.drafts(event_id)
        keys = frozenset(q.key for q in batch.survey.questions) if batch.survey else frozenset()
        # The template is checked before anything is written: an unknown placeholder refuses.
        form = XlsxTemplate(template, keys) if template is not None else None
        if not batch.drafts:
            raise _no_drafts()
        drafts = batch.drafts
        suffix = ".xlsx" if form is not None else ".pdf"
        names = [
            safe_name(f"{i:04d}", d.department, d.name, suffix=suffix)
            for i, d in enumerate(drafts, start=1)
        ]
        from facilitator.pdf.attendee_drafts import DraftRenderer
        from facilitator.pdf.certificates import RenderCancelled

        try:
            if form is not None:
                files = _filled(form, batch, lang, progress, cancelled)
                write_many(path, names, files, force, as_zip=kind is BatchKind.ZIP)
            else:
                renderer = DraftRenderer(batch, report_layout(), lang)
                if kind is BatchKind.MERGED:
                    write_single(
                        path,
                        force,
                        lambda handle: renderer.render_merged(drafts, handle, progress, cancelled),
                    )
                else:
                    files = renderer.render_each(drafts, progress, cancelled)
                    write_many(path, names, files, force, as_zip=kind is BatchKind.ZIP)
        except RenderCancelled:
            raise BatchCancelled from None
        return ReportResult(path, len(drafts), batch.anonymous)

    # -- department digests --------------------------------------------------------------------
    def departments(
        self,
        event_id: int,
        raw_out: str,
        lang: Lang,
        *,
        force: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ReportResult:
        """One digest per department: one PDF each (folder or .zip) or all in one .pdf."""
        kind, path = batch_target(raw_out, merged=True)
        batch = self._people.digests(event_id)
        if not batch.digests:
            raise _no_digests()
        labels = self._facts.rating_labels(event_id, lang)
        from facilitator.pdf.certificates import RenderCancelled
        from facilitator.pdf.department_digests import DigestRenderer

        renderer = DigestRenderer(batch, report_layout(), lang, labels)
        digests = batch.digests
        try:
            if kind is BatchKind.MERGED:
                data = renderer.render_merged(digests, progress, cancelled)
                write_single(path, force, lambda handle: _write(handle, data))
            else:
                names = [
                    safe_name(f"{i:03d}", d.department, suffix=".pdf")
                    for i, d in enumerate(digests, start=1)
                ]
                files = renderer.render_each(digests, progress, cancelled)
                write_many(path, names, files, force, as_zip=kind is BatchKind.ZIP)
        except RenderCancelled:
            raise BatchCancelled from None
        return ReportResult(path, len(digests), batch.anonymous)


def _write(handle: BinaryIO, data: bytes) -> None:
    handle.write(data)


def template_values(batch: DraftBatch, draft: AttendeeDraft, lang: Lang) -> dict[str, str]:
    """The Japanese field name -> its text for one attendee (see report_placeholders.FIELDS)."""
    event = batch.event
    agenda = "\n".join(f"{i}. {item.title}" for i, item in enumerate(draft.agenda, start=1))
    return {
        "氏名": draft.name,
        "フリガナ": draft.kana,
        "職員番号": draft.staff_no,
        "所属": draft.department,
        "職名": draft.title,
        "役割": draft.role,
        "研修名": event.title,
        "開催日": event.date_wareki,
        "開催日西暦": event.day.isoformat(),
        "会場": event.venue,
        "主催": event.issuer,
        "セッション": draft.session.label,
        "研修時間": draft.session.times_text(),
        "教室": draft.session.room,
        "受付時刻": draft.checked_in_at.astimezone().strftime("%H:%M"),
        "時間数": f"{event.hours:g}",
        "アジェンダ": agenda,
    }


def _filled(
    form: XlsxTemplate,
    batch: DraftBatch,
    lang: Lang,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> Iterable[bytes]:
    from facilitator.pdf.certificates import RenderCancelled

    total = len(batch.drafts)
    for done, draft in enumerate(batch.drafts, start=1):
        if cancelled is not None and cancelled():
            raise RenderCancelled
        answers: dict[str, str] = {}
        if batch.survey is not None and not batch.survey.anonymous:
            for q in batch.survey.questions:
                if q.key in draft.answers:
                    answers[q.key] = answer_text(q, draft.answers[q.key], lang)
        yield form.fill(template_values(batch, draft, lang), answers)
        if progress is not None:
            progress(done, total)
