"""The event's agenda: items (create, edit, reorder, duplicate, delete with undo) and their times.

One agenda per event runs in every session; each session's start comes from
the session itself, so the same items get different clock times in AM and PM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.db.models import AgendaItem, AgendaRun, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.agenda_items import (
    AgendaItemSpec,
    ItemKind,
    PdfPages,
    SessionTimes,
    SlideContent,
    plan_times,
    validate_item,
)
from facilitator.domain.agenda_timing import RunRecord
from facilitator.domain.clock import Clock
from facilitator.errors import InputRejected, Msg, ValidationFailed
from facilitator.services import audit
from facilitator.services.event_rows import load_event


class UnknownAgendaItem(InputRejected):
    pass


@dataclass(frozen=True)
class AgendaItemInfo:
    id: int
    event_id: int
    position: int
    spec: AgendaItemSpec

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def minutes(self) -> int:
        return self.spec.minutes

    @property
    def kind(self) -> ItemKind:
        return self.spec.kind


@dataclass(frozen=True)
class DeletedItem:
    """What `delete_item` removed, enough for `restore_item` to put it all back."""

    item: AgendaItemInfo
    runs: tuple[tuple[int, RunRecord], ...]  # (session id, run)


@dataclass(frozen=True)
class AgendaSchedule:
    total_minutes: int
    sessions: tuple[SessionTimes, ...]

    @property
    def fits(self) -> bool:
        return all(s.fits for s in self.sessions)


def local_datetime(day: date, at: time) -> datetime:
    """A session's date and time, read as the laptop's local time, made timezone-aware."""
    return datetime.combine(day, at).astimezone()


def item_info(row: AgendaItem) -> AgendaItemInfo:
    pdf = None
    if row.pdf_path:
        pdf = PdfPages(row.pdf_path, row.pdf_first_page or 1, row.pdf_last_page or 1)
    return AgendaItemInfo(
        id=row.id,
        event_id=row.event_id,
        position=row.position,
        spec=AgendaItemSpec(
            title=row.title,
            minutes=row.minutes,
            kind=ItemKind.parse(row.kind),
            notes=row.notes,
            flexible=row.flexible,
            slide=SlideContent.from_json(row.slide),
            pdf=pdf,
            amber_seconds=row.amber_seconds,
            red_seconds=row.red_seconds,
        ),
    )


def run_record(row: AgendaRun) -> RunRecord:
    return RunRecord(
        run_id=row.id,
        item_id=row.item_id,
        planned_minutes=row.planned_minutes,
        started_at=row.started_at,
        ended_at=row.ended_at,
        paused_seconds=row.paused_seconds,
        paused_since=row.paused_since,
        adjust_seconds=row.adjust_seconds,
    )


def _apply(row: AgendaItem, spec: AgendaItemSpec) -> None:
    row.title = spec.title.strip()
    row.minutes = spec.minutes
    row.kind = spec.kind.value
    row.notes = spec.notes
    row.flexible = spec.flexible
    row.slide = spec.slide.as_json()
    row.pdf_path = spec.pdf.path if spec.pdf else None
    row.pdf_first_page = spec.pdf.first if spec.pdf else None
    row.pdf_last_page = spec.pdf.last if spec.pdf else None
    row.amber_seconds = spec.amber_seconds
    row.red_seconds = spec.red_seconds


class AgendaService:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    # -- reading -----------------------------------------------------------------------------
    def list_items(self, event_id: int) -> list[AgendaItemInfo]:
        """The event's agenda in running order."""
        with self._workspace.session() as session:
            load_event(session, event_id)
            return [item_info(row) for row in self._rows(session, event_id)]

    def get_item(self, item_id: int) -> AgendaItemInfo:
        with self._workspace.session() as session:
            return item_info(self._item(session, item_id))

    def schedule(self, event_id: int) -> AgendaSchedule:
        """Planned clock times of every item in every session, and whether each slot fits."""
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            rows = self._rows(session, event_id)
            items = [(r.id, r.title, r.minutes) for r in rows]
            sessions = sorted(event.sessions, key=lambda s: (s.position, s.id))
            times = tuple(
                plan_times(
                    s.id,
                    s.label,
                    local_datetime(s.date, s.start),
                    local_datetime(s.date, s.end),
                    items,
                )
                for s in sessions
            )
        return AgendaSchedule(sum(m for _, _, m in items), times)

    # -- editing -----------------------------------------------------------------------------
    def create_item(
        self, event_id: int, spec: AgendaItemSpec, position: int | None = None
    ) -> AgendaItemInfo:
        """Add an item at `position` (default: the end)."""
        self._check(spec)
        with self._workspace.session() as session:
            load_event(session, event_id)
            rows = self._rows(session, event_id)
            row = AgendaItem(event_id=event_id, position=0)
            _apply(row, spec)
            session.add(row)
            at = len(rows) if position is None else max(0, min(position, len(rows)))
            rows.insert(at, row)
            self._renumber(rows)
            session.flush()
            self._audit(session, "agenda.create", row)
            return item_info(row)

    def update_item(self, item_id: int, spec: AgendaItemSpec) -> AgendaItemInfo:
        self._check(spec)
        with self._workspace.session() as session:
            row = self._item(session, item_id)
            _apply(row, spec)
            self._audit(session, "agenda.update", row)
            session.flush()
            return item_info(row)

    def move_item(self, item_id: int, position: int) -> list[AgendaItemInfo]:
        """Move one item to `position` (0-based); returns the agenda in its new order."""
        with self._workspace.session() as session:
            row = self._item(session, item_id)
            rows = [r for r in self._rows(session, row.event_id) if r.id != item_id]
            rows.insert(max(0, min(position, len(rows))), row)
            self._renumber(rows)
            self._audit(session, "agenda.move", row)
            return [item_info(r) for r in rows]

    def duplicate_item(self, item_id: int) -> AgendaItemInfo:
        """A copy placed right after the original."""
        original = self.get_item(item_id)
        return self.create_item(original.event_id, original.spec, original.position + 1)

    def delete_item(self, item_id: int) -> DeletedItem:
        """Remove an item; its recorded runs go with it, and `restore_item` brings both back."""
        with self._workspace.session() as session:
            row = self._item(session, item_id)
            info = item_info(row)
            runs = tuple(
                (r.session_id, run_record(r))
                for r in session.scalars(
                    select(AgendaRun).where(AgendaRun.item_id == item_id).order_by(AgendaRun.id)
                )
            )
            self._audit(session, "agenda.delete", row)
            session.delete(row)
            session.flush()
            self._renumber(self._rows(session, info.event_id))
        return DeletedItem(info, runs)

    def restore_item(self, deleted: DeletedItem) -> AgendaItemInfo:
        """Undo a delete: the item returns at its old place with its recorded runs."""
        item = deleted.item
        with self._workspace.session() as session:
            load_event(session, item.event_id)
            rows = self._rows(session, item.event_id)
            row = AgendaItem(id=item.id, event_id=item.event_id, position=0)
            if session.get(AgendaItem, item.id) is not None:
                row = AgendaItem(event_id=item.event_id, position=0)
            _apply(row, item.spec)
            session.add(row)
            rows.insert(min(item.position, len(rows)), row)
            self._renumber(rows)
            session.flush()
            known_sessions = set(
                session.scalars(
                    select(TrainingSession.id).where(TrainingSession.event_id == item.event_id)
                )
            )
            for session_id, run in deleted.runs:
                if session_id not in known_sessions:
                    continue
                session.add(
                    AgendaRun(
                        session_id=session_id,
                        item_id=row.id,
                        planned_minutes=run.planned_minutes,
                        started_at=run.started_at,
                        ended_at=run.ended_at,
                        paused_seconds=run.paused_seconds,
                        paused_since=run.paused_since,
                        adjust_seconds=run.adjust_seconds,
                    )
                )
            self._audit(session, "agenda.restore", row)
            session.flush()
            return item_info(row)

    # -- helpers -----------------------------------------------------------------------------
    def _check(self, spec: AgendaItemSpec) -> None:
        errors = validate_item(spec)
        if errors:
            raise ValidationFailed(errors)

    def _item(self, session: Session, item_id: int) -> AgendaItem:
        row = session.get(AgendaItem, item_id)
        if row is None:
            raise UnknownAgendaItem(
                Msg(
                    en="This agenda item no longer exists; the list has been refreshed.",
                    ja="この項目は既に削除されています。一覧を更新しました。",
                )
            )
        return row

    def _rows(self, session: Session, event_id: int) -> list[AgendaItem]:
        return list(
            session.scalars(
                select(AgendaItem)
                .where(AgendaItem.event_id == event_id)
                .order_by(AgendaItem.position, AgendaItem.id)
            )
        )

    def _renumber(self, rows: list[AgendaItem]) -> None:
        for position, row in enumerate(rows):
            row.position = position

    def _audit(self, session: Session, action: str, row: AgendaItem) -> None:
        audit.record(
            session,
            at=self._clock.now(),
            action=action,
            event_id=row.event_id,
            entity="agenda_item",
            entity_id=row.id,
            detail={"title": row.title},
        )
