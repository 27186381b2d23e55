"""CheckInService: every outcome, precedence, exactly-once under racing threads."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select, update

from facilitator.db.models import Attendee, AuditLog, CheckIn, Event, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.checkin import CheckInMethod, CheckInOutcome, page_pass
from facilitator.domain.clock import FakeClock
from facilitator.domain.tokens import RotatingTokens, slip_code
from facilitator.errors import InputRejected, ValidationFailed
from facilitator.services.checkin.service import CheckInService
from facilitator.services.checkin.types import (
    AttendeeRef,
    CheckInRequest,
    PagePass,
    QrToken,
    SlipText,
    StaffNumber,
)


class Day:
    """The demo event's sessions and a few of its people, read once."""

    def __init__(self, ws: Workspace) -> None:
        with ws.session() as s:
            self.event = s.scalars(select(Event)).one()
            self.am, self.pm = s.scalars(
                select(TrainingSession).order_by(TrainingSession.position)
            ).all()
            self.am_people = s.scalars(
                select(Attendee)
                .where(Attendee.assigned_session_id == self.am.id)
                .order_by(Attendee.id)
            ).all()
            self.pm_people = s.scalars(
                select(Attendee)
                .where(Attendee.assigned_session_id == self.pm.id)
                .order_by(Attendee.id)
            ).all()

    def token(self, clock: FakeClock, session: TrainingSession | None = None) -> str:
        s = session or self.am
        return RotatingTokens(self.event.secret, "checkin", s.code).token_at(
            clock.now().timestamp()
        )


@pytest.fixture
def service(demo_workspace: Workspace, clock: FakeClock) -> Iterator[CheckInService]:
    svc = CheckInService(demo_workspace, clock)
    yield svc
    svc.close()


@pytest.fixture
def day(demo_workspace: Workspace) -> Day:
    return Day(demo_workspace)


def phone(
    day: Day, clock: FakeClock, staff_no: str, session: TrainingSession | None = None
) -> CheckInRequest:
    s = session or day.am
    return CheckInRequest(
        s.code, StaffNumber(staff_no), CheckInMethod.PHONE, QrToken(day.token(clock, s))
    )


def test_checked_in_then_already(service: CheckInService, day: Day, clock: FakeClock) -> None:
    person = day.am_people[0]
    first = service.check_in(phone(day, clock, person.staff_no))
    assert first.outcome == CheckInOutcome.CHECKED_IN
    assert first.attendee is not None and first.attendee.name == person.name
    assert first.session is not None and first.session.label == "AM"
    assert first.checked_in_at == clock.now()
    clock.advance(5)
    again = service.check_in(phone(day, clock, person.staff_no))
    assert again.outcome == CheckInOutcome.ALREADY_CHECKED_IN
    assert again.checked_in_at == first.checked_in_at
    assert service.desk.counts(day.am.id).arrived == 1


def test_full_width_staff_number_is_forgiven(
    service: CheckInService, day: Day, clock: FakeClock
) -> None:
    wide = day.am_people[0].staff_no.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert service.check_in(phone(day, clock, f" {wide} ")).outcome == CheckInOutcome.CHECKED_IN


def test_unknown_attendee(service: CheckInService, day: Day, clock: FakeClock) -> None:
    assert service.check_in(phone(day, clock, "000")).outcome == CheckInOutcome.UNKNOWN_ATTENDEE
    assert service.check_in(phone(day, clock, "  ")).outcome == CheckInOutcome.UNKNOWN_ATTENDEE


def test_wrong_session_then_admit_anyway_moves_with_note(
    service: CheckInService, day: Day, clock: FakeClock, demo_workspace: Workspace
) -> None:
    person = day.pm_people[0]
    assert (
        service.check_in(phone(day, clock, person.staff_no)).outcome == CheckInOutcome.WRONG_SESSION
    )
    admitted = service.check_in(
        CheckInRequest(day.am.id, AttendeeRef(person.id), CheckInMethod.MANUAL, admit_anyway=True)
    )
    assert admitted.outcome == CheckInOutcome.CHECKED_IN
    with demo_workspace.session() as s:
        moved = s.get(Attendee, person.id)
        assert moved is not None and moved.assigned_session_id == day.am.id and moved.locked
        note = s.scalar(select(CheckIn.note).where(CheckIn.attendee_id == person.id))
        assert note == "admitted from PM"
        assert s.scalar(select(AuditLog.action).where(AuditLog.entity_id == person.id)) == (
            "checkin.admit_other_session"
        )


def test_already_checked_in_wins_over_wrong_session(
    service: CheckInService, day: Day, clock: FakeClock
) -> None:
    person = day.am_people[1]
    assert service.check_in(phone(day, clock, person.staff_no)).outcome == CheckInOutcome.CHECKED_IN
    other = service.check_in(phone(day, clock, person.staff_no, day.pm))
    assert other.outcome == CheckInOutcome.ALREADY_CHECKED_IN
    assert other.checked_in_session == "AM"


