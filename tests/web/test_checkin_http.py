"""The LAN server through Starlette's test client: API, phone pages, security rules."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import select, update
from starlette.testclient import TestClient

from facilitator.db.models import Attendee, CheckIn, Event, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.checkin.service import CheckInService
from facilitator.services.checkin.types import CheckInResult
from facilitator.web.app import create_app
from facilitator.web.deps import WebDeps
from facilitator.web.identity import ATTENDEE_COOKIE, read_attendee_cookie
from facilitator.web.security import DEVICE_COOKIE, FailureLimiter, Limit
from tests.web.page_text import shown

BASE = "http://testserver"


class Setup:
    def __init__(self, ws: Workspace, clock: FakeClock) -> None:
        self.clock = clock
        self.service = CheckInService(ws, clock)
        self.seen: list[CheckInResult] = []
        self.deps = WebDeps(
            checkin=self.service,
            clock=clock,
            on_checkin=self.seen.append,
            limiter=FailureLimiter(clock.monotonic, Limit(5, 60), Limit(20, 60)),
        )
        self.client = TestClient(create_app(self.deps), base_url=BASE)
        with ws.session() as s:
            self.event = s.scalars(select(Event)).one()
            self.am, self.pm = s.scalars(
                select(TrainingSession).order_by(TrainingSession.position)
            ).all()
            self.people = s.scalars(
                select(Attendee)
                .where(Attendee.assigned_session_id == self.am.id)
                .order_by(Attendee.id)
            ).all()

    def token(self, session: TrainingSession | None = None) -> str:
        s = session or self.am
        return RotatingTokens(self.event.secret, "checkin", s.code).token_at(
            self.clock.now().timestamp()
        )

    def api(self, staff_no: str, **override: object) -> object:
        body = {"session": self.am.code, "token": self.token(), "staff_no": staff_no, **override}
        return self.client.post("/api/v1/checkin", json=body)


@pytest.fixture
def setup(demo_workspace: Workspace, clock: FakeClock) -> Iterator[Setup]:
    s = Setup(demo_workspace, clock)
    yield s
    s.client.close()
    s.service.close()


def test_api_checks_in_once(setup: Setup) -> None:
    person = setup.people[0]
    first = setup.api(person.staff_no)
    assert first.status_code == 200
    body = first.json()
    assert body["outcome"] == "checked_in"
    assert body["attendee"] == {"name": person.name, "department": body["attendee"]["department"]}
    assert body["session"] == {"label": "AM"}
    assert body["checked_in_at"].startswith("2026-07-04T00:00:00")
    assert setup.api(person.staff_no).json()["outcome"] == "already_checked_in"
    assert [r.outcome.value for r in setup.seen] == ["checked_in", "already_checked_in"]
    # Scripts get no attendee cookie; the phone page flow sets it (below).
    assert first.cookies.get(ATTENDEE_COOKIE) is None


def test_api_outcomes_for_tokens_and_unknown(setup: Setup) -> None:
    assert setup.api("1").json() == {
        "outcome": "unknown_attendee",
        "attendee": None,
        "session": {"label": "AM"},
        "checked_in_at": None,
    }
    assert (
        setup.api(setup.people[0].staff_no, token="0-AAAAAAAAAA").json()["outcome"]
        == "invalid_token"
    )
    assert (
        setup.api(setup.people[0].staff_no, token=setup.token(setup.pm)).json()["outcome"]
        == "invalid_token"
    )
    old = setup.token()
    setup.clock.advance(300)
    assert setup.api(setup.people[0].staff_no, token=old).json()["outcome"] == "expired_token"


@pytest.mark.parametrize(
    "payload",
    [
        b"{not json",
        b"[]",
        b'{"session": "x", "token": "y"}',
        b'{"session": 1, "token": "y", "staff_no": "z"}',
        b"\xff\xfe",
    ],
)
def test_api_malformed_is_400(setup: Setup, payload: bytes) -> None:
    response = setup.client.post(
        "/api/v1/checkin", content=payload, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400


def test_api_body_over_16kb_is_413(setup: Setup) -> None:
    big = {"session": setup.am.code, "token": setup.token(), "staff_no": "1", "pad": "x" * 17000}
    assert setup.client.post("/api/v1/checkin", json=big).status_code == 413
    # Chunked (no Content-Length) is refused too.
    chunks = (b"x" * 4096 for _ in range(5))
    assert setup.client.post("/api/v1/checkin", content=chunks).status_code == 413


def test_failures_rate_limited_successes_never(setup: Setup) -> None:
    for _ in range(5):
        assert setup.api("0").json()["outcome"] == "unknown_attendee"
    limited = setup.api(setup.people[0].staff_no)
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "60"
    setup.clock.advance(61)
    assert setup.api(setup.people[0].staff_no).json()["outcome"] == "checked_in"


def test_many_check_ins_from_the_laptops_own_address_all_succeed(setup: Setup) -> None:
    """127.0.0.1 is the laptop (kiosk, door tools): the one-phone rule leaves it alone."""
    laptop = TestClient(create_app(setup.deps), base_url=BASE, client=("127.0.0.1", 50000))
    body = {"session": setup.am.code, "token": setup.token()}
    outcomes = [
        laptop.post("/api/v1/checkin", json={**body, "staff_no": p.staff_no}).json()["outcome"]
        for p in setup.people
    ]
    laptop.close()
    assert outcomes == ["checked_in"] * len(setup.people)


def test_security_headers_on_every_response(setup: Setup) -> None:
    for response in (
        setup.client.get("/healthz"),
        setup.client.get(f"/c/{setup.am.code}?t={setup.token()}"),
        setup.api("1"),
        setup.client.get("/nowhere"),
    ):
        csp = response.headers["content-security-policy"]
        assert (
            "default-src 'self'" in csp
            and "script-src 'self'" in csp
            and "unsafe-inline" not in csp
        )
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "same-origin"


def test_no_roster_export_or_admin_endpoints(setup: Setup) -> None:
    for path in ("/", "/api/v1/attendees", "/admin", "/export", "/api/v1/checkins"):
        assert setup.client.get(path).status_code == 404
    assert setup.client.get("/healthz").text == "ok"


def _pass(html: str) -> str:
    match = re.search(r'name="pass" value="([^"]+)"', html)
    assert match
    return match.group(1)


def test_phone_flow_japanese(setup: Setup, demo_workspace: Workspace) -> None:
    person = setup.people[0]
    ja = {"accept-language": "ja-JP,ja;q=0.9,en;q=0.8"}
    page = setup.client.get(f"/c/{setup.am.code}?t={setup.token()}", headers=ja)
    assert page.status_code == 200
    assert "職員番号" in shown(page) and '<html lang="ja">' in shown(page)
    setup.clock.advance(120)  # the QR token rotated away while they typed: the page pass holds
    confirm = setup.client.post(
        f"/c/{setup.am.code}/confirm",
        data={"pass": _pass(page.text), "staff_no": person.staff_no},
        headers=ja,
    )
    assert person.name in shown(confirm) and "ご本人の確認" in shown(confirm)
    done = setup.client.post(
        f"/c/{setup.am.code}/done",
        data={"pass": _pass(confirm.text), "staff_no": person.staff_no},
        headers=ja,
    )
    assert "受付が完了しました" in shown(done) and person.name in shown(done)
    with demo_workspace.session() as s:
        assert s.scalar(select(CheckIn.method).where(CheckIn.attendee_id == person.id)) == "phone"
    # The phone now carries who it is, for the feedback page.
    cookies = {
        name: setup.client.cookies.get(name) or "" for name in (ATTENDEE_COOKIE, DEVICE_COOKIE)
    }
    request = type("R", (), {"cookies": cookies})()
    now = setup.clock.now()
    assert read_attendee_cookie(request, setup.event.secret, setup.event.id, now) == person.id
    assert read_attendee_cookie(request, "00" * 32, setup.event.id, now) is None
    set_cookie = done.headers["set-cookie"]
    assert "httponly" in set_cookie.lower() and "samesite=lax" in set_cookie.lower()


def test_phone_flow_english_and_unknown(setup: Setup) -> None:
    en = {"accept-language": "en-US,en;q=0.9"}
    page = setup.client.get(f"/c/{setup.am.code}?t={setup.token()}", headers=en)
    assert "Staff number" in page.text and '<html lang="en">' in page.text
    again = setup.client.post(
        f"/c/{setup.am.code}/confirm", data={"pass": _pass(page.text), "staff_no": "42"}, headers=en
    )
    assert "not on the list" in again.text


def test_phone_wrong_session_is_polite(setup: Setup, demo_workspace: Workspace) -> None:
    with demo_workspace.session() as s:
        pm_person = s.scalars(
            select(Attendee).where(Attendee.assigned_session_id == setup.pm.id)
        ).first()
        assert pm_person is not None
    page = setup.client.get(
        f"/c/{setup.am.code}?t={setup.token()}", headers={"accept-language": "ja"}
    )
    done = setup.client.post(
        f"/c/{setup.am.code}/done", data={"pass": _pass(page.text), "staff_no": pm_person.staff_no}
    )
    # A phone that is not this person's own is not told which session they are booked for.
    assert "別のセッションで" in shown(done) and "受付でお尋ねください" in shown(done)
    assert "（PM）" not in done.text
    # Said once: the page's own "ask at the desk" line is not added under it.
    assert shown(done).count("受付でお尋ね") == 1


def test_phone_expired_and_forged_links(setup: Setup) -> None:
    old = setup.token()
    setup.clock.advance(300)
    expired = setup.client.get(f"/c/{setup.am.code}?t={old}", headers={"accept-language": "en"})
    assert expired.status_code == 403 and "expired" in expired.text
    assert setup.client.get(f"/c/{setup.am.code}?t=1-ZZZZ").status_code == 403
    unknown = setup.client.get(f"/c/nosuchcode?t={old}", headers={"accept-language": "ja"})
    assert unknown.status_code == 404 and "この受付リンクは無効です" in shown(unknown)
    assert "outcome.invalid_token" not in unknown.text and "checkin.title" not in unknown.text
    forged = setup.client.post(f"/c/{setup.am.code}/done", data={"pass": "1-AAAA", "staff_no": "1"})
    assert forged.status_code == 403


def test_cross_site_form_post_refused(setup: Setup) -> None:
    page = setup.client.get(f"/c/{setup.am.code}?t={setup.token()}")
    response = setup.client.post(
        f"/c/{setup.am.code}/done",
        data={"pass": _pass(page.text), "staff_no": setup.people[0].staff_no},
        headers={"origin": "http://evil.example"},
    )
    assert response.status_code == 403


def test_session_closed_page(setup: Setup, demo_workspace: Workspace) -> None:
    with demo_workspace.session() as s:
        s.execute(
            update(TrainingSession)
            .where(TrainingSession.id == setup.am.id)
            .values(checkin_open=False)
        )
    page = setup.client.get(
        f"/c/{setup.am.code}?t={setup.token()}", headers={"accept-language": "en"}
    )
    assert "closed" in page.text


def test_names_are_escaped(setup: Setup, demo_workspace: Workspace) -> None:
    person = setup.people[0]
    with demo_workspace.session() as s:
        s.execute(
            update(Attendee)
            .where(Attendee.id == person.id)
            .values(name="<script>alert(1)</script>")
        )
    page = setup.client.get(f"/c/{setup.am.code}?t={setup.token()}")
    confirm = setup.client.post(
        f"/c/{setup.am.code}/confirm", data={"pass": _pass(page.text), "staff_no": person.staff_no}
    )
    assert "<script>" not in confirm.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in confirm.text
    typed = setup.client.post(
        f"/c/{setup.am.code}/confirm",
        data={"pass": _pass(page.text), "staff_no": '"><script>x</script>'},
    )
    assert "<script>x" not in typed.text
    api = setup.api(person.staff_no)
    assert api.headers["content-type"].startswith("application/json")
    assert api.json()["attendee"]["name"] == "<script>alert(1)</script>"


def test_static_assets_are_local(setup: Setup) -> None:
    page = setup.client.get(f"/c/{setup.am.code}?t={setup.token()}")
    assert "http" not in re.sub(r'action="[^"]*"', "", page.text.split("<body>")[0]).replace(
        "http-equiv", ""
    )
    css = setup.client.get("/static/style.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]


def test_pick_department_then_name(setup: Setup, demo_workspace: Workspace) -> None:
    person = setup.people[0]
    with demo_workspace.session() as s:
        dept_id = s.scalar(select(Attendee.department_id).where(Attendee.id == person.id))
    ja = {"accept-language": "ja"}
    page = setup.client.get(f"/c/{setup.am.code}?t={setup.token()}", headers=ja)
    link = re.search(r'id="pick-link" href="([^"]+)"', page.text)
    assert link
    departments = setup.client.get(link.group(1).replace("&amp;", "&"), headers=ja)
    assert "所属を選んでください" in shown(departments)
    names = setup.client.get(
        re.findall(rf'href="([^"]+d={dept_id})"', departments.text)[0].replace("&amp;", "&"),
        headers=ja,
    )
    assert person.name in shown(names)
    assert person.staff_no not in names.text  # the picker never shows staff numbers
    confirm = setup.client.post(
        f"/c/{setup.am.code}/confirm",
        data={"pass": _pass(names.text), "attendee": str(person.id)},
        headers=ja,
    )
    assert person.name in shown(confirm) and f'name="attendee" value="{person.id}"' in shown(
        confirm
    )
    done = setup.client.post(
        f"/c/{setup.am.code}/done", data={"pass": _pass(confirm.text), "attendee": str(person.id)}
    )
    assert "受付が完了しました" in shown(done)
    again = re.search(r'href="(/c/[^"]+/form\?p=[^"]+)"', confirm.text)
    assert again and "職員番号" in shown(setup.client.get(again.group(1)))


def test_picker_needs_a_valid_pass(setup: Setup) -> None:
    assert setup.client.get(f"/c/{setup.am.code}/pick?p=1-AAAA").status_code == 403
    assert setup.client.get(f"/c/{setup.am.code}/pick").status_code == 403


def test_fetch_metadata_decides_same_origin(setup: Setup) -> None:
    page = setup.client.get(f"/c/{setup.am.code}?t={setup.token()}")
    data = {"pass": _pass(page.text), "staff_no": setup.people[0].staff_no}
    cross = setup.client.post(
        f"/c/{setup.am.code}/confirm", data=data, headers={"sec-fetch-site": "cross-site"}
    )
    assert cross.status_code == 403
    # Origin: null is refused even beside a same-origin Sec-Fetch-Site (a sandboxed
    # frame); our pages send referrers to themselves, so our own forms name the origin.
    sandboxed = setup.client.post(
        f"/c/{setup.am.code}/confirm",
        data=data,
        headers={"sec-fetch-site": "same-origin", "origin": "null"},
    )
    assert sandboxed.status_code == 403
    own = setup.client.post(
        f"/c/{setup.am.code}/confirm",
        data=data,
        headers={"sec-fetch-site": "same-origin", "origin": BASE},
    )
    assert own.status_code == 200 and setup.people[0].name in shown(own)
