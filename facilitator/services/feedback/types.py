"""The plain types of feedback capture: outcomes, methods, who answers, the result."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from facilitator.domain.feedback_summary import SurveyInfo
from facilitator.domain.survey_rules import AnswerError, FeedbackOutcome
from facilitator.domain.tokens import RotatingTokens


class FeedbackMethod(Enum):
    PHONE = "phone"
    KIOSK = "kiosk"
    PAPER = "paper"


@dataclass(frozen=True)
class Respondent:
    """Who answers: an attendee id (phone cookie, kiosk pick) or a staff number typed in."""

    attendee_id: int | None = None
    staff_no: str | None = None


@dataclass(frozen=True)
class SubmitResult:
    outcome: FeedbackOutcome
    errors: tuple[AnswerError, ...] = ()


@dataclass(frozen=True)
class FeedbackSwitch:
    """A session's survey after `set_feedback_open`."""

    is_open: bool
    survey_created: bool  # the event had no survey; the default one was made to open it


@dataclass(frozen=True)
class SessionSurvey:
    """The survey as one session's phones see it."""

    event_id: int
    event_title: str
    session_id: int
    session_label: str
    session_code: str
    feedback_open: bool
    survey: SurveyInfo


@dataclass(frozen=True)
class PhoneTarget:
    session_id: int
    event_id: int
    secret: str
    tokens: RotatingTokens


@dataclass(frozen=True)
class SessionCount:
    session_id: int
    label: str
    responses: int
    checked_in: int
    feedback_open: bool
