"""A whole group of submissions decided at once gives what deciding them one by one gives."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from facilitator.db.models import Answer, AuditLog, Response, SubmissionMarker
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.survey_rules import FeedbackOutcome
from facilitator.services.feedback.group import decide_group
from facilitator.services.feedback.questions import QuestionCache
from facilitator.services.feedback.submission import Submission, decide
from facilitator.services.feedback.types import FeedbackMethod, Respondent
from tests.unit.feedback_helpers import (
    GOOD_ANSWERS,
    attendees_of,
    check_in,
    configure_survey,
    open_feedback,
    session_ids,
)


def _group(ws: Workspace, clock: FakeClock) -> list[Submission]:
    """Two first answers, a repeat inside the group, a stranger, someone not checked in,
    a bad answer sheet and a staff number typed with spaces."""
    open_feedback(ws, "AM")
    a, b, c, d = check_in(ws, clock, "AM", 4)
    am = session_ids(ws)["AM"]
    staff = dict(attendees_of(ws, "AM"))
    absent = next(aid for aid in staff if aid not in (a, b, c, d))
    phone = FeedbackMethod.PHONE
    return [
        Submission(am, Respondent(attendee_id=a), dict(GOOD_ANSWERS), phone),
        Submission(am, Respondent(staff_no=staff[b]), dict(GOOD_ANSWERS), phone),
        Submission(am, Respondent(attendee_id=a), {**GOOD_ANSWERS, "understanding": 1}, phone),
        Submission(am, Respondent(staff_no="nobody"), dict(GOOD_ANSWERS), phone),
        Submission(am, Respondent(attendee_id=absent), dict(GOOD_ANSWERS), phone),
        Submission(am, Respondent(attendee_id=c), {"understanding": 9}, phone),
        Submission(am, Respondent(staff_no=f" {staff[d]} "), dict(GOOD_ANSWERS), phone),
    ]


def _stored(ws: Workspace) -> dict[str, Any]:
    with ws.session() as s:
        responses = s.scalars(select(Response).order_by(Response.id)).all()
        return {
            "responses": [
                (r.attendee_id, r.session_id, r.method, r.submitted_at) for r in responses
            ],
            "answers": sorted(
                (a.response_id in {r.id for r in responses}, a.question_id, repr(a.value))
                for a in s.scalars(select(Answer))
            ),
            "markers": sorted(
                (m.attendee_id, m.response_id is not None, m.submitted_at)
                for m in s.scalars(select(SubmissionMarker))
            ),
            "audit": sorted(
                (a.action, repr(a.detail))
                for a in s.scalars(select(AuditLog).where(AuditLog.action.like("feedback.%")))
            ),
        }


@pytest.mark.parametrize("anonymous", [False, True])
def test_group_matches_one_by_one(
    demo_workspace: Workspace, clock: FakeClock, anonymous: bool
) -> None:
    configure_survey(demo_workspace, anonymous=anonymous)
    requests = _group(demo_workspace, clock)
    clock.advance(5 * 3600 + 12.345)  # mid-morning: an anonymous answer keeps only the day
    now = clock.now()
    # One by one first (committed): the reference for outcomes and for what is stored.
    with demo_workspace.engine.connect() as conn, conn.begin():
        singles = [decide(conn, req, now) for req in requests]
    reference = _stored(demo_workspace)
    with demo_workspace.engine.connect() as conn, conn.begin() as tx:
        conn.exec_driver_sql("DELETE FROM answers")
        conn.exec_driver_sql("DELETE FROM submission_markers")
        conn.exec_driver_sql("DELETE FROM responses")
        conn.exec_driver_sql("DELETE FROM audit_log WHERE action LIKE 'feedback.%'")
        tx.commit()

    with demo_workspace.engine.connect() as conn, conn.begin():
        grouped = decide_group(conn, requests, now, QuestionCache())

    assert [r.outcome for r in grouped] == [r.outcome for r in singles]
    assert [r.outcome for r in grouped] == [
        FeedbackOutcome.RECORDED,
        FeedbackOutcome.RECORDED,
        FeedbackOutcome.ALREADY_SUBMITTED if anonymous else FeedbackOutcome.REPLACED,
        FeedbackOutcome.NOT_CHECKED_IN,
        FeedbackOutcome.NOT_CHECKED_IN,
        FeedbackOutcome.INVALID_ANSWERS,
        FeedbackOutcome.RECORDED,
    ]
    assert grouped[5].errors == singles[5].errors
    assert _stored(demo_workspace) == reference
