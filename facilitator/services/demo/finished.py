"""The demo day played to its end (`facilitator demo --finished`): people check in by phone,
by slip and at the desk (a few walk-ins, a few no-shows, two admitted to the afternoon),
both sessions' agendas run, the survey is answered, and certificates are issued.

Everything goes through the services the trainer's actions use, on a clock that walks
through the event's day, so every area and report shows what a real day leaves behind.
The same seed gives the same day.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from facilitator.db.models import Attendee, Department, Event, TrainingSession
from facilitator.domain.agenda_items import ItemKind
from facilitator.domain.checkin import CheckInMethod
from facilitator.domain.devices import Phone
from facilitator.domain.phone_links import CHECKIN_PURPOSE
from facilitator.domain.survey_rules import FeedbackOutcome
from facilitator.domain.tokens import RotatingTokens, slip_code
from facilitator.services.checkin.types import (
    AttendeeRef,
    CheckInRequest,
    QrToken,
    SlipText,
    StaffNumber,
)
from facilitator.services.demo import material as demo_data
from facilitator.services.demo.workspace import DemoSummary
from facilitator.services.feedback.types import FeedbackMethod, Respondent

if TYPE_CHECKING:
    from facilitator.db.workspace import Workspace
    from facilitator.domain.clock import FakeClock
    from facilitator.services.agenda.live import LiveAgenda
    from facilitator.services.certificates.issue import CertificateIssuer
    from facilitator.services.checkin.service import CheckInService
    from facilitator.services.feedback.capture import FeedbackService

NO_SHOW_SHARE = 0.07
ANSWER_SHARE = 0.88


@dataclass(frozen=True)
class DayServices:
    """The services the day is played through, all on the day's clock."""

    workspace: Workspace
    checkin: CheckInService
    feedback: FeedbackService
    issuer: CertificateIssuer
    live_agenda: Callable[[int], LiveAgenda]


@dataclass(frozen=True)
class FinishedDay:
    checked_in: int
    walk_ins: int
    no_shows: int
    rebooked: int
    responses: int
    certificates: int


@dataclass(frozen=True)
class _Person:
    id: int
    staff_no: str
    name: str
    role: str
    session_id: int


def play_demo_day(services: DayServices, clock: FakeClock, event_id: int, seed: int) -> FinishedDay:
    """Play the event's day through `services` (built on `clock`, which starts that morning)."""
    rng = random.Random(seed * 7919 + 17)
    with services.workspace.session(readonly=True) as session:
        event = session.get(Event, event_id)
        assert event is not None
        secret = event.secret
        sessions = [
            (s.id, s.code, s.start)
            for s in session.scalars(
                select(TrainingSession)
                .where(TrainingSession.event_id == event_id)
                .order_by(TrainingSession.position)
            )
        ]
        people = [
            _Person(a.id, a.staff_no, a.name, a.role, a.assigned_session_id)
            for a in session.scalars(
                select(Attendee).where(Attendee.event_id == event_id).order_by(Attendee.id)
            )
            if a.assigned_session_id is not None
        ]
        departments = list(
            session.scalars(
                select(Department.name)
                .where(Department.event_id == event_id)
                .order_by(Department.position)
            )
        )
    counts = {"checked_in": 0, "walk_ins": 0, "no_shows": 0, "rebooked": 0, "responses": 0}
    absent_earlier: list[_Person] = []
    room = _Room(services, clock, rng, people)
    phone = 0
    for index, (session_id, code, start) in enumerate(sessions):
        _walk_to(clock, datetime.combine(clock.now().astimezone().date(), start).astimezone(), -25)
        tokens = RotatingTokens(secret, CHECKIN_PURPOSE, code)
        mine = [p for p in people if p.session_id == session_id]
        rng.shuffle(mine)
        missing = set(rng.sample(range(len(mine)), max(2, round(len(mine) * NO_SHOW_SHARE))))
        missing = missing if len(mine) > 4 else set()
        earlier = list(absent_earlier)
        arrived: list[_Person] = []
        for position, person in enumerate(mine):
            if position in missing:
                counts["no_shows"] += 1
                absent_earlier.append(person)
                continue
            clock.advance(rng.uniform(4, 30))
            kind = rng.random()
            if kind < 0.6:
                phone += 1
                request = CheckInRequest(
                    session_id,
                    StaffNumber(person.staff_no),
                    CheckInMethod.PHONE,
                    proof=QrToken(tokens.token_at(clock.now().timestamp())),
                    device=f"demo-phone-{phone}",
                    phone=Phone(f"demo-phone-{phone}", f"10.20.{phone // 250}.{phone % 250 + 2}"),
                )
            elif kind < 0.85:
                text = slip_code(secret, event_id, person.staff_no)
                method = CheckInMethod.WEBCAM if kind < 0.75 else CheckInMethod.USB
                request = CheckInRequest(session_id, SlipText(text), method)
            else:
                request = CheckInRequest(session_id, AttendeeRef(person.id), CheckInMethod.MANUAL)
            if services.checkin.check_in(request).outcome.admitted:
                arrived.append(person)
        if earlier:
            # Two people who missed the morning come in the afternoon; the desk admits them.
            for person in earlier[:2]:
                clock.advance(rng.uniform(10, 40))
                result = services.checkin.check_in(
                    CheckInRequest(
                        session_id, AttendeeRef(person.id), CheckInMethod.MANUAL, admit_anyway=True
                    )
                )
                if result.outcome.admitted:
                    counts["rebooked"] += 1
                    counts["no_shows"] -= 1
                    arrived.append(
                        _Person(person.id, person.staff_no, person.name, person.role, session_id)
                    )
        for number in range(2):
            clock.advance(rng.uniform(20, 60))
            surname, surname_kana = rng.choice(demo_data.SURNAMES)
            given, given_kana = rng.choice(demo_data.GIVEN_NAMES)
            result = services.checkin.desk.register_walk_in(
                session_id,
                staff_no=f"9{index}{number:02d}{rng.randrange(100, 999)}",
                name=f"{surname} {given}",
                kana=f"{surname_kana} {given_kana}",
                department=rng.choice(departments),
            )
            if result.attendee is not None:
                counts["walk_ins"] += 1
                arrived.append(
                    _Person(
                        result.attendee.id,
                        result.attendee.staff_no,
                        result.attendee.name,
                        "",
                        session_id,
                    )
                )
        counts["checked_in"] += len(arrived)
        counts["responses"] += room.present(session_id, index, arrived)
    counts["no_shows"] = max(0, counts["no_shows"])
    issued = services.issuer.issue(event_id).total_issued
    return FinishedDay(certificates=issued, **counts)


