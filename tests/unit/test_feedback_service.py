"""Every outcome of a feedback submission, for named and anonymous surveys."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from facilitator.db.models import Answer, AuditLog, Response, SubmissionMarker
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.survey_rules import AnswerProblem, FeedbackOutcome
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.feedback.capture import FeedbackMethod, FeedbackService, Respondent
from facilitator.services.feedback.results import FeedbackResultsService
from tests.unit.feedback_helpers import (
    GOOD_ANSWERS,
    attendees_of,
    check_in,
    configure_survey,
    open_feedback,
    session_codes,
    session_ids,
)


@pytest.fixture
def svc(demo_workspace: Workspace, clock: FakeClock) -> FeedbackService:
    open_feedback(demo_workspace, "AM", "PM")
    return FeedbackService(demo_workspace, clock)


def _token(ws: Workspace, clock: FakeClock, label: str) -> str:
    from facilitator.db.models import Event

    with ws.session() as s:
        secret = s.scalars(select(Event.secret)).one()
    return RotatingTokens(secret, "feedback", session_codes(ws)[label]).token_at(
        clock.now().timestamp()
    )


@pytest.mark.parametrize("anonymous", [False, True])
def test_recorded_then_second_submission(
    svc: FeedbackService, demo_workspace: Workspace, clock: FakeClock, anonymous: bool
) -> None:
    configure_survey(demo_workspace, anonymous=anonymous)
    (aid,) = check_in(demo_workspace, clock, "AM", 1)
    am = session_ids(demo_workspace)["AM"]
    first = svc.submit(am, Respondent(attendee_id=aid), GOOD_ANSWERS, FeedbackMethod.KIOSK)
    assert first.outcome is FeedbackOutcome.RECORDED
    changed = {**GOOD_ANSWERS, "understanding": 1}
    second = svc.submit(am, Respondent(attendee_id=aid), changed, FeedbackMethod.KIOSK)
    # An anonymous answer cannot be found again, so it can never be replaced.
    expected = FeedbackOutcome.ALREADY_SUBMITTED if anonymous else FeedbackOutcome.REPLACED
    assert second.outcome is expected
    assert svc.response_count(am) == 1
    with demo_workspace.session() as s:
        assert s.scalar(select(func.count(Response.id))) == 1
        stored = [a.value for a in s.scalars(select(Answer))]
    # Replaced: the new rating is there; refused: the first one stayed.
    assert (1 in stored) is (not anonymous)
    assert (4 in stored) is anonymous


def test_refused_resubmission_when_survey_says_so(
    svc: FeedbackService, demo_workspace: Workspace, clock: FakeClock
) -> None:
    configure_survey(demo_workspace, anonymous=False, allow_resubmit=False)
    (aid,) = check_in(demo_workspace, clock, "AM", 1)
    am = session_ids(demo_workspace)["AM"]
    assert svc.submit(am, Respondent(aid), GOOD_ANSWERS, FeedbackMethod.KIOSK).outcome.stored
    again = svc.submit(am, Respondent(aid), GOOD_ANSWERS, FeedbackMethod.KIOSK)
    assert again.outcome is FeedbackOutcome.ALREADY_SUBMITTED


@pytest.mark.parametrize("anonymous", [False, True])
def test_not_checked_in_and_unknown_staff(
    svc: FeedbackService, demo_workspace: Workspace, clock: FakeClock, anonymous: bool
) -> None:
    configure_survey(demo_workspace, anonymous=anonymous)
    am = session_ids(demo_workspace)["AM"]
    _, staff_no = attendees_of(demo_workspace, "AM")[0]
    for who in (Respondent(staff_no=staff_no), Respondent(staff_no="nobody"), Respondent()):
        result = svc.submit(am, who, GOOD_ANSWERS, FeedbackMethod.KIOSK)
        assert result.outcome is FeedbackOutcome.NOT_CHECKED_IN
    # Checked in to AM does not count for the PM survey.
    check_in(demo_workspace, clock, "AM", 1)
    pm = session_ids(demo_workspace)["PM"]
    assert (
        svc.submit(pm, Respondent(staff_no=staff_no), GOOD_ANSWERS, FeedbackMethod.KIOSK).outcome
        is FeedbackOutcome.NOT_CHECKED_IN
    )
    # Full-width digits typed with a Japanese IME are the same staff number.
    wide = staff_no.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert svc.submit(
        am, Respondent(staff_no=wide), GOOD_ANSWERS, FeedbackMethod.KIOSK
    ).outcome.stored


@pytest.mark.parametrize("anonymous", [False, True])
def test_closed_survey_refuses_phone_and_kiosk_not_paper(
    svc: FeedbackService, demo_workspace: Workspace, clock: FakeClock, anonymous: bool
) -> None:
    configure_survey(demo_workspace, anonymous=anonymous)
    aids = check_in(demo_workspace, clock, "AM", 2)
    am = session_ids(demo_workspace)["AM"]
    assert svc.set_feedback_open(am, False).is_open is False
    closed = svc.submit(am, Respondent(aids[0]), GOOD_ANSWERS, FeedbackMethod.KIOSK)
    assert closed.outcome is FeedbackOutcome.SURVEY_CLOSED
    token = _token(demo_workspace, clock, "AM")
    code = session_codes(demo_workspace)["AM"]
    phone = svc.submit_from_phone(code, token, Respondent(aids[0]), GOOD_ANSWERS)
    assert phone.outcome is FeedbackOutcome.SURVEY_CLOSED
    paper = svc.submit(am, Respondent(aids[1]), GOOD_ANSWERS, FeedbackMethod.PAPER)
    assert paper.outcome is FeedbackOutcome.RECORDED
    assert svc.response_count(am) == 1


@pytest.mark.parametrize("anonymous", [False, True])
def test_tokens(
    svc: FeedbackService, demo_workspace: Workspace, clock: FakeClock, anonymous: bool
) -> None:
    configure_survey(demo_workspace, anonymous=anonymous)
    aids = check_in(demo_workspace, clock, "AM", 3)
    code = session_codes(demo_workspace)["AM"]
    token = _token(demo_workspace, clock, "AM")
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert (
        svc.submit_from_phone(code, forged, Respondent(aids[0]), GOOD_ANSWERS).outcome
        is FeedbackOutcome.INVALID_TOKEN
    )
    pm_token = _token(demo_workspace, clock, "PM")
    assert (
        svc.submit_from_phone(code, pm_token, Respondent(aids[0]), GOOD_ANSWERS).outcome
        is FeedbackOutcome.INVALID_TOKEN
    )
    assert (
        svc.submit_from_phone("nosuchcode", token, Respondent(aids[0]), GOOD_ANSWERS).outcome
        is FeedbackOutcome.INVALID_TOKEN
    )
    # Writing the answers takes minutes: a scanned token still submits 20 minutes later...
    clock.advance(20 * 60)
    assert svc.submit_from_phone(code, token, Respondent(aids[1]), GOOD_ANSWERS).outcome.stored
    # ...but not the next day.
    clock.advance(timedelta(days=1).total_seconds())
    late = svc.submit_from_phone(code, token, Respondent(aids[2]), GOOD_ANSWERS)
    assert late.outcome is FeedbackOutcome.EXPIRED_TOKEN


@pytest.mark.parametrize("anonymous", [False, True])
def test_invalid_answers_store_nothing(
    svc: FeedbackService, demo_workspace: Workspace, clock: FakeClock, anonymous: bool
) -> None:
    configure_survey(demo_workspace, anonymous=anonymous)
    (aid,) = check_in(demo_workspace, clock, "AM", 1)
    am = session_ids(demo_workspace)["AM"]
    bad = {
        **GOOD_ANSWERS,
        "understanding": 6,
        "usefulness": "5",
        "difficulty": "boring",
        "action": "あ" * 1001,
        "extra": 1,
    }
    del bad["motivation"]
    result = svc.submit(am, Respondent(aid), bad, FeedbackMethod.KIOSK)
    assert result.outcome is FeedbackOutcome.INVALID_ANSWERS
    problems = {e.key: e.problem for e in result.errors}
    assert problems == {
        "extra": AnswerProblem.UNKNOWN_KEY,
        "understanding": AnswerProblem.OUT_OF_RANGE,
        "usefulness": AnswerProblem.WRONG_TYPE,
        "difficulty": AnswerProblem.UNKNOWN_CHOICE,
        "motivation": AnswerProblem.MISSING,
        "action": AnswerProblem.TOO_LONG,
    }
    assert all(e.message.ja and e.message.en for e in result.errors)
    assert svc.response_count(am) == 0
    with demo_workspace.session() as s:
        assert s.scalar(select(func.count(SubmissionMarker.id))) == 0


def test_anonymous_leaves_no_link(
    svc: FeedbackService, demo_workspace: Workspace, clock: FakeClock
) -> None:
    configure_survey(demo_workspace, anonymous=True)
    aids = check_in(demo_workspace, clock, "AM", 5)
    am = session_ids(demo_workspace)["AM"]
    for aid in aids:
        clock.advance(37)
        assert svc.submit(am, Respondent(aid), GOOD_ANSWERS, FeedbackMethod.PHONE).outcome.stored
    with demo_workspace.session() as s:
        responses = s.scalars(select(Response)).all()
        markers = s.scalars(select(SubmissionMarker)).all()
        audit_details = [a.detail for a in s.scalars(select(AuditLog))]
    assert len(responses) == len(markers) == 5
    assert all(r.attendee_id is None for r in responses)
    assert all(m.response_id is None for m in markers)
    assert {m.attendee_id for m in markers} == set(aids)
    # Times are to the day only, and ids are not in submission order.
    assert len({r.submitted_at for r in responses}) == 1
    assert responses[0].submitted_at.astimezone().hour == 0
    assert all(r.id > 2**40 for r in responses)
    assert not any("attendee_id" in d for d in audit_details)


@pytest.mark.parametrize(("singles", "big_kept"), [(1, False), (3, True)])
def test_anonymous_response_keeps_a_department_only_when_three_share_it(
    svc: FeedbackService, demo_workspace: Workspace, clock: FakeClock, singles: int, big_kept: bool
) -> None:
    from facilitator.db.models import Attendee, CheckIn

    configure_survey(demo_workspace, anonymous=True)
    am = session_ids(demo_workspace)["AM"]
    people = [aid for aid, _ in attendees_of(demo_workspace, "AM")]
    crowd = people[:3]
    with demo_workspace.session() as s:
        big = s.get_one(Attendee, crowd[0]).department_id
        for aid in crowd[1:]:
            s.get_one(Attendee, aid).department_id = big  # moved: three of one department
        # Others from departments of their own (one checked in each).
        others, seen = [], {big}
        for aid in people[3:]:
            dept = s.get_one(Attendee, aid).department_id
            if dept not in seen and len(others) < singles:
                others.append(aid)
                seen.add(dept)
        for aid in (*crowd, *others):
            s.add(
                CheckIn(attendee_id=aid, session_id=am, checked_in_at=clock.now(), method="manual")
            )
    for aid in (crowd[0], others[0]):
        assert svc.submit(am, Respondent(aid), GOOD_ANSWERS, FeedbackMethod.PHONE).outcome.stored
    with demo_workspace.session() as s:
        kept = sorted(s.scalars(select(Response.department_id)), key=lambda d: d or 0)
    # A lone department never shows. With three from `big`, its answer may say so, but
    # only when the pooled rest (answers without a department) is three people too:
    # with one, "no department" would point at that one person.
    assert kept == ([None, big] if big_kept else [None, None])


def test_named_results_and_rows(
    svc: FeedbackService, demo_workspace: Workspace, clock: FakeClock
) -> None:
    am_ids = check_in(demo_workspace, clock, "AM", 4)
    pm_ids = check_in(demo_workspace, clock, "PM", 2)
    ids = session_ids(demo_workspace)
    for i, aid in enumerate(am_ids):
        answers = {**GOOD_ANSWERS, "understanding": 1 + i}
        svc.submit(ids["AM"], Respondent(aid), answers, FeedbackMethod.KIOSK)
    for aid in pm_ids:
        svc.submit(
            ids["PM"], Respondent(aid), {**GOOD_ANSWERS, "understanding": 5}, FeedbackMethod.PAPER
        )
    results = FeedbackResultsService(demo_workspace, clock).results(
        svc.survey_for_code(session_codes(demo_workspace)["AM"]).event_id  # type: ignore[union-attr]
    )
    understanding = results.questions[0]
    assert understanding.means[ids["AM"]] == pytest.approx(2.5)
    assert understanding.means[ids["PM"]] == 5
    assert understanding.counts[ids["AM"]] == {"1": 1, "2": 1, "3": 1, "4": 1}
    assert results.responses == {ids["AM"]: 4, ids["PM"]: 2}
    assert len([t for t in results.texts if t.key == "comments"]) == 6
    counts = svc.counts(results.event_id)
    assert [(c.label, c.responses, c.checked_in) for c in counts] == [("AM", 4, 4), ("PM", 2, 2)]
