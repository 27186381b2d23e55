"""The facts of the event report (研修実施報告書), gathered in one read.

Attendance, certificates, the difficulty balance and the comments are read here in
one unit of work; the agenda's planned vs actual and the survey's results come from
their own services, so the report shows exactly what those areas show.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.db.models import (
    Answer,
    Attendee,
    CheckIn,
    Department,
    Event,
    Response,
    TrainingSession,
)
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.comment_privacy import NameDetector, RosterName
from facilitator.domain.feedback_summary import MIN_GROUP, SurveyInfo
from facilitator.domain.report_facts import (
    DIFFICULTY_KEY,
    EASY_VALUES,
    HARD_VALUES,
    OTHER_GROUP,
    AttendanceRow,
    CertificateCounts,
    Comment,
    DifficultyRow,
    EventFacts,
    EventReportFacts,
    SessionFacts,
)
from facilitator.domain.survey_rules import QuestionKind
from facilitator.domain.wareki import format_wareki
from facilitator.services.agenda.report import AgendaReportService
from facilitator.services.certificates.eligibility import eligibility_rows
from facilitator.services.event_rows import load_event
from facilitator.services.feedback.results import FeedbackResultsService
from facilitator.services.feedback.survey_read import load_survey

# The desk writes this note on a check-in it admitted to another session than assigned.
MOVED_NOTE = "admitted from "


@dataclass(frozen=True)
class ActiveCheckIn:
    session_id: int
    at: Any
    method: str
    moved_from: str  # "" unless admitted here from another session


def event_facts(event: Event) -> EventFacts:
    sessions = tuple(
        SessionFacts(s.id, s.label, s.date, s.start, s.end, s.room)
        for s in sorted(event.sessions, key=lambda s: (s.position, s.id))
    )
    try:
        wareki = format_wareki(event.date)
    except ValueError:
        wareki = event.date.isoformat()
    return EventFacts(
        event.id,
        event.title,
        event.date,
        wareki,
        event.venue,
        event.issuer,
        event.signatory,
        event.hours,
        sessions,
    )


def active_checkins(session: Session, event_id: int) -> dict[int, ActiveCheckIn]:
    """Attendee id -> their check-in that was not undone."""
    rows = session.execute(
        select(
            CheckIn.attendee_id,
            CheckIn.session_id,
            CheckIn.checked_in_at,
            CheckIn.method,
            CheckIn.note,
        )
        .join(TrainingSession, TrainingSession.id == CheckIn.session_id)
        .where(TrainingSession.event_id == event_id, CheckIn.undone_at.is_(None))
    ).all()
    return {
        a: ActiveCheckIn(s, at, m, note[len(MOVED_NOTE) :] if note.startswith(MOVED_NOTE) else "")
        for a, s, at, m, note in rows
    }


class ReportFactsService:
    def __init__(
        self,
        workspace: Workspace,
        clock: Clock,
        agenda_reports: AgendaReportService,
        results: FeedbackResultsService,
    ) -> None:
        self._workspace = workspace
        self._clock = clock
        self._agenda_reports = agenda_reports
        self._results = results

    def comments(self, event_id: int) -> tuple[Comment, ...]:
        """Every text answer, each marked when it could name a person (the trainer ticks
        which go into the report; by default the unmarked ones)."""
        with self._workspace.session(readonly=True) as session:
            load_event(session, event_id)
            survey = load_survey(session, event_id)
            return () if survey is None else _comments(session, event_id, survey)

    def rating_labels(self, event_id: int, lang: str) -> dict[str, str]:
        """Rating question key -> its label in `lang` (the digests' averages)."""
        with self._workspace.session(readonly=True) as session:
            survey = load_survey(session, event_id)
        if survey is None:
            return {}
        return {q.key: q.label(lang) for q in survey.questions if q.kind is QuestionKind.RATING}

    def event_report(
        self, event_id: int, comment_ids: Collection[int] | None = None
    ) -> EventReportFacts:
        """Everything the event report shows; `comment_ids` chooses the comments (None:
        every comment that could not name a person)."""
        agenda = self._agenda_reports.report(event_id)
        with self._workspace.session(readonly=True) as session:
            event = load_event(session, event_id)
            facts = event_facts(event)
            survey = load_survey(session, event_id)
            attendance = _attendance(session, event_id, facts)
            certificates = _certificates(session, event)
            difficulty: tuple[DifficultyRow, ...] = ()
            roles_shown = False
            comments: tuple[Comment, ...] = ()
            if survey is not None:
                difficulty, roles_shown = _difficulty(session, survey, facts)
                every = _comments(session, event_id, survey)
                comments = tuple(
                    c
                    for c in every
                    if (c.id in comment_ids if comment_ids is not None else not c.names_person)
                )
        results = self._results.results(event_id) if survey is not None else None
        return EventReportFacts(
            facts,
            agenda,
            attendance,
            certificates,
            results,
            difficulty,
            roles_shown,
            comments,
            self._clock.now(),
        )


def _attendance(session: Session, event_id: int, facts: EventFacts) -> tuple[AttendanceRow, ...]:
    checkins = active_checkins(session, event_id)
    people = session.execute(
        select(Attendee.id, Attendee.assigned_session_id, Attendee.walk_in, Department.name)
        .join(Department, Department.id == Attendee.department_id)
        .where(Attendee.event_id == event_id)
        .order_by(Department.position, Department.id)
    ).all()
    counts: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)
    order: dict[int, list[str]] = defaultdict(list)
    for attendee_id, assigned, walk_in, department in people:
        came = checkins.get(attendee_id)
        sid = assigned if assigned is not None else came.session_id if came else None
        if sid is None:
            continue
        if department not in order[sid]:
            order[sid].append(department)
        for key in ((sid, ""), (sid, department)):
            c = counts[key]
            c["assigned"] += 1
            if came is not None:
                c["attended"] += 1
                c["walk_in"] += walk_in
                c["rebooked"] += bool(came.moved_from)
            else:
                c["absent"] += 1
    rows = []
    for s in facts.sessions:
        for department in ["", *order[s.id]]:
            c = counts[(s.id, department)]
            rows.append(
                AttendanceRow(
                    s.label,
                    department,
                    c["assigned"],
                    c["attended"],
                    c["absent"],
                    c["walk_in"],
                    c["rebooked"],
                )
            )
    return tuple(rows)