def test_tokens_invalid_expired_and_not_reusable_across_sessions(
    service: CheckInService, day: Day, clock: FakeClock
) -> None:
    staff = day.am_people[0].staff_no
    old = day.token(clock)
    clock.advance(120)
    stale = CheckInRequest(
        day.am.code, StaffNumber(day.am_people[2].staff_no), CheckInMethod.PHONE, QrToken(old)
    )
    assert service.check_in(stale).outcome == CheckInOutcome.EXPIRED_TOKEN
    pm_token = day.token(clock, day.pm)
    crossed = CheckInRequest(
        day.am.code, StaffNumber(staff), CheckInMethod.PHONE, QrToken(pm_token)
    )
    assert service.check_in(crossed).outcome == CheckInOutcome.INVALID_TOKEN
    forged = CheckInRequest(
        day.am.code, StaffNumber(staff), CheckInMethod.PHONE, QrToken("1-AAAAAAAAAA")
    )
    assert service.check_in(forged).outcome == CheckInOutcome.INVALID_TOKEN
    unknown_code = CheckInRequest(
        "nope", StaffNumber(staff), CheckInMethod.PHONE, QrToken(pm_token)
    )
    assert service.check_in(unknown_code).outcome == CheckInOutcome.INVALID_TOKEN


def test_previous_window_is_still_valid(
    service: CheckInService, day: Day, clock: FakeClock
) -> None:
    old = day.token(clock)
    clock.advance(30)
    req = CheckInRequest(
        day.am.code, StaffNumber(day.am_people[0].staff_no), CheckInMethod.PHONE, QrToken(old)
    )
    assert service.check_in(req).outcome == CheckInOutcome.CHECKED_IN


def test_token_of_another_event_is_invalid(
    service: CheckInService, day: Day, clock: FakeClock
) -> None:
    foreign = RotatingTokens("ab" * 32, "checkin", day.am.code).token_at(clock.now().timestamp())
    req = CheckInRequest(
        day.am.code, StaffNumber(day.am_people[0].staff_no), CheckInMethod.PHONE, QrToken(foreign)
    )
    assert service.check_in(req).outcome == CheckInOutcome.INVALID_TOKEN


def test_page_pass_outlives_the_token_but_not_forever(
    service: CheckInService, day: Day, clock: FakeClock
) -> None:
    issued = int(clock.now().timestamp())
    p = page_pass(day.event.secret, day.am.code, issued)
    clock.advance(300)
    ok = CheckInRequest(
        day.am.code, StaffNumber(day.am_people[0].staff_no), CheckInMethod.PHONE, PagePass(p)
    )
    assert service.check_in(ok).outcome == CheckInOutcome.CHECKED_IN
    clock.advance(3600)
    late = CheckInRequest(
        day.am.code, StaffNumber(day.am_people[1].staff_no), CheckInMethod.PHONE, PagePass(p)
    )
    assert service.check_in(late).outcome == CheckInOutcome.EXPIRED_TOKEN
    bad = CheckInRequest(
        day.am.code, StaffNumber(day.am_people[1].staff_no), CheckInMethod.PHONE, PagePass(p + "X")
    )
    assert service.check_in(bad).outcome == CheckInOutcome.INVALID_TOKEN


def test_session_closed(
    service: CheckInService, day: Day, clock: FakeClock, demo_workspace: Workspace
) -> None:
    with demo_workspace.session() as s:
        s.execute(
            update(TrainingSession)
            .where(TrainingSession.id == day.am.id)
            .values(checkin_open=False)
        )
    assert (
        service.check_in(phone(day, clock, day.am_people[0].staff_no)).outcome
        == CheckInOutcome.SESSION_CLOSED
    )


def test_slip_code_current_version_only(
    service: CheckInService, day: Day, clock: FakeClock, demo_workspace: Workspace
) -> None:
    person = day.am_people[0]
    text = slip_code(day.event.secret, day.event.id, person.staff_no, 0)
    with demo_workspace.session() as s:
        s.execute(update(Attendee).where(Attendee.id == person.id).values(token_version=1))
    lost = CheckInRequest(day.am.id, SlipText(text), CheckInMethod.USB)
    assert service.check_in(lost).outcome == CheckInOutcome.INVALID_TOKEN
    new = slip_code(day.event.secret, day.event.id, person.staff_no, 1)
    result = service.check_in(
        CheckInRequest(day.am.id, SlipText(new.lower()), CheckInMethod.WEBCAM)
    )
    assert result.outcome == CheckInOutcome.CHECKED_IN
    assert service.check_in(
        CheckInRequest(day.am.id, SlipText("garbage"), CheckInMethod.USB)
    ).outcome == (CheckInOutcome.INVALID_TOKEN)


