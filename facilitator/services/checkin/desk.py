"""The trainer's side of check-in: arrivals, search, walk-ins, undo, export rows.

`CheckInService.desk` (services/checkin/service.py); read queries and rare writes
that need no group commit. A walk-in is checked in through the service's one
entry point, which it is given.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import datetime

import jaconv
from sqlalchemy import delete, func, select

from facilitator.db.models import Attendee, CheckIn, Department, PhoneBinding, TrainingSession
from facilitator.domain.checkin import CheckInMethod
from facilitator.domain.roster_rules import normalise_staff_no
from facilitator.errors import FieldError, InputRejected, Msg, ValidationFailed
from facilitator.services import audit
from facilitator.services.checkin.types import (
    ArrivalRow,
    AttendeeMatch,
    AttendeeRef,
    CheckInContext,
    CheckInRequest,
    CheckInResult,
    DepartmentArrivals,
    ExportRow,
    SessionArrivals,
    SessionCounts,
    UndoResult,
)


def search_key(text: str) -> str:
    """Folds width, case, hiragana/katakana and spaces so 'やまだ' finds 'ヤマダ タロウ'."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return jaconv.hira2kata(folded).replace(" ", "").replace("\u3000", "")


def session_start(row: TrainingSession) -> datetime:
    """The session's start as an instant, read in the laptop's local time zone."""
    return datetime.combine(row.date, row.start).astimezone()


