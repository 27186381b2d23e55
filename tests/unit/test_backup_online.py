"""File → Back up workspace… while check-ins are being written (the server running).

docs/packaging.md says the backup is safe while the phone server runs: SQLite's
online backup copies one consistent snapshot, and in WAL mode reading that
snapshot neither blocks the writer nor sees half a transaction.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from sqlalchemy import select

from facilitator.db.models import Attendee, CheckIn
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.checkin import CheckInMethod, CheckInOutcome
from facilitator.domain.clock import FakeClock
from facilitator.services.backup import backup_workspace
from facilitator.services.checkin.service import CheckInService
from facilitator.services.checkin.types import AttendeeRef, CheckInRequest


def checkin_count(path: Path) -> int:
    with open_workspace(path, readonly=True) as copy, copy.session(readonly=True) as session:
        return len(session.scalars(select(CheckIn.id)).all())


def test_backups_taken_during_check_ins_are_whole_and_never_block_the_writer(
    demo_workspace: Workspace, clock: FakeClock, tmp_path: Path
) -> None:
    with demo_workspace.session(readonly=True) as session:
        people = session.execute(
            select(Attendee.id, Attendee.assigned_session_id).order_by(Attendee.id)
        ).all()
    service = CheckInService(demo_workspace, clock)
    outcomes: list[CheckInOutcome] = []
    errors: list[Exception] = []
    started = threading.Event()

    def door() -> None:
        # The same service function the phone server calls, one person after another.
        try:
            for attendee_id, session_id in people:
                started.set()
                result = service.check_in(
                    CheckInRequest(session_id, AttendeeRef(attendee_id), CheckInMethod.MANUAL)
                )
                outcomes.append(result.outcome)
        except Exception as exc:  # noqa: BLE001 - any failure of the writer fails the test
            errors.append(exc)
            started.set()

    writer = threading.Thread(target=door)
    writer.start()
    started.wait(10)
    counts = []
    try:
        index = 0
        while writer.is_alive() or index == 0:
            target = tmp_path / f"backup-{index}.sqlite"
            backup_workspace(demo_workspace, target)
            # A copy is a whole workspace: intact and openable on its own.
            raw = sqlite3.connect(target)
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            raw.close()
            counts.append(checkin_count(target))
            index += 1
    finally:
        writer.join(60)
        service.close()
    assert not errors
    assert outcomes == [CheckInOutcome.CHECKED_IN] * len(people)  # no write failed or waited out
    # Each copy is a moment of the day: never fewer check-ins than an earlier copy.
    assert counts == sorted(counts)
    assert any(0 < c < len(people) for c in counts), f"no backup overlapped the writes: {counts}"
    final = tmp_path / "final.sqlite"
    backup_workspace(demo_workspace, final)
    assert checkin_count(final) == len(people)
