"""A row skipped as invalid still names an attendee who is in the file: re-importing
with `--valid-only --remove-missing` must neither call them missing nor delete them."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import select

from facilitator.db.models import Attendee
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock
from facilitator.domain.event_rules import EventSpec, SessionSpec
from facilitator.services.events import EventService
from facilitator.services.roster.attendees import RosterService
from facilitator.services.roster.files import RosterImportService
from tests.unit.test_roster_service import csv_file


@pytest.fixture
def event_id(workspace: Workspace, clock: FakeClock) -> int:
    spec = EventSpec(
        title="研修",
        date=date(2026, 12, 1),
        sessions=(
            SessionSpec("AM", time(9, 30), time(12), 40, "会議室"),
            SessionSpec("PM", time(13, 30), time(16), 40, "会議室"),
        ),
    )
    return EventService(workspace, clock).create_event(spec).id


def staff_numbers(workspace: Workspace) -> list[str]:
    with workspace.session() as session:
        return sorted(session.scalars(select(Attendee.staff_no)))


def test_invalid_row_keeps_its_attendee(
    workspace: Workspace, clock: FakeClock, event_id: int, tmp_path: Path
) -> None:
    service = RosterImportService(workspace, clock, RosterService(workspace, clock))
    first = csv_file(
        tmp_path, "1001,一 人,,総務課,,,", "1002,二 人,,総務課,,,", "1003,三 人,,総務課,,,"
    )
    service.import_file(event_id, first)
    # 1002's name is now missing (invalid row, skipped); 1003 really left; 1004 is new.
    # The staff number is written full-width: the same person after NFKC.
    second = csv_file(
        tmp_path,
        "1001,一 人,,総務課,,,",
        "１００２,,,総務課,,,",
        "1004,四 人,,総務課,,,",
        name="b.csv",
    )
    report = service.import_file(event_id, second, valid_rows_only=True, remove_missing=True)
    assert (report.added, report.unchanged, report.skipped_rows) == (1, 1, 1)
    assert report.missing_staff == ("1003",)
    assert (report.missing, report.removed) == (1, 1)
    assert staff_numbers(workspace) == ["1001", "1002", "1004"]
