"""Capturing feedback: the one `submit` every channel (phone, kiosk, paper) goes through.

Anonymous surveys keep "who has answered" (SubmissionMarker) apart from "what
was answered" (Response + Answers) and leave nothing that joins the two:
- the marker has no response id and the response no attendee id;
- anonymous responses and their answers get random row ids, so the order of
  rows (and of SQLite's b-tree) says nothing about the order of submission;
- an anonymous response's `submitted_at` is kept to the day only, so it
  cannot be matched against the marker's exact time;
- no audit record names the attendee of an anonymous submission.
An anonymous answer can therefore never be replaced: a second submission is
`already_submitted` whatever the survey's resubmission setting says.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from facilitator.db.models import (
    Attendee,
    CheckIn,
    Event,
    SubmissionMarker,
    TrainingSession,
)
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.devices import Phone
from facilitator.domain.feedback_access import token_outcome
from facilitator.domain.phone_links import FEEDBACK_PURPOSE, base_url, feedback_url
from facilitator.domain.roster_rules import normalise_staff_no as normalize_staff_no
from facilitator.domain.survey_rules import FeedbackOutcome
from facilitator.domain.tokens import DEFAULT_WINDOW_SECONDS, RotatingTokens, TokenCheck
from facilitator.errors import InputRejected, Msg
from facilitator.services import audit
from facilitator.services.feedback.group import decide_group
from facilitator.services.feedback.questions import QuestionCache
from facilitator.services.feedback.submission import Submission
from facilitator.services.feedback.survey_read import load_survey
from facilitator.services.feedback.survey_setup import give_survey, has_survey
from facilitator.services.feedback.types import (
    FeedbackMethod,
    FeedbackSwitch,
    PhoneTarget,
    Respondent,
    SessionCount,
    SessionSurvey,
    SubmitResult,
)
from facilitator.services.group_commit import GroupCommitWriter

# A phone keeps the token it scanned while its owner writes; answering takes minutes,
# so a genuine token stays good for submitting this long after it rotated away.
SUBMIT_GRACE_SECONDS = 30 * 60
TARGET_CACHE_SECONDS = 1.0
TARGET_CACHE_SIZE = 1000


def _feedback_tokens(secret: str, settings: dict[str, Any] | None, code: str) -> RotatingTokens:
    # The window is the event's setting, as the agenda's feedback slide reads it.
    window = int((settings or {}).get("token_window_seconds", DEFAULT_WINDOW_SECONDS))
    return RotatingTokens(secret, FEEDBACK_PURPOSE, code, window)


class FeedbackService:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock
        self._questions = QuestionCache()  # used on the writer thread only
        self._targets: dict[str, tuple[float, PhoneTarget | None]] = {}
        self._writer: GroupCommitWriter[Submission, SubmitResult] = GroupCommitWriter(
            workspace.engine, None, "feedback-writer", process_group=self._process_group
        )

    @property
    def clock(self) -> Clock:
        return self._clock

    # -- reading -------------------------------------------------------------------------
    def survey_for_code(self, session_code: str) -> SessionSurvey | None:
        """The survey behind a phone URL's session code, or None if no session has it."""
        with self._workspace.session(readonly=True) as session:
            row = session.scalar(
                select(TrainingSession).where(TrainingSession.code == session_code)
            )
            if row is None:
                return None
            survey = load_survey(session, row.event_id)
            if survey is None:
                return None
            return SessionSurvey(
                event_id=row.event_id,
                event_title=row.event.title,
                session_id=row.id,
                session_label=row.label,
                session_code=row.code,
                feedback_open=row.feedback_open,
                survey=survey,
            )

    def check_token(self, session_code: str, token: str, *, for_submit: bool = False) -> TokenCheck:
        """Is `token` a current feedback token of this session? (INVALID for unknown codes.)"""
        target = self.phone_target(session_code)
        if target is None:
            return TokenCheck.INVALID
        return self._token_check(target.tokens, token, for_submit=for_submit)

    def feedback_link(self, session_id: int, host: str, port: int) -> str:
        """The URL a phone opens now (its token rotates; show it as a live QR)."""
        return self.feedback_link_at(session_id, base_url(host, port))

    def feedback_link_at(self, session_id: int, base: str) -> str:
        """`feedback_link` for a server base URL such as `http://192.168.1.20:8765`."""
        with self._workspace.session(readonly=True) as session:
            row = self._session_row(session, session_id)
            tokens = self._tokens(row.event, row.code)
            code = row.code
        token = tokens.token_at(self._clock.now().timestamp())
        return feedback_url(base, code, token)

    def token_seconds_left(self, session_id: int) -> float:
        with self._workspace.session(readonly=True) as session:
            row = self._session_row(session, session_id)
            tokens = self._tokens(row.event, row.code)
        return tokens.seconds_left(self._clock.now().timestamp())

    def attendee_name(self, event_id: int, attendee_id: int) -> str | None:
        """The name of a phone's recognised attendee (None if not of this event)."""
        with self._workspace.session(readonly=True) as session:
            row = session.get(Attendee, attendee_id)
            return row.name if row is not None and row.event_id == event_id else None

    def precheck(self, session_id: int, respondent: Respondent) -> FeedbackOutcome | None:
        """Why this person could not answer now (None: they can), before they start writing."""
        with self._workspace.session(readonly=True) as session:
            row = self._session_row(session, session_id)
            if not row.feedback_open:
                return FeedbackOutcome.SURVEY_CLOSED
            survey = load_survey(session, row.event_id)
            if survey is None:
                return FeedbackOutcome.SURVEY_CLOSED
            attendee = self._find_attendee(session, row.event_id, respondent)
            if attendee is None or not self._checked_in(session, attendee.id, row.id):
                return FeedbackOutcome.NOT_CHECKED_IN
            answered = session.scalar(
                select(SubmissionMarker.id).where(
                    SubmissionMarker.survey_id == survey.id,
                    SubmissionMarker.attendee_id == attendee.id,
                )
            )
            if answered is not None and (survey.anonymous or not survey.allow_resubmit):
                return FeedbackOutcome.ALREADY_SUBMITTED
            return None

    def response_count(self, session_id: int) -> int:
        """How many responses the session has (live count on the feedback slide)."""
        with self._workspace.session(readonly=True) as session:
            return int(
                session.scalar(
                    select(func.count(SubmissionMarker.id)).where(
                        SubmissionMarker.session_id == session_id
                    )
                )
                or 0
            )

    def counts(self, event_id: int) -> list[SessionCount]:
        """Responses against checked-in attendees, per session of the event."""
        with self._workspace.session(readonly=True) as session:
            rows = session.scalars(
                select(TrainingSession)
                .where(TrainingSession.event_id == event_id)
                .order_by(TrainingSession.position, TrainingSession.id)
            ).all()
            result = []
            for row in rows:
                responses = session.scalar(
                    select(func.count(SubmissionMarker.id)).where(
                        SubmissionMarker.session_id == row.id
                    )
                )
                checked_in = session.scalar(
                    select(func.count(CheckIn.id)).where(
                        CheckIn.session_id == row.id, CheckIn.undone_at.is_(None)
                    )
                )
                result.append(
                    SessionCount(
                        row.id, row.label, responses or 0, checked_in or 0, row.feedback_open
                    )
                )
            return result

    # -- writing -------------------------------------------------------------------------
    def set_feedback_open(self, session_id: int, is_open: bool) -> FeedbackSwitch:
        """Open or close a session's survey; returns the new state.

        Opening a session of an event that has no survey (one made before events
        came with one) first gives the event the default 受講報告書, so "open"
        always means phones can answer.
        """
        now = self._clock.now()
        with self._workspace.session() as session:
            row = self._session_row(session, session_id)
            created = is_open and not has_survey(session, row.event_id)
            if created:
                give_survey(session, row.event_id, None)
                audit.record(session, at=now, action="survey.create", event_id=row.event_id)
            if row.feedback_open != is_open:
                row.feedback_open = is_open
                audit.record(
                    session,
                    at=now,
                    action="feedback.open" if is_open else "feedback.close",
                    event_id=row.event_id,
                    entity="session",
                    entity_id=row.id,
                )
            return FeedbackSwitch(is_open=row.feedback_open, survey_created=created)

    def phone_target(self, session_code: str) -> PhoneTarget | None:
        """The session a phone URL names, with its event's secret (one small Core read).

        Kept for a second: a room of phones submitting at once asks about one
        session hundreds of times, and the server's loop answers from memory.
        A changed token window is in effect within that second.
        """
        mono = time.monotonic()
        cached = self._targets.get(session_code)
        if cached is not None and cached[0] > mono:
            return cached[1]
        with self._workspace.engine.connect() as conn:
            row = conn.execute(
                select(TrainingSession.id, Event.id, Event.secret, Event.settings)
                .join(Event, Event.id == TrainingSession.event_id)
                .where(TrainingSession.code == session_code)
            ).first()
        target = (
            None
            if row is None
            else PhoneTarget(row[0], row[1], row[2], _feedback_tokens(row[2], row[3], session_code))
        )
        targets = self._targets if len(self._targets) < TARGET_CACHE_SIZE else {}
        targets[session_code] = (mono + TARGET_CACHE_SECONDS, target)
        self._targets = targets  # one reference swap: readers on other threads are safe
        return target

    def enqueue_from_phone(
        self,
        target: PhoneTarget | None,
        token: str,
        respondent: Respondent,
        answers: Mapping[str, Any],
        phone: Phone | None = None,
    ) -> SubmitResult | Future[SubmitResult]:
        """Check the token, then queue the submission: a result at once when the token is bad,
        otherwise a Future settled after the writer's commit (the web server awaits it
        without holding a thread)."""
        checked = self.phone_submission(target, token, respondent, answers, phone)
        return checked if isinstance(checked, SubmitResult) else self._writer.submit(checked)

    def phone_submission(
        self,
        target: PhoneTarget | None,
        token: str,
        respondent: Respondent,
        answers: Mapping[str, Any],
        phone: Phone | None = None,
    ) -> SubmitResult | Submission:
        """The submission to queue (see `submit_many`), or the result when the token is bad.
        `phone` (its device cookie and address) is held to the device rule."""
        check = (
            TokenCheck.INVALID
            if target is None
            else self._token_check(target.tokens, token, for_submit=True)
        )
        refused = token_outcome(check)
        if refused is not None:
            return SubmitResult(refused)
        assert target is not None
        return Submission(target.session_id, respondent, dict(answers), FeedbackMethod.PHONE, phone)

    def submit_many(self, submissions: Sequence[Submission]) -> Future[list[Future[SubmitResult]]]:
        """Several phone submissions at once (a burst the server's loop gathered);
        settled, with each one's settled future, after their commit."""
        return self._writer.submit_many(submissions)

    def submit_from_phone(
        self,
        session_code: str,
        token: str,
        respondent: Respondent,
        answers: Mapping[str, Any],
        phone: Phone | None = None,
    ) -> SubmitResult:
        """A phone's submission: the token must be this session's (and recent enough)."""
        pending = self.enqueue_from_phone(
            self.phone_target(session_code), token, respondent, answers, phone
        )
        return pending if isinstance(pending, SubmitResult) else pending.result(30.0)

    def submit(
        self,
        session_id: int,
        respondent: Respondent,
        answers: Mapping[str, Any],
        method: FeedbackMethod,
        timeout: float = 30.0,
    ) -> SubmitResult:
        """Record one attendee's answers for a session (the kiosk and paper entry call this too).

        Paper forms were filled in the room, so staff may type them in after the
        survey closed; phones and the kiosk need it open. Submissions go through
        one writer thread that commits whatever is waiting in one transaction
        (a room of phones answering at once costs a few disk syncs, not hundreds)
        and returns only after the commit.
        """
        request = Submission(session_id, respondent, dict(answers), method)
        return self._writer.submit(request).result(timeout)

    def close(self) -> None:
        """Finish queued submissions and stop the writer thread."""
        self._writer.close()

    def _process_group(self, conn: Connection, reqs: Sequence[Submission]) -> list[SubmitResult]:
        return decide_group(conn, reqs, self._clock.now(), self._questions)

    # -- helpers -------------------------------------------------------------------------
    def _tokens(self, event: Event, code: str) -> RotatingTokens:
        return _feedback_tokens(event.secret, event.settings, code)

    def _token_check(self, tokens: RotatingTokens, token: str, *, for_submit: bool) -> TokenCheck:
        now = self._clock.now().timestamp()
        check = tokens.check(token, now)
        if check is TokenCheck.EXPIRED and for_submit:
            # EXPIRED means the MAC was genuine, so the counter can be trusted.
            counter = int(token.strip().partition("-")[0], 16)
            if tokens.counter_at(now) - counter <= SUBMIT_GRACE_SECONDS // tokens.window:
                return TokenCheck.VALID
        return check

    def _session_row(self, session: Session, session_id: int) -> TrainingSession:
        row = session.get(TrainingSession, session_id)
        if row is None:
            raise InputRejected(
                Msg(
                    en=f"There is no session with id {session_id}.",
                    ja=f"ID {session_id} のセッションはありません。",
                )
            )
        return row

    def _find_attendee(
        self, session: Session, event_id: int, respondent: Respondent
    ) -> Attendee | None:
        if respondent.attendee_id is not None:
            found = session.get(Attendee, respondent.attendee_id)
            return found if found is not None and found.event_id == event_id else None
        if respondent.staff_no:
            return session.scalar(
                select(Attendee).where(
                    Attendee.event_id == event_id,
                    Attendee.staff_no == normalize_staff_no(respondent.staff_no),
                )
            )
        return None

    def _checked_in(self, session: Session, attendee_id: int, session_id: int) -> bool:
        return (
            session.scalar(
                select(CheckIn.id).where(
                    CheckIn.attendee_id == attendee_id,
                    CheckIn.session_id == session_id,
                    CheckIn.undone_at.is_(None),
                )
            )
            is not None
        )
