"""The feedback page and API through Starlette's test client."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from markupsafe import Markup
from sqlalchemy import select
from starlette.testclient import TestClient

from facilitator.db.models import Event
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.checkin.service import CheckInService
from facilitator.services.feedback.capture import FeedbackService
from facilitator.web.app import create_app
from facilitator.web.deps import WebDeps
from facilitator.web.identity import ATTENDEE_COOKIE, new_device_cookie, set_attendee_cookie
from facilitator.web.security import DEVICE_COOKIE, FailureLimiter, Limit
from tests.unit.feedback_helpers import (
    GOOD_ANSWERS,
    attendees_of,
    check_in,
    configure_survey,
    open_feedback,
    session_codes,
)
from tests.web.page_text import shown

BASE = "http://testserver"


class Setup:
    def __init__(self, ws: Workspace, clock: FakeClock) -> None:
        self.clock = clock
        self.checkin = CheckInService(ws, clock)
        self.feedback = FeedbackService(ws, clock)
        self.notified: list[int] = []
        self.deps = WebDeps(
            checkin=self.checkin,
            clock=clock,
            limiter=FailureLimiter(clock.monotonic, Limit(5, 60), Limit(20, 60)),
            feedback=self.feedback,
            on_feedback=self.notified.append,
        )
        # The laptop's own address: these tests are about the survey's rules; the
        # one-phone rules have their own tests (tests/web/test_phone_trust_http.py).
        self.client = TestClient(create_app(self.deps), base_url=BASE, client=("127.0.0.1", 5000))
        with ws.session() as s:
            event = s.scalars(select(Event)).one()
            self.event_id, self.secret = event.id, event.secret
        self.code = session_codes(ws)["AM"]
        open_feedback(ws, "AM")
        self.ids = check_in(ws, clock, "AM", 5)
        self.staff = dict(attendees_of(ws, "AM"))

    def token(self, code: str | None = None) -> str:
        return RotatingTokens(self.secret, "feedback", code or self.code).token_at(
            self.clock.now().timestamp()
        )

    def post(self, **override: Any) -> Any:
        body = {"session": self.code, "token": self.token(), "answers": GOOD_ANSWERS, **override}
        return self.client.post("/api/v1/feedback", json=body)

    def as_phone_of(self, attendee_id: int) -> None:
        from starlette.responses import Response

        response = Response()
        device = new_device_cookie(self.secret, self.clock.now())
        set_attendee_cookie(
            response, self.secret, self.event_id, attendee_id, device, self.clock.now()
        )
        raw = response.headers["set-cookie"].split(";")[0].split("=", 1)[1]
        self.client.cookies.set(ATTENDEE_COOKIE, raw)
        self.client.cookies.set(DEVICE_COOKIE, device)


@pytest.fixture
def setup(demo_workspace: Workspace, clock: FakeClock) -> Iterator[Setup]:
    s = Setup(demo_workspace, clock)
    yield s
    s.client.close()
    s.checkin.close()
    s.feedback.close()


def test_survey_api_shape(setup: Setup) -> None:
    res = setup.client.get(
        f"/api/v1/survey/{setup.code}",
        params={"t": setup.token()},
        headers={"Accept-Language": "en"},
    )
    assert res.status_code == 200
    questions = res.json()["questions"]
    assert [q["key"] for q in questions] == [
        "understanding",
        "usefulness",
        "difficulty",
        "motivation",
        "action",
        "comments",
    ]
    rating, _, choice, _, text, comments = questions
    assert rating["kind"] == "rating" and rating["min_label"] == "Not at all"
    assert rating["label"] == "How well did you understand the content?"
    assert choice["kind"] == "single_choice"
    assert choice["choices"][0] == {"value": "too_easy", "label": "Too easy"}
    assert text["max_length"] == 1000 and text["required"] is True
    assert comments["required"] is False
    ja = setup.client.get(f"/api/v1/survey/{setup.code}", params={"t": setup.token()}).json()
    assert ja["questions"][0]["label"] == "研修内容をどの程度理解できましたか"


def test_survey_api_refuses_bad_tokens(setup: Setup) -> None:
    forged = setup.client.get(f"/api/v1/survey/{setup.code}", params={"t": "1-AAAAAAAAAA"})
    assert forged.status_code == 403 and forged.json()["outcome"] == "invalid_token"
    old = setup.token()
    setup.clock.advance(600)
    expired = setup.client.get(f"/api/v1/survey/{setup.code}", params={"t": old})
    assert expired.status_code == 403 and expired.json()["outcome"] == "expired_token"


def test_submit_by_staff_number_then_replace(setup: Setup) -> None:
    staff_no = setup.staff[setup.ids[0]]
    first = setup.post(staff_no=staff_no)
    assert first.status_code == 200
    assert first.json() == {
        "outcome": "recorded",
        "message": "ご回答ありがとうございました。",
        "errors": [],
    }
    assert setup.post(staff_no=staff_no).json()["outcome"] == "replaced"
    assert setup.feedback.response_count(setup.notified[0]) == 1
    assert len(setup.notified) == 2


def test_cookie_recognises_the_phone(setup: Setup) -> None:
    setup.as_phone_of(setup.ids[1])
    page = setup.client.get(f"/f/{setup.code}", params={"t": setup.token()})
    assert page.status_code == 200
    assert 'id="staff_no"' not in page.text
    assert "さんとして回答します" in shown(page)
    # No staff number needed: the cookie says who answers.
    assert setup.post().json()["outcome"] == "recorded"


def test_page_asks_staff_number_without_cookie(setup: Setup) -> None:
    page = setup.client.get(f"/f/{setup.code}", params={"t": setup.token()})
    assert page.status_code == 200
    assert 'id="staff_no"' in page.text
    assert "content-security-policy" in page.headers
    assert '<script src="/static/feedback.js">' in page.text
    # The error line under the staff number, which the page script writes into.
    staff_box = page.text.split('data-key="staff_no"', 1)[1].split("</fieldset>", 1)[0]
    assert 'class="field-error"' in staff_box


def test_the_default_survey_s_title_follows_the_phone_s_language(setup: Setup) -> None:
    for lang, title in (("ja", "受講報告書"), ("en", "Training report")):
        page = setup.client.get(
            f"/f/{setup.code}", params={"t": setup.token()}, headers={"accept-language": lang}
        )
        assert f"<h1>{title} " in page.text, lang


def test_outcomes_over_http(setup: Setup) -> None:
    staff_no = setup.staff[setup.ids[2]]
    assert setup.post(staff_no="000").json()["outcome"] == "not_checked_in"
    bad = setup.post(staff_no=staff_no, answers={**GOOD_ANSWERS, "understanding": 9, "x": 1})
    body = bad.json()
    assert body["outcome"] == "invalid_answers"
    assert {e["key"] for e in body["errors"]} == {"understanding", "x"}
    assert setup.post(staff_no=staff_no, token="1-AAAAAAAAAA").json()["outcome"] == "invalid_token"
    old = setup.token()
    setup.clock.advance(3 * 3600)
    assert setup.post(staff_no=staff_no, token=old).json()["outcome"] == "expired_token"
    setup.feedback.set_feedback_open(setup.feedback.survey_for_code(setup.code).session_id, False)  # type: ignore[union-attr]
    assert setup.post(staff_no=staff_no).json()["outcome"] == "survey_closed"
    closed_page = setup.client.get(f"/f/{setup.code}", params={"t": setup.token()})
    assert "受付は終了" in shown(closed_page)


def test_anonymous_refuses_second_submission(setup: Setup, demo_workspace: Workspace) -> None:
    configure_survey(demo_workspace, anonymous=True)
    staff_no = setup.staff[setup.ids[3]]
    assert setup.post(staff_no=staff_no).json()["outcome"] == "recorded"
    assert setup.post(staff_no=staff_no).json()["outcome"] == "already_submitted"
    page = setup.client.get(f"/f/{setup.code}", params={"t": setup.token()})
    assert "無記名" in shown(page)


def test_html_in_labels_and_malformed_bodies(setup: Setup) -> None:
    typed = {"content-type": "application/json"}
    assert (
        setup.client.post("/api/v1/feedback", content=b"{not json", headers=typed).status_code
        == 400
    )
    # Not declared JSON (what another site's form or text/plain fetch sends): 415.
    assert setup.client.post("/api/v1/feedback", content=b"{}").status_code == 415
    assert setup.client.post("/api/v1/feedback", json=[1]).status_code == 400
    assert setup.client.post("/api/v1/feedback", json={"session": 1}).status_code == 400
    big = {"session": setup.code, "token": setup.token(), "answers": {"comments": "x" * 140_000}}
    assert setup.client.post("/api/v1/feedback", json=big).status_code == 413
    cross = setup.client.post(
        "/api/v1/feedback",
        json={"session": setup.code, "token": setup.token(), "answers": {}},
        headers={"Origin": "http://evil.example"},
    )
    assert cross.status_code == 403


def test_failed_guesses_are_rate_limited(setup: Setup) -> None:
    outcomes = [setup.post(staff_no=f"99999{i}").status_code for i in range(8)]
    assert outcomes[:5] == [200] * 5
    assert outcomes[-1] == 429
    limited = setup.post(staff_no="1")
    assert limited.status_code == 429 and "試行が多すぎます" in limited.json()["message"]
    setup.clock.advance(61)
    assert setup.post(staff_no=setup.staff[setup.ids[4]]).json()["outcome"] == "recorded"


def test_page_shows_html_as_text_and_refuses_stale_links(
    setup: Setup, demo_workspace: Workspace
) -> None:
    from facilitator.db.models import Question

    with demo_workspace.session() as s:
        q = s.scalars(select(Question).where(Question.key == "comments")).one()
        q.label_ja = "<img src=x onerror=alert(1)>ご意見"
    page = setup.client.get(f"/f/{setup.code}", params={"t": setup.token()})
    assert "<img src=x" not in page.text
    assert "&lt;img src=x onerror=alert(1)&gt;ご意見" in shown(page)
    old = setup.token()
    setup.clock.advance(120)
    stale = setup.client.get(f"/f/{setup.code}", params={"t": old})
    assert stale.status_code == 403 and "有効期限" in shown(stale)
    english = setup.client.get(
        f"/f/{setup.code}", params={"t": "1-AAAAAAAAAA"}, headers={"Accept-Language": "en-US"}
    )
    assert english.status_code == 403 and "not valid" in english.text


def test_anonymous_page_does_not_greet_by_name(setup: Setup, demo_workspace: Workspace) -> None:
    configure_survey(demo_workspace, anonymous=True)
    setup.as_phone_of(setup.ids[1])
    page = setup.client.get(f"/f/{setup.code}", params={"t": setup.token()})
    assert "回答はお名前と結び付けられません" in shown(page)
    assert "さんとして回答します" not in shown(page)
    assert 'id="staff_no"' not in page.text


def test_the_survey_page_marks_phrases_and_keeps_a_typed_script_as_text(
    setup: Setup, demo_workspace: Workspace
) -> None:
    from facilitator.db.models import Question
    from facilitator.domain.phrases import phrases

    label = "<script>alert(1)</script>研修の内容を職場で活かせそうですか"
    with demo_workspace.session() as s:
        q = s.scalars(select(Question).where(Question.key == "comments")).one()
        q.label_ja = label
    page = setup.client.get(f"/f/{setup.code}", params={"t": setup.token()})
    assert "<script>alert" not in page.text
    legend = re.search(r'id="q-comments">\s*<legend>(.*?)\n', page.text)
    assert legend is not None
    assert legend.group(1).replace("<wbr>", "") == "6. " + str(Markup.escape(label))
    assert legend.group(1).count("<wbr>") == len(phrases(label)) - 1
    # Attributes and the window title carry no markup.
    assert (
        'aria-label="&lt;script&gt;alert(1)&lt;/script&gt;研修の内容を職場で活かせそうですか"'
        in (page.text)
    )
    assert "<wbr>" not in re.search(r"<title>(.*?)</title>", page.text).group(1)  # type: ignore[union-attr]
    english = setup.client.get(
        f"/f/{setup.code}", params={"t": setup.token()}, headers={"Accept-Language": "en"}
    )
    assert "<wbr>" not in english.text
