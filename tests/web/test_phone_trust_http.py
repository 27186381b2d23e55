"""The one-phone rules through Starlette's test client, each phone on its own client
address in the ASGI scope (`TestClient(client=(address, port))`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from facilitator.db.models import CheckIn, Event, Response, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.checkin import CheckInMethod
from facilitator.domain.clock import FakeClock
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.checkin.service import CheckInService
from facilitator.services.checkin.types import AttendeeRef, CheckInRequest
from facilitator.services.feedback.capture import FeedbackService
from facilitator.web.app import create_app
from facilitator.web.deps import WebDeps
from facilitator.web.identity import ATTENDEE_COOKIE
from facilitator.web.security import DEVICE_COOKIE, FailureLimiter, Limit
from tests.unit.feedback_helpers import GOOD_ANSWERS, attendees_of, check_in, open_feedback

BASE = "http://testserver"
OWN_FORM = {"origin": BASE, "sec-fetch-site": "same-origin", "accept-language": "en"}


class Venue:
    def __init__(self, ws: Workspace, clock: FakeClock) -> None:
        self.ws, self.clock = ws, clock
        self.checkin = CheckInService(ws, clock)
        self.feedback = FeedbackService(ws, clock)
        self.app = create_app(
            WebDeps(
                checkin=self.checkin,
                clock=clock,
                limiter=FailureLimiter(clock.monotonic, Limit(5, 60), Limit(20, 60)),
                feedback=self.feedback,
            )
        )
        self.phones: list[TestClient] = []
        with ws.session() as s:
            event = s.scalars(select(Event)).one()
            self.event_id, self.secret = event.id, event.secret
            am = s.scalars(select(TrainingSession).order_by(TrainingSession.position)).first()
            assert am is not None
            self.code, self.session_id = am.code, am.id
        self.people = attendees_of(ws, "AM")  # (id, staff_no)

    def phone(self, address: str) -> TestClient:
        client = TestClient(self.app, base_url=BASE, client=(address, 40000))
        self.phones.append(client)
        return client

    def token(self, purpose: str = "checkin") -> str:
        return RotatingTokens(self.secret, purpose, self.code).token_at(
            self.clock.now().timestamp()
        )

    def open_page(self, phone: TestClient) -> str:
        page = phone.get(f"/c/{self.code}", params={"t": self.token()})
        assert page.status_code == 200
        match = re.search(r'name="pass" value="([^"]+)"', page.text)
        assert match
        return match.group(1)

    def step(self, phone: TestClient, step: str, **data: str) -> Any:
        return phone.post(f"/c/{self.code}/{step}", data=data, headers=OWN_FORM)

    def check_in_phone(self, phone: TestClient, staff_no: str) -> Any:
        pass_text = self.open_page(phone)
        return self.step(phone, "done", **{"pass": pass_text, "staff_no": staff_no})

    def answer(self, phone: TestClient, **body: Any) -> Any:
        payload = {"session": self.code, "token": self.token("feedback"), "answers": GOOD_ANSWERS}
        return phone.post("/api/v1/feedback", json={**payload, **body}, headers=OWN_FORM)


@pytest.fixture
def venue(demo_workspace: Workspace, clock: FakeClock) -> Iterator[Venue]:
    v = Venue(demo_workspace, clock)
    yield v
    for phone in v.phones:
        phone.close()
    v.checkin.close()
    v.feedback.close()


def test_name_picker_checks_in_one_person_per_phone(venue: Venue) -> None:
    phone = venue.phone("10.0.0.2")
    pass_text = venue.open_page(phone)
    (first, _), (second, _) = venue.people[:2]
    done = venue.step(phone, "done", **{"pass": pass_text, "attendee": str(first)})
    assert "You are checked in" in done.text
    confirm = venue.step(phone, "confirm", **{"pass": pass_text, "attendee": str(second)})
    assert "already checked in someone else" in confirm.text
    assert 'id="person-name"' not in confirm.text
    # Straight to /done (skipping the confirm step) records nothing either.
    done = venue.step(phone, "done", **{"pass": pass_text, "attendee": str(second)})
    assert "already checked in someone else" in done.text
    # Two attempts at one person: one row on the desk's list, counted twice.
    desk = venue.checkin.phones.device_desk(venue.event_id)
    assert [(r.address, r.attempts) for r in desk.refusals] == [("10.0.0.2", 2)]
    assert desk.refusals[0].bound_name and desk.refusals[0].name != desk.refusals[0].bound_name


def test_a_phone_that_keeps_trying_fills_neither_the_desk_nor_the_nat_hint(
    venue: Venue,
) -> None:
    phone = venue.phone("10.0.0.3")
    pass_text = venue.open_page(phone)
    (_, first), (_, second), (_, third) = venue.people[:3]
    assert (
        "You are checked in"
        in venue.step(phone, "done", **{"pass": pass_text, "staff_no": first}).text
    )
    body = {"session": venue.code, "token": venue.token(), "staff_no": third}
    answers = [
        venue.step(phone, "confirm", **{"pass": pass_text, "staff_no": second}).status_code,
        venue.step(phone, "done", **{"pass": pass_text, "staff_no": second}).status_code,
        venue.step(phone, "done", **{"pass": pass_text, "staff_no": second}).status_code,
        phone.post("/api/v1/checkin", json=body, headers=OWN_FORM).status_code,
        phone.post("/api/v1/checkin", json=body, headers=OWN_FORM).status_code,
    ]
    assert answers == [200] * 5  # five `device_used` answers a minute
    # Then the phone is told to wait, on the page and in the API, and nothing is written.
    too_many = venue.step(phone, "done", **{"pass": pass_text, "staff_no": second})
    assert too_many.status_code == 429 and "Retry-After" in too_many.headers
    assert phone.post("/api/v1/checkin", json=body, headers=OWN_FORM).status_code == 429
    desk = venue.checkin.phones.device_desk(venue.event_id)
    assert sorted(r.attempts for r in desk.refusals) == [2, 3]  # one row per person tried
    # One phone, many refusals from its address: no hint that the venue uses NAT.
    assert desk.crowded_address is None
    # A minute later it may try again (and is refused again).
    venue.clock.advance(61)
    again = venue.step(phone, "done", **{"pass": venue.open_page(phone), "staff_no": second})
    assert "someone else" in again.text


def test_desk_admits_a_refused_attempt_with_one_call(venue: Venue) -> None:
    phone = venue.phone("10.0.0.2")
    venue.check_in_phone(phone, venue.people[0][1])
    venue.check_in_phone(phone, venue.people[1][1])
    (attempt,) = venue.checkin.phones.device_desk(venue.event_id).refusals
    assert not attempt.already_in
    result = venue.checkin.phones.admit_refused(attempt.id)
    assert result.outcome.value == "checked_in" and result.method.value == "manual"
    assert venue.checkin.phones.device_desk(venue.event_id).refusals == []


def test_confirm_step_shows_at_most_three_people_per_phone(venue: Venue) -> None:
    phone = venue.phone("10.0.0.2")
    pass_text = venue.open_page(phone)
    for _, staff_no in venue.people[:3]:
        shown = venue.step(phone, "confirm", **{"pass": pass_text, "staff_no": staff_no})
        assert 'id="person-name"' in shown.text
    again = venue.step(phone, "confirm", **{"pass": pass_text, "staff_no": venue.people[0][1]})
    assert 'id="person-name"' in again.text  # someone seen before is no new lookup
    fourth = venue.step(phone, "confirm", **{"pass": pass_text, "staff_no": venue.people[3][1]})
    assert "reception desk" in fourth.text and 'id="person-name"' not in fourth.text
    # A fresh cookie on the same address does not start again.
    phone.cookies.clear()
    pass_text = venue.open_page(phone)
    fifth = venue.step(phone, "confirm", **{"pass": pass_text, "staff_no": venue.people[4][1]})
    assert 'id="person-name"' not in fifth.text


def test_new_phones_without_cookies_do_not_share_one_failure_bucket(venue: Venue) -> None:
    guesser = venue.phone("10.0.0.2")
    body = {"session": venue.code, "token": venue.token()}
    for _ in range(5):
        guess = guesser.post("/api/v1/checkin", json={**body, "staff_no": "0"})
        assert guess.json()["outcome"] == "unknown_attendee"
    assert guesser.post("/api/v1/checkin", json={**body, "staff_no": "0"}).status_code == 429
    newcomer = venue.phone("10.0.0.3")
    answer = newcomer.post("/api/v1/checkin", json={**body, "staff_no": venue.people[0][1]})
    assert answer.json()["outcome"] == "checked_in"


def test_shared_address_setting_lets_phones_behind_one_nat_in(venue: Venue) -> None:
    first, second, third = (venue.phone("10.0.0.9") for _ in range(3))
    assert "You are checked in" in venue.check_in_phone(first, venue.people[0][1]).text
    assert "someone else" in venue.check_in_phone(second, venue.people[1][1]).text
    assert "someone else" in venue.check_in_phone(third, venue.people[2][1]).text
    venue.check_in_phone(venue.phone("10.0.0.9"), venue.people[3][1])
    # Many refusals from one address: the desk suggests the setting.
    desk = venue.checkin.phones.device_desk(venue.event_id)
    assert desk.crowded_address == "10.0.0.9" and not desk.shared_address
    venue.checkin.phones.set_shared_address(venue.event_id, True)
    assert "You are checked in" in venue.check_in_phone(second, venue.people[1][1]).text
    assert "You are checked in" in venue.check_in_phone(third, venue.people[2][1]).text
    # The device cookie still binds: the first phone cannot check in anyone else.
    assert "someone else" in venue.check_in_phone(first, venue.people[4][1]).text
    assert venue.checkin.phones.device_desk(venue.event_id).crowded_address is None


def test_a_made_up_device_cookie_is_no_new_phone(venue: Venue) -> None:
    venue.checkin.phones.set_shared_address(venue.event_id, True)
    phone = venue.phone("10.0.0.9")
    pass_text = venue.open_page(phone)
    issued = phone.cookies.get(DEVICE_COOKIE)
    assert issued and issued.count(".") == 2  # value, issue time, signature
    done = venue.step(phone, "done", **{"pass": pass_text, "staff_no": venue.people[0][1]})
    assert "You are checked in" in done.text
    # Behind the shared address the cookie alone tells phones apart: a made-up one
    # counts as none (cannot be told apart, sent to the desk), never as a new phone.
    for n, (_, staff_no) in enumerate(venue.people[1:4]):
        phone.cookies.clear()
        phone.cookies.set(DEVICE_COOKIE, f"made-up-{n}")
        done = venue.step(phone, "done", **{"pass": pass_text, "staff_no": staff_no})
        assert "someone else" in done.text
    body = {"session": venue.code, "token": venue.token(), "staff_no": venue.people[4][1]}
    api = phone.post("/api/v1/checkin", json=body, headers=OWN_FORM)
    assert api.json()["outcome"] == "device_used"
    # The check-in page replaces the made-up cookie with a genuine, fresh one.
    page = phone.get(f"/c/{venue.code}", params={"t": venue.token()})
    fresh = re.search(rf"{DEVICE_COOKIE}=([^;]+)", page.headers.get("set-cookie", ""))
    assert fresh and fresh.group(1) != issued and fresh.group(1).count(".") == 2


def test_wrong_session_does_not_tell_a_phone_where_a_colleague_is_booked(
    venue: Venue, demo_workspace: Workspace
) -> None:
    (_, booked_pm), *_ = attendees_of(demo_workspace, "PM")
    phone = venue.check_in_phone(venue.phone("10.0.0.2"), booked_pm)
    assert "registered for another session" in phone.text and "(PM)" not in phone.text
    # The laptop's own browser (staff) is told.
    laptop = venue.check_in_phone(venue.phone("127.0.0.1"), booked_pm)
    assert "registered for another session (PM)" in laptop.text


def test_the_laptop_checks_in_anyone(venue: Venue) -> None:
    laptop = venue.phone("127.0.0.1")
    for _, staff_no in venue.people[:4]:
        assert "You are checked in" in venue.check_in_phone(laptop, staff_no).text


def test_a_phone_answers_only_as_the_attendee_it_checked_in(
    venue: Venue, demo_workspace: Workspace
) -> None:
    open_feedback(demo_workspace, "AM")
    (mine, my_staff), (theirs, their_staff) = venue.people[:2]
    phone = venue.phone("10.0.0.2")
    venue.check_in_phone(phone, my_staff)
    assert venue.answer(phone).json()["outcome"] == "recorded"
    # Its identity cookie names its own attendee; a colleague's number is refused.
    at_desk = CheckInRequest(venue.session_id, AttendeeRef(theirs), CheckInMethod.MANUAL)
    assert venue.checkin.check_in(at_desk).outcome.value == "checked_in"
    refused = venue.answer(venue.phone("10.0.0.2"), staff_no=their_staff)
    assert refused.json()["outcome"] == "device_used"
    # Another phone cannot answer as the attendee of the first one.
    stranger = venue.phone("10.0.0.3")
    assert venue.answer(stranger, staff_no=my_staff).json()["outcome"] == "device_used"
    # The colleague was checked in at the desk: the first free phone that names them
    # binds to them, and only that phone may answer (and replace) as them later.
    claimer = venue.phone("10.0.0.4")
    assert venue.answer(claimer, staff_no=their_staff).json()["outcome"] == "recorded"
    assert venue.answer(stranger, staff_no=their_staff).json()["outcome"] == "device_used"
    replaced = venue.answer(claimer, staff_no=their_staff)
    assert replaced.json()["outcome"] == "replaced"
    with demo_workspace.session() as s:
        row = s.scalars(select(Response).where(Response.attendee_id == theirs)).one()
        assert row.replaced_by_device.startswith("10.0.0.4|")
        assert mine != theirs


def test_an_identity_cookie_does_not_outlive_its_check_in(
    venue: Venue, demo_workspace: Workspace
) -> None:
    open_feedback(demo_workspace, "AM")
    (mine, my_staff), (_, other_staff) = venue.people[:2]
    phone = venue.phone("10.0.0.2")
    venue.check_in_phone(phone, my_staff)
    assert ATTENDEE_COOKIE in phone.cookies

    def recognised() -> bool:
        survey = phone.get(f"/api/v1/survey/{venue.code}", params={"t": venue.token("feedback")})
        return bool(survey.json()["recognised"])

    assert recognised()
    # The desk undoes the check-in (a mistaken scan): the cookie names nobody now,
    # so the phone can neither answer as that person nor see their name.
    with demo_workspace.session() as s:
        checkin_id = s.scalars(select(CheckIn.id).where(CheckIn.attendee_id == mine)).one()
    venue.checkin.desk.undo(checkin_id, "wrong person")
    assert not recognised()
    assert venue.answer(phone).json()["outcome"] != "recorded"
    # The phone is free again: it checks in the right person and is theirs.
    assert "You are checked in" in venue.check_in_phone(phone, other_staff).text
    assert recognised()


def test_survey_form_without_javascript_posts_and_redirects(
    venue: Venue, demo_workspace: Workspace
) -> None:
    open_feedback(demo_workspace, "AM")
    check_in(demo_workspace, venue.clock, "AM", 1)
    phone = venue.phone("10.0.0.2")
    token = venue.token("feedback")
    page = phone.get(f"/f/{venue.code}", params={"t": token})
    assert 'method="post"' in page.text and 'name="_token"' in page.text
    form = {"_token": token, "_staff_no": venue.people[0][1], "understanding": "4"}
    # A missing required answer: the form again, with what was entered and the marks.
    again = phone.post(f"/f/{venue.code}", data=form, headers=OWN_FORM)
    assert again.status_code == 200
    assert 'value="4" checked' in again.text and 'class="question invalid"' in again.text
    full = {
        **form,
        "usefulness": "5",
        "difficulty": "just_right",
        "motivation": "3",
        "action": "RPA",
    }
    sent = phone.post(f"/f/{venue.code}", data=full, headers=OWN_FORM, follow_redirects=False)
    assert sent.status_code == 303
    location = sent.headers["location"]
    assert location.startswith(f"/f/{venue.code}/done?o=recorded.")
    result = phone.get(location, headers={"accept-language": "en"})
    assert "Your answers were recorded" in result.text
    # The result link is this phone's, for a few minutes: shared or made up, it
    # shows nobody a "thank you" for answers they never sent.
    made_up = phone.get(f"/f/{venue.code}/done?o=recorded", headers={"accept-language": "en"})
    other = venue.phone("10.0.0.7").get(location, headers={"accept-language": "en"})
    venue.clock.advance(601)
    late = phone.get(location, headers={"accept-language": "en"})
    for page in (made_up, other, late):
        assert page.status_code == 404 and "Your answers were recorded" not in page.text
    cross = phone.post(f"/f/{venue.code}", data=full, headers={"origin": "null"})
    assert cross.status_code == 403


def test_static_files_are_cacheable_and_pages_are_not(venue: Venue) -> None:
    phone = venue.phone("10.0.0.2")
    assert "max-age" in phone.get("/static/style.css").headers["cache-control"]
    page = phone.get(f"/c/{venue.code}", params={"t": venue.token()})
    assert page.headers["cache-control"] == "no-store"
