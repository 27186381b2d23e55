"""Re-assignment as the trainer meets it: moves are listed and need --yes; slips go stale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.commands.context import EXIT_REJECTED
from facilitator.commands.roster import EXIT_MOVES_NOT_SAVED
from facilitator.composition import Composition
from facilitator.db.workspace import open_workspace
from facilitator.domain.clock import FakeClock
from tests.unit.test_roster_cli import run


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
        "AM=09:30-12:00:10",
        "--session",
        "PM=13:30-16:00:10",
    )
    assert code == 0
    return path


def roster(tmp_path: Path, *rows: str, name: str = "r.csv") -> Path:
    path = tmp_path / name
    lines = ["職員番号,氏名,所属,役割,希望,参加不可", *rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))
    return path


def sessions_of(db: Path) -> dict[str, str]:
    with open_workspace(db, readonly=True) as ws:
        services = Composition(ws, FakeClock())
        event_id = services.events.resolve_event_id(None)
        return {p.staff_no: p.session_label for p in services.attendees.list_attendees(event_id)}


def print_slips(db: Path) -> list[int]:
    with open_workspace(db) as ws:
        services = Composition(ws, FakeClock())
        event_id = services.events.resolve_event_id(None)
        services.roster.papers.slips(event_id)
        return services.attendees.stale_slips(event_id)


def test_a_forced_move_is_listed_needs_yes_and_marks_only_that_slip_stale(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = roster(
        tmp_path, "1,髙橋 﨑子,総務課,,AM,", "2,山田 太郎,人事課,,AM,", "3,佐藤,企画課,,,"
    )
    assert run(capsys, "roster", "import", "--db", str(db), str(first))[0] == 0
    assert run(capsys, "schedule", "assign", "--db", str(db))[0] == 0
    before = sessions_of(db)
    assert before["1"] == before["2"] == "AM"
    assert print_slips(db) == []  # just printed: nothing stale
    # 髙橋 can no longer come in the morning.
    second = roster(
        tmp_path,
        "1,髙橋 﨑子,総務課,,,午前",
        "2,山田 太郎,人事課,,AM,",
        "3,佐藤,企画課,,,",
        name="r2.csv",
    )
    assert run(capsys, "roster", "import", "--db", str(db), str(second))[0] == 0

    code, out, _ = run(capsys, "--lang", "en", "schedule", "assign", "--db", str(db))
    assert code == EXIT_MOVES_NOT_SAVED
    assert "moves 1 attendees already placed" in out
    assert "- 1 髙橋 﨑子 (総務課): AM → PM — marked unavailable (不可)" in out
    assert "Nothing was saved" in out
    assert sessions_of(db) == before

    code, out, _ = run(capsys, "schedule", "assign", "--db", str(db), "--yes", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["saved"] is True
    assert [(m["staff_no"], m["from"], m["to"], m["reason"]) for m in payload["moves"]] == [
        ("1", "AM", "PM", "unavailable")
    ]
    assert payload["stale_slips"] == ["1"]
    assert sessions_of(db) == {**before, "1": "PM"}  # nobody else moved
    with open_workspace(db, readonly=True) as ws:
        services = Composition(ws, FakeClock())
        event_id = services.events.resolve_event_id(None)
        stale = services.attendees.stale_slips(event_id)
        people = {p.id: p.staff_no for p in services.attendees.list_attendees(event_id)}
    assert [people[i] for i in stale] == ["1"]
    assert print_slips(db) == []  # reprinted: fresh again


def test_fresh_reassigns_everyone_and_japanese_output_names_the_moves(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = roster(tmp_path, "1,甲,総務課,,,", "2,乙,人事課,,,")
    assert run(capsys, "roster", "import", "--db", str(db), str(first))[0] == 0
    assert run(capsys, "schedule", "assign", "--db", str(db))[0] == 0
    placed = sessions_of(db)
    wishes = roster(
        tmp_path,
        *(
            f"{n},{name},{dept},,{'PM' if placed[n] == 'AM' else 'AM'},"
            for n, name, dept in (("1", "甲", "総務課"), ("2", "乙", "人事課"))
        ),
        name="r2.csv",
    )
    assert run(capsys, "roster", "import", "--db", str(db), str(wishes))[0] == 0
    code, out, _ = run(capsys, "--lang", "ja", "schedule", "assign", "--db", str(db))
    assert code == 0 and "希望どおり 2 名中 0 名" in out  # stable: wishes alone move nobody
    code, out, _ = run(capsys, "--lang", "ja", "schedule", "assign", "--db", str(db), "--fresh")
    assert code == EXIT_MOVES_NOT_SAVED
    assert "全員を割り当て直したため" in out
    code, out, _ = run(capsys, "schedule", "assign", "--db", str(db), "--fresh", "--yes", "--json")
    assert code == 0 and json.loads(out)["preferences_met"] == 2


def test_unavailable_column_is_validated_and_nothing_is_imported(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = roster(
        tmp_path,
        "1,甲,総務課,,,夜",
        "2,乙,総務課,,AM,AM",
        "3,丙,総務課,,,AM、ＰＭ",
        "4,丁,総務課,,,午後",
    )
    code, out, err = run(
        capsys, "--lang", "en", "roster", "import", "--db", str(db), str(bad), "--json"
    )
    assert code == EXIT_REJECTED
    errors = json.loads(out)["errors"]
    assert [(e["row"], e["column"]) for e in errors] == [
        (2, "参加不可"),
        (3, "参加不可"),
        (4, "参加不可"),
    ]
    assert "Unknown session '夜' in Unavailable" in errors[0]["message"]
    assert "marked unavailable for AM" in errors[1]["message"]
    assert "Unavailable for every session" in errors[2]["message"]
    code, _, err = run(capsys, "--lang", "ja", "roster", "import", "--db", str(db), str(bad))
    assert "不可の「夜」は不明です" in err
    assert sessions_of(db) == {}


def test_rebook_lists_by_department_needs_yes_and_writes_the_notice(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from facilitator.commands.rebook import EXIT_NOT_SAVED

    file = roster(
        tmp_path,
        "1,髙橋 﨑子,総務課,DX推進リーダー,AM,",
        "2,山田 太郎,総務課,サブリーダー,PM,",
        "3,佐藤 花子,総務課,,AM,",
        "4,鈴木 一郎,人事課,,AM,",
        "5,田中 次郎,人事課,,PM,",
    )
    assert run(capsys, "roster", "import", "--db", str(db), str(file))[0] == 0
    assert run(capsys, "schedule", "assign", "--db", str(db))[0] == 0
    code, out, _ = run(
        capsys, "--lang", "en", "schedule", "rebook", "--db", str(db), "--from", "AM", "--to", "PM"
    )
    assert code == EXIT_NOT_SAVED
    assert "総務課\n  1 髙橋 﨑子: stays: the department's leader or sub-leader attends PM" in out
    assert "  3 佐藤 花子: moves to PM" in out
    assert "  4 鈴木 一郎: stays: the whole department would be away in PM" in out
    assert "Nothing was changed" in out
    notice = tmp_path / "notice.pdf"
    code, out, _ = run(
        capsys,
        "schedule",
        "rebook",
        "--db",
        str(db),
        "--from",
        "am",
        "--to",
        "PM",
        "--yes",
        "--json",
        "--notice-out",
        str(notice),
    )
    assert code == 0
    payload = json.loads(out)
    assert (payload["saved"], payload["moved"], payload["notice"]) == (True, 1, str(notice))
    assert notice.read_bytes().startswith(b"%PDF")
    assert sessions_of(db)["3"] == "PM"
    code, _, err = run(
        capsys, "--lang", "ja", "schedule", "rebook", "--db", str(db), "--from", "夜", "--to", "PM"
    )
    assert code == EXIT_REJECTED and "セッション「夜」はありません" in err


def test_people_who_checked_in_stay_in_that_session_even_with_fresh(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.records.day import check_in

    first = roster(tmp_path, "1,髙橋 﨑子,総務課,,AM,", "2,山田 太郎,総務課,,PM,")
    assert run(capsys, "roster", "import", "--db", str(db), str(first))[0] == 0
    assert run(capsys, "schedule", "assign", "--db", str(db))[0] == 0
    assert sessions_of(db) == {"1": "AM", "2": "PM"}
    with open_workspace(db) as ws:
        check_in(ws, "1", label="AM")
    # After the day the sheet says 髙橋 could not come in the morning: she did come.
    second = roster(tmp_path, "1,髙橋 﨑子,総務課,,,午前", "2,山田 太郎,総務課,,PM,", name="r2.csv")
    assert run(capsys, "roster", "import", "--db", str(db), str(second))[0] == 0
    for extra in ((), ("--fresh",)):
        code, out, _ = run(capsys, "schedule", "assign", "--db", str(db), "--yes", "--json", *extra)
        assert code == 0
        assert "1" not in [m["staff_no"] for m in json.loads(out)["moves"]]
        assert sessions_of(db)["1"] == "AM"
