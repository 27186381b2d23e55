"""A real `facilitator serve` subprocess on 127.0.0.1, for the HTTP benchmarks."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class ServeProcess:
    url: str
    log: str = ""  # the server's stderr, filled in when it has stopped


@contextmanager
def running_serve(db: Path) -> Iterator[ServeProcess]:
    """Start `serve` on a free loopback port, yield its address, stop it with SIGTERM."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "facilitator",
            "serve",
            "--db",
            str(db),
            "--host",
            "127.0.0.1",
            "--port",
            str(free_port()),
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        _out, err = proc.communicate(timeout=60)
        raise RuntimeError(f"serve did not start:\n{err}")
    server = ServeProcess(url=json.loads(line)["url"])
    try:
        yield server
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            _out, server.log = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            _out, server.log = proc.communicate()
            print("note: serve did not stop within 60 s of SIGTERM; killed")
