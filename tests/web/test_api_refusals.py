"""Refused API requests read the same on both phone APIs: a stable `error` code, the
status the contract names (400 / 413 / 429), and a message in the phone's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.tokens import RotatingTokens
from tests.unit.feedback_helpers import GOOD_ANSWERS
from tests.web.test_feedback_http import Setup

BIG = "x" * (17 * 1024)


@pytest.fixture
def api(demo_workspace: Workspace, clock: FakeClock) -> Iterator[Setup]:
    s = Setup(demo_workspace, clock)
    yield s
    s.client.close()
    s.checkin.close()
    s.feedback.close()


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b'{"session": "x"', "malformed_json"),
        (b"\xff\xfe not utf-8", "malformed_json"),
        (b"[]", "invalid_fields"),
        (b'{"session": "x", "token": "y"}', "invalid_fields"),  # no answers
        (b'{"session": "x", "token": "y", "answers": {}, "staff_no": 5}', "invalid_fields"),
        (b"[" * 5000 + b"]" * 5000, "malformed_json"),  # deeper than Python's recursion
    ],
)
def test_malformed_feedback_is_400_with_the_check_in_apis_codes(
    api: Setup, body: bytes, error: str
) -> None:
    for path in ("/api/v1/feedback", "/api/v1/checkin"):
        res = api.client.post(
            path,
            content=body,
            headers={"content-type": "application/json", "accept-language": "en"},
        )
        assert res.status_code == 400, path
        assert res.json()["error"] == error, path
    # The feedback page shows `message` to the person holding the phone.
    assert res.json()["error"] == error
    feedback = api.client.post(
        "/api/v1/feedback", content=body, headers={"accept-language": "ja"}
    ).json()
    assert (
        feedback["message"]
        == "リクエストを読み取れませんでした。もう一度 QR コードを読み取ってください。"
    )


def test_feedback_rate_limit_is_429_with_retry_after(api: Setup) -> None:
    # The fixture's limiter allows 5 failures per device.
    for _ in range(5):
        assert api.post(token="1-FORGED").json()["outcome"] == "invalid_token"
    res = api.post(token="1-FORGED")
    assert res.status_code == 429
    assert res.headers["retry-after"] == "60"
    assert res.json()["error"] == "rate_limited"
    survey = api.client.get(f"/api/v1/survey/{api.code}", params={"t": api.token()})
    assert survey.status_code == 429 and survey.json()["error"] == "rate_limited"


@pytest.mark.parametrize(
    ("path", "size"), [("/api/v1/checkin", 17 * 1024), ("/api/v1/feedback", 129 * 1024)]
)
def test_api_body_over_its_limit_is_413_json(api: Setup, path: str, size: int) -> None:
    big = "x" * size
    res = api.client.post(path, json={"staff_no": big}, headers={"accept-language": "en"})
    assert res.status_code == 413
    assert res.headers["content-type"] == "application/json"
    assert res.json() == {"error": "body_too_large", "message": "The request is too large."}
    assert res.headers["x-content-type-options"] == "nosniff"


def test_long_answers_within_their_limits_are_not_too_large(api: Setup) -> None:
    # Two comments at the default limit, in characters of four bytes: over 16 KB.
    answers = {**GOOD_ANSWERS, "action": "😀" * 2000, "comments": "😀" * 2000}
    body = {"session": api.code, "token": api.token(), "staff_no": "nobody", "answers": answers}
    res = api.client.post("/api/v1/feedback", json=body)
    assert res.status_code == 200 and res.json()["outcome"] == "not_checked_in"


def test_page_body_over_16kb_is_413_text_in_the_phones_language(api: Setup) -> None:
    res = api.client.post(
        f"/c/{api.code}/done",
        content=("staff_no=" + BIG).encode(),
        headers={"accept-language": "ja", "content-type": "application/x-www-form-urlencoded"},
    )
    assert res.status_code == 413
    assert res.headers["content-type"].startswith("text/plain")
    assert res.text == "リクエストが大きすぎます。"


def test_serve_for_one_event_answers_no_other_events_sessions(api: Setup) -> None:
    """`facilitator serve --event ID`: another event's session, even with a genuine
    token, is answered as a forged link on every path."""
    checkin_token = RotatingTokens(api.secret, "checkin", api.code).token_at(
        api.clock.now().timestamp()
    )
    staff_no = next(iter(api.staff.values()))
    body = {"session": api.code, "token": checkin_token, "staff_no": staff_no}

    api.deps.event_id = api.event_id + 1  # the server was started for another event
    assert api.client.post("/api/v1/checkin", json=body).json()["outcome"] == "invalid_token"
    page = api.client.get(f"/c/{api.code}", params={"t": checkin_token})
    assert page.status_code == 404
    assert api.post().json()["outcome"] == "invalid_token"
    survey = api.client.get(f"/api/v1/survey/{api.code}", params={"t": api.token()})
    assert survey.status_code == 404
    assert api.client.get(f"/f/{api.code}", params={"t": api.token()}).status_code == 404

    api.deps.event_id = api.event_id  # its own event: served as before
    assert api.client.post("/api/v1/checkin", json=body).json()["outcome"] in (
        "already_checked_in",
        "wrong_session",
        "checked_in",
    )
    assert api.client.get(f"/c/{api.code}", params={"t": checkin_token}).status_code == 200
    assert api.post(staff_no=staff_no).json()["outcome"] in ("recorded", "replaced")
