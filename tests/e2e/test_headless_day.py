"""The headless day end to end from source: every command a real process, phones over HTTP."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.e2e.headless_day import run_headless_day


@pytest.mark.slow
def test_a_whole_day_on_the_command_line(tmp_path: Path) -> None:
    day = run_headless_day([sys.executable, "-m", "facilitator"], tmp_path)
    assert day["verdict"]["name"] in {"髙橋 﨑子", "山田 太郎", "佐藤 花子"}


def test_feedback_export_without_answers_writes_the_header(tmp_path: Path) -> None:
    from tests.e2e.headless_day import Cli

    cli = Cli([sys.executable, "-m", "facilitator"], tmp_path / "home", tmp_path / "w.sqlite")
    cli.run(
        "event", "create", "--title", "研修", "--date", "2026-10-01", "--session", "AM=09:30-12:00"
    )
    out = tmp_path / "empty.csv"
    assert "0 responses" in cli.run("feedback", "export", "--out", str(out), "--lang", "en")
    header = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(header) == 1 and header[0].startswith("session,") and "understanding" in header[0]
    for suffix in ("xlsx", "pdf"):
        cli.run("feedback", "export", "--out", str(tmp_path / f"empty.{suffix}"))
        assert (tmp_path / f"empty.{suffix}").stat().st_size > 0
