"""Helpers for the workspace tests: other processes holding a workspace, file fingerprints."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# A second program: opens the workspace for writing and obeys commands on stdin.
_HOLDER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path
    from facilitator.db.workspace import open_workspace
    from facilitator.domain.clock import SystemClock
    from facilitator.domain.event_rules import EventSpec, SessionSpec
    from facilitator.services.events import EventService
    from datetime import time

    ws = open_workspace(Path(sys.argv[1]), program="holder-test")
    print("ready", flush=True)
    for line in sys.stdin:
        title = line.strip()
        if title == "quit":
            break
        spec = EventSpec(title, date(2026, 12, 1), (SessionSpec("AM", time(9), time(12), 10),))
        EventService(ws, SystemClock()).create_event(spec)
        print("written", flush=True)
    ws.close()
    print("closed", flush=True)
    """
)


class Holder:
    """A child process holding a workspace open for writing."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _expect(self, word: str) -> None:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if line != word:
            _, err = self.proc.communicate(timeout=10)
            raise AssertionError(f"holder said {line!r}, expected {word!r}; stderr: {err}")

    def write_event(self, title: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(title + "\n")
        self.proc.stdin.flush()
        self._expect("written")

    def quit(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("quit\n")
        self.proc.stdin.flush()
        self._expect("closed")
        self.proc.wait(timeout=10)


@contextmanager
def holding_writer(path: Path) -> Iterator[Holder]:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    holder = Holder(proc)
    try:
        holder._expect("ready")
        yield holder
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's SHA-256 and the names in its folder: both must survive a refusal."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest, sorted(p.name for p in path.parent.iterdir())


def run_python(
    code: str,
    *args: str,
    obey_permissions: bool = False,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter.

    `obey_permissions`: under root (as in CI), which ignores permission bits,
    drop the capabilities that let it, so a read-only file or folder really is one.
    """
    command = [sys.executable, "-c", textwrap.dedent(code), *args]
    if obey_permissions and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a folder read-only")
        drop = "-dac_override,-dac_read_search,-fowner"
        command = [setpriv, "--bounding-set", drop, "--inh-caps", drop, "--", *command]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        check=False,
    )
