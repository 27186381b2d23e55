"""The burst paths (`POST /api/v1/checkin`, `POST /api/v1/feedback`) skip the router but
keep every guard: security headers, 405 for other methods, many requests of one loop
turn answered each with its own result."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
from sqlalchemy import select

from facilitator.composition import lan_deps
from facilitator.db.models import Attendee, Event, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.checkin.service import CheckInService
from facilitator.services.feedback.capture import FeedbackService
from facilitator.web.app import create_app
from facilitator.web.security import CONTENT_SECURITY_POLICY


def _app(ws: Workspace, clock: FakeClock) -> tuple[Any, CheckInService, FeedbackService]:
    checkin, feedback = CheckInService(ws, clock), FeedbackService(ws, clock)
    return create_app(lan_deps(checkin, clock, feedback)), checkin, feedback


def test_many_check_ins_in_one_loop_turn_each_get_their_own_answer(
    demo_workspace: Workspace, clock: FakeClock
) -> None:
    app, checkin, feedback = _app(demo_workspace, clock)
    with demo_workspace.session() as s:
        secret = s.scalars(select(Event.secret)).one()
        am = s.scalars(select(TrainingSession).where(TrainingSession.label == "AM")).one()
        people = s.execute(
            select(Attendee.staff_no, Attendee.name).where(Attendee.assigned_session_id == am.id)
        ).all()
        code = am.code
    token = RotatingTokens(secret, "checkin", code).token_at(clock.now().timestamp())
    staff = [p.staff_no for p in people[:20]]

    async def burst() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 5000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            bodies = [{"session": code, "token": token, "staff_no": n} for n in staff]
            bodies += [*bodies[:5], {"session": code, "token": token, "staff_no": "nobody"}]
            return await asyncio.gather(*(c.post("/api/v1/checkin", json=b) for b in bodies))

    try:
        answers = asyncio.run(burst())
    finally:
        checkin.close()
        feedback.close()
    outcomes = [r.json()["outcome"] for r in answers]
    assert outcomes[:20] == ["checked_in"] * 20
    assert outcomes[20:25] == ["already_checked_in"] * 5
    assert outcomes[25] == "unknown_attendee"
    names = dict((p.staff_no, p.name) for p in people)
    assert [r.json()["attendee"]["name"] for r in answers[:20]] == [names[n] for n in staff]
    for response in answers:
        assert response.status_code == 200
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-type"] == "application/json"
        assert json.loads(response.content) == response.json()


def test_other_methods_still_reach_the_router(demo_workspace: Workspace, clock: FakeClock) -> None:
    app, checkin, feedback = _app(demo_workspace, clock)

    async def probe() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            return [
                await c.get("/api/v1/checkin"),
                await c.get("/api/v1/feedback"),
                await c.post("/api/v1/checkin/", json={}),
            ]

    try:
        get_checkin, get_feedback, trailing = asyncio.run(probe())
    finally:
        checkin.close()
        feedback.close()
    assert get_checkin.status_code == 405 and get_feedback.status_code == 405
    assert get_checkin.headers["x-frame-options"] == "DENY"
    assert trailing.status_code in (307, 404)  # the router's answer, not the hot path's
