"""Records database figures: pushing a 1,000-attendee day, re-pushing it, the matrix report.

    .venv/bin/python benchmarks/bench_records.py
    .venv/bin/python benchmarks/bench_records.py --records postgresql://user@127.0.0.1/db

Targets (issue 18):
- a 1,000-attendee event (check-ins, 1,000 responses, certificates) pushed to
  PostgreSQL on localhost <= 3 s, a re-push <= 1 s;
- the matrix report over 50 trainings x 5,000 staff <= 1 s on SQLite and PostgreSQL.
Without --records, a PostgreSQL server is started in a temporary folder (as the
tests do, from Debian's `postgresql` package).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select

from facilitator.composition import Composition, build_demo
from facilitator.db.models import (
    Answer,
    Attendee,
    CheckIn,
    Question,
    Response,
    SubmissionMarker,
    Survey,
    TrainingSession,
)
from facilitator.db.records.models import (
    Attendance,
    Enrolment,
    Person,
    RecordEvent,
    RecordSession,
)
from facilitator.db.records.store import open_records, resolve_target
from facilitator.db.workspace import open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.services.records.push import refresh_training_status
from facilitator.services.records.reports import RecordsReports
from facilitator.services.records.service import push_event

START = datetime(2026, 12, 10, 0, 30, tzinfo=UTC)


def make_day(path: Path, attendees: int) -> None:
    """A finished day: everyone checked in, everyone answered, everyone numbered."""
    clock = FakeClock(START)
    with open_workspace(path, create=True) as ws:
        event_id = build_demo(ws, clock, attendees=attendees, seed=7).event_id
        with ws.session() as s:
            rows = s.execute(
                select(Attendee.id, Attendee.assigned_session_id, Attendee.department_id)
            ).all()
            sessions = list(s.scalars(select(TrainingSession.id)))
            survey = s.scalars(select(Survey)).one()
            survey.allow_resubmit = True
            questions = list(s.execute(select(Question.id, Question.kind)).all())
            s.execute(
                insert(CheckIn),
                [
                    {
                        "attendee_id": a,
                        "session_id": session or sessions[0],
                        "checked_in_at": START + timedelta(seconds=i),
                        "method": ("phone", "manual", "qr")[i % 3],
                    }
                    for i, (a, session, _) in enumerate(rows)
                ],
            )
            for i, (a, session, dept) in enumerate(rows):
                response_id = s.execute(
                    insert(Response).values(
                        survey_id=survey.id,
                        session_id=session or sessions[0],
                        attendee_id=a,
                        department_id=dept,
                        submitted_at=START + timedelta(hours=3, seconds=i),
                        method="phone",
                    )
                ).inserted_primary_key[0]
                s.execute(
                    insert(SubmissionMarker).values(
                        survey_id=survey.id,
                        attendee_id=a,
                        session_id=session or sessions[0],
                        response_id=response_id,
                        submitted_at=START + timedelta(hours=3, seconds=i),
                    )
                )
                s.execute(
                    insert(Answer),
                    [
                        {
                            "response_id": response_id,
                            "question_id": q,
                            "value": 4 if kind == "scale" else "とても役に立った",
                        }
                        for q, kind in questions
                    ],
                )
        issued = Composition(ws, FakeClock(START + timedelta(hours=4))).issuer.issue(event_id)
        assert len(issued.newly_issued) == attendees, len(issued.newly_issued)


def undo_one_checkin(day: Path) -> None:
    with open_workspace(day) as ws, ws.session() as s:
        first = s.scalars(select(CheckIn).order_by(CheckIn.id).limit(1)).one()
        first.undone_at = START + timedelta(hours=1)


def fill_records(url: str, trainings: int, staff: int) -> None:
    """`trainings` training days, each with all `staff` enrolled and about 80 % attending."""
    rng = random.Random(18)
    departments = [f"部署{i:02d}" for i in range(50)]
    with open_records(resolve_target(url), migrate=True) as store, store.engine.begin() as conn:
        conn.execute(
            insert(Person.__table__),
            [
                {
                    "staff_key": f"S{n:05d}",
                    "staff_no": f"S{n:05d}",
                    "name": f"職員 {n}",
                    "kana": "しょくいん",
                    "department": departments[n % 50],
                    "title": "",
                    "role": "",
                    "email": "",
                    "version": "",
                }
                for n in range(staff)
            ],
        )
        ids = list(conn.execute(select(Person.__table__.c.id)).scalars())
        for t in range(trainings):
            event = str(uuid.uuid4())
            session = str(uuid.uuid4())
            day = date(2026, 1, 1) + timedelta(days=7 * t)
            conn.execute(
                insert(RecordEvent.__table__).values(
                    uuid=event,
                    title=f"研修{t:02d}",
                    date=day,
                    venue="",
                    issuer="",
                    hours=3.0,
                    version="",
                )
            )
            conn.execute(
                insert(RecordSession.__table__).values(
                    uuid=session,
                    event_uuid=event,
                    label="AM",
                    date=day,
                    start=clock_time(9, 30),
                    end=clock_time(12),
                    room="",
                    capacity=staff,
                    version="",
                )
            )
            conn.execute(
                insert(Enrolment.__table__),
                [
                    {
                        "uuid": str(uuid.uuid4()),
                        "event_uuid": event,
                        "person_id": p,
                        "department": departments[i % 50],
                        "title": "",
                        "role": "",
                        "session_uuid": session,
                        "walk_in": False,
                        "version": "",
                    }
                    for i, p in enumerate(ids)
                ],
            )
            conn.execute(
                insert(Attendance.__table__),
                [
                    {
                        "event_uuid": event,
                        "person_id": p,
                        "session_uuid": session,
                        "checked_in_at": START,
                        "methods": "phone",
                    }
                    for p in ids
                    if rng.random() < 0.8
                ],
            )
            refresh_training_status(conn, f"研修{t:02d}")


@contextlib.contextmanager
def postgres(given: str | None) -> Iterator[Callable[[], contextlib.AbstractContextManager[str]]]:
    """A maker of empty PostgreSQL databases (or of the one given)."""
    if given:
        yield lambda: contextlib.nullcontext(given)
        return
    from tests.postgres_server import running_postgres

    with running_postgres() as server:
        yield server.fresh_database


def timed(label: str, target: float, action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    seconds = time.perf_counter() - started
    verdict = "ok" if seconds <= target else "OVER"
    print(f"{label:<52} {seconds:7.3f} s   (target <= {target:g} s: {verdict})", flush=True)
    return seconds


def bench_matrix(url: str, name: str, trainings: int, staff: int) -> bool:
    """The matrix, timed three times (the best is the figure); True when over target."""
    with open_records(resolve_target(url), migrate=False) as store:
        reports = RecordsReports(store)
        cells: list[int] = []
        best = min(
            timed(
                f"matrix report, {trainings} x {staff}, {name}",
                1.0,
                lambda: cells.append(len(reports.matrix().cells)),
            )
            for _ in range(3)
        )
        print(f"    {cells[0]} department x training cells; best {best:.3f} s")
        return best > 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", default=None, help="a PostgreSQL URL (default: start one)")
    parser.add_argument("--attendees", type=int, default=1000)
    parser.add_argument("--trainings", type=int, default=50)
    parser.add_argument("--staff", type=int, default=5000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-records-"))
    day = folder / "day.sqlite"
    started = time.perf_counter()
    make_day(day, args.attendees)
    print(f"(built a {args.attendees}-attendee day in {time.perf_counter() - started:.1f} s)")
    over = 0
    with postgres(args.records) as fresh:
        with fresh() as pg_push, open_workspace(day, readonly=True) as ws:
            open_records(resolve_target(pg_push), migrate=True).close()
            result: list[object] = []
            over += (
                timed(
                    f"push {args.attendees} attendees to PostgreSQL",
                    3.0,
                    lambda: result.append(push_event(ws, 1, resolve_target(pg_push))),
                )
                > 3.0
            )
            counts = result[0].as_json()["added"]  # type: ignore[attr-defined]
            print(f"    added: {counts}")
            over += (
                timed(
                    "re-push (nothing changed) to PostgreSQL",
                    1.0,
                    lambda: push_event(ws, 1, resolve_target(pg_push)),
                )
                > 1.0
            )
            # Not the same snapshot: every row is compared (one check-in undone meanwhile).
            undo_one_checkin(day)
            timed(
                "push after one change (every row compared), PostgreSQL",
                1.0,
                lambda: push_event(ws, 1, resolve_target(pg_push)),
            )
            sqlite_push = str(folder / "push.sqlite")
            timed(
                f"push {args.attendees} attendees to SQLite (for comparison)",
                3.0,
                lambda: push_event(ws, 1, resolve_target(sqlite_push)),
            )
            timed(
                "re-push to SQLite (for comparison)",
                1.0,
                lambda: push_event(ws, 1, resolve_target(sqlite_push)),
            )
        for name, context in (
            ("SQLite", contextlib.nullcontext(str(folder / "matrix.sqlite"))),
            ("PostgreSQL", fresh()),
        ):
            with context as url:
                started = time.perf_counter()
                fill_records(url, args.trainings, args.staff)
                print(
                    f"(filled {args.trainings} trainings x {args.staff} staff into {name} in "
                    f"{time.perf_counter() - started:.1f} s)"
                )
                over += bench_matrix(url, name, args.trainings, args.staff)
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
