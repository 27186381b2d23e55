"""A real phone browser: Debian's chromium (Playwright), mobile viewport, Japanese locale."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from facilitator.db.models import Attendee, CheckIn, Department, Event, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import SystemClock
from facilitator.domain.phone_links import checkin_url, short_checkin_url
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.checkin.service import CheckInService
from facilitator.web.app import create_app
from facilitator.web.deps import WebDeps
from facilitator.web.server import LanServer
from tests.web.phone_browser import phone_page

pytestmark = pytest.mark.browser


@pytest.fixture
def server(demo_workspace: Workspace) -> Iterator[tuple[LanServer, CheckInService]]:
    clock = SystemClock()
    service = CheckInService(demo_workspace, clock)
    lan = LanServer(create_app(WebDeps(checkin=service, clock=clock)), "127.0.0.1", 18765)
    lan.start()
    yield lan, service
    lan.stop()
    service.close()


def test_phone_checks_in_with_staff_number(
    server: tuple[LanServer, CheckInService], demo_workspace: Workspace, screenshots: Path
) -> None:
    lan, _service = server
    with demo_workspace.session() as s:
        secret = s.scalars(select(Event.secret)).one()
        am = s.scalars(select(TrainingSession).order_by(TrainingSession.position)).first()
        assert am is not None
        person = s.scalars(
            select(Attendee).where(Attendee.assigned_session_id == am.id).order_by(Attendee.id)
        ).first()
        assert person is not None
        code, staff_no, name = am.code, person.staff_no, person.name
    url = checkin_url(
        lan.base_url,
        code,
        RotatingTokens(secret, "checkin", code).token_at(SystemClock().now().timestamp()),
    )

    with phone_page("ja-JP") as (page, errors):
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == "ja"
        page.get_by_label("職員番号").fill(staff_no)
        page.screenshot(path=str(screenshots / "checkin_phone_form.png"))
        page.get_by_role("button", name="次へ").click()
        assert page.locator("#person-name").inner_text() == name
        page.screenshot(path=str(screenshots / "checkin_phone_confirm.png"))
        page.get_by_role("button", name="はい、受付します").click()
        outcome = page.locator("#outcome")
        assert "受付が完了しました" in outcome.inner_text()
        assert name in outcome.inner_text()
        page.screenshot(path=str(screenshots / "checkin_phone_done.png"))
        # The CSS came from the laptop (the card is green) and nothing broke the CSP.
        colour = outcome.evaluate("e => getComputedStyle(e).borderLeftColor")
        assert colour == "rgb(27, 127, 59)"
        assert errors == []
        cookies = {c["name"]: c for c in page.context.cookies()}
        assert cookies["fac_att"]["httpOnly"] is True
    with demo_workspace.session() as s:
        assert s.scalar(select(CheckIn.method).where(CheckIn.attendee_id == person.id)) == "phone"


def test_phone_without_staff_number_picks_department_and_name(
    server: tuple[LanServer, CheckInService], demo_workspace: Workspace, screenshots: Path
) -> None:
    lan, _service = server
    with demo_workspace.session() as s:
        secret = s.scalars(select(Event.secret)).one()
        am = s.scalars(select(TrainingSession).order_by(TrainingSession.position)).first()
        assert am is not None
        person = s.scalars(
            select(Attendee).where(Attendee.assigned_session_id == am.id).order_by(Attendee.id)
        ).first()
        assert person is not None
        department = s.scalar(select(Department.name).where(Department.id == person.department_id))
        code, name = am.code, person.name
    url = checkin_url(
        lan.base_url,
        code,
        RotatingTokens(secret, "checkin", code).token_at(SystemClock().now().timestamp()),
    )
    with phone_page("en-US") as (page, _errors):
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == "en"
        page.get_by_role("link", name="Choose your department and name").click()
        page.get_by_role("link", name=department, exact=True).click()
        page.screenshot(path=str(screenshots / "checkin_phone_pick.png"))
        page.get_by_role("button", name=name, exact=True).first.click()
        assert page.locator("#person-name").inner_text() == name
        page.get_by_role("button", name="Yes, check me in").click()
        assert "You are checked in" in page.locator("#outcome").inner_text()


def test_the_projected_short_url_opens_the_checkin_page_in_a_phone_browser(
    server: tuple[LanServer, CheckInService], demo_workspace: Workspace, screenshots: Path
) -> None:
    """What a phone camera hands the browser: the upper-case URL the projector's QR holds."""
    lan, _service = server
    with demo_workspace.session(readonly=True) as s:
        secret, code = s.execute(
            select(Event.secret, TrainingSession.code)
            .join(TrainingSession, TrainingSession.event_id == Event.id)
            .order_by(TrainingSession.position)
        ).first()  # type: ignore[misc]
    token = RotatingTokens(secret, "checkin", code).token_at(SystemClock().now().timestamp())
    url = short_checkin_url(lan.base_url, code, token)
    assert url.startswith("HTTP://127.0.0.1:18765/C/")
    with phone_page("ja-JP") as (page, errors):
        page.goto(url)
        assert page.url.startswith(f"http://127.0.0.1:18765/c/{code}?t=")
        assert page.get_by_label("職員番号").is_visible()
        page.screenshot(path=str(screenshots / "checkin_phone_short_url.png"))
        assert errors == []
