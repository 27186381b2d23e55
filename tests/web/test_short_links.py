"""The short projected URLs (`/C/<CODE>/<TOKEN>`, `/F/<CODE>/<TOKEN>`) over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from facilitator.db.models import Attendee, Event, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.phone_links import short_checkin_url, short_code, short_feedback_url
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.checkin.service import CheckInService
from facilitator.services.feedback.capture import FeedbackService
from facilitator.web.app import create_app
from facilitator.web.deps import WebDeps
from facilitator.web.security import FailureLimiter, Limit

BASE = "http://testserver"


class Setup:
    def __init__(self, ws: Workspace, clock: FakeClock) -> None:
        self.clock = clock
        self.checkin = CheckInService(ws, clock)
        self.feedback = FeedbackService(ws, clock)
        self.deps = WebDeps(
            checkin=self.checkin,
            clock=clock,
            limiter=FailureLimiter(clock.monotonic, Limit(5, 60), Limit(20, 60)),
            feedback=self.feedback,
        )
        self.client = TestClient(create_app(self.deps), base_url=BASE)
        with ws.session() as s:
            self.secret = s.scalars(select(Event.secret)).one()
            am = s.scalars(select(TrainingSession).order_by(TrainingSession.position)).first()
            assert am is not None
            self.session_id, self.code = am.id, am.code
            person = s.scalars(
                select(Attendee).where(Attendee.assigned_session_id == am.id)
            ).first()
            assert person is not None
            self.staff_no = person.staff_no

    def token(self, purpose: str = "checkin") -> str:
        return RotatingTokens(self.secret, purpose, self.code).token_at(
            self.clock.now().timestamp()
        )

    def path(self, url: str) -> str:
        """The path a phone asks for; scheme and host are the projected URL's (any case)."""
        assert url.startswith(BASE.upper())
        return url[len(BASE) :]


@pytest.fixture
def setup(demo_workspace: Workspace, clock: FakeClock) -> Iterator[Setup]:
    s = Setup(demo_workspace, clock)
    yield s
    s.client.close()
    s.checkin.close()
    s.feedback.close()


def test_short_checkin_url_opens_the_checkin_page(setup: Setup) -> None:
    url = short_checkin_url(BASE, setup.code, setup.token())
    assert url == url.upper()  # every character in the QR's alphanumeric set
    first = setup.client.get(setup.path(url), follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"].startswith(f"/c/{setup.code}?t=")
    page = setup.client.get(setup.path(url), headers={"accept-language": "ja"})
    assert page.status_code == 200
    assert "職員番号" in page.text and 'name="pass"' in page.text


def test_short_links_keep_the_token_refusals(setup: Setup) -> None:
    forged = f"/C/{short_code(setup.code)}/1-ZZZZZZZZZZ"
    assert setup.client.get(forged).status_code == 403
    old = short_checkin_url(BASE, setup.code, setup.token())
    setup.clock.advance(300)
    expired = setup.client.get(setup.path(old), headers={"accept-language": "en"})
    assert expired.status_code == 403 and "expired" in expired.text
    # A feedback token never opens check-in (and the other way round).
    wrong = f"/C/{short_code(setup.code)}/{setup.token('feedback')}"
    assert setup.client.get(wrong).status_code == 403


def test_a_short_code_that_is_no_session_is_a_forged_link(setup: Setup) -> None:
    for bad in ("1", "not-base32!", short_code("nosuchcode")):
        response = setup.client.get(f"/C/{bad}/{setup.token()}", headers={"accept-language": "ja"})
        assert response.status_code == 404, bad
    # Each counted against the phone, like any forged link: the sixth is refused outright.
    for _ in range(3):
        setup.client.get(f"/C/1/{setup.token()}")
    assert setup.client.get(f"/C/1/{setup.token()}").status_code == 429


def test_old_long_links_still_work(setup: Setup) -> None:
    page = setup.client.get(f"/c/{setup.code}?t={setup.token()}")
    assert page.status_code == 200 and 'name="pass"' in page.text


def test_short_feedback_url_opens_the_survey(setup: Setup) -> None:
    setup.feedback.set_feedback_open(setup.session_id, True)
    url = short_feedback_url(BASE, setup.code, setup.token("feedback"))
    first = setup.client.get(setup.path(url), follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"].startswith(f"/f/{setup.code}?t=")
    page = setup.client.get(setup.path(url), headers={"accept-language": "ja"})
    assert page.status_code == 200 and "<form" in page.text
