"""`facilitator --self-test`, run as a trainer (or the bundle script) runs it: a fresh process."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from facilitator.errors import Msg
from facilitator.selftest import Step, StepFailed, StepStatus, run_steps, summary

ROOT = Path(__file__).resolve().parents[2]
STEPS = [
    "resources",
    "packages",
    "translations",
    "workspace",
    "roster-cp932",
    "assignment",
    "phone-server",
    "slide",
    "pdf-deck",
    "feedback-report",
    "certificate",
    "certificate-qr",
    "slips",
    "xlsx",
    "records",
    "window",
]
LINE = re.compile(r"^  (OK|FAIL)\s+(\S+)\s+(\d+\.\d\d) s  (.*)$", re.MULTILINE)


def run_facilitator(
    home: Path, *args: str, code: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FACILITATOR_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must choose offscreen by itself
    command = (
        [sys.executable, "-c", code, *args]
        if code
        else [sys.executable, "-m", "facilitator", *args]
    )
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)


def test_self_test_passes_every_step_in_japanese(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = run_facilitator(home, "--self-test", "--lang", "ja")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = LINE.findall(done.stdout)
    assert [key for _, key, _, _ in lines] == STEPS
    assert all(status == "OK" for status, _, _, _ in lines)
    details = {key: detail for _, key, _, detail in lines}
    assert "受付とアンケート回答" in details["phone-server"]
    assert "127.0.0.1" in details["phone-server"]
    assert "髙橋 﨑子" in details["roster-cp932"]
    assert "budoux" in details["packages"] and "zxingcpp" in details["packages"]
    assert "受付" in details["translations"]
    assert "キャンセル" in details["translations"]  # Qt's own qtbase_ja loaded
    assert "回答 1 件" in details["feedback-report"]
    assert "1 ページ" in details["certificate"]
    assert "有効" in details["certificate-qr"]
    assert "受講票 6 枚" in details["slips"]
    assert f"自己診断に合格しました：{len(STEPS)} 項目" in done.stdout
    folder = Path(re.search(r"作業フォルダー：(\S+)）", done.stdout).group(1))  # type: ignore[union-attr]
    assert not folder.exists()  # removed after a pass
    # The window's settings went to the throw-away folder, not the user's.
    assert not (home / "settings.ini").exists()
    assert "self-test OK window" in (home / "logs" / "facilitator.log").read_text("utf-8")


def test_failure_names_the_step_stops_and_keeps_the_folder(tmp_path: Path) -> None:
    # The real self-test, with the LAN server unable to start (as if blocked).
    code = textwrap.dedent(
        """
        import sys
        from facilitator.errors import Msg
        from facilitator.web import server
        def refuse(self, timeout=10.0):
            raise server.ServerStartFailed(Msg(en="port blocked", ja="ポートが使えません"))
        server.LanServer.start = refuse
        from facilitator.cli import main
        sys.exit(main(sys.argv[1:]))
        """
    )
    done = run_facilitator(tmp_path / "home", "--self-test", "--lang", "en", code=code)
    assert done.returncode == 1
    lines = LINE.findall(done.stdout)
    assert [key for _, key, _, _ in lines] == STEPS[: STEPS.index("phone-server") + 1]
    assert lines[-1][0] == "FAIL" and lines[-1][3] == "port blocked"
    assert 'Self-test FAILED at step "phone-server"' in done.stdout
    folder = Path(re.search(r"self-test in (\S+)", done.stdout).group(1))  # type: ignore[union-attr]
    assert (folder / "selftest.sqlite").exists()  # kept for whoever investigates
    shutil.rmtree(folder)


def test_runner_reports_each_step_and_translates_failures() -> None:
    ran: list[str] = []

    def ok() -> Msg:
        ran.append("a")
        return Msg(en="fine", ja="正常")

    def broken() -> Msg:
        ran.append("b")
        raise StepFailed(Msg(en="no fonts", ja="フォントがありません"))

    def never() -> Msg:
        ran.append("c")
        return Msg(en="", ja="")

    out = io.StringIO()
    report = run_steps([Step("a", ok), Step("b", broken), Step("c", never)], out, "ja", Path("/x"))
    assert ran == ["a", "b"]
    assert [r.status for r in report.results] == [StepStatus.PASSED, StepStatus.FAILED]
    assert report.failed_step == "b" and not report.passed
    assert "FAIL  b" in out.getvalue() and "フォントがありません" in out.getvalue()
    assert "「b」の項目で失敗" in summary(report).ja


def test_unexpected_errors_are_reported_not_raised() -> None:
    def crash() -> Msg:
        raise KeyError("font")

    out = io.StringIO()
    report = run_steps([Step("fonts", crash)], out, "en", Path("/x"))
    assert report.failed_step == "fonts"
    assert "unexpected error: KeyError: 'font'" in out.getvalue()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_summary_of_a_pass_counts_steps(lang: str) -> None:
    out = io.StringIO()
    report = run_steps([Step("a", lambda: Msg(en="x", ja="x"))], out, "en", Path("/x"))
    text = summary(report).text("ja" if lang == "ja" else "en")
    assert ("1 項目" if lang == "ja" else "1 steps") in text


def test_a_dependency_that_cannot_import_fails_the_packages_step(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from facilitator.selftest import packages
    from facilitator.selftest.state import SelfTestState

    monkeypatch.setattr(
        packages, "top_level_modules", lambda: {"budoux": ["budoux"], "gone": ["no_such_mod"]}
    )
    with pytest.raises(StepFailed) as failed:
        packages.import_every_package(SelfTestState(tmp_path, "en"))
    assert "cannot import no_such_mod (ModuleNotFoundError" in failed.value.message.en
    monkeypatch.setattr(packages, "top_level_modules", lambda: {"budoux": []})
    with pytest.raises(StepFailed, match="no metadata for budoux"):
        packages.import_every_package(SelfTestState(tmp_path, "en"))
