"""Feedback results: per question, per session (AM vs PM) and per department; rows for exports.

For an anonymous survey, departments with fewer than `MIN_GROUP` responses
are pooled into one "other" group (department None), so a department of one
cannot be read off a chart or a comment.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text

from facilitator.db.models import Answer, Attendee, Department, Event, Response, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.feedback_summary import (
    MIN_GROUP,
    FeedbackResults,
    QuestionResult,
    SessionRef,
    SurveyInfo,
    TextAnswer,
)
from facilitator.domain.survey_rules import QuestionKind
from facilitator.errors import Msg, UnknownEvent
from facilitator.services.feedback.survey_read import load_survey


@dataclass(frozen=True)
class ResponseRow:
    """One response for the exports; `staff_no`/`name` stay empty for anonymous surveys."""

    session_label: str
    submitted_at: datetime
    method: str
    staff_no: str
    name: str
    department: str
    answers: dict[str, Any]


def _decode(raw: Any) -> Any:
    # The JSON column has NUMERIC affinity in SQLite: a stored rating comes back as int.
    return raw if isinstance(raw, int | float) else json.loads(raw)


def _no_survey(event_id: int) -> UnknownEvent:
    return UnknownEvent(
        Msg(
            en=f"Event {event_id} has no survey yet.",
            ja=f"研修 {event_id} にはまだアンケートがありません。",
        )
    )


class FeedbackResultsService:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    def results(self, event_id: int) -> FeedbackResults:
        """Everything the results view and the PDF summary show, in one read."""
        with self._workspace.session(readonly=True) as session:
            survey = load_survey(session, event_id)
            if survey is None:
                raise _no_survey(event_id)
            event_title = session.scalar(select(Event.title).where(Event.id == event_id)) or ""
            sessions = tuple(
                SessionRef(s.id, s.label)
                for s in session.scalars(
                    select(TrainingSession)
                    .where(TrainingSession.event_id == event_id)
                    .order_by(TrainingSession.position, TrainingSession.id)
                )
            )
            dept_rows = session.execute(
                select(Department.id, Department.name)
                .where(Department.event_id == event_id)
                .order_by(Department.position, Department.id)
            ).all()
            # Aggregated in SQLite and read as raw JSON text: with thousands of
            # responses, decoding every answer row through the ORM is what costs.
            groups = session.execute(
                text(
                    "SELECT session_id, department_id, COUNT(*) FROM responses"
                    " WHERE survey_id = :survey GROUP BY session_id, department_id"
                ),
                {"survey": survey.id},
            ).all()
            text_ids = [q.id for q in survey.questions if q.kind is QuestionKind.TEXT]
            answer_groups = session.execute(
                text(
                    "SELECT a.question_id, r.session_id, r.department_id, a.value, COUNT(*)"
                    " FROM answers a JOIN responses r ON r.id = a.response_id"
                    " WHERE r.survey_id = :survey AND a.question_id NOT IN"
                    " (SELECT value FROM json_each(:texts))"
                    " GROUP BY a.question_id, r.session_id, r.department_id, a.value"
                ),
                {"survey": survey.id, "texts": json.dumps(text_ids)},
            ).all()
            text_rows = session.execute(
                text(
                    # json_extract unquotes the stored JSON string in SQLite itself.
                    "SELECT a.question_id, r.session_id, r.department_id,"
                    " json_extract(a.value, '$')"
                    " FROM answers a JOIN responses r ON r.id = a.response_id"
                    " JOIN sessions s ON s.id = r.session_id"
                    " WHERE r.survey_id = :survey AND a.question_id IN"
                    " (SELECT value FROM json_each(:texts))"
                    " ORDER BY a.question_id, s.position, r.session_id"
                ),
                {"survey": survey.id, "texts": json.dumps(text_ids)},
            ).all()
        dept_names = {d.id: d.name for d in dept_rows}
        per_session: Counter[int] = Counter()
        per_dept: Counter[int | None] = Counter()
        for session_id, dept_id, n in groups:
            per_session[session_id] += n
            per_dept[dept_id] += n

        def group(dept_id: int | None) -> str | None:
            if dept_id is None or dept_id not in dept_names:
                return None
            if survey.anonymous and per_dept[dept_id] < MIN_GROUP:
                return None
            return dept_names[dept_id]

        grouped = {d: group(d) for d in per_dept}
        label = {s.id: s.label for s in sessions}
        by_qid = {q.id: q for q in survey.questions}
        counts: dict[int, dict[int, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        dept_counts: dict[int, dict[str | None, Counter[str]]] = defaultdict(
            lambda: defaultdict(Counter)
        )
        for question_id, session_id, dept_id, raw, n in answer_groups:
            if question_id not in by_qid:
                continue
            value = _decode(raw)
            dept = grouped.get(dept_id)
            for v in value if isinstance(value, list) else [value]:
                counts[question_id][session_id][str(v)] += n
                dept_counts[question_id][dept][str(v)] += n
        texts = [
            TextAnswer(by_qid[qid].key, label.get(sid, ""), grouped.get(dept_id), str(value))
            for qid, sid, dept_id, value in text_rows
            if qid in by_qid
        ]
        results = []
        for q in survey.questions:
            assert q.id is not None
            q_counts = {s.id: dict(counts[q.id][s.id]) for s in sessions}
            means: dict[int, float | None] = {}
            if q.kind is QuestionKind.RATING:
                for s in sessions:
                    c = q_counts[s.id]
                    n = sum(c.values())
                    means[s.id] = sum(int(v) * k for v, k in c.items()) / n if n else None
            results.append(
                QuestionResult(
                    q, q_counts, means, {d: dict(c) for d, c in dept_counts[q.id].items()}
                )
            )
        used = {group(dept_id) for _, dept_id, _ in groups}
        departments = tuple(name for name in (d.name for d in dept_rows) if name in used)
        if None in used:
            departments += (None,)
        return FeedbackResults(
            event_id=event_id,
            event_title=event_title,
            survey=survey,
            sessions=sessions,
            responses={s.id: per_session.get(s.id, 0) for s in sessions},
            departments=departments,
            questions=tuple(results),
            texts=tuple(texts),
        )

    def response_rows(self, event_id: int) -> tuple[SurveyInfo, list[ResponseRow]]:
        """Every response with its answers keyed by question key (for CSV/XLSX)."""
        with self._workspace.session(readonly=True) as session:
            survey = load_survey(session, event_id)
            if survey is None:
                raise _no_survey(event_id)
            key_of = {q.id: q.key for q in survey.questions}
            rows = session.execute(
                select(
                    Response.id,
                    TrainingSession.label,
                    Response.submitted_at,
                    Response.method,
                    Attendee.staff_no,
                    Attendee.name,
                    Department.name,
                )
                .join(TrainingSession, TrainingSession.id == Response.session_id)
                .outerjoin(Attendee, Attendee.id == Response.attendee_id)
                .outerjoin(Department, Department.id == Response.department_id)
                .where(Response.survey_id == survey.id)
                # Anonymous ids are random, so this order reveals nothing about who came first.
                .order_by(TrainingSession.position, Response.id)
            ).all()
            answers: dict[int, dict[str, Any]] = defaultdict(dict)
            for response_id, question_id, value in session.execute(
                select(Answer.response_id, Answer.question_id, Answer.value)
                .join(Response, Response.id == Answer.response_id)
                .where(Response.survey_id == survey.id)
            ):
                if question_id in key_of:
                    answers[response_id][key_of[question_id]] = value
        sizes = Counter(r[6] for r in rows)

        def department(name: str | None) -> str:
            # Same pooling as the charts: a department of one is not shown next to its answers.
            if not name or (survey.anonymous and sizes[name] < MIN_GROUP):
                return ""
            return name

        return survey, [
            ResponseRow(
                session_label=r[1],
                submitted_at=r[2],
                method=r[3],
                staff_no=r[4] or "",
                name=r[5] or "",
                department=department(r[6]),
                answers=answers.get(r[0], {}),
            )
            for r in rows
        ]
