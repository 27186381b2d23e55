"""Deciding and writing one submission inside the writer's transaction (SQLAlchemy Core).

Runs on the feedback writer thread for every phone, kiosk and paper
submission. Core statements, few of them (session + survey, questions,
attendee + check-in + marker, then the inserts), because a room of phones
answering at once must cost the laptop little; the ORM's bookkeeping per
row was most of the cost.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    Connection,
    Table,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    select,
    update,
)

from facilitator.db.models import (
    Answer,
    Attendee,
    AuditLog,
    CheckIn,
    Event,
    PhoneBinding,
    Question,
    Response,
    SubmissionMarker,
    Survey,
    TrainingSession,
)
from facilitator.domain.devices import AnswerRight, Binding, Phone, answer_right, shares_address
from facilitator.domain.feedback_summary import MIN_GROUP
from facilitator.domain.roster_rules import normalise_staff_no as normalize_staff_no
from facilitator.domain.survey_rules import (
    FeedbackOutcome,
)
from facilitator.errors import InputRejected, Msg
from facilitator.services.audit import current_actor
from facilitator.services.feedback.questions import QuestionCache
from facilitator.services.feedback.types import FeedbackMethod, Respondent, SubmitResult

S = cast(Table, TrainingSession.__table__)
SV = cast(Table, Survey.__table__)
Q = cast(Table, Question.__table__)
A = cast(Table, Attendee.__table__)
C = cast(Table, CheckIn.__table__)
M = cast(Table, SubmissionMarker.__table__)
R = cast(Table, Response.__table__)
AN = cast(Table, Answer.__table__)
LOG = cast(Table, AuditLog.__table__)
PB = cast(Table, PhoneBinding.__table__)
E = cast(Table, Event.__table__)

_ANON_ID_LOW = 2**40
_ANON_ID_HIGH = 2**52  # below 2**53: safe for any JSON reader


@dataclass(frozen=True)
class Submission:
    session_id: int
    respondent: Respondent
    answers: dict[str, Any]
    method: FeedbackMethod
    # The phone that sent it (None: kiosk, paper): the device rule applies to a
    # phone that names its attendee by staff number.
    phone: Phone | None = None

    @property
    def needs_device_rule(self) -> bool:
        return (
            self.phone is not None and not self.phone.exempt and self.respondent.attendee_id is None
        )

    @property
    def replaced_by(self) -> str:
        """How a replaced answer records who replaced it: the phone, or the staff channel."""
        return self.phone.record() if self.phone is not None else self.method.value


def anon_id() -> int:
    return _ANON_ID_LOW + secrets.randbelow(_ANON_ID_HIGH - _ANON_ID_LOW)


def day_only(at: datetime) -> datetime:
    # Local midnight, so the day shown in exports is the venue's day.
    return at.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)


# Built once: constructing statements costs more than running them here.
_HEAD = (
    select(S.c.id, S.c.event_id, S.c.feedback_open, SV.c.id, SV.c.anonymous, SV.c.allow_resubmit)
    .outerjoin(SV, SV.c.event_id == S.c.event_id)
    .where(S.c.id == bindparam("session_id"))
)


def _person(match: Any) -> Any:
    checked_in = exists().where(
        C.c.attendee_id == A.c.id,
        C.c.session_id == bindparam("session_id"),
        C.c.undone_at.is_(None),
    )
    return (
        select(A.c.id, A.c.department_id, checked_in, M.c.id, M.c.response_id)
        .outerjoin(M, and_(M.c.attendee_id == A.c.id, M.c.survey_id == bindparam("survey_id")))
        .where(A.c.event_id == bindparam("event_id"), match)
    )


def _people(match: Any) -> Any:
    """`_person` for a whole group (named columns; `keys` expands to the group's keys)."""
    checked_in = exists().where(
        C.c.attendee_id == A.c.id,
        C.c.session_id == bindparam("session_id"),
        C.c.undone_at.is_(None),
    )
    return (
        select(
            A.c.id,
            A.c.staff_no,
            A.c.department_id,
            checked_in.label("checked_in"),
            M.c.id.label("marker_id"),
            M.c.response_id,
        )
        .outerjoin(M, and_(M.c.attendee_id == A.c.id, M.c.survey_id == bindparam("survey_id")))
        .where(A.c.event_id == bindparam("event_id"), match)
    )


PEOPLE = {
    "id": _people(A.c.id.in_(bindparam("keys", expanding=True))),
    "staff": _people(A.c.staff_no.in_(bindparam("keys", expanding=True))),
}
_PERSON_BY_ID = _person(A.c.id == bindparam("who"))
_PERSON_BY_STAFF_NO = _person(A.c.staff_no == bindparam("who"))
_DELETE_ANSWERS = delete(AN).where(AN.c.response_id == bindparam("rid"))
_UPDATE_RESPONSE = (
    update(R)
    .where(R.c.id == bindparam("rid"))
    .values(
        session_id=bindparam("sid"),
        submitted_at=bindparam("at"),
        method=bindparam("how"),
        replaced_by_device=bindparam("device"),
    )
)
_UPDATE_MARKER = (
    update(M)
    .where(M.c.id == bindparam("mid"))
    .values(session_id=bindparam("sid"), submitted_at=bindparam("at"))
)
_INSERT_RESPONSE, _INSERT_MARKER = insert(R), insert(M)
_INSERT_ANSWERS, _INSERT_LOG = insert(AN), insert(LOG)


_CHECKED_IN_BY_DEPARTMENT = (
    select(A.c.department_id, func.count())
    .select_from(C.join(A, A.c.id == C.c.attendee_id))
    .where(C.c.session_id == bindparam("session_id"), C.c.undone_at.is_(None))
    .group_by(A.c.department_id)
)


def checked_in_by_department(conn: Connection, session_id: int) -> dict[int, int]:
    """How many of the session's attendees are checked in, per department."""
    return {
        department: count
        for department, count in conn.execute(
            _CHECKED_IN_BY_DEPARTMENT, {"session_id": session_id}
        ).all()
    }


def anonymous_department(department_id: int | None, checked_in: dict[int, int]) -> int | None:
    """The department an anonymous response may keep.

    Only one that at least `MIN_GROUP` of the session's checked-in attendees
    share, and only while those in smaller departments (whose answers keep
    none, and so form one pooled group) are none or at least `MIN_GROUP` too:
    otherwise a department, or the missing one, would point at one or two
    people even in the raw file.
    """
    if department_id is None or checked_in.get(department_id, 0) < MIN_GROUP:
        return None
    pooled = sum(n for n in checked_in.values() if n < MIN_GROUP)
    if 0 < pooled < MIN_GROUP:
        return None
    return department_id


def _answer_right(
    conn: Connection, req: Submission, event_id: int, attendee_id: int
) -> AnswerRight:
    """The device rule for a phone naming its attendee by staff number."""
    phone = req.phone
    assert phone is not None
    shared = shares_address(conn.scalar(select(E.c.settings).where(E.c.id == event_id)))
    match = PB.c.attendee_id == attendee_id
    if phone.cookie:
        match = match | (PB.c.device == phone.cookie)
    if not shared:
        match = match | (PB.c.address == phone.address)
    rows = conn.execute(
        select(PB.c.attendee_id, PB.c.device, PB.c.address).where(PB.c.event_id == event_id, match)
    ).all()
    bindings = [Binding(r.attendee_id, r.device, r.address) for r in rows]
    return answer_right(phone, attendee_id, bindings, shared_address=shared)


def _claim(
    conn: Connection, req: Submission, event_id: int, attendee_id: int, now: datetime
) -> None:
    phone = req.phone
    assert phone is not None
    conn.execute(
        insert(PB)
        .prefix_with("OR IGNORE")
        .values(
            event_id=event_id,
            attendee_id=attendee_id,
            device=phone.cookie[:64],
            address=phone.address[:64],
            bound_at=now,
            via="claim",
        )
    )


def decide(
    conn: Connection, req: Submission, now: datetime, cache: QuestionCache | None = None
) -> SubmitResult:
    """The outcome of one submission; writes it when it is recorded or replaced."""
    head = conn.execute(_HEAD, {"session_id": req.session_id}).first()
    if head is None:
        raise InputRejected(
            Msg(
                en=f"There is no session with id {req.session_id}.",
                ja=f"ID {req.session_id} のセッションはありません。",
            )
        )
    session_id, event_id, is_open, survey_id, anonymous, allow_resubmit = head
    if survey_id is None or (not is_open and req.method is not FeedbackMethod.PAPER):
        return SubmitResult(FeedbackOutcome.SURVEY_CLOSED)
    who = req.respondent
    key: int | str
    if who.attendee_id is not None:
        statement, key = _PERSON_BY_ID, who.attendee_id
    elif who.staff_no:
        statement, key = _PERSON_BY_STAFF_NO, normalize_staff_no(who.staff_no)
    else:
        return SubmitResult(FeedbackOutcome.NOT_CHECKED_IN)
    person = conn.execute(
        statement,
        {"who": key, "session_id": session_id, "survey_id": survey_id, "event_id": event_id},
    ).first()
    if person is None or not person[2]:
        return SubmitResult(FeedbackOutcome.NOT_CHECKED_IN)
    attendee_id, department_id, _, marker_id, old_response = person
    right = (
        _answer_right(conn, req, event_id, attendee_id)
        if req.needs_device_rule
        else AnswerRight.ANSWER
    )
    if right is AnswerRight.REFUSED:
        return SubmitResult(FeedbackOutcome.DEVICE_USED)
    if marker_id is not None and (anonymous or not allow_resubmit):
        return SubmitResult(FeedbackOutcome.ALREADY_SUBMITTED)
    cache = cache or QuestionCache()
    questions = cache.get(conn, survey_id)
    check = cache.check(conn, survey_id)(req.answers)
    if not check.ok:
        return SubmitResult(FeedbackOutcome.INVALID_ANSWERS, check.errors)
    if right is AnswerRight.CLAIM:
        _claim(conn, req, event_id, attendee_id, now)
    if marker_id is not None and old_response is not None:
        response_id = old_response
        conn.execute(_DELETE_ANSWERS, {"rid": response_id})
        step = {"sid": session_id, "at": now, "how": req.method.value, "device": req.replaced_by}
        conn.execute(_UPDATE_RESPONSE, {"rid": response_id, **step})
        conn.execute(_UPDATE_MARKER, {"mid": marker_id, "sid": session_id, "at": now})
        outcome = FeedbackOutcome.REPLACED
    else:
        values: dict[str, Any] = {
            "survey_id": survey_id,
            "session_id": session_id,
            "attendee_id": None if anonymous else attendee_id,
            "department_id": (
                anonymous_department(department_id, checked_in_by_department(conn, session_id))
                if anonymous
                else department_id
            ),
            "submitted_at": day_only(now) if anonymous else now,
            "method": req.method.value,
        }
        if anonymous:
            values["id"] = anon_id()
        inserted = conn.execute(_INSERT_RESPONSE, values).inserted_primary_key
        assert inserted is not None
        response_id = inserted[0]
        conn.execute(
            _INSERT_MARKER,
            {
                "survey_id": survey_id,
                "attendee_id": attendee_id,
                "session_id": session_id,
                "response_id": None if anonymous else response_id,
                "submitted_at": now,
            },
        )
        outcome = FeedbackOutcome.RECORDED
    ids = {q.key: q.id for q in questions}
    rows = [
        {"response_id": response_id, "question_id": ids[key], "value": value}
        | ({"id": anon_id()} if anonymous else {})
        for key, value in check.answers.items()
    ]
    if rows:
        conn.execute(_INSERT_ANSWERS, rows)
    if not anonymous:
        conn.execute(
            _INSERT_LOG,
            {
                "at": now,
                "event_id": event_id,
                "actor": current_actor(),
                "action": f"feedback.{outcome.value}",
                "entity": "response",
                "entity_id": response_id,
                "detail": {"attendee_id": attendee_id, "method": req.method.value}
                | ({"device": req.replaced_by} if outcome is FeedbackOutcome.REPLACED else {}),
            },
        )
    return SubmitResult(outcome)
