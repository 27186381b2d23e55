"""`facilitator --self-test`: proves this installation can run a training day.

A bundle can lose things silently (a font, the migrations, a template, a Qt
plugin, a hidden import), and a trainer finds out at the venue. The self-test
walks through the day's critical path in a throw-away folder, on loopback only,
and names the first step that fails. The steps themselves are in
`selftest/steps.py`; this module runs them, times them and reports.

Exit status: 0 when every step passed, 1 at the first failure (the folder is
then kept for inspection and its path printed).
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TextIO

from facilitator import __version__
from facilitator.errors import FacilitatorError, Msg
from facilitator.lang import Lang
from facilitator.selftest.step import Step

log = logging.getLogger(__name__)

EXIT_PASSED = 0
EXIT_FAILED = 1


class StepStatus(Enum):
    PASSED = "OK"
    FAILED = "FAIL"


@dataclass(frozen=True)
class StepResult:
    key: str
    status: StepStatus
    seconds: float
    detail: Msg


@dataclass(frozen=True)
class SelfTestReport:
    results: tuple[StepResult, ...]
    seconds: float
    folder: Path

    @property
    def passed(self) -> bool:
        return all(r.status is StepStatus.PASSED for r in self.results)

    @property
    def failed_step(self) -> str | None:
        failed = [r.key for r in self.results if r.status is StepStatus.FAILED]
        return failed[0] if failed else None


def _failure_message(exc: BaseException) -> Msg:
    if isinstance(exc, FacilitatorError):
        return exc.message
    text = f"{type(exc).__name__}: {exc}"
    return Msg(en=f"unexpected error: {text}", ja=f"予期しないエラー：{text}")


def run_steps(steps: Sequence[Step], out: TextIO, lang: Lang, folder: Path) -> SelfTestReport:
    """Run `steps` in order, printing one line each; stop at the first failure."""
    results: list[StepResult] = []
    width = max((len(s.key) for s in steps), default=0)
    started = time.perf_counter()
    for step in steps:
        t0 = time.perf_counter()
        try:
            detail = step.run()
            status = StepStatus.PASSED
        # A self-test reports whatever goes wrong, named by step, instead of a traceback.
        except Exception as exc:
            log.exception("self-test step %s failed", step.key)
            detail, status = _failure_message(exc), StepStatus.FAILED
        seconds = time.perf_counter() - t0
        results.append(StepResult(step.key, status, seconds, detail))
        log.info("self-test %s %s %.3f s: %s", status.value, step.key, seconds, detail.en)
        out.write(
            f"  {status.value:<4}  {step.key:<{width}}  {seconds:6.2f} s  {detail.text(lang)}\n"
        )
        out.flush()
        if status is StepStatus.FAILED:
            break
    return SelfTestReport(tuple(results), time.perf_counter() - started, folder)


def summary(report: SelfTestReport) -> Msg:
    if report.passed:
        return Msg(
            en=f"Self-test passed: {len(report.results)} steps in {report.seconds:.2f} s.",
            ja=f"自己診断に合格しました：{len(report.results)} 項目、{report.seconds:.2f} 秒。",
        )
    step = report.failed_step
    return Msg(
        en=f'Self-test FAILED at step "{step}". Its files are kept in {report.folder}; '
        "the log has the details.",
        ja=f"自己診断は「{step}」の項目で失敗しました。作業ファイルは {report.folder} に残して"
        "あります。詳細はログを確認してください。",
    )


def run_self_test(lang: Lang, out: TextIO | None) -> int:
    """Entry for `facilitator --self-test`: every step in a fresh temporary folder."""
    # No display is needed (CI, a locked laptop, a console over SSH); set before Qt loads.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The windowed executable on Windows has no console: then the log is the report.
    sink: TextIO = out if out is not None else io.StringIO()
    folder = Path(tempfile.mkdtemp(prefix="facilitator-selftest-"))
    sink.write(
        Msg(
            en=f"Facilitator {__version__} self-test in {folder}",
            ja=f"Facilitator {__version__} 自己診断（作業フォルダー：{folder}）",
        ).text(lang)
        + "\n"
    )
    from facilitator.selftest.steps import SelfTestRun

    run = SelfTestRun(folder, lang)
    try:
        report = run_steps(run.steps(), sink, lang, folder)
    finally:
        run.close()
    sink.write(summary(report).text(lang) + "\n")
    sink.flush()
    if not report.passed:
        return EXIT_FAILED
    shutil.rmtree(folder, ignore_errors=True)
    return EXIT_PASSED
