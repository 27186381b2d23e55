"""Attendees of an event: listing, add/edit/remove, manual moves and locks."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.db.models import (
    Attendee,
    Certificate,
    CheckIn,
    Department,
    SubmissionMarker,
    TrainingSession,
)
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.roster_rules import (
    FIELDS,
    PreferenceMatcher,
    RosterField,
    SessionChoice,
    check_records,
    kana_sort_key,
)
from facilitator.errors import FieldError, InputRejected, Msg, ValidationFailed
from facilitator.services import audit
from facilitator.services.event_rows import load_event


@dataclass(frozen=True)
class AttendeeRow:
    id: int
    staff_no: str
    name: str
    kana: str
    department_id: int
    department: str
    department_position: int
    title: str
    role: str
    email: str
    preferred_label: str  # "" when no preference
    session_id: int | None
    session_label: str  # "" when unassigned
    locked: bool
    checked_in: bool
    token_version: int

    @property
    def kana_key(self) -> str:
        return kana_sort_key(self.kana, self.name)


@dataclass(frozen=True)
class AttendeeInput:
    """An attendee as typed in the edit form; `preference` is as typed (AM, 午後, a label, "")."""

    staff_no: str
    name: str
    department: str
    kana: str = ""
    title: str = ""
    role: str = ""
    email: str = ""
    preference: str = ""


@dataclass(frozen=True)
class SessionLoad:
    id: int
    label: str
    capacity: int
    assigned: int


_FIELD_OF = {
    RosterField.STAFF_NO: "staff_no",
    RosterField.NAME: "name",
    RosterField.KANA: "kana",
    RosterField.DEPARTMENT: "department",
    RosterField.TITLE: "title",
    RosterField.ROLE: "role",
    RosterField.PREFERENCE: "preference",
    RosterField.EMAIL: "email",
}


class RosterService:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    def list_attendees(self, event_id: int) -> list[AttendeeRow]:
        """Every attendee of the event, by department order then kana."""
        with self._workspace.session() as session:
            load_event(session, event_id)
            labels = dict(
                session.execute(
                    select(TrainingSession.id, TrainingSession.label).where(
                        TrainingSession.event_id == event_id
                    )
                ).all()
            )
            checked = set(
                session.scalars(
                    select(CheckIn.attendee_id)
                    .join(Attendee, Attendee.id == CheckIn.attendee_id)
                    .where(Attendee.event_id == event_id, CheckIn.undone_at.is_(None))
                )
            )
            rows = session.execute(
                select(Attendee, Department.name, Department.position)
                .join(Department, Department.id == Attendee.department_id)
                .where(Attendee.event_id == event_id)
            ).all()
            out = [
                AttendeeRow(
                    id=a.id,
                    staff_no=a.staff_no,
                    name=a.name,
                    kana=a.kana,
                    department_id=a.department_id,
                    department=dept,
                    department_position=position,
                    title=a.title,
                    role=a.role,
                    email=a.email,
                    preferred_label=labels.get(a.preferred_session_id, "")
                    if a.preferred_session_id
                    else "",
                    session_id=a.assigned_session_id,
                    session_label=labels.get(a.assigned_session_id, "")
                    if a.assigned_session_id
                    else "",
                    locked=a.locked,
                    checked_in=a.id in checked,
                    token_version=a.token_version,
                )
                for a, dept, position in rows
            ]
        out.sort(key=lambda r: (r.department_position, r.department, r.kana_key, r.staff_no))
        return out

    def get_attendee(self, attendee_id: int) -> AttendeeRow:
        with self._workspace.session() as session:
            event_id = self._load(session, attendee_id).event_id
        return next(a for a in self.list_attendees(event_id) if a.id == attendee_id)

    def departments(self, event_id: int) -> list[str]:
        with self._workspace.session() as session:
            return list(
                session.scalars(
                    select(Department.name)
                    .where(Department.event_id == event_id)
                    .order_by(Department.position, Department.name)
                )
            )

    def session_loads(self, event_id: int) -> list[SessionLoad]:
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            counts = dict(
                session.execute(
                    select(Attendee.assigned_session_id, func.count(Attendee.id))
                    .where(Attendee.event_id == event_id)
                    .group_by(Attendee.assigned_session_id)
                ).all()
            )
            return [
                SessionLoad(s.id, s.label, s.capacity, counts.get(s.id, 0)) for s in event.sessions
            ]

    def add_attendee(self, event_id: int, data: AttendeeInput) -> AttendeeRow:
        """Validate and add one attendee (department created when new)."""
        with self._workspace.session() as session:
            values = self._validated(session, event_id, data, None)
            now = self._clock.now()
            row = Attendee(event_id=event_id, created_at=now, updated_at=now, **values)
            session.add(row)
            session.flush()
            audit.record(
                session,
                at=now,
                action="attendee.add",
                event_id=event_id,
                entity="attendee",
                entity_id=row.id,
                detail={"staff_no": row.staff_no},
            )
            new_id = row.id
        return self.get_attendee(new_id)

    def update_attendee(self, attendee_id: int, data: AttendeeInput) -> AttendeeRow:
        with self._workspace.session() as session:
            row = self._load(session, attendee_id)
            values = self._validated(session, row.event_id, data, attendee_id)
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at = self._clock.now()
            audit.record(
                session,
                at=row.updated_at,
                action="attendee.update",
                event_id=row.event_id,
                entity="attendee",
                entity_id=row.id,
                detail={"staff_no": row.staff_no},
            )
        return self.get_attendee(attendee_id)

    def remove_attendee(self, attendee_id: int) -> None:
        """Delete an attendee who has no check-in, answer or certificate yet."""
        with self._workspace.session() as session:
            row = self._load(session, attendee_id)
            for model in (CheckIn, Certificate, SubmissionMarker):
                if session.scalar(
                    select(func.count(model.id)).where(model.attendee_id == attendee_id)
                ):
                    raise InputRejected(
                        Msg(
                            en=f"{row.name} already has check-in, feedback or certificate records and cannot be removed.",
                            ja=f"{row.name} さんには受付・アンケート・修了証の記録があるため削除できません。",
                        )
                    )
            audit.record(
                session,
                at=self._clock.now(),
                action="attendee.remove",
                event_id=row.event_id,
                entity="attendee",
                entity_id=row.id,
                detail={"staff_no": row.staff_no, "name": row.name},
            )
            session.delete(row)

    def move(self, attendee_ids: list[int], session_id: int | None) -> None:
        """Put attendees into `session_id` by hand and lock them (None: unassign and unlock).

        Refused as a whole when the session has no room for all of them.
        """
        if not attendee_ids:
            return
        with self._workspace.session() as session:
            rows = [self._load(session, i) for i in attendee_ids]
            if session_id is not None:
                target = session.get(TrainingSession, session_id)
                if target is None or any(r.event_id != target.event_id for r in rows):
                    raise InputRejected(
                        Msg(
                            en="That session does not belong to this event.",
                            ja="そのセッションはこの研修のものではありません。",
                        )
                    )
                arriving = sum(1 for r in rows if r.assigned_session_id != session_id)
                present = (
                    session.scalar(
                        select(func.count(Attendee.id)).where(
                            Attendee.assigned_session_id == session_id
                        )
                    )
                    or 0
                )
                if present + arriving > target.capacity:
                    raise InputRejected(
                        Msg(
                            en=f"{target.label} is full ({present} of {target.capacity}); {arriving} more do not fit.",
                            ja=f"{target.label} は満員です（{target.capacity} 名中 {present} 名）。あと {arriving} 名は入りません。",
                        )
                    )
            now = self._clock.now()
            for r in rows:
                r.assigned_session_id = session_id
                r.locked = session_id is not None
                r.updated_at = now
            audit.record(
                session,
                at=now,
                action="attendee.move",
                event_id=rows[0].event_id,
                entity="session",
                entity_id=session_id,
                detail={"attendees": attendee_ids},
            )

    def set_locked(self, attendee_ids: list[int], locked: bool) -> None:
        """Lock keeps an attendee where they are when assignment runs again; unlock frees them."""
        with self._workspace.session() as session:
            for attendee_id in attendee_ids:
                row = self._load(session, attendee_id)
                # Only an attendee with a session can be held in it.
                row.locked = locked and row.assigned_session_id is not None
                row.updated_at = self._clock.now()

    def reissue_slips(self, attendee_ids: list[int]) -> None:
        """Invalidate the personal QR on these attendees' current slips (lost slips).

        Check-in accepts only the newest version, so a reprint after this is the
        one slip that works.
        """
        with self._workspace.session() as session:
            now = self._clock.now()
            for attendee_id in attendee_ids:
                row = self._load(session, attendee_id)
                row.token_version += 1
                row.updated_at = now
                audit.record(
                    session,
                    at=now,
                    action="attendee.reissue_slip",
                    event_id=row.event_id,
                    entity="attendee",
                    entity_id=row.id,
                    detail={"staff_no": row.staff_no, "version": row.token_version},
                )

    def record_slips_printed(self, printed: dict[int, int]) -> None:
        """Remember which session each printed slip names (attendee id -> session id)."""
        from facilitator.services.roster.slips import record_printed

        with self._workspace.session() as session:
            record_printed(session, printed, self._clock.now())

    def stale_slips(self, event_id: int) -> list[int]:
        """Attendees whose printed slip names a session they no longer attend: reprint these."""
        from facilitator.services.roster.slips import stale_slip_ids

        with self._workspace.session(readonly=True) as session:
            load_event(session, event_id)
            return stale_slip_ids(session, event_id)

    def _load(self, session: Session, attendee_id: int) -> Attendee:
        row = session.get(Attendee, attendee_id)
        if row is None:
            raise InputRejected(
                Msg(en="That attendee no longer exists.", ja="その受講者はすでに削除されています。")
            )
        return row

    def _validated(
        self, session: Session, event_id: int, data: AttendeeInput, attendee_id: int | None
    ) -> dict[str, object]:
        event = load_event(session, event_id)
        matcher = PreferenceMatcher([SessionChoice(s.label, s.start) for s in event.sessions])
        # The edit form has no 不可 field (yet): those cells stay empty.
        cells = tuple(getattr(data, _FIELD_OF[fld]) if fld in _FIELD_OF else "" for fld in FIELDS)
        records, errors = check_records([(1, cells)], {}, matcher)
        by_column = {fld.label.ja: attr for fld, attr in _FIELD_OF.items()}
        field_errors = [FieldError(by_column.get(e.column, e.column), e.message) for e in errors]
        if records:
            clash = session.scalar(
                select(Attendee.id).where(
                    Attendee.event_id == event_id,
                    Attendee.staff_no == records[0].staff_no,
                    Attendee.id != (attendee_id or -1),
                )
            )
            if clash is not None:
                field_errors.append(
                    FieldError(
                        "staff_no",
                        Msg(
                            en=f"Staff number {records[0].staff_no} is already in this event's roster.",
                            ja=f"職員番号 {records[0].staff_no} はすでに名簿にあります。",
                        ),
                    )
                )
        if field_errors:
            raise ValidationFailed(field_errors)
        record = records[0]
        department_id = session.scalar(
            select(Department.id).where(
                Department.event_id == event_id, Department.name == record.department
            )
        )
        if department_id is None:
            position = (
                session.scalar(
                    select(func.count(Department.id)).where(Department.event_id == event_id)
                )
                or 0
            )
            dept = Department(event_id=event_id, name=record.department, kana="", position=position)
            session.add(dept)
            session.flush()
            department_id = dept.id
        sessions = {s.label: s.id for s in event.sessions}
        return {
            "staff_no": record.staff_no,
            "name": record.name,
            "kana": record.kana,
            "department_id": department_id,
            "title": record.title,
            "role": record.role,
            "email": record.email,
            "preferred_session_id": sessions[record.preference] if record.preference else None,
        }
