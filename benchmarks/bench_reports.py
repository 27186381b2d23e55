"""Report speed: `python benchmarks/bench_reports.py [--count N]`.

On a finished demo day of N (default 1,000) attendees, played through the real
services (`demo --finished`), prints the three figures of issue #17, each through
the real export (database read, render, atomic write):
- N 受講報告書 drafts as PDFs (a folder, one per attendee) against the same attendees'
  certificates (a folder, one per attendee) in the same run, and the ratio (≤ 2×);
- the event report (研修実施報告書) of the N-person event as PDF and as XLSX (≤ 2 s);
- a city's XLSX form (every placeholder) filled once per attendee into a ZIP (≤ 10 s).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook

from facilitator.composition import Composition
from facilitator.db.workspace import open_workspace
from facilitator.domain.clock import SystemClock
from facilitator.domain.report_placeholders import FIELDS


def _timed(label: str, work: Callable[[], object]) -> float:
    """Runs `work`; prints its wall time and this process's CPU time (on a machine shared
    with other jobs the wall time also counts the waiting) and returns the wall time."""
    start, cpu = time.perf_counter(), time.process_time()
    work()
    seconds, used = time.perf_counter() - start, time.process_time() - cpu
    print(f"{label}: {seconds:.2f} s (CPU {used:.2f} s)")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        started = time.perf_counter()
        workspace = open_workspace(folder / "day.sqlite", create=True)
        finished = Composition(workspace, SystemClock()).finished_demo(attendees=args.count)
        print(
            f"finished demo day: {args.count} attendees, {finished.day.checked_in} checked in, "
            f"{finished.day.responses} answers, {finished.day.certificates} certificates "
            f"({time.perf_counter() - started:.1f} s to play)"
        )
        services = Composition(workspace, SystemClock())
        event = finished.summary.event_id
        reports = services.reports.exporter
        certificates = _timed(
            f"{finished.day.certificates} certificates, one PDF each",
            lambda: services.certificates.exporter.export(event, f"{folder}/certs/"),
        )
        drafts = _timed(
            f"{finished.day.checked_in} report drafts, one PDF each",
            lambda: reports.attendees(event, f"{folder}/drafts/", "ja"),
        )
        print(f"drafts / certificates: {drafts / certificates:.2f}x (target <= 2x)")
        pdf = _timed(
            f"event report PDF ({args.count} people)",
            lambda: reports.event_report(event, str(folder / "event.pdf"), "ja"),
        )
        xlsx = _timed(
            f"event report XLSX ({args.count} people)",
            lambda: reports.event_report(event, str(folder / "event.xlsx"), "ja"),
        )
        print(f"event report: PDF {pdf:.2f} s, XLSX {xlsx:.2f} s (target <= 2 s)")
        book = Workbook()
        sheet = book.active
        for row, (ja, _, _) in enumerate(FIELDS, start=1):
            sheet.cell(row, 1, ja)
            sheet.cell(row, 2, f"{{{{{ja}}}}}")
        sheet.cell(len(FIELDS) + 1, 2, "{{回答:action}}")
        sheet.cell(len(FIELDS) + 2, 2, "{{回答:comments}}")
        book.save(folder / "form.xlsx")
        filled = _timed(
            f"XLSX form filled {finished.day.checked_in} times (ZIP)",
            lambda: reports.attendees(
                event, str(folder / "forms.zip"), "ja", template=folder / "form.xlsx"
            ),
        )
        print(f"template: {filled:.2f} s (target <= 10 s)")
        workspace.close()


if __name__ == "__main__":
    main()
