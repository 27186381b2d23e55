"""`roster import|export` and `schedule assign` as a user runs them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.commands.context import EXIT_REJECTED


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "w.sqlite"
    code, _, _ = run(
        capsys,
        "event",
        "create",
        "--db",
        str(path),
        "--title",
        "研修",
        "--date",
        "2026-12-01",
        "--session",
        "AM=09:30-12:00:2",
        "--session",
        "PM=13:30-16:00:40",
    )
    assert code == 0
    return path


def roster(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "r.csv"
    lines = ["職員番号,氏名,フリガナ,所属,職名,役割,希望", *rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))
    return path


def test_import_assign_export(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = roster(
        tmp_path,
        "1,髙橋 﨑子,ﾀｶﾊｼ,総務課,課長,DX推進リーダー,PM",
        "2,山田 太郎,ヤマダ,総務課,課長補佐,サブリーダー,PM",
        "3,佐藤 花子,サトウ,人事課,,,ＡＭ",
    )
    code, out, _ = run(capsys, "roster", "import", "--db", str(db), str(file), "--json")
    assert code == 0
    assert json.loads(out) == {"added": 3, "updated": 0, "unchanged": 0, "missing": 0, "errors": []}
    code, out, _ = run(capsys, "schedule", "assign", "--db", str(db), "--json")
    assert code == 0
    payload = json.loads(out)
    assert {k: payload[k] for k in ("sessions", "unassigned", "saved", "moves")} == {
        "sessions": {"AM": 2, "PM": 1},
        "unassigned": 0,
        "saved": True,
        "moves": [],
    }
    assert (payload["preferences_stated"], payload["preferences_met"]) == (3, 2)
    assert (payload["split_departments"], payload["departments_with_2plus"]) == (1, 1)
    (short,) = payload["shortfalls"]
    assert (short["rule"], short["reason"], short["session"]) == ("preference", "roles_apart", "PM")
    code, out, _ = run(capsys, "--lang", "en", "schedule", "assign", "--db", str(db))
    assert "to keep the department's leader and sub-leader apart: 山田 太郎" in out
    out_file = tmp_path / "out.csv"
    code, _, _ = run(capsys, "roster", "export", "--db", str(db), "--out", str(out_file))
    assert code == 0
    text = out_file.read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "職員番号,氏名,ふりがな,所属,職名,役割,希望,セッション"
    assert "1,髙橋 﨑子,タカハシ,総務課,課長,DX推進リーダー,PM,PM" in text


def test_rejected_import_exits_3_lists_errors_and_changes_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    file = roster(tmp_path, "1,甲,,総務課,,,", "1,乙,,総務課,,,", "2,,,総務課,,,夜")
    code, out, err = run(
        capsys, "--lang", "en", "roster", "import", "--db", str(db), str(file), "--json"
    )
    assert code == EXIT_REJECTED
    payload = json.loads(out)
    assert payload["added"] == 0
    assert [(e["row"], e["column"]) for e in payload["errors"]] == [
        (3, "職員番号"),
        (4, "氏名"),
        (4, "希望"),
    ]
    assert "nothing was changed" in err
    code, _, err = run(capsys, "--lang", "ja", "roster", "import", "--db", str(db), str(file))
    assert code == EXIT_REJECTED
    assert "3 行目「職員番号」" in err
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_unreadable_file_gets_the_same_json_shape(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, out, err = run(
        capsys, "--lang", "ja", "roster", "import", "--db", str(db), str(empty), "--json"
    )
    assert code == EXIT_REJECTED
    assert json.loads(out)["errors"][0]["row"] == 0
    assert "空のファイル" in err


def test_export_works_while_another_process_holds_the_workspace(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from facilitator.db.workspace import open_workspace

    with open_workspace(db):  # the GUI, say
        code, _, err = run(
            capsys, "roster", "export", "--db", str(db), "--out", str(tmp_path / "o.xlsx")
        )
    assert code == 0, err
    assert (tmp_path / "o.xlsx").exists()
    code, _, err = run(
        capsys,
        "--lang",
        "en",
        "roster",
        "export",
        "--db",
        str(db),
        "--out",
        str(tmp_path / "o.pdf"),
    )
    assert code == EXIT_REJECTED
    assert ".csv or .xlsx" in err
