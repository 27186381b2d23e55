"""Day-of rebooking seen from the door: a rebooked no-show checks in to PM from a phone."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from starlette.testclient import TestClient

from facilitator.db.models import Attendee, Department, Event, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.rebooking import RebookOutcome
from facilitator.domain.scheduling_inputs import RoleKind, role_kind
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.checkin.service import CheckInService
from facilitator.services.roster.rebook import RebookService
from facilitator.web.app import create_app
from facilitator.web.deps import WebDeps
from facilitator.web.security import FailureLimiter, Limit


class Phones:
    """A new phone (own address, no cookies) for every check-in: one phone, one person."""

    def __init__(self, ws: Workspace, clock: FakeClock) -> None:
        self.service = CheckInService(ws, clock)
        deps = WebDeps(
            checkin=self.service,
            clock=clock,
            on_checkin=lambda _r: None,
            limiter=FailureLimiter(clock.monotonic, Limit(50, 60), Limit(200, 60)),
        )
        self.app = create_app(deps)
        self.used = 0

    def post(self, path: str, body: dict[str, str]) -> dict[str, str]:
        self.used += 1
        address = f"10.1.{self.used // 250}.{self.used % 250 + 1}"
        with TestClient(self.app, base_url="http://testserver", client=(address, 5000)) as phone:
            result: dict[str, str] = phone.post(path, json=body).json()
        return result


@pytest.fixture
def door(demo_workspace: Workspace, clock: FakeClock) -> Iterator[Phones]:
    phones = Phones(demo_workspace, clock)
    yield phones
    phones.service.close()


def check_in(client: Phones, ws: Workspace, clock: FakeClock, label: str, staff_no: str) -> str:
    with ws.session() as s:
        event = s.scalars(select(Event)).one()
        session = s.scalars(select(TrainingSession).where(TrainingSession.label == label)).one()
        token = RotatingTokens(event.secret, "checkin", session.code).token_at(
            clock.now().timestamp()
        )
        code = session.code
    body = {"session": code, "token": token, "staff_no": staff_no}
    return client.post("/api/v1/checkin", body)["outcome"]


def test_rebooked_no_shows_check_in_to_pm_and_the_notice_names_them(
    demo_workspace: Workspace,
    clock: FakeClock,
    door: Phones,
) -> None:
    client = door
    ws = demo_workspace
    with ws.session() as s:
        event_id = s.scalars(select(Event.id)).one()
        am = s.scalars(select(TrainingSession).where(TrainingSession.label == "AM")).one()
        # The demo's departments are pairs (one each session): a third member in five
        # of them is who may move to PM while the department stays covered.
        for n, dept in enumerate(s.scalars(select(Department).order_by(Department.id)).all()[:5]):
            s.add(
                Attendee(
                    event_id=event_id,
                    staff_no=f"90000{n}",
                    name=f"追加 {n}",
                    department_id=dept.id,
                    assigned_session_id=am.id,
                    created_at=clock.now(),
                    updated_at=clock.now(),
                )
            )
    with ws.session() as s:
        am_people = s.execute(
            select(Attendee.staff_no, Attendee.name, Attendee.role, Department.name)
            .join(Department)
            .join(TrainingSession, TrainingSession.id == Attendee.assigned_session_id)
            .where(TrainingSession.label == "AM")
            .order_by(Attendee.staff_no)
        ).all()
    # Everyone in the morning checks in except the five and three of the pairs.
    absent = [p for p in am_people if p[0].startswith("90000")] + [
        p for p in am_people if not p[0].startswith("90000")
    ][:3]
    for staff_no, *_ in am_people:
        if all(staff_no != a[0] for a in absent):
            assert check_in(client, ws, clock, "AM", staff_no) == "checked_in"
    # Before rebooking, an absentee at the PM door is in the wrong session.
    assert check_in(client, ws, clock, "PM", absent[0][0]) == "wrong_session"

    rebook = RebookService(ws, clock)
    plan = rebook.plan(event_id, "AM", "PM")
    assert not plan.saved
    assert sorted(p.staff_no for p in plan.people) == sorted(a[0] for a in absent)
    assert plan.moved, "somebody can move: the demo's PM has free places"
    assert len(plan.moved) <= plan.room
    done = rebook.rebook(
        event_id, "AM", "PM", expected=frozenset(p.attendee_id for p in plan.moved)
    )
    assert done.saved and done.moved == plan.moved

    moved = {p.staff_no for p in done.moved}
    assert moved == {f"90000{n}" for n in range(5)}  # the pairs' no-shows keep their office covered
    for staff_no, *_ in absent:
        expected = "checked_in" if staff_no in moved else "wrong_session"
        assert check_in(client, ws, clock, "PM", staff_no) == expected
    # The department rules still hold in PM for every department that received somebody.
    with ws.session() as s:
        rows = s.execute(
            select(Department.name, Attendee.role, TrainingSession.label)
            .join(Department)
            .join(TrainingSession, TrainingSession.id == Attendee.assigned_session_id)
        ).all()
    for p in done.moved:
        dept = [(role_kind(r), label) for d, r, label in rows if d == p.department]
        pm_roles = {r for r, label in dept if label == "PM"}
        assert not {RoleKind.LEADER, RoleKind.SUBLEADER} <= pm_roles
        assert len(dept) < 2 or any(label != "PM" for _, label in dept)
    for p in done.people:
        if p.outcome is not RebookOutcome.MOVED:
            assert p.describe("ja", "PM").startswith("変更なし")

    pdf = rebook.notices(event_id, done)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "受講セッション変更のお知らせ" in text
    for p in done.moved:
        assert p.name.replace(" ", "") in text.replace(" ", "")
    # Asked again with the old list after the roster changed: nothing is written.
    again = rebook.rebook(
        event_id, "AM", "PM", expected=frozenset(p.attendee_id for p in plan.moved)
    )
    assert not again.saved and again.moved == ()
