"""The facts of the per-person papers: 受講報告書 drafts and the 所属長 digests."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.db.models import Answer, Attendee, Department, Response
from facilitator.db.workspace import Workspace
from facilitator.domain.agenda_report import AgendaReport
from facilitator.domain.feedback_summary import MIN_GROUP, SurveyInfo
from facilitator.domain.report_facts import (
    ACTION_KEY,
    AttendeeDraft,
    AverageRow,
    DeliveredItem,
    DepartmentDigest,
    DigestBatch,
    DigestPerson,
    DraftBatch,
)
from facilitator.domain.survey_rules import QuestionKind
from facilitator.services.agenda.report import AgendaReportService
from facilitator.services.event_rows import load_event
from facilitator.services.feedback.survey_read import load_survey
from facilitator.services.reports.facts import active_checkins, event_facts


class PeopleReportsService:
    def __init__(self, workspace: Workspace, agenda_reports: AgendaReportService) -> None:
        self._workspace = workspace
        self._agenda_reports = agenda_reports

    def drafts(self, event_id: int) -> DraftBatch:
        """One draft per attendee who checked in, by department then kana."""
        agenda = self._agenda_reports.report(event_id)
        with self._workspace.session(readonly=True) as session:
            event = load_event(session, event_id)
            facts = event_facts(event)
            survey = load_survey(session, event_id)
            checkins = active_checkins(session, event_id)
            people = session.execute(
                select(Attendee, Department)
                .join(Department, Department.id == Attendee.department_id)
                .where(Attendee.event_id == event_id, Attendee.id.in_(list(checkins)))
            ).all()
            answers = (
                _named_answers(session, survey)
                if survey is not None and not survey.anonymous
                else {}
            )
        sessions = {s.id: s for s in facts.sessions}
        delivered = {s.id: _delivered(agenda, i) for i, s in enumerate(facts.sessions)}
        drafts = [
            AttendeeDraft(
                attendee_id=a.id,
                staff_no=a.staff_no,
                name=a.name,
                kana=a.kana,
                department=d.name,
                department_kana=d.kana,
                title=a.title,
                role=a.role,
                session=sessions[checkins[a.id].session_id],
                checked_in_at=checkins[a.id].at,
                agenda=delivered[checkins[a.id].session_id],
                answers=answers.get(a.id, {}),
            )
            for a, d in people
        ]
        drafts.sort(key=lambda r: (r.department_kana or r.department, r.department, r.kana, r.name))
        return DraftBatch(facts, survey, tuple(drafts))

    def digests(self, event_id: int) -> DigestBatch:
        """One digest per department that had anyone on the roster, in roster order."""
        with self._workspace.session(readonly=True) as session:
            event = load_event(session, event_id)
            facts = event_facts(event)
            survey = load_survey(session, event_id)
            checkins = active_checkins(session, event_id)
            labels = {s.id: s.label for s in facts.sessions}
            rows = session.execute(
                select(Attendee, Department)
                .join(Department, Department.id == Attendee.department_id)
                .where(Attendee.event_id == event_id)
                .order_by(Department.position, Department.id, Attendee.kana, Attendee.id)
            ).all()
            named = survey is not None and not survey.anonymous
            answers = _named_answers(session, survey) if named and survey is not None else {}
            ratings = _rating_means(session, survey) if survey is not None else ({}, {}, {})
        event_means, department_means, answered = ratings
        people: dict[int, list[DigestPerson]] = defaultdict(list)
        departments: dict[int, Department] = {}
        for a, d in rows:
            departments[d.id] = d
            came = checkins.get(a.id)
            pledge = str(answers.get(a.id, {}).get(ACTION_KEY, "") or "").strip()
            people[d.id].append(
                DigestPerson(
                    name=a.name,
                    kana=a.kana,
                    title=a.title,
                    assigned=labels.get(a.assigned_session_id or 0, ""),
                    attended_at=came.at if came else None,
                    attended_session=labels.get(came.session_id, "") if came else "",
                    rebooked_from=came.moved_from if came else "",
                    walk_in=a.walk_in,
                    pledge=pledge,
                )
            )
        digests = []
        for department_id, members in people.items():
            d = departments[department_id]
            n = answered.get(department_id, 0)
            averages: tuple[AverageRow, ...] = ()
            if n >= MIN_GROUP and survey is not None:
                averages = tuple(
                    AverageRow(q.key, department_means[department_id][q.key], event_means[q.key])
                    for q in survey.questions
                    if q.key in department_means.get(department_id, {}) and q.key in event_means
                )
            digests.append(
                DepartmentDigest(d.name, d.kana, d.position, tuple(members), n, averages)
            )
        return DigestBatch(
            facts, bool(survey and survey.anonymous), survey is not None, tuple(digests)
        )


def _named_answers(session: Session, survey: SurveyInfo) -> dict[int, dict[str, Any]]:
    """Attendee id -> question key -> stored value (a named survey's answers)."""
    keys = {q.id: q.key for q in survey.questions}
    result: dict[int, dict[str, Any]] = defaultdict(dict)
    for attendee_id, question_id, raw in session.execute(
        select(Response.attendee_id, Answer.question_id, Answer.value)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.survey_id == survey.id, Response.attendee_id.is_not(None))
        .order_by(Response.id)
    ):
        if question_id in keys:
            result[attendee_id][keys[question_id]] = raw
    return result


def _rating_means(
    session: Session, survey: SurveyInfo
) -> tuple[dict[str, float], dict[int, dict[str, float]], dict[int, int]]:
    """(event mean per rating key, department -> key -> mean, department -> responses).

    A named response counts for its attendee's department as the roster has it now; an
    anonymous one for the department it stored (kept only for groups of MIN_GROUP or more)."""
    department = func.coalesce(Attendee.department_id, Response.department_id)
    answered = dict(
        session.execute(
            select(department, func.count(Response.id))
            .outerjoin(Attendee, Attendee.id == Response.attendee_id)
            .where(Response.survey_id == survey.id)
            .group_by(department)
        ).all()
    )
    ratings = {q.id: q.key for q in survey.questions if q.kind is QuestionKind.RATING}
    sums: dict[Any, dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
    for dept, question_id, raw, n in session.execute(
        select(department, Answer.question_id, Answer.value, func.count())
        .select_from(Answer)
        .join(Response, Response.id == Answer.response_id)
        .outerjoin(Attendee, Attendee.id == Response.attendee_id)
        .where(Response.survey_id == survey.id, Answer.question_id.in_(list(ratings)))
        .group_by(department, Answer.question_id, Answer.value)
    ):
        value = float(raw)
        for group in (dept, "event"):
            total = sums[group][ratings[question_id]]
            total[0] += value * n
            total[1] += n
    means = {
        group: {key: s / n for key, (s, n) in by_key.items() if n} for group, by_key in sums.items()
    }
    event = means.pop("event", {})
    return (
        event,
        {k: v for k, v in means.items() if k is not None},
        {k: int(v) for k, v in answered.items() if k is not None},
    )


def _delivered(agenda: AgendaReport, column: int) -> tuple[DeliveredItem, ...]:
    """A session's agenda as it ran: the items presented, with their recorded minutes; when
    nothing was recorded for the session, the plan (each item marked as not timed)."""
    recorded = [r for r in agenda.rows if r.actuals[column].actual_seconds is not None]
    rows = recorded or list(agenda.rows)
    items = []
    for r in rows:
        seconds = r.actuals[column].actual_seconds
        minutes = None if seconds is None else seconds / 60
        items.append(DeliveredItem(r.title, r.actuals[column].planned_minutes, minutes))
    return tuple(items)