class CheckInDesk:
    def __init__(self, context: CheckInContext) -> None:
        self._context = context
        self._workspace, self._clock = context.workspace, context.clock

    def counts(self, session_id: int) -> SessionCounts:
        """Arrived vs expected for one session (the projector shows "58 / 96")."""
        with self._workspace.session() as s:
            arrived = s.scalar(
                select(func.count(CheckIn.id)).where(
                    CheckIn.session_id == session_id, CheckIn.undone_at.is_(None)
                )
            )
            expected = s.scalar(
                select(func.count(Attendee.id)).where(Attendee.assigned_session_id == session_id)
            )
        return SessionCounts(int(arrived or 0), int(expected or 0))

    def arrivals(self, session_id: int, recent: int = 50) -> SessionArrivals:
        """Who is in and who is missing, by department, with late arrivals and methods."""
        with self._workspace.session() as s:
            ts = s.get(TrainingSession, session_id)
            if ts is None:
                raise _no_session(session_id)
            start = session_start(ts)
            rows = s.execute(
                select(CheckIn, Attendee.staff_no, Attendee.name, Attendee.walk_in, Department.name)
                .join(Attendee, Attendee.id == CheckIn.attendee_id)
                .join(Department, Department.id == Attendee.department_id)
                .where(CheckIn.session_id == session_id, CheckIn.undone_at.is_(None))
                .order_by(CheckIn.checked_in_at.desc(), CheckIn.id.desc())
            ).all()
            arrived_ids = {c.attendee_id for c, *_ in rows}
            expected = s.execute(
                select(Attendee.id, Attendee.name, Department.name, Department.position)
                .join(Department, Department.id == Attendee.department_id)
                .where(Attendee.assigned_session_id == session_id)
                .order_by(Department.position, Department.name, Attendee.kana)
            ).all()
            label = ts.label
        arrival_rows = [
            ArrivalRow(
                c.id,
                c.attendee_id,
                staff_no,
                name,
                dept,
                c.checked_in_at,
                _method(c.method),
                c.checked_in_at > start,
                walk_in,
                c.note,
            )
            for c, staff_no, name, walk_in, dept in rows
        ]
        by_dept: dict[str, list[tuple[int, str]]] = {}
        for attendee_id, name, dept, _pos in expected:
            by_dept.setdefault(dept, []).append((attendee_id, name))
        departments = tuple(
            DepartmentArrivals(
                dept,
                len(people),
                sum(1 for aid, _ in people if aid in arrived_ids),
                tuple(name for aid, name in people if aid not in arrived_ids),
            )
            for dept, people in by_dept.items()
        )
        methods = Counter(r.method for r in arrival_rows)
        return SessionArrivals(
            session_id=session_id,
            label=label,
            counts=SessionCounts(len(arrival_rows), len(expected)),
            late=sum(1 for r in arrival_rows if r.late),
            methods=tuple(sorted(methods.items(), key=lambda kv: kv[0].value)),
            departments=departments,
            recent=tuple(arrival_rows[:recent]),
        )

    def search(self, event_id: int, query: str, limit: int = 30) -> list[AttendeeMatch]:
        """Attendees whose kana, name, staff number or department contains `query`."""
        key = search_key(query)
        if not key:
            return []
        assigned = TrainingSession.__table__.alias("assigned")
        checked = TrainingSession.__table__.alias("checked")
        with self._workspace.session() as s:
            rows = s.execute(
                select(
                    Attendee.id,
                    Attendee.staff_no,
                    Attendee.name,
                    Attendee.kana,
                    Department.name,
                    assigned.c.label,
                    checked.c.label,
                )
                .join(Department, Department.id == Attendee.department_id)
                .outerjoin(assigned, assigned.c.id == Attendee.assigned_session_id)
                .outerjoin(
                    CheckIn, (CheckIn.attendee_id == Attendee.id) & CheckIn.undone_at.is_(None)
                )
                .outerjoin(checked, checked.c.id == CheckIn.session_id)
                .where(Attendee.event_id == event_id)
                .order_by(Attendee.kana, Attendee.id)
            ).all()
        found: list[AttendeeMatch] = []
        for aid, staff_no, name, kana, dept, a_label, c_label in rows:
            if any(key in search_key(v) for v in (kana, name, staff_no, dept)):
                found.append(
                    AttendeeMatch(aid, staff_no, name, kana, dept, a_label or "", c_label or "")
                )
                if len(found) >= limit:
                    break
        return found

    def set_checkin_open(self, session_id: int, is_open: bool) -> bool:
        """Open or close a session's check-in (closed: every path gets `session_closed`)."""
        now = self._clock.now()
        with self._workspace.session() as s:
            ts = s.get(TrainingSession, session_id)
            if ts is None:
                raise _no_session(session_id)
            if ts.checkin_open != is_open:
                ts.checkin_open = is_open
                audit.record(
                    s,
                    at=now,
                    action="checkin.open" if is_open else "checkin.close",
                    event_id=ts.event_id,
                    entity="session",
                    entity_id=ts.id,
                    detail={"session": ts.label},
                )
        self._context.sessions_changed()  # effective for the very next scan
        return is_open

    def phone_departments(self, event_id: int) -> list[tuple[int, str]]:
        """(id, name) of the event's departments that have attendees, for the phone picker."""
        with self._workspace.session() as s:
            rows = s.execute(
                select(Department.id, Department.name)
                .where(
                    Department.event_id == event_id,
                    select(Attendee.id).where(Attendee.department_id == Department.id).exists(),
                )
                .order_by(Department.position, Department.kana, Department.name)
            ).all()
        return [(int(i), str(n)) for i, n in rows]

    def phone_people(self, event_id: int, department_id: int) -> list[tuple[int, str]]:
        """(id, name) of one department's attendees, in kana order (no staff numbers)."""
        with self._workspace.session() as s:
            rows = s.execute(
                select(Attendee.id, Attendee.name)
                .where(Attendee.event_id == event_id, Attendee.department_id == department_id)
                .order_by(Attendee.kana, Attendee.id)
            ).all()
        return [(int(i), str(n)) for i, n in rows]

    def departments(self, event_id: int) -> list[str]:
        with self._workspace.session() as s:
            return list(
                s.scalars(
                    select(Department.name)
                    .where(Department.event_id == event_id)
                    .order_by(Department.position, Department.name)
                )
            )

    def register_walk_in(
        self,
        session_id: int,
        *,
        staff_no: str,
        name: str,
        kana: str,
        department: str,
        device: str = "",
    ) -> CheckInResult:
        """Add someone not on the roster (marked walk-in) to this session and check them in."""
        staff_no, name, department = normalise_staff_no(staff_no), name.strip(), department.strip()
        errors = []
        if not staff_no:
            errors.append(
                FieldError(
                    "staff_no", Msg(en="Enter the staff number.", ja="職員番号を入力してください。")
                )
            )
        if not name:
            errors.append(
                FieldError("name", Msg(en="Enter the name.", ja="氏名を入力してください。"))
            )
        if not department:
            errors.append(
                FieldError(
                    "department", Msg(en="Enter the department.", ja="所属を入力してください。")
                )
            )
        if errors:
            raise ValidationFailed(errors)
        now = self._clock.now()
        with self._workspace.session() as s:
            ts = s.get(TrainingSession, session_id)
            if ts is None:
                raise _no_session(session_id)
            taken = s.scalar(
                select(Attendee.name).where(
                    Attendee.event_id == ts.event_id, Attendee.staff_no == staff_no
                )
            )
            if taken is not None:
                raise ValidationFailed(
                    [
                        FieldError(
                            "staff_no",
                            Msg(
                                en=f"Staff number {staff_no} is already on the roster ({taken}); search for them instead.",
                                ja=f"職員番号 {staff_no} は既に名簿にあります（{taken}）。検索から受付してください。",
                            ),
                        )
                    ]
                )
            dept = s.scalar(
                select(Department).where(
                    Department.event_id == ts.event_id, Department.name == department
                )
            )
            if dept is None:
                last = s.scalar(
                    select(func.max(Department.position)).where(Department.event_id == ts.event_id)
                )
                dept = Department(
                    event_id=ts.event_id, name=department, kana="", position=(last or 0) + 1
                )
                s.add(dept)
                s.flush()
            person = Attendee(
                event_id=ts.event_id,
                staff_no=staff_no,
                name=name,
                kana=kana.strip(),
                department_id=dept.id,
                assigned_session_id=ts.id,
                locked=True,
                walk_in=True,
                created_at=now,
                updated_at=now,
            )
            s.add(person)
            s.flush()
            audit.record(
                s,
                at=now,
                action="attendee.walk_in",
                event_id=ts.event_id,
                entity="attendee",
                entity_id=person.id,
                detail={"session": ts.label},
            )
            attendee_id = person.id
        return self._context.check_in(
            CheckInRequest(
                session_id, AttendeeRef(attendee_id), CheckInMethod.WALK_IN, device=device
            )
        )

    def undo(self, checkin_id: int, reason: str = "") -> UndoResult:
        """Withdraw a check-in (a mistaken scan); the record stays, marked undone, and is audited."""
        now = self._clock.now()
        with self._workspace.session() as s:
            row = s.get(CheckIn, checkin_id)
            if row is None or row.undone_at is not None:
                raise InputRejected(
                    Msg(
                        en="That check-in no longer exists or was already undone.",
                        ja="その受付記録は存在しないか、既に取り消されています。",
                    )
                )
            row.undone_at = now
            row.undone_reason = reason.strip()[:500]
            person = s.get(Attendee, row.attendee_id)
            ts = s.get(TrainingSession, row.session_id)
            assert person is not None and ts is not None
            # The phone that recorded it is no longer this person's: its identity
            # cookie names nobody now, and it may check in the right person.
            s.execute(
                delete(PhoneBinding).where(
                    PhoneBinding.event_id == ts.event_id,
                    PhoneBinding.attendee_id == row.attendee_id,
                )
            )
            audit.record(
                s,
                at=now,
                action="checkin.undo",
                event_id=ts.event_id,
                entity="checkin",
                entity_id=row.id,
                detail={
                    "staff_no": person.staff_no,
                    "session": ts.label,
                    "reason": row.undone_reason,
                },
            )
            return UndoResult(row.id, person.name, ts.label)

    def export_rows(self, event_id: int) -> list[ExportRow]:
        """One row per attendee checked in (undone check-ins left out), by session then time."""
        with self._workspace.session() as s:
            rows = s.execute(
                select(
                    Attendee.staff_no,
                    Attendee.name,
                    Department.name,
                    TrainingSession.label,
                    CheckIn.checked_in_at,
                    CheckIn.method,
                )
                .join(Attendee, Attendee.id == CheckIn.attendee_id)
                .join(Department, Department.id == Attendee.department_id)
                .join(TrainingSession, TrainingSession.id == CheckIn.session_id)
                .where(Attendee.event_id == event_id, CheckIn.undone_at.is_(None))
                .order_by(TrainingSession.position, CheckIn.checked_in_at, CheckIn.id)
            ).all()
        return [ExportRow(a, b, c, d, e, _method(f)) for a, b, c, d, e, f in rows]


def _method(value: str) -> CheckInMethod:
    try:
        return CheckInMethod(value)
    except ValueError:
        return CheckInMethod.MANUAL


def _no_session(session_id: int) -> InputRejected:
    return InputRejected(
        Msg(
            en=f"There is no session with id {session_id}.",
            ja=f"ID {session_id} のセッションはありません。",
        )
    )
