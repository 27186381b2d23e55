"""One form of a staff number everywhere: the list, a phone, the feedback form."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

from facilitator.db.models import Event, TrainingSession
from facilitator.db.workspace import Workspace
from facilitator.domain.checkin import CheckInMethod, CheckInOutcome
from facilitator.domain.clock import FakeClock
from facilitator.domain.event_rules import EventSpec, SessionSpec
from facilitator.domain.roster_rules import normalise_staff_no
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.checkin.service import CheckInService
from facilitator.services.checkin.types import CheckInRequest, QrToken, StaffNumber
from facilitator.services.events import EventService
from facilitator.services.roster.attendees import RosterService
from facilitator.services.roster.files import RosterImportService


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("１２３４", "1234"), (" 12 34 ", "1234"), ("12\u300034", "1234"), ("A-01", "A-01")],
)
def test_normalise_staff_no(typed: str, expected: str) -> None:
    assert normalise_staff_no(typed) == expected


def test_a_number_written_with_a_space_in_the_list_checks_in_from_a_phone(
    workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    spec = EventSpec(
        title="研修",
        date=date(2026, 12, 1),
        sessions=(SessionSpec("AM", time(9, 30), time(12), 40, "会議室"),),
    )
    event_id = EventService(workspace, clock).create_event(spec).id
    roster = tmp_path / "r.csv"
    roster.write_bytes(
        "職員番号,氏名,所属,希望\r\n１２ ３４,門真 太郎,総務課,AM\r\n".encode("cp932")
    )
    RosterImportService(workspace, clock, RosterService(workspace, clock)).import_file(
        event_id, roster
    )
    (person,) = RosterService(workspace, clock).list_attendees(event_id)
    assert person.staff_no == "1234"
    with workspace.session() as session:
        secret = session.scalars(select(Event.secret)).one()
        code = session.scalars(select(TrainingSession.code)).one()
    service = CheckInService(workspace, clock)
    try:
        token = RotatingTokens(secret, "checkin", code).token_at(clock.now().timestamp())
        result = service.check_in(
            CheckInRequest(code, StaffNumber("12 34"), CheckInMethod.PHONE, QrToken(token))
        )
    finally:
        service.close()
    assert result.outcome == CheckInOutcome.CHECKED_IN