def _walk_to(clock: FakeClock, target: datetime, minutes: int) -> None:
    wanted = target + timedelta(minutes=minutes)
    if wanted > clock.now():
        clock.advance((wanted - clock.now()).total_seconds())


@dataclass
class _Room:
    """What answering in one session needs: who is there, and whom a comment may name."""

    services: DayServices
    clock: FakeClock
    rng: random.Random
    roster: list[_Person]

    def present(self, session_id: int, index: int, arrived: list[_Person]) -> int:
        """Run the agenda (the survey is answered during its feedback item); returns responses."""
        live = self.services.live_agenda(session_id)
        start = live.load()
        when = datetime.combine(start.session.date, start.session.start).astimezone()
        _walk_to(self.clock, when, 1)
        live.start()
        responses = 0
        for position, item in enumerate(start.items):
            # The morning overran its talks a little; the afternoon kept time better.
            spread = (0.9, 1.3) if index == 0 else (0.85, 1.1)
            seconds = item.minutes * 60 * self.rng.uniform(*spread)
            if item.kind is ItemKind.FEEDBACK:
                self.services.feedback.set_feedback_open(session_id, True)
                responses = self.answer(session_id, index, arrived, seconds)
                self.services.feedback.set_feedback_open(session_id, False)
            else:
                self.clock.advance(seconds)
            if position + 1 < len(start.items):
                live.next()
        live.finish()
        return responses

    def answer(self, session_id: int, index: int, arrived: list[_Person], seconds: float) -> int:
        rng = self.rng
        answering = [p for p in arrived if rng.random() < ANSWER_SHARE]
        step = seconds / (len(answering) + 1)
        done = 0
        for person in answering:
            self.clock.advance(step)
            answers = _answers(rng, index, person, done, self.roster)
            roll = rng.random()
            method = (
                FeedbackMethod.PHONE
                if roll < 0.75
                else FeedbackMethod.KIOSK
                if roll < 0.9
                else FeedbackMethod.PAPER
            )
            result = self.services.feedback.submit(
                session_id, Respondent(attendee_id=person.id), answers, method
            )
            done += result.outcome is FeedbackOutcome.RECORDED
        return done


def _answers(
    rng: random.Random, index: int, person: _Person, done: int, roster: list[_Person]
) -> dict[str, object]:
    # The morning found it easier ("案外簡単"); leaders found it easier than others.
    easy_bias = (0.35 if index == 0 else 0.12) + (0.15 if person.role else 0.0)
    roll = rng.random()
    if roll < easy_bias:
        difficulty = "too_easy" if rng.random() < 0.3 else "easy"
    elif roll < easy_bias + 0.5:
        difficulty = "just_right"
    else:
        difficulty = "hard" if rng.random() < 0.75 else "too_hard"
    base = 4 if index == 1 else 3
    answers: dict[str, object] = {
        "understanding": min(5, max(1, base + rng.choice((-1, 0, 0, 1, 1)))),
        "usefulness": min(5, max(1, base + rng.choice((-1, 0, 1, 1)))),
        "difficulty": difficulty,
        "motivation": min(5, max(1, base + rng.choice((0, 0, 1, 1, -1)))),
        "action": rng.choice(demo_data.PLEDGES),
    }
    if rng.random() < 0.6:
        other = rng.choice(roster)
        # About one comment in four names someone, to exercise the report's filter.
        pool = demo_data.NAMING_COMMENTS if done % 4 == 1 else demo_data.COMMENTS
        answers["comments"] = rng.choice(pool).format(
            name=other.name, surname=other.name.split()[0]
        )
    return answers


@dataclass(frozen=True)
class FinishedDemo:
    summary: DemoSummary
    day: FinishedDay
