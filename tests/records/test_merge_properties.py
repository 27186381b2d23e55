"""Property tests of the merge: push twice == push once; A then B == B then A; two
laptops checking in the same person give one attendance (earliest, every method)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.db.records.store import open_records, resolve_target
from facilitator.db.workspace import open_workspace
from facilitator.services.records.service import push_event
from tests.postgres_server import PostgresServer
from tests.records.day import (
    START,
    check_in,
    make_day,
    records_state,
    respond,
    staff_numbers,
)

PEOPLE = 8
METHODS = ("manual", "phone", "qr", "scanner")

# (attendee index, minutes after the start, method, answered the survey)
visit = st.tuples(
    st.integers(0, PEOPLE - 1), st.integers(0, 90), st.sampled_from(METHODS), st.booleans()
)
door = st.lists(visit, max_size=PEOPLE, unique_by=lambda v: v[0])


@pytest.fixture(scope="module")
def base_laptops(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("laptops")
    a, b = folder / "a.sqlite", folder / "b.sqlite"
    make_day(a, attendees=PEOPLE * 2)
    copy = folder / "e.facilitator-event"
    from facilitator.cli import main

    assert main(["event", "export", "--db", str(a), "--out", str(copy)]) == 0
    assert main(["event", "import", "--db", str(b), str(copy)]) == 0
    return a, b


@contextmanager
def fresh_records(engine: str, server: PostgresServer, folder: Path, name: str) -> Iterator[str]:
    if engine == "sqlite":
        yield str(folder / f"{name}.sqlite")
        return
    with server.fresh_database() as url:
        open_records(resolve_target(url), migrate=True).close()
        yield url


def push(db: Path, records: str) -> dict[str, Any]:
    with open_workspace(db, readonly=True) as ws:
        return push_event(ws, 1, resolve_target(records)).as_json()


def _laptops(
    base: tuple[Path, Path], folder: Path, visits_a: list, visits_b: list
) -> tuple[Path, Path]:  # type: ignore[type-arg]
    copies = []
    for source, visits in zip(base, (visits_a, visits_b), strict=True):
        target = folder / source.name
        shutil.copy(source, target)
        with open_workspace(target) as ws:
            people = staff_numbers(ws, "AM")
            for index, minutes, method, answered in visits:
                check_in(ws, people[index], minutes=minutes, method=method)
                if answered:
                    respond(ws, people[index], minutes=100 + minutes)
        copies.append(target)
    return copies[0], copies[1]


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
@settings(max_examples=8)
@given(visits_a=door, visits_b=door)
def test_merging_is_idempotent_and_order_free_with_one_attendance_per_person(
    engine: str,
    postgres: PostgresServer,
    base_laptops: tuple[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
    visits_a: list,  # type: ignore[type-arg]
    visits_b: list,  # type: ignore[type-arg]
) -> None:
    folder = tmp_path_factory.mktemp("example")
    a, b = _laptops(base_laptops, folder, visits_a, visits_b)
    with (
        fresh_records(engine, postgres, folder, "ab") as ab,
        fresh_records(engine, postgres, folder, "ba") as ba,
    ):
        push(a, ab)
        once = records_state(ab)
        twice = push(a, ab)
        assert not any(twice["added"].values()) and not any(twice["updated"].values())
        assert records_state(ab) == once  # push twice == push once
        push(b, ab)
        push(b, ba)
        push(a, ba)
        merged = records_state(ab)
        assert records_state(ba) == merged  # A then B == B then A
        for path in (a, b):  # and pushing either again changes nothing
            again = push(path, ab)
            assert not any(again["added"].values()) and not any(again["updated"].values())
    # One attendance per person: the earliest check-in of the two doors, every method.
    expected: dict[int, tuple[int, set[str]]] = {}
    for index, minutes, method, _ in [*visits_a, *visits_b]:
        first, methods = expected.get(index, (minutes, set()))
        expected[index] = (min(first, minutes), methods | {method})
    attendances = merged["attendances"]
    assert len(attendances) == len(expected)
    rows = [dict(row) for row in attendances]
    assert sorted(r["methods"] for r in rows) == sorted(
        repr(",".join(sorted(methods))) for _, methods in expected.values()
    )
    assert sorted(r["checked_in_at"] for r in rows) == sorted(
        repr(START + timedelta(minutes=first)) for first, _ in expected.values()
    )
    # No survey response counted twice: one per person who answered anywhere.
    answered = {i for i, *_, yes in [*visits_a, *visits_b] if yes}
    assert len(merged["responses"]) == len(answered)
