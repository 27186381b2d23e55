"""Planned vs actual: every item of every session, side by side, as data, CSV or PDF."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select

from facilitator.db.models import AgendaRun, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.agenda_clock import record_elapsed
from facilitator.domain.agenda_report import (
    AgendaReport,
    ItemActual,
    ReportRow,
    kind_name,
    minutes_text,
)
from facilitator.domain.clock import Clock
from facilitator.domain.spreadsheet import neutralise
from facilitator.lang import Lang
from facilitator.services.agenda.items import AgendaService, run_record
from facilitator.services.agenda.live import local_day
from facilitator.services.event_rows import load_event


class AgendaReportService:
    def __init__(self, workspace: Workspace, clock: Clock, agenda: AgendaService) -> None:
        self._workspace = workspace
        self._clock = clock
        self._agenda = agenda

    def report(self, event_id: int) -> AgendaReport:
        """Planned and actual minutes of every agenda item in every session."""
        items = self._agenda.list_items(event_id)
        now = self._clock.now()
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            sessions = list(
                session.scalars(
                    select(TrainingSession)
                    .where(TrainingSession.event_id == event_id)
                    .order_by(TrainingSession.position, TrainingSession.id)
                )
            )
            ids = [s.id for s in sessions]
            days = {s.id: s.date for s in sessions}
            runs = session.scalars(
                select(AgendaRun).where(AgendaRun.session_id.in_(ids)).order_by(AgendaRun.id)
            ).all()
            title = event.title
            labels = tuple(s.label for s in sessions)
        actual: dict[tuple[int, int], float] = {}
        planned: dict[tuple[int, int], int] = {}
        rehearsal_runs = 0
        for run in runs:
            if local_day(run.started_at) != days[run.session_id]:
                rehearsal_runs += 1
                continue  # a rehearsal on another day, not the session itself
            key = (run.session_id, run.item_id)
            actual[key] = actual.get(key, 0.0) + record_elapsed(run_record(run), now)
            planned.setdefault(key, run.planned_minutes)
        rows = tuple(
            ReportRow(
                item_id=item.id,
                position=item.position,
                title=item.title,
                kind=item.kind,
                actuals=tuple(
                    ItemActual(
                        planned.get((sid, item.id), item.minutes), actual.get((sid, item.id))
                    )
                    for sid in ids
                ),
            )
            for item in items
        )
        return AgendaReport(title, labels, rows, now, rehearsal_runs)

    def export_csv(self, event_id: int, lang: Lang) -> bytes:
        """The report as CSV (UTF-8 with BOM so Excel reads the Japanese)."""
        report = self.report(event_id)
        ja = lang == "ja"
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        header = ["No", "項目" if ja else "Item", "種類" if ja else "Kind"]
        for label in report.sessions:
            header += (
                [f"{label} 予定(分)", f"{label} 実績(分)", f"{label} 差(分)"]
                if ja
                else [
                    f"{label} planned (min)",
                    f"{label} actual (min)",
                    f"{label} difference (min)",
                ]
            )
        writer.writerow([neutralise(cell) for cell in header])
        for row in report.rows:
            # Only the title is typed by a user; minute differences may rightly be negative.
            line = [str(row.position + 1), neutralise(row.title), kind_name(row.kind, lang)]
            for a in row.actuals:
                line += [
                    str(a.planned_minutes),
                    minutes_text(a.actual_seconds),
                    minutes_text(a.difference_seconds),
                ]
            writer.writerow(line)
        return out.getvalue().encode("utf-8-sig")

    def export_pdf(self, event_id: int, lang: Lang) -> bytes:
        from facilitator.pdf.agenda_report import render_agenda_report

        return render_agenda_report(self.report(event_id), lang)
