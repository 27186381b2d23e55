"""Who reaches the survey from a phone, and which refusals count as a guess (pure domain)."""

from __future__ import annotations

import pytest

from facilitator.domain.feedback_access import (
    SurveyAccess,
    access_is_guess,
    submission_is_guess,
    survey_access,
    token_outcome,
)
from facilitator.domain.survey_rules import FeedbackOutcome
from facilitator.domain.tokens import TokenCheck


def test_the_token_decides_a_submission_only_when_it_is_forged_or_old() -> None:
    assert token_outcome(TokenCheck.INVALID) is FeedbackOutcome.INVALID_TOKEN
    assert token_outcome(TokenCheck.EXPIRED) is FeedbackOutcome.EXPIRED_TOKEN
    assert token_outcome(TokenCheck.VALID) is None


@pytest.mark.parametrize(
    ("check", "served", "is_open", "expected"),
    [
        # A forged link is refused before anything else, even for a real open session.
        (TokenCheck.INVALID, True, True, SurveyAccess.INVALID_TOKEN),
        (TokenCheck.INVALID, False, False, SurveyAccess.INVALID_TOKEN),
        # An old link says so, whether or not the session is served or open.
        (TokenCheck.EXPIRED, True, True, SurveyAccess.EXPIRED_TOKEN),
        (TokenCheck.EXPIRED, False, False, SurveyAccess.EXPIRED_TOKEN),
        # A good token of a session this server does not serve: not found, open or not.
        (TokenCheck.VALID, False, True, SurveyAccess.NOT_FOUND),
        (TokenCheck.VALID, False, False, SurveyAccess.NOT_FOUND),
        (TokenCheck.VALID, True, False, SurveyAccess.CLOSED),
        (TokenCheck.VALID, True, True, SurveyAccess.OPEN),
    ],
)
def test_opening_the_survey_follows_the_precedence(
    check: TokenCheck, served: bool, is_open: bool, expected: SurveyAccess
) -> None:
    assert survey_access(check, served, is_open) is expected


def test_only_a_forged_link_to_the_survey_counts_as_a_guess() -> None:
    guesses = {access for access in SurveyAccess if access_is_guess(access)}
    assert guesses == {SurveyAccess.INVALID_TOKEN}


@pytest.mark.parametrize("recognised", [True, False])
def test_a_forged_token_always_counts_as_a_guess(recognised: bool) -> None:
    assert submission_is_guess(FeedbackOutcome.INVALID_TOKEN, recognised=recognised)


@pytest.mark.parametrize("outcome", [FeedbackOutcome.NOT_CHECKED_IN, FeedbackOutcome.DEVICE_USED])
def test_a_typed_staff_number_that_is_refused_counts_but_a_recognised_phone_does_not(
    outcome: FeedbackOutcome,
) -> None:
    assert submission_is_guess(outcome, recognised=False)
    assert not submission_is_guess(outcome, recognised=True)


@pytest.mark.parametrize(
    "outcome",
    [
        FeedbackOutcome.RECORDED,
        FeedbackOutcome.REPLACED,
        FeedbackOutcome.ALREADY_SUBMITTED,
        FeedbackOutcome.SURVEY_CLOSED,
        FeedbackOutcome.EXPIRED_TOKEN,
        FeedbackOutcome.INVALID_ANSWERS,
    ],
)
def test_honest_outcomes_never_count_as_a_guess(outcome: FeedbackOutcome) -> None:
    assert not submission_is_guess(outcome, recognised=False)
    assert not submission_is_guess(outcome, recognised=True)
