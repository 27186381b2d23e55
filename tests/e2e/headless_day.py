"""A whole training day on the command line, as a trainer without the GUI runs it.

Shared by the run from source (test_headless_day.py) and the smoke run against
the bundle's facilitator-cli (test_bundle.py): the same commands, the same
checks. Phones are plain HTTP clients on 127.0.0.1 sending what the phone
pages send (JSON, from the server's own origin).
"""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from PIL import Image

from facilitator.selftest.base import http_post_json

ROSTER = (
    "職員番号,氏名,フリガナ,所属,職名,役割",
    "2001,髙橋 﨑子,タカハシ サキコ,総務課,課長,DX推進リーダー",
    "2002,山田 太郎,ヤマダ タロウ,総務課,主事,サブリーダー",
    "2003,佐藤 花子,サトウ ハナコ,人事課,主任,",
    "2004,鈴木 一郎,スズキ イチロウ,人事課,主事,",
)
ANSWERS = {
    "understanding": 5,
    "usefulness": 4,
    "difficulty": "just_right",
    "motivation": 5,
    "action": "申請書の電子化を進める",
}
TIMEOUT = 120


class Cli:
    """Runs `facilitator` (a command prefix: the source or the bundle) in a private home."""

    def __init__(self, command: Sequence[str], home: Path, db: Path) -> None:
        self.command = list(command)
        self.db = db
        self.env = {**os.environ, "FACILITATOR_HOME": str(home), "PYTHONUNBUFFERED": "1"}

    def args(self, *args: str) -> list[str]:
        return [*self.command, *args, "--db", str(self.db)]

    def run(self, *args: str, expect: int = 0) -> str:
        done = subprocess.run(
            self.args(*args), capture_output=True, text=True, env=self.env, timeout=TIMEOUT
        )
        assert done.returncode == expect, f"{args}: {done.returncode}\n{done.stdout}{done.stderr}"
        return done.stdout + done.stderr

    def json(self, *args: str) -> Any:
        return json.loads(self.run(*args, "--json"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _code_and_token(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.path.rsplit("/", 1)[-1], parse_qs(parts.query)["t"][0]


def _qr_texts(pdf: Path) -> list[str]:
    import zxingcpp

    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(pdf)])
    page = next(pdf.parent.glob(f"{pdf.name}-*.png"))
    with Image.open(page) as image:
        return [b.text for b in zxingcpp.read_barcodes(image.convert("L")) if b.valid]


def run_headless_day(command: Sequence[str], folder: Path) -> dict[str, Any]:
    """event create → roster import (CP932) → schedule assign → feedback open → serve with
    check-ins and answers over HTTP → checkins export → feedback export (csv, xlsx, pdf) →
    certificates issue/export → certificates verify. Returns what each step reported."""
    cli = Cli(command, folder / "home", folder / "day.sqlite")
    made = cli.json(
        "event", "create", "--title", "DX推進研修", "--date", "2026-10-01",
        "--session", "AM=09:30-12:00:10", "--room", "第1会議室",
    )  # fmt: skip
    roster = folder / "roster.csv"
    roster.write_bytes(("\r\n".join(ROSTER) + "\r\n").encode("cp932"))
    imported = cli.json("roster", "import", str(roster))
    assert imported["added"] == 4, imported
    assigned = cli.json("schedule", "assign")
    assert assigned["sessions"] == {"AM": 4} and assigned["unassigned"] == 0, assigned
    opened = cli.run("feedback", "open", "--session", "AM")
    assert "AM" in opened and "受講報告書" not in opened  # the event already had its survey

    port = str(_free_port())
    server = subprocess.Popen(
        cli.args("serve", "--host", "127.0.0.1", "--port", port, "--json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli.env,
    )
    try:
        assert server.stdout is not None
        base = json.loads(server.stdout.readline())["url"]
        link = cli.json("checkin-url", "--session", "AM", "--host", "127.0.0.1", "--port", port)
        survey = cli.json("feedback-url", "--session", "AM", "--host", "127.0.0.1", "--port", port)
        assert survey["open"] is True, survey
        code, token = _code_and_token(link["url"])
        survey_code, survey_token = _code_and_token(survey["url"])
        outcomes = []
        for staff_no in ("2001", "2002", "2003"):
            checked = http_post_json(
                base, "/api/v1/checkin", {"session": code, "token": token, "staff_no": staff_no}
            )
            answered = http_post_json(
                base,
                "/api/v1/feedback",
                {
                    "session": survey_code,
                    "token": survey_token,
                    "staff_no": staff_no,
                    "answers": ANSWERS,
                },
            )
            outcomes.append((checked["outcome"], answered["outcome"]))
    finally:
        server.terminate()
        server.wait(30)
    assert outcomes == [("checked_in", "recorded")] * 3, outcomes

    checkins = cli.json("checkins", "export", "--out", str(folder / "in.xlsx"))
    assert checkins["rows"] == 3, checkins
    exports = {}
    for suffix in ("csv", "xlsx", "pdf"):
        exports[suffix] = cli.json(
            "feedback", "export", "--out", str(folder / f"feedback.{suffix}")
        )
        assert exports[suffix]["responses"] == 3, exports
    with (folder / "feedback.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert sorted(r["staff_no"] for r in rows) == ["2001", "2002", "2003"]
    assert {r["action"] for r in rows} == {ANSWERS["action"]}

    issued = cli.json("certificates", "issue")
    assert len(issued["issued"]) == 3, issued
    certificates = folder / "certificates.pdf"
    cli.run("certificates", "export", "--out", str(certificates))
    texts = _qr_texts(certificates)
    assert len(texts) == 1, texts
    verdict = cli.json("certificates", "verify", texts[0])
    assert verdict["outcome"] == "valid" and verdict["number"] == issued["issued"][0], verdict
    return {"event": made, "outcomes": outcomes, "verdict": verdict}
