"""`facilitator records report` and `certificates verify --records`: what the records team reads."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from facilitator.db.workspace import open_workspace
from facilitator.domain.certificates import verification_code
from tests.records.day import check_in, issue, make_day, push, run, staff_numbers


@pytest.fixture
def two_trainings(
    tmp_path: Path, records: str, capsys: pytest.CaptureFixture[str]
) -> dict[str, object]:
    """Two trainings pushed: the managers' (4 attended, certificates, one revoked) and a
    second one, 'DX基礎', attended by two of the same people."""
    first = tmp_path / "first.sqlite"
    make_day(first, attendees=12, seed=4)
    with open_workspace(first) as ws, ws.session() as s:
        s.execute(text("UPDATE attendees SET name = '=HYPERLINK(\"http://x\")' WHERE id = 1"))
    with open_workspace(first) as ws:
        people = staff_numbers(ws)
        for staff_no in people[:4]:
            check_in(ws, staff_no, label="AM")
        numbers = issue(ws)
    code, _, err = run(
        capsys, "certificates", "revoke", "--db", str(first), numbers[0], "--reason", "誤発行"
    )
    assert code == 0, err
    push(capsys, first, records)
    second = tmp_path / "second.sqlite"
    make_day(second, attendees=12, seed=4)  # the same staff
    with sqlite3.connect(second) as conn:
        conn.execute("UPDATE events SET title = 'DX基礎', date = '2027-01-20'")
        # The newest training's details name the person.
        conn.execute("UPDATE attendees SET name = '=HYPERLINK(\"http://x\")' WHERE id = 1")
    with open_workspace(second) as ws:
        for staff_no in people[2:4]:
            check_in(ws, staff_no)
    push(capsys, second, records)
    with sqlite3.connect(first) as conn:
        secret, title = (
            conn.execute("SELECT secret, title FROM events").one()
            if False
            else conn.execute("SELECT secret, title FROM events").fetchone()
        )
    return {"people": people, "numbers": numbers, "secret": secret, "title": title}


def report(capsys: pytest.CaptureFixture[str], records: str, *args: str) -> tuple[int, str, str]:
    return run(capsys, "records", "report", "--records", records, *args)


def verify(capsys: pytest.CaptureFixture[str], records: str, *args: str) -> tuple[int, str, str]:
    return run(capsys, "certificates", "verify", "--records", records, *args)


def _csv(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding))))


def test_the_matrix_shows_attended_and_assigned_by_department_and_training(
    two_trainings: dict[str, object],
    records: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "matrix.csv"
    code, said, err = report(
        capsys,
        records,
        "--kind",
        "matrix",
        "--out",
        str(out),
        "--lang",
        "en",
    )
    assert code == 0, err and "matrix report" in said
    rows = _csv(out)
    title = str(two_trainings["title"])
    assert rows[0][1:] == [
        f"{title} 出席 attended",
        f"{title} 対象 assigned",
        f"{title} 出席率% rate",
        "DX基礎 出席 attended",
        "DX基礎 対象 assigned",
        "DX基礎 出席率% rate",
    ]
    total = rows[-1]
    assert total[0] == "合計 Total"
    assert total[1:] == ["4", "12", "33.3", "2", "12", "16.7"]


def test_history_has_one_row_per_person_and_training_with_certificate_status(
    two_trainings: dict[str, object],
    records: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "history.xlsx"
    code, _, err = report(capsys, records, "--kind", "history", "--out", str(out))
    assert code == 0, err
    sheet = load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(rows) == 1 + 24
    people = two_trainings["people"]
    assert isinstance(people, list)
    mine = [r for r in rows if r[0] == people[0]]
    assert len(mine) == 2
    numbers = two_trainings["numbers"]
    assert isinstance(numbers, list)
    revoked = next(r for r in rows if r[9] == numbers[0])
    assert revoked[6] == "出席 yes" and revoked[10] == "取消 revoked" and revoked[3] != "DX基礎"
    assert {r[10] for r in rows if r[9] in numbers[1:]} == {"有効 valid"}
    # How they came in, in the desk's words (not the stored code "manual").
    assert {r[8] for r in rows if r[6] == "出席 yes"} == {"手入力 Manual entry"}
    # A name typed as a formula is text in the spreadsheet, never run.
    assert any(str(r[1]).startswith("'=HYPERLINK") for r in rows)


def test_the_certificate_register_and_verification_across_trainings(
    two_trainings: dict[str, object],
    records: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "certs.csv"
    code, _, _ = report(
        capsys,
        records,
        "--kind",
        "certificates",
        "--out",
        str(out),
    )
    assert code == 0
    rows = _csv(out)
    numbers = two_trainings["numbers"]
    assert isinstance(numbers, list)
    assert [r[0] for r in rows[1:]] == sorted(numbers)
    secret = str(two_trainings["secret"])
    valid = verification_code(secret, numbers[1])
    code, said, _ = verify(capsys, records, valid, "--lang", "en")
    assert code == 0 and said.startswith("VALID:")
    code, said, _ = verify(
        capsys,
        records,
        verification_code(secret, numbers[0]),
        "--lang",
        "ja",
    )
    assert code == 3 and said.startswith("取消済み") and "誤発行" in said
    forged = verification_code("0" * 64, numbers[1])
    code, said, _ = verify(capsys, records, forged, "--lang", "en")
    assert code == 3 and said.startswith("FORGED")
    code, said, _ = verify(capsys, records, numbers[1].lower(), "--lang", "en")
    assert code == 3 and said.startswith("NUMBER ONLY")
    code, said, _ = verify(
        capsys,
        records,
        "C1-NOPE-2026-0001-ABCDEFGHIJKLM",
        "--lang",
        "en",
    )
    assert code == 3 and "any training in the records" in said


def test_pending_is_a_roster_that_roster_import_accepts(
    two_trainings: dict[str, object],
    records: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "next.csv"
    code, _, err = report(
        capsys,
        records,
        "--kind",
        "pending",
        "--training",
        "DX基礎",
        "--encoding",
        "cp932",
        "--out",
        str(out),
    )
    assert code == 0, err
    rows = _csv(out, "cp932")
    people = two_trainings["people"]
    assert isinstance(people, list)
    assert rows[0] == ["職員番号", "氏名", "ふりがな", "所属", "職名", "役割", "メール"]
    assert sorted(r[0] for r in rows[1:]) == sorted(set(people) - set(people[2:4]))
    nxt = tmp_path / "next.sqlite"
    code, _, err = run(
        capsys,
        "event",
        "create",
        "--db",
        str(nxt),
        "--title",
        "DX基礎 2回目",
        "--date",
        "2027-02-01",
        "--session",
        "AM=09:30-12:00",
    )
    assert code == 0, err
    code, said, err = run(capsys, "roster", "import", "--db", str(nxt), str(out), "--json")
    assert code == 0, err
    assert json.loads(said)["added"] == 10


def test_bad_report_requests_are_refused_in_both_languages(
    two_trainings: dict[str, object],
    records: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "x.csv"
    code, _, err = report(
        capsys,
        records,
        "--kind",
        "pending",
        "--out",
        str(out),
        "--lang",
        "en",
    )
    assert code == 3 and "--training" in err
    code, _, err = report(
        capsys,
        records,
        "--kind",
        "matrix",
        "--training",
        "無い研修",
        "--out",
        str(out),
        "--lang",
        "ja",
    )
    assert code == 3 and "記録にありません" in err and "DX基礎" in err
    code, _, err = report(
        capsys,
        records,
        "--kind",
        "matrix",
        "--out",
        str(tmp_path / "x.pdf"),
        "--lang",
        "en",
    )
    assert code == 3 and ".csv or .xlsx" in err
    code, _, err = report(
        capsys,
        records,
        "--kind",
        "matrix",
        "--encoding",
        "latin-9",
        "--out",
        str(out),
        "--lang",
        "en",
    )
    assert code == 3 and "utf-8 or cp932" in err
    assert not out.exists()
