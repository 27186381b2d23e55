"""One event of a workspace as the records see it: read in one read-only snapshot."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.db.models import (
    Answer,
    Attendee,
    Certificate,
    CheckIn,
    Department,
    Event,
    Question,
    Response,
    Survey,
    TrainingSession,
)
from facilitator.domain.certificates import verification_code
from facilitator.domain.roster_rules import normalise_staff_no


def staff_key(staff_no: str) -> str:
    """A person's key across events: the normalised staff number, case folded
    (`a-12` typed at one event is `A-12` at another)."""
    return normalise_staff_no(staff_no).upper()


@dataclass(frozen=True)
class EventRow:
    uuid: str
    title: str
    date: date
    venue: str
    issuer: str
    hours: float
    version: str


@dataclass(frozen=True)
class SessionRow:
    uuid: str
    label: str
    date: date
    start: time
    end: time
    room: str
    capacity: int


@dataclass(frozen=True)
class AttendeeRow:
    uuid: str
    staff_key: str
    staff_no: str
    name: str
    kana: str
    department: str
    title: str
    role: str
    email: str
    session_uuid: str | None
    walk_in: bool
    version: str


@dataclass(frozen=True)
class CheckInRow:
    uuid: str
    staff_key: str
    session_uuid: str
    checked_in_at: datetime
    method: str
    device: str
    undone_at: datetime | None


@dataclass(frozen=True)
class ResponseRow:
    uuid: str
    staff_key: str | None  # None: anonymous
    session_uuid: str
    department: str
    submitted_at: datetime
    method: str
    answers: dict[str, Any]


@dataclass(frozen=True)
class CertificateRow:
    uuid: str
    staff_key: str
    number: str
    issued_at: datetime
    revoked_at: datetime | None
    revoke_reason: str
    reissue_count: int
    code: str


@dataclass(frozen=True)
class EventSnapshot:
    event: EventRow
    sessions: tuple[SessionRow, ...]
    attendees: tuple[AttendeeRow, ...]
    checkins: tuple[CheckInRow, ...]
    responses: tuple[ResponseRow, ...]
    certificates: tuple[CertificateRow, ...]

    def digest(self) -> str:
        """SHA-256 of everything the records take from this snapshot."""
        text = json.dumps(
            [
                _values(self.event),
                *(
                    [_values(row) for row in rows]
                    for rows in (
                        self.sessions,
                        self.attendees,
                        self.checkins,
                        self.responses,
                        self.certificates,
                    )
                ),
            ],
            default=str,
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _values(row: Any) -> list[Any]:
    """A row's field values, shallow (`dataclasses.astuple` deep-copies every answer)."""
    return [getattr(row, f.name) for f in fields(row)]


def _iso(value: datetime) -> str:
    return value.isoformat()


def read_snapshot(session: Session, event_id: int) -> EventSnapshot:
    """Everything of `event_id` that the records keep (a read-only unit of work).

    Column selects, not ORM objects: a 1,000-attendee day is read in a fraction
    of the time (benchmarks/bench_records.py)."""
    event = session.get_one(Event, event_id)
    S, A, C, R = TrainingSession, Attendee, CheckIn, Response
    sessions = session.execute(
        select(S.id, S.uuid, S.label, S.date, S.start, S.end, S.room, S.capacity).where(
            S.event_id == event_id
        )
    ).all()
    session_uuid = {row.id: row.uuid for row in sessions}
    departments = dict(
        session.execute(
            select(Department.id, Department.name).where(Department.event_id == event_id)
        ).all()
    )
    attendees = session.execute(
        select(
            A.id,
            A.uuid,
            A.staff_no,
            A.name,
            A.kana,
            A.department_id,
            A.title,
            A.role,
            A.email,
            A.assigned_session_id,
            A.walk_in,
            A.updated_at,
        ).where(A.event_id == event_id)
    ).all()
    key_of = {a.id: staff_key(a.staff_no) for a in attendees}
    checkins = session.execute(
        select(
            C.uuid, C.attendee_id, C.session_id, C.checked_in_at, C.method, C.device, C.undone_at
        )
        .join(A, C.attendee_id == A.id)
        .where(A.event_id == event_id)
    ).all()
    questions = dict(
        session.execute(
            select(Question.id, Question.key)
            .join(Survey, Question.survey_id == Survey.id)
            .where(Survey.event_id == event_id)
        ).all()
    )
    responses = session.execute(
        select(
            R.id,
            R.uuid,
            R.attendee_id,
            R.session_id,
            R.department_id,
            R.submitted_at,
            R.method,
        )
        .join(Survey, R.survey_id == Survey.id)
        .where(Survey.event_id == event_id)
    ).all()
    answers: dict[int, dict[str, Any]] = {}
    for response_id, question_id, value in session.execute(
        select(Answer.response_id, Answer.question_id, Answer.value)
        .join(R, Answer.response_id == R.id)
        .join(Survey, R.survey_id == Survey.id)
        .where(Survey.event_id == event_id)
    ).all():
        answers.setdefault(response_id, {})[questions.get(question_id, str(question_id))] = value
    certificates = session.execute(
        select(
            Certificate.uuid,
            Certificate.attendee_id,
            Certificate.number,
            Certificate.issued_at,
            Certificate.revoked_at,
            Certificate.revoke_reason,
            Certificate.reissue_count,
        ).where(Certificate.event_id == event_id)
    ).all()
    return EventSnapshot(
        event=EventRow(
            uuid=event.uuid,
            title=event.title,
            date=event.date,
            venue=event.venue,
            issuer=event.issuer,
            hours=event.hours,
            version=_iso(event.updated_at),
        ),
        sessions=tuple(
            SessionRow(s.uuid, s.label, s.date, s.start, s.end, s.room, s.capacity)
            for s in sessions
        ),
        attendees=tuple(
            AttendeeRow(
                uuid=a.uuid,
                staff_key=key_of[a.id],
                staff_no=a.staff_no,
                name=a.name,
                kana=a.kana,
                department=departments.get(a.department_id, ""),
                title=a.title,
                role=a.role,
                email=a.email,
                session_uuid=session_uuid.get(a.assigned_session_id)
                if a.assigned_session_id
                else None,
                walk_in=a.walk_in,
                version=_iso(a.updated_at),
            )
            for a in attendees
        ),
        checkins=tuple(
            CheckInRow(
                uuid=c.uuid,
                staff_key=key_of[c.attendee_id],
                session_uuid=session_uuid[c.session_id],
                checked_in_at=c.checked_in_at,
                method=c.method,
                device=c.device,
                undone_at=c.undone_at,
            )
            for c in checkins
        ),
        responses=tuple(
            ResponseRow(
                uuid=r.uuid,
                staff_key=key_of.get(r.attendee_id) if r.attendee_id is not None else None,
                session_uuid=session_uuid[r.session_id],
                department=departments.get(r.department_id, "") if r.department_id else "",
                submitted_at=r.submitted_at,
                method=r.method,
                answers=answers.get(r.id, {}),
            )
            for r in responses
        ),
        certificates=tuple(
            CertificateRow(
                uuid=c.uuid,
                staff_key=key_of[c.attendee_id],
                number=c.number,
                issued_at=c.issued_at,
                revoked_at=c.revoked_at,
                revoke_reason=c.revoke_reason,
                reissue_count=c.reissue_count,
                code=verification_code(event.secret, c.number),
            )
            for c in certificates
        ),
    )
