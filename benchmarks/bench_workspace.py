"""Start-up costs of the headless side: `--version`, opening a current workspace.

Run: .venv/bin/python benchmarks/bench_workspace.py
Prints medians; the issue's goal for `--version` is <= 0.3 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

RUNS = 7


def median_seconds(command: list[str]) -> float:
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


_OPEN_IN_FRESH_PROCESS = textwrap.dedent(
    """
    import sys, time
    started = time.perf_counter()
    from pathlib import Path
    from facilitator.db.workspace import open_workspace
    imported = time.perf_counter()
    ws = open_workspace(Path(sys.argv[1]), readonly=sys.argv[2] == "ro")
    opened = time.perf_counter()
    ws.close()
    print(imported - started, opened - imported, "alembic" in sys.modules)
    """
)


def main() -> None:
    python = sys.executable
    version = median_seconds([python, "-m", "facilitator", "--version"])
    print(
        f"facilitator --version: median {version * 1000:.0f} ms over {RUNS} runs (goal <= 300 ms)"
    )

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite"
        started = time.perf_counter()
        subprocess.run(
            [python, "-m", "facilitator", "demo", "--db", str(db)], check=True, capture_output=True
        )
        print(
            f"facilitator demo (100 attendees), whole process: {time.perf_counter() - started:.2f} s"
        )
        print(f"workspace size: {db.stat().st_size // 1024} KiB")

        for mode in ("rw", "ro"):
            imports, opens, alembic = [], [], set()
            for _ in range(RUNS):
                out = subprocess.run(
                    [python, "-c", _OPEN_IN_FRESH_PROCESS, str(db), mode],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout.split()
                imports.append(float(out[0]))
                opens.append(float(out[1]))
                alembic.add(out[2])
            label = "writer" if mode == "rw" else "read-only"
            print(
                f"open current workspace ({label}), fresh process: import "
                f"{statistics.median(imports) * 1000:.0f} ms + open "
                f"{statistics.median(opens) * 1000:.1f} ms; alembic loaded: {', '.join(alembic)}"
            )


if __name__ == "__main__":
    main()
