"""Records tests run against SQLite and a real PostgreSQL started for the session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres_server import PostgresServer, running_postgres


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    # No skip: a machine that cannot start PostgreSQL fails these tests with the reason.
    with running_postgres() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def records_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty records database on each engine."""
    if request.param == "sqlite":
        yield str(tmp_path / "records.sqlite")
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    with server.fresh_database() as url:
        yield url


@pytest.fixture
def records(records_url: str) -> str:
    """A records database set up as `facilitator records init` does."""
    from facilitator.db.records.store import open_records, resolve_target

    open_records(resolve_target(records_url), migrate=True).close()
    return records_url