def _certificates(session: Session, event: Event) -> CertificateCounts:
    rows = [row for row, _, _ in eligibility_rows(session, event)]
    return CertificateCounts(
        issued=sum(1 for r in rows if r.number is not None and not r.revoked),
        revoked=sum(1 for r in rows if r.revoked),
        eligible_unnumbered=sum(1 for r in rows if r.eligible and r.number is None),
    )


def _difficulty(
    session: Session, survey: SurveyInfo, facts: EventFacts
) -> tuple[tuple[DifficultyRow, ...], bool]:
    question = survey.question(DIFFICULTY_KEY)
    if question is None or question.id is None or question.kind is not QuestionKind.SINGLE_CHOICE:
        return (), False
    rows = session.execute(
        select(Response.session_id, Attendee.role, Answer.value)
        .join(Response, Response.id == Answer.response_id)
        .outerjoin(Attendee, Attendee.id == Response.attendee_id)
        .where(Answer.question_id == question.id)
    ).all()
    per_session: dict[int, Counter[str]] = defaultdict(Counter)
    per_role: dict[tuple[int, str], Counter[str]] = defaultdict(Counter)
    for session_id, role, raw in rows:
        value = str(raw)
        per_session[session_id][value] += 1
        if role:
            per_role[(session_id, role)][value] += 1
    # Roles only for a named survey (an anonymous one never links an answer to a person).
    roles_shown = not survey.anonymous and bool(per_role)
    result = []
    for s in facts.sessions:
        result.append(_difficulty_row(s.label, "", per_session[s.id]))
        if not roles_shown:
            continue
        pooled: Counter[str] = Counter()
        for (sid, role), counts in sorted(per_role.items()):
            if sid != s.id:
                continue
            if sum(counts.values()) >= MIN_GROUP:
                result.append(_difficulty_row(s.label, role, counts))
            else:
                pooled.update(counts)
        if pooled:
            result.append(_difficulty_row(s.label, OTHER_GROUP, pooled))
    return tuple(result), roles_shown


def _difficulty_row(session: str, group: str, counts: Counter[str]) -> DifficultyRow:
    easy = sum(counts[v] for v in EASY_VALUES)
    hard = sum(counts[v] for v in HARD_VALUES)
    total = sum(counts.values())
    return DifficultyRow(session, group, total, easy, total - easy - hard, hard)


def _comments(session: Session, event_id: int, survey: SurveyInfo) -> tuple[Comment, ...]:
    texts = {q.id: q for q in survey.questions if q.kind is QuestionKind.TEXT}
    if not texts:
        return ()
    roster = session.execute(
        select(Attendee.name, Attendee.kana, Attendee.staff_no).where(Attendee.event_id == event_id)
    ).all()
    detector = NameDetector(RosterName(n, k, s) for n, k, s in roster)
    rows = session.execute(
        select(
            Answer.id,
            Answer.question_id,
            Answer.value,
            TrainingSession.label,
            Response.department_id,
        )
        .join(Response, Response.id == Answer.response_id)
        .join(TrainingSession, TrainingSession.id == Response.session_id)
        .where(Response.survey_id == survey.id, Answer.question_id.in_(list(texts)))
        .order_by(TrainingSession.position, Answer.question_id, Answer.id)
    ).all()
    departments = dict(
        session.execute(
            select(Department.id, Department.name).where(Department.event_id == event_id)
        ).all()
    )
    sizes = Counter(
        session.scalars(select(Response.department_id).where(Response.survey_id == survey.id))
    )
    comments = []
    for answer_id, question_id, raw, label, department_id in rows:
        text = str(raw).strip()
        if not text:
            continue
        department = departments.get(department_id)
        if survey.anonymous and sizes[department_id] < MIN_GROUP:
            department = None  # the same pooling as the results: a group of one is not shown
        found = detector.find(text)
        q = texts[question_id]
        comments.append(
            Comment(
                answer_id,
                q.key,
                q.label_ja,
                q.label_en,
                label,
                department,
                text,
                bool(found),
                tuple(dict.fromkeys(f.text for f in found)),
            )
        )
    return tuple(comments)
