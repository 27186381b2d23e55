"""Who may reach the survey from a phone, and which refusals count as a guess.

The phone's survey page, its JSON API and its submissions ask these rules; the
web layer only maps the answer to a page or a status. The precedence:

1. a forged link (or one of a session nobody has) is `invalid_token`, a genuine
   one that is too old `expired_token` (nothing is looked up);
2. a session this server does not serve (another event's) is not found;
3. a closed survey says so (the page; the API reports it as `open: false`);
4. otherwise the survey is shown, and a submission goes on to
   `services.feedback.submission.decide` (checked in, device, already answered,
   the answers).

Pure Python, like `domain/checkin.py`: the service feeds it what it read.
"""

from __future__ import annotations

from enum import Enum

from facilitator.domain.survey_rules import FeedbackOutcome
from facilitator.domain.tokens import TokenCheck


class SurveyAccess(Enum):
    """What a phone that opens a survey link gets (steps 1-3)."""

    OPEN = "open"
    INVALID_TOKEN = "invalid_token"
    EXPIRED_TOKEN = "expired_token"
    NOT_FOUND = "not_found"
    CLOSED = "closed"


def token_outcome(check: TokenCheck) -> FeedbackOutcome | None:
    """Step 1 for a submission: the outcome when the link's token decides it, None: go on."""
    if check is TokenCheck.INVALID:
        return FeedbackOutcome.INVALID_TOKEN
    if check is TokenCheck.EXPIRED:
        return FeedbackOutcome.EXPIRED_TOKEN
    return None


def survey_access(check: TokenCheck, served: bool, is_open: bool) -> SurveyAccess:
    """Steps 1-3 for opening the survey: `served`, the session exists and belongs to
    an event this server serves; `is_open`, its survey takes answers now."""
    refused = token_outcome(check)
    if refused is FeedbackOutcome.INVALID_TOKEN:
        return SurveyAccess.INVALID_TOKEN
    if refused is FeedbackOutcome.EXPIRED_TOKEN:
        return SurveyAccess.EXPIRED_TOKEN
    if not served:
        return SurveyAccess.NOT_FOUND
    return SurveyAccess.OPEN if is_open else SurveyAccess.CLOSED


def access_is_guess(access: SurveyAccess) -> bool:
    """A forged link counts against the rate limit; an old one is an honest phone's."""
    return access is SurveyAccess.INVALID_TOKEN


def submission_is_guess(outcome: FeedbackOutcome, recognised: bool) -> bool:
    """Does this submission's refusal count against the rate limit? A forged token
    always does; someone not checked in or a used phone only when the phone typed a
    staff number (a recognised phone's own cookie is no guess)."""
    if outcome is FeedbackOutcome.INVALID_TOKEN:
        return True
    typed_someone_else = outcome in (FeedbackOutcome.NOT_CHECKED_IN, FeedbackOutcome.DEVICE_USED)
    return typed_someone_else and not recognised
