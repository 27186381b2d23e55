"""`checkin-url` and `feedback-url` print the address the running server really has."""

from __future__ import annotations

import io
import signal
import socket
from pathlib import Path

from benchmarks.serve_process import start_serve
from facilitator.cli import main
from facilitator.commands.context import CliContext
from facilitator.composition import build_demo
from facilitator.db.workspace import open_workspace
from facilitator.domain.clock import FakeClock


def _cli(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, CliContext(lang="en", out=out, err=err))
    return code, out.getvalue()


def test_links_follow_a_server_that_moved_to_the_next_port(
    tmp_path: Path, clock: FakeClock
) -> None:
    db = tmp_path / "w.sqlite"
    with open_workspace(db, create=True) as ws:
        build_demo(ws, clock, attendees=20, seed=2)
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    busy_port = taken.getsockname()[1]
    proc, served = start_serve(db, busy_port)
    try:
        assert not served.endswith(f":{busy_port}")  # it moved on
        code, out = _cli(["checkin-url", "--db", str(db), "--session", "AM"])
        assert code == 0 and out.startswith(served + "/c/")
        code, out = _cli(["feedback-url", "--db", str(db), "--session", "PM"])
        assert code == 0 and out.startswith(served + "/f/")
        # An explicit address still wins.
        code, out = _cli(
            [
                "checkin-url",
                "--db",
                str(db),
                "--session",
                "AM",
                "--host",
                "192.0.2.7",
                "--port",
                "8765",
            ]
        )
        assert out.startswith("http://192.0.2.7:8765/c/")
        # Killed: its note is left behind but no longer believed.
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        code, out = _cli(["checkin-url", "--db", str(db), "--session", "AM", "--host", "127.0.0.1"])
        assert code == 0 and out.startswith("http://127.0.0.1:8765/c/")
        code, out = _cli(["checkin-url", "--db", str(db), "--session", "AM"])
        assert code == 0 and served not in out
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)
        taken.close()
