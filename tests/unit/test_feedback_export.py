"""`facilitator feedback export` and `feedback-url`, read back with csv, openpyxl and pypdf."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from facilitator.cli import main
from facilitator.commands.context import CliContext
from facilitator.db.workspace import Workspace
from facilitator.domain.clock import FakeClock, SystemClock
from facilitator.domain.tokens import TokenCheck
from facilitator.services.feedback.capture import FeedbackMethod, FeedbackService, Respondent
from tests.unit.feedback_helpers import (
    GOOD_ANSWERS,
    check_in,
    configure_survey,
    open_feedback,
    session_codes,
    session_ids,
)

NASTY = '=HYPERLINK("http://evil.example","x")'


def _fill(ws: Workspace, clock: FakeClock, *, anonymous: bool) -> None:
    configure_survey(ws, anonymous=anonymous)
    open_feedback(ws, "AM", "PM")
    svc = FeedbackService(ws, clock)
    ids = session_ids(ws)
    for label, n, rating in (("AM", 4, 2), ("PM", 3, 5)):
        for i, aid in enumerate(check_in(ws, clock, label, n)):
            answers = {**GOOD_ANSWERS, "understanding": rating, "action": f"{label}-{i}"}
            if label == "AM" and i == 0:
                answers["comments"] = NASTY
            result = svc.submit(ids[label], Respondent(aid), answers, FeedbackMethod.KIOSK)
            assert result.outcome.stored


def _run(args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--lang", "ja", *args], CliContext(lang="ja", out=out, err=err))
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize("anonymous", [False, True])
def test_csv_export(
    demo_workspace: Workspace, clock: FakeClock, tmp_path: Path, anonymous: bool
) -> None:
    _fill(demo_workspace, clock, anonymous=anonymous)
    out = tmp_path / "feedback.csv"
    code, text = _run(["feedback", "export", "--db", str(demo_workspace.path), "--out", str(out)])
    assert code == 0, text
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 7
    assert {"understanding", "usefulness", "difficulty", "motivation", "action", "comments"} <= set(
        rows[0]
    )
    assert ("name" in rows[0]) is (not anonymous)
    am = [r for r in rows if r["session"] == "AM"]
    assert {r["understanding"] for r in am} == {"2"}
    assert {r["action"] for r in am} == {"AM-0", "AM-1", "AM-2", "AM-3"}
    comments = {r["comments"] for r in rows}
    assert "'" + NASTY in comments  # neutralised, never a live formula
    assert "<b>ありがとう</b>" in comments
    if anonymous:
        assert all(len(r["submitted_at"]) == 10 for r in rows)  # the day only


def test_xlsx_export(demo_workspace: Workspace, clock: FakeClock, tmp_path: Path) -> None:
    _fill(demo_workspace, clock, anonymous=False)
    out = tmp_path / "feedback.xlsx"
    code, text = _run(["feedback", "export", "--db", str(demo_workspace.path), "--out", str(out)])
    assert code == 0, text
    sheet = load_workbook(out).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    head = list(rows[0])
    assert len(rows) == 8
    col = head.index("understanding")
    assert sorted(r[col] for r in rows[1:]) == [2, 2, 2, 2, 5, 5, 5]
    comments = [r[head.index("comments")] for r in rows[1:]]
    assert NASTY in comments  # kept exactly, as a string cell
    cell = next(c for c in sheet.iter_rows(min_row=2) if c[head.index("comments")].value == NASTY)
    assert cell[head.index("comments")].data_type == "s"


def test_pdf_export(
    demo_workspace: Workspace, clock: FakeClock, tmp_path: Path, screenshots: Path
) -> None:
    _fill(demo_workspace, clock, anonymous=False)
    out = tmp_path / "feedback.pdf"
    code, text = _run(["feedback", "export", "--db", str(demo_workspace.path), "--out", str(out)])
    assert code == 0, text
    reader = PdfReader(out)
    body = "".join(page.extract_text() for page in reader.pages)
    assert "研修内容をどの程度理解できましたか" in body
    assert "<b>ありがとう</b>" in body  # HTML printed as typed
    for i in range(4):
        assert f"AM-{i}" in body
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "IPAexGothic" in fonts and " yes " in fonts  # embedded
    # Look at it: the first page rendered for a human check.
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-png",
            "-f",
            "1",
            "-l",
            "2",
            str(out),
            str(screenshots / "feedback_pdf"),
        ],
        check=True,
    )


def test_export_refuses_bad_extension(demo_workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "feedback.docx"
    code, text = _run(["feedback", "export", "--db", str(demo_workspace.path), "--out", str(out)])
    assert code == 3
    assert ".csv" in text and not out.exists()


def test_feedback_url(demo_workspace: Workspace, clock: FakeClock) -> None:
    # Read-only: works while this process holds the workspace's writer lock.
    code, text = _run(
        [
            "feedback-url",
            "--db",
            str(demo_workspace.path),
            "--session",
            "am",
            "--host",
            "10.0.0.5",
            "--json",
        ]
    )
    assert code == 0, text
    payload = json.loads(text.splitlines()[0])
    code_am = session_codes(demo_workspace)["AM"]
    assert payload["url"].startswith(f"http://10.0.0.5:8765/f/{code_am}?t=")
    token = payload["url"].split("?t=")[1]
    assert FeedbackService(demo_workspace, SystemClock()).check_token(code_am, token) in (
        TokenCheck.VALID,
    )
    code, text = _run(["feedback-url", "--db", str(demo_workspace.path), "--session", "XX"])
    assert code == 3 and "XX" in text


def test_an_event_without_a_survey_is_never_reported_open(tmp_path: Path) -> None:
    # A workspace from before events came with a survey: the session is open, no survey.
    from sqlalchemy import delete, update

    from facilitator.db.models import Survey, TrainingSession
    from facilitator.db.workspace import open_workspace

    db = str(tmp_path / "old.sqlite")
    create = ["event", "create", "--db", db, "--title", "研修", "--date", "2026-10-01"]
    code, _ = _run([*create, "--session", "AM=09:30-12:00"])
    assert code == 0
    with open_workspace(Path(db)) as ws, ws.session() as s:
        s.execute(delete(Survey))
        s.execute(update(TrainingSession).values(feedback_open=True))
    url = ["feedback-url", "--db", db, "--session", "AM", "--host", "127.0.0.1"]
    code, text = _run([*url, "--json"])
    assert code == 0 and json.loads(text.splitlines()[0])["open"] is False
    assert "回答を受け付けていません" in _run(url)[1]
    # `feedback open` gives the event the default survey, says so, and opens it.
    code, text = _run(["feedback", "open", "--db", db, "--session", "AM"])
    assert code == 0
    assert "標準の受講報告書を作成しました" in text and "回答受付を開始しました" in text
    assert json.loads(_run([*url, "--json"])[1].splitlines()[0])["open"] is True
    code, text = _run(["feedback", "open", "--db", db, "--session", "AM"])
    assert code == 0 and "受講報告書を作成" not in text  # only once
