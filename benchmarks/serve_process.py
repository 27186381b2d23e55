"""A real `facilitator serve` subprocess on 127.0.0.1, for the HTTP benchmarks and the
end-to-end tests (one way to start it, shared)."""

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


def start_serve(db: Path, port: int | None = None) -> tuple[subprocess.Popen[str], str]:
    """Start `serve --json` on loopback (`port`, or a free one); the process and the URL
    it says it serves on (another port when `port` is taken)."""
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
            str(port if port is not None else free_port()),
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
        proc.kill()
        _out, err = proc.communicate(timeout=60)
        raise RuntimeError(f"serve did not start:\n{err}")
    return proc, json.loads(line)["url"]


@contextmanager
def running_serve(db: Path) -> Iterator[ServeProcess]:
    """Start `serve` on a free loopback port, yield its address, stop it with SIGTERM."""
    proc, url = start_serve(db)
    server = ServeProcess(url=url)
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
