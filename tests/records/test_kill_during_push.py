"""A push killed half-way (the laptop's power, Ctrl+C, Task Manager) leaves the records
as they were, on both engines; the next push completes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from facilitator.db.workspace import open_workspace
from tests.records.day import check_in, make_day, push, records_state, staff_numbers

# Runs the real push with one step slowed down, after every earlier step has
# written inside the transaction: the parent kills it there.
CHILD = textwrap.dedent(
    """
    import sys, time
    from facilitator.db.records.store import resolve_target
    from facilitator.db.workspace import open_workspace
    from facilitator.services.records import push, service

    real = push._push_certificates

    def slow(writer, snap, people):
        real(writer, snap, people)
        print("MID", flush=True)
        time.sleep(120)

    push._push_certificates = slow
    with open_workspace(sys.argv[1], readonly=True) as ws:
        service.push_event(ws, 1, resolve_target(sys.argv[2]))
    print("DONE", flush=True)
    """
)


def test_a_killed_push_leaves_the_records_as_before(
    tmp_path: Path, records: str, capsys: pytest.CaptureFixture[str]
) -> None:
    day = tmp_path / "day.sqlite"
    make_day(day)
    with open_workspace(day) as ws:
        people = staff_numbers(ws, "AM")
        check_in(ws, people[0])
    push(capsys, day, records)
    before = records_state(records)
    with open_workspace(day) as ws:
        for staff_no in people[1:6]:
            check_in(ws, staff_no, minutes=5)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(day), records],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "MID", child.stderr.read() if child.stderr else ""
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert records_state(records) == before  # nothing of the killed push is visible
    after = push(capsys, day, records)
    assert after["added"]["checkins"] == 5 and after["added"]["attendances"] == 5
