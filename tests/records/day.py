"""Training days for the records tests: workspaces with check-ins, answers and certificates."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from facilitator.cli import main
from facilitator.composition import Composition, build_demo
from facilitator.db.models import Attendee, CheckIn, Survey, TrainingSession
from facilitator.db.records.store import open_records, resolve_target
from facilitator.db.workspace import Workspace, open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.services.feedback.capture import FeedbackService, Respondent
from facilitator.services.feedback.types import FeedbackMethod
from facilitator.services.records.push import Kind
from tests.unit.feedback_helpers import GOOD_ANSWERS

START = datetime.fromisoformat("2026-12-10T00:30:00+00:00")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def make_day(path: Path, attendees: int = 20, seed: int = 1) -> int:
    """A workspace at `path` holding the demo event; its id."""
    with open_workspace(path, create=True) as ws:
        return build_demo(ws, FakeClock(), attendees=attendees, seed=seed).event_id


def staff_numbers(ws: Workspace, label: str | None = None) -> list[str]:
    with ws.session() as s:
        query = select(Attendee.staff_no).order_by(Attendee.id)
        if label is not None:
            query = query.join(
                TrainingSession, Attendee.assigned_session_id == TrainingSession.id
            ).where(TrainingSession.label == label)
        return list(s.scalars(query))


def check_in(
    ws: Workspace, staff_no: str, minutes: int = 0, method: str = "manual", label: str = "AM"
) -> None:
    """Check one person in at START + `minutes`."""
    with ws.session() as s:
        attendee = s.scalars(select(Attendee).where(Attendee.staff_no == staff_no)).one()
        sid = s.scalars(
            select(TrainingSession.id).where(
                TrainingSession.event_id == attendee.event_id, TrainingSession.label == label
            )
        ).one()
        s.add(
            CheckIn(
                attendee_id=attendee.id,
                session_id=sid,
                checked_in_at=START + timedelta(minutes=minutes),
                method=method,
            )
        )


def respond(ws: Workspace, staff_no: str, minutes: int = 60, label: str = "AM") -> None:
    """`staff_no` answers the survey on the kiosk at START + `minutes`."""
    with ws.session() as s:
        attendee_id = s.scalars(select(Attendee.id).where(Attendee.staff_no == staff_no)).one()
        session_id = s.scalars(
            select(TrainingSession.id).where(TrainingSession.label == label)
        ).one()
        for row in s.scalars(select(TrainingSession)):
            row.feedback_open = True
        s.scalars(select(Survey)).one().allow_resubmit = True
    feedback = FeedbackService(ws, FakeClock(START + timedelta(minutes=minutes)))
    try:
        outcome = feedback.submit(
            session_id, Respondent(attendee_id=attendee_id), GOOD_ANSWERS, FeedbackMethod.KIOSK
        ).outcome
        assert outcome.stored, outcome
    finally:
        feedback.close()


def issue(ws: Workspace) -> list[str]:
    services = Composition(ws, FakeClock(START + timedelta(hours=4)))
    event_id = services.events.resolve_event_id(None)
    return [c.number for c in services.issuer.issue(event_id).newly_issued]


def push(capsys: pytest.CaptureFixture[str], db: Path, records: str) -> dict[str, Any]:
    code, out, err = run(capsys, "records", "push", "--db", str(db), "--records", records, "--json")
    assert code == 0, err
    import json

    payload: dict[str, Any] = json.loads(out)
    return payload


def records_state(records: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the records, people named by staff number (ids differ by insert order)."""
    from facilitator.db.records.models import RecordsBase

    with open_records(resolve_target(records), migrate=True) as store, store.reading() as conn:
        keys = dict(conn.execute(text("SELECT id, staff_key FROM people")).all())
        state: dict[str, list[tuple[Any, ...]]] = {}
        for table in RecordsBase.metadata.sorted_tables:
            rows = []
            for row in conn.execute(select(table)).mappings():
                values = {
                    k: (keys.get(v) if k == "person_id" else v)
                    for k, v in row.items()
                    if not (k == "id" and table.name in ("people", "enrolments"))
                }
                rows.append(tuple(sorted((k, repr(v)) for k, v in values.items())))
            state[table.name] = sorted(rows)
        return state


ALL_UNCHANGED_KINDS = {kind.value for kind in Kind}
