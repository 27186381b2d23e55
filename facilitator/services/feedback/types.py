"""The plain types of feedback capture: outcomes, methods, who answers, the result."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from facilitator.domain.survey_rules import AnswerError, FeedbackOutcome


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