def test_racing_devices_record_once(
    service: CheckInService, day: Day, clock: FakeClock, demo_workspace: Workspace
) -> None:
    people = day.am_people[:20]
    barrier = threading.Barrier(8)
    outcomes: list[CheckInOutcome] = []
    lock = threading.Lock()

    def device() -> None:
        barrier.wait()
        for person in people:
            result = service.check_in(phone(day, clock, person.staff_no))
            with lock:
                outcomes.append(result.outcome)

    threads = [threading.Thread(target=device) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count(CheckInOutcome.CHECKED_IN) == 20
    assert outcomes.count(CheckInOutcome.ALREADY_CHECKED_IN) == 140
    with demo_workspace.session() as s:
        assert s.scalar(select(CheckIn.id).where(CheckIn.attendee_id == people[0].id)) is not None
        assert len(s.scalars(select(CheckIn)).all()) == 20


def test_two_services_racing_are_kept_once_by_the_index(
    demo_workspace: Workspace, day: Day, clock: FakeClock
) -> None:
    # Two writer threads (as if two processes) for the same attendee: the index decides.
    a, b = CheckInService(demo_workspace, clock), CheckInService(demo_workspace, clock)
    try:
        person = day.am_people[3]
        futures = [svc.submit(phone(day, clock, person.staff_no)) for svc in (a, b, a, b)]
        outcomes = sorted(f.result(10).outcome.value for f in futures)
        assert outcomes.count("checked_in") == 1
        assert outcomes.count("already_checked_in") == 3
    finally:
        a.close()
        b.close()


def test_undo_allows_a_new_check_in_and_is_audited(
    service: CheckInService, day: Day, clock: FakeClock, demo_workspace: Workspace
) -> None:
    person = day.am_people[0]
    first = service.check_in(phone(day, clock, person.staff_no))
    assert first.checkin_id is not None
    undone = service.desk.undo(first.checkin_id, "scanned the wrong slip")
    assert undone.attendee_name == person.name
    assert service.desk.counts(day.am.id).arrived == 0
    with pytest.raises(InputRejected):
        service.desk.undo(first.checkin_id)
    assert service.check_in(phone(day, clock, person.staff_no)).outcome == CheckInOutcome.CHECKED_IN
    with demo_workspace.session() as s:
        assert s.scalar(select(AuditLog.detail).where(AuditLog.action == "checkin.undo"))[
            "reason"
        ] == ("scanned the wrong slip")


def test_walk_in(service: CheckInService, day: Day, demo_workspace: Workspace) -> None:
    result = service.desk.register_walk_in(
        day.am.id, staff_no="999001", name="飛込 太郎", kana="とびこみ たろう", department="新設課"
    )
    assert result.outcome == CheckInOutcome.CHECKED_IN
    assert result.method == CheckInMethod.WALK_IN
    with demo_workspace.session() as s:
        row = s.scalar(select(Attendee).where(Attendee.staff_no == "999001"))
        assert row is not None and row.walk_in
    with pytest.raises(ValidationFailed):
        service.desk.register_walk_in(
            day.am.id, staff_no="999001", name="x", kana="", department="y"
        )
    with pytest.raises(ValidationFailed) as info:
        service.desk.register_walk_in(day.am.id, staff_no="", name="", kana="", department="")
    assert {e.field for e in info.value.errors} == {"staff_no", "name", "department"}


def test_search_by_kana_name_staff_no_department(service: CheckInService, day: Day) -> None:
    person = day.am_people[0]
    surname_kana = person.kana.split(" ")[0]
    import jaconv

    assert person.id in {
        m.id for m in service.desk.search(day.event.id, jaconv.kata2hira(surname_kana), 200)
    }
    assert [m.id for m in service.desk.search(day.event.id, person.staff_no)] == [person.id]
    assert person.id in {
        m.id for m in service.desk.search(day.event.id, person.name.split(" ")[0], 200)
    }
    assert service.desk.search(day.event.id, "   ") == []


def test_arrivals_by_department_late_and_methods(
    service: CheckInService, day: Day, clock: FakeClock
) -> None:
    person = day.am_people[0]
    service.check_in(phone(day, clock, person.staff_no))
    service.check_in(
        CheckInRequest(day.am.id, AttendeeRef(day.am_people[1].id), CheckInMethod.MANUAL)
    )
    arrivals = service.desk.arrivals(day.am.id)
    assert arrivals.counts.arrived == 2
    assert arrivals.counts.expected == len(day.am_people)
    assert sum(d.expected for d in arrivals.departments) == len(day.am_people)
    assert sum(len(d.missing) for d in arrivals.departments) == len(day.am_people) - 2
    assert dict(arrivals.methods) == {CheckInMethod.PHONE: 1, CheckInMethod.MANUAL: 1}
    assert arrivals.recent[0].name == day.am_people[1].name
    # The fake clock is before the (future) demo date: nobody is late.
    assert arrivals.late == 0


def test_readonly_workspace_refuses(
    tmp_path: object, demo_workspace: Workspace, clock: FakeClock, day: Day
) -> None:
    from facilitator.db.workspace import open_workspace

    ro = open_workspace(demo_workspace.path, readonly=True)
    try:
        with pytest.raises(InputRejected):
            CheckInService(ro, clock).check_in(phone(day, clock, day.am_people[0].staff_no))
        assert CheckInService(ro, clock).desk.counts(day.am.id).arrived == 0
    finally:
        ro.close()
