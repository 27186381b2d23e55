"""`facilitator records push`: what the records team gets, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.db.migrate import downgrade_to
from facilitator.db.workspace import open_workspace
from tests.records.day import (
    ALL_UNCHANGED_KINDS,
    check_in,
    issue,
    make_day,
    push,
    records_state,
    respond,
    run,
    staff_numbers,
)


@pytest.fixture
def day(tmp_path: Path) -> Path:
    """20 attendees; 5 checked in (two by phone), 3 answered, certificates issued."""
    db = tmp_path / "day.sqlite"
    make_day(db)
    with open_workspace(db) as ws:
        people = staff_numbers(ws, "AM")[:5]
        for n, staff_no in enumerate(people):
            check_in(ws, staff_no, minutes=n, method="phone" if n < 2 else "manual")
        for staff_no in people[:3]:
            respond(ws, staff_no)
        assert len(issue(ws)) == 5
    return db


def test_a_push_adds_the_day_and_a_second_push_changes_nothing(
    capsys: pytest.CaptureFixture[str], day: Path, records: str
) -> None:
    first = push(capsys, day, records)
    assert first["added"] == {
        "events": 1,
        "sessions": 2,
        "people": 20,
        "enrolments": 20,
        "checkins": 5,
        "attendances": 5,
        "responses": 3,
        "certificates": 5,
    }
    assert set(first["unchanged"]) == ALL_UNCHANGED_KINDS
    state = records_state(records)
    second = push(capsys, day, records)
    assert second["event"] == first["event"]
    assert not any(second["added"].values()) and not any(second["updated"].values())
    assert second["unchanged"] == first["added"]
    assert records_state(records) == state
    code, out, _ = run(
        capsys, "records", "push", "--db", str(day), "--records", records, "--lang", "en"
    )
    assert code == 0 and "nothing changed" in out
    code, out, _ = run(
        capsys, "records", "push", "--db", str(day), "--records", records, "--lang", "ja"
    )
    assert code == 0 and "変更はありません" in out


def test_a_change_on_the_laptop_is_an_update_and_an_undone_check_in_no_attendance(
    capsys: pytest.CaptureFixture[str], day: Path, records: str
) -> None:
    push(capsys, day, records)
    with sqlite3.connect(day) as conn:
        conn.execute(
            "UPDATE checkins SET undone_at = '2026-12-10 01:00:00.000000' WHERE id = "
            "(SELECT min(id) FROM checkins)"
        )
    again = push(capsys, day, records)
    assert again["updated"]["checkins"] == 1
    assert again["updated"]["attendances"] == 1  # that person no longer attended
    assert len(records_state(records)["attendances"]) == 4


def test_push_reads_a_workspace_the_app_has_open_for_writing(
    capsys: pytest.CaptureFixture[str], day: Path, records: str
) -> None:
    with open_workspace(day) as writer:  # holds the writer's lock, as the GUI does
        assert writer.readonly is False
        first = push(capsys, day, records)
    assert first["added"]["attendances"] == 5


def test_an_older_or_newer_workspace_is_refused_with_exit_3_and_nothing_written(
    capsys: pytest.CaptureFixture[str], day: Path, tmp_path: Path
) -> None:
    records = str(tmp_path / "records.sqlite")
    with open_workspace(day) as ws:
        downgrade_to(ws.engine, "0003_refusal_attempts")
    code, _, err = run(
        capsys, "records", "push", "--db", str(day), "--records", records, "--lang", "en"
    )
    assert code == 3 and "older schema" in err and "open it once in Facilitator" in err
    assert not Path(records).exists()
    with open_workspace(day):  # the app opens (and upgrades) it; then the push works
        pass
    with sqlite3.connect(day) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    code, _, err = run(
        capsys, "records", "push", "--db", str(day), "--records", records, "--lang", "ja"
    )
    assert code == 3 and "新しいバージョンの Facilitator" in err
    assert not Path(records).exists()


def test_a_records_server_that_does_not_answer_is_a_clear_refusal(
    capsys: pytest.CaptureFixture[str], day: Path
) -> None:
    import socket

    with socket.socket() as sock:  # a free port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"postgresql://records:hunter2@127.0.0.1:{port}/records"
    code, out, err = run(
        capsys, "records", "push", "--db", str(day), "--records", url, "--lang", "en"
    )
    assert code == 3 and out == ""
    assert "Cannot use the records database" in err and "Nothing was written" in err
    assert "hunter2" not in err


def test_a_bad_event_id_is_refused(
    capsys: pytest.CaptureFixture[str], day: Path, tmp_path: Path
) -> None:
    code, _, err = run(
        capsys,
        "records",
        "push",
        "--db",
        str(day),
        "--event",
        "99",
        "--records",
        str(tmp_path / "r.sqlite"),
        "--lang",
        "en",
    )
    assert code == 3 and "99" in err


def test_the_japanese_summary_names_what_was_added_in_japanese(
    capsys: pytest.CaptureFixture[str], day: Path, records: str
) -> None:
    code, out, err = run(
        capsys, "records", "push", "--db", str(day), "--records", records, "--lang", "ja"
    )
    assert code == 0, err
    assert "追加：研修 1 件、回 2 件、職員 20 件" in out and "更新：なし" in out
    assert "people" not in out and "events" not in out
