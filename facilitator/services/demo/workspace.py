"""The demo workspace: a populated, fictional municipal DX training day."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, time, timedelta

from facilitator.db.models import AgendaItem, Attendee, Department
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import Clock
from facilitator.domain.event_rules import EventSpec, SessionSpec
from facilitator.errors import InputRejected, Msg
from facilitator.services.demo import material as demo_data
from facilitator.services.events import EventService
from facilitator.services.roster.schedule import ScheduleService

MAX_DEMO_ATTENDEES = 5000


@dataclass(frozen=True)
class DemoSummary:
    event_id: int
    attendees: int
    departments: int
    sessions: dict[str, int]  # label -> capacity


def demo_event_date(today: date) -> date:
    """The next weekday at least a week ahead, so the demo is always upcoming."""
    day = today + timedelta(days=7)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def finished_event_date(today: date) -> date:
    """The last weekday before today: a finished demo day lies in the past."""
    day = today - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def check_demo_size(attendees: int) -> None:
    """Refuse an attendee count the demo cannot make (before any file is created)."""
    if not 1 <= attendees <= MAX_DEMO_ATTENDEES:
        raise InputRejected(
            Msg(
                en=f"--attendees must be between 1 and {MAX_DEMO_ATTENDEES}.",
                ja=f"--attendees は 1 から {MAX_DEMO_ATTENDEES} の間で指定してください。",
            )
        )


def write_demo(
    workspace: Workspace,
    clock: Clock,
    events: EventService,
    schedule: ScheduleService,
    *,
    attendees: int = 100,
    seed: int = 1,
    day: date | None = None,
) -> DemoSummary:
    """Create the demo event in `workspace` through `events` and split it with `schedule`;
    the same seed gives the same people."""
    check_demo_size(attendees)
    rng = random.Random(seed)
    # Each session holds a little over half the people, so any fair split fits.
    capacity = max(1, math.ceil(attendees / 2 * 1.1))
    room = "本庁舎5階 大会議室"
    spec = EventSpec(
        title="管理職向けDX推進研修",
        date=day or demo_event_date(clock.now().date()),
        venue="みなと市役所 本庁舎",
        issuer="みなと市長",
        signatory="みなと市 総務部長",
        hours=2.5,
        sessions=(
            SessionSpec("AM", time(9, 30), time(12, 0), capacity, room),
            SessionSpec("PM", time(13, 30), time(16, 0), capacity, room),
        ),
    )
    detail = events.create_event(spec)
    am, pm = detail.sessions
    now = clock.now()
    department_count = max(1, min(len(demo_data.DEPARTMENTS), math.ceil(attendees / 2)))
    with workspace.session() as session:
        departments = []
        for position, (name, kana) in enumerate(demo_data.DEPARTMENTS[:department_count]):
            row = Department(event_id=detail.id, name=name, kana=kana, position=position)
            session.add(row)
            departments.append(row)
        session.flush()
        members: dict[int, int] = {}
        staff_numbers = rng.sample(range(100000, 1000000), attendees)
        for index in range(attendees):
            department = departments[index % department_count]
            rank = members.get(department.id, 0)
            members[department.id] = rank + 1
            surname, surname_kana = rng.choice(demo_data.SURNAMES)
            given, given_kana = rng.choice(demo_data.GIVEN_NAMES)
            role = {0: demo_data.ROLE_LEADER, 1: demo_data.ROLE_SUBLEADER}.get(rank, "")
            preference = rng.random()
            preferred = am.id if preference < 0.12 else pm.id if preference < 0.24 else None
            session.add(
                Attendee(
                    event_id=detail.id,
                    staff_no=str(staff_numbers[index]),
                    name=f"{surname} {given}",
                    kana=f"{surname_kana} {given_kana}",
                    department_id=department.id,
                    title=rng.choice(demo_data.TITLES),
                    role=role,
                    email=f"user{index + 1:03d}@city.minato.example",
                    preferred_session_id=preferred,
                    created_at=now,
                    updated_at=now,
                )
            )
        for position, (title, minutes, kind, flexible, bullets) in enumerate(demo_data.AGENDA):
            session.add(
                AgendaItem(
                    event_id=detail.id,
                    position=position,
                    title=title,
                    minutes=minutes,
                    kind=kind,
                    flexible=flexible,
                    notes="",
                    slide={"heading": title, "bullets": list(bullets)},
                    amber_seconds=120,
                    red_seconds=0,
                )
            )
    # The same assignment the trainer gets from the roster area's button.
    schedule.assign(detail.id)
    return DemoSummary(
        event_id=detail.id,
        attendees=attendees,
        departments=department_count,
        sessions={s.label: s.capacity for s in detail.sessions},
    )
