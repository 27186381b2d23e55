"""Shared set-up for the feedback tests: check people in, open a survey, good answers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from facilitator.db.models import Attendee, CheckIn, Survey, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock

GOOD_ANSWERS: dict[str, Any] = {
    "understanding": 4,
    "usefulness": 5,
    "difficulty": "just_right",
    "motivation": 3,
    "action": "RPAで定型業務を減らす",
    "comments": "<b>ありがとう</b>",
}


def session_ids(ws: Workspace) -> dict[str, int]:
    with ws.session() as s:
        return {r.label: r.id for r in s.scalars(select(TrainingSession))}


def session_codes(ws: Workspace) -> dict[str, str]:
    with ws.session() as s:
        return {r.label: r.code for r in s.scalars(select(TrainingSession))}


def attendees_of(ws: Workspace, label: str) -> list[tuple[int, str]]:
    """(id, staff_no) of the attendees assigned to a session, in id order."""
    with ws.session() as s:
        sid = s.scalar(select(TrainingSession.id).where(TrainingSession.label == label))
        rows = s.execute(
            select(Attendee.id, Attendee.staff_no)
            .where(Attendee.assigned_session_id == sid)
            .order_by(Attendee.id)
        ).all()
    return [(r[0], r[1]) for r in rows]


def check_in(ws: Workspace, clock: Clock, label: str, count: int | None = None) -> list[int]:
    """Check in the first `count` attendees of a session (all when None); their ids."""
    people = attendees_of(ws, label)[:count]
    sid = session_ids(ws)[label]
    with ws.session() as s:
        for aid, _ in people:
            s.add(
                CheckIn(attendee_id=aid, session_id=sid, checked_in_at=clock.now(), method="manual")
            )
    return [aid for aid, _ in people]


def open_feedback(ws: Workspace, *labels: str) -> None:
    with ws.session() as s:
        for row in s.scalars(select(TrainingSession)):
            if row.label in labels:
                row.feedback_open = True


def configure_survey(ws: Workspace, *, anonymous: bool, allow_resubmit: bool = True) -> None:
    with ws.session() as s:
        survey = s.scalars(select(Survey)).one()
        survey.anonymous = anonymous
        survey.allow_resubmit = allow_resubmit
