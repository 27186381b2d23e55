"""Two laptops at one event: `event export` / `event import`, then both push."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from facilitator.db.models import Event, TrainingSession
from facilitator.db.records.models import Attendance, Person
from facilitator.db.records.store import open_records, resolve_target
from facilitator.db.workspace import open_workspace
from tests.records.day import (
    START,
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
def laptops(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """Door A (the original) and door B (started from `event export`)."""
    a, b = tmp_path / "door-a.sqlite", tmp_path / "door-b.sqlite"
    make_day(a)
    copy = tmp_path / "day.facilitator-event"
    code, out, err = run(
        capsys, "event", "export", "--db", str(a), "--out", str(copy), "--lang", "en"
    )
    assert code == 0, err
    assert "facilitator event import" in out
    code, out, err = run(capsys, "event", "import", "--db", str(b), str(copy), "--json")
    assert code == 0, err
    assert json.loads(out)["attendees"] == 20
    return a, b


def test_the_copy_has_the_same_identities_and_its_own_secret(laptops: tuple[Path, Path]) -> None:
    a, b = laptops
    rows = {}
    for path in (a, b):
        with open_workspace(path, readonly=True) as ws, ws.session() as s:
            event = s.scalars(select(Event)).one()
            rows[path] = (
                event.uuid,
                event.secret,
                sorted(s.scalars(select(TrainingSession.uuid))),
                sorted(s.execute(text("SELECT uuid, staff_no FROM attendees")).all()),
            )
    assert rows[a][0] == rows[b][0]
    assert rows[a][1] != rows[b][1]
    assert rows[a][2] == rows[b][2] and rows[a][3] == rows[b][3]


def test_importing_twice_or_a_foreign_file_is_refused(
    laptops: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, b = laptops
    copy = tmp_path / "day.facilitator-event"
    code, _, err = run(capsys, "event", "import", "--db", str(b), str(copy), "--lang", "en")
    assert code == 3 and "already holds" in err
    junk = tmp_path / "junk.facilitator-event"
    junk.write_text("名簿,です\n", encoding="utf-8")
    code, _, err = run(capsys, "event", "import", "--db", str(b), str(junk), "--lang", "ja")
    assert code == 3 and "研修のコピー" in err and "何も取り込んでいません" in err
    payload = json.loads(copy.read_text(encoding="utf-8"))
    payload["version"] = 99
    newer = tmp_path / "newer.facilitator-event"
    newer.write_text(json.dumps(payload), encoding="utf-8")
    code, _, err = run(capsys, "event", "import", "--db", str(b), str(newer), "--lang", "en")
    assert code == 3 and "newer version" in err


def test_the_copy_refuses_to_issue_certificates_and_says_who_does(
    laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = laptops
    with open_workspace(b) as ws:
        check_in(ws, staff_numbers(ws, "AM")[0])
    for lang, words in (
        ("en", "only on the laptop it was copied from"),
        ("ja", "コピー元のパソコンでだけ"),
    ):
        code, _, err = run(capsys, "certificates", "issue", "--db", str(b), "--lang", lang)
        assert code == 3 and words in err
    with open_workspace(a) as ws:
        check_in(ws, staff_numbers(ws, "AM")[0])
        assert len(issue(ws)) == 1


def test_one_person_checked_in_at_both_doors_is_one_attendance_the_earliest_with_both_methods(
    laptops: tuple[Path, Path], records: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = laptops
    with open_workspace(a) as ws:
        both, only_a, only_b = staff_numbers(ws, "AM")[:3]
        check_in(ws, both, minutes=7, method="manual")
        check_in(ws, only_a, minutes=1, method="manual")
    with open_workspace(b) as ws:
        check_in(ws, both, minutes=3, method="phone")
        check_in(ws, only_b, minutes=2, method="phone")
    first = push(capsys, a, records)
    second = push(capsys, b, records)
    assert first["event"] == second["event"]
    assert second["added"]["people"] == 0 and second["unchanged"]["enrolments"] == 20
    with open_records(resolve_target(records), migrate=False) as store, store.reading() as conn:
        a_, p_ = Attendance.__table__, Person.__table__
        rows = conn.execute(
            select(p_.c.staff_no, a_.c.checked_in_at, a_.c.methods).join(
                p_, p_.c.id == a_.c.person_id
            )
        ).all()
        checkins = conn.execute(text("SELECT count(*) FROM checkins")).scalar()
    assert checkins == 4  # every check-in is kept
    by_person = {r[0]: r for r in rows}
    assert set(by_person) == {both, only_a, only_b}
    assert by_person[both][1] == START + timedelta(minutes=3)
    assert by_person[both][2] == "manual,phone"


def test_a_person_who_answered_on_both_laptops_is_counted_once(
    laptops: tuple[Path, Path], records: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = laptops
    for path, minutes in ((a, 50), (b, 70)):
        with open_workspace(path) as ws:
            person = staff_numbers(ws, "AM")[0]
            check_in(ws, person)
            respond(ws, person, minutes=minutes)
    push(capsys, a, records)
    later = push(capsys, b, records)
    assert later["updated"]["responses"] == 1 and later["added"]["responses"] == 0
    responses = records_state(records)["responses"]
    assert len(responses) == 1
    again = push(capsys, a, records)  # the older answer does not come back
    assert not any(again["added"].values()) and not any(again["updated"].values())
    assert records_state(records)["responses"] == responses


def test_two_workspaces_that_both_issued_a_number_are_refused_and_nothing_written(
    tmp_path: Path, records: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two separate workspaces (not copies) that numbered the same series."""
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    numbers = []
    for path, seed in ((one, 1), (two, 2)):
        make_day(path, seed=seed)
        with open_workspace(path) as ws:
            check_in(ws, staff_numbers(ws, "AM")[0])
            numbers += issue(ws)
    assert len(numbers) == 2 and numbers[0] == numbers[1]
    push(capsys, one, records)
    before = records_state(records)
    code, out, err = run(
        capsys, "records", "push", "--db", str(two), "--records", records, "--lang", "en"
    )
    assert code == 3 and out == ""
    assert "already in the records" in err and "Nothing was written" in err
    assert records_state(records) == before


def test_a_refused_copy_does_not_create_the_workspace_it_was_meant_for(
    laptops: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "day.facilitator-event"
    truncated = tmp_path / "truncated.facilitator-event"
    truncated.write_bytes(copy.read_bytes()[:200])
    fresh = tmp_path / "door-c.sqlite"
    code, _, err = run(
        capsys, "event", "import", "--db", str(fresh), str(truncated), "--lang", "ja"
    )
    assert code == 3 and "何も取り込んでいません" in err
    assert not fresh.exists()
    payload = json.loads(copy.read_text(encoding="utf-8"))
    payload["attendees"][0]["department"] = "どこにもない課"
    damaged = tmp_path / "damaged.facilitator-event"
    damaged.write_text(json.dumps(payload), encoding="utf-8")
    code, _, err = run(capsys, "event", "import", "--db", str(fresh), str(damaged), "--lang", "en")
    assert code == 3 and "damaged" in err and "Nothing was imported" in err
    assert not fresh.exists()
