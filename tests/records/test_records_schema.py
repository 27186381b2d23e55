"""The records migrations build exactly the records models, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from facilitator.db.records.models import RecordsBase
from facilitator.db.records.store import (
    HEAD_REVISION,
    VERSION_TABLE,
    RecordsUnavailable,
    open_records,
    resolve_target,
    stored_revision,
)


def test_migrated_records_equal_the_models(records_url: str) -> None:
    with open_records(resolve_target(records_url), migrate=True) as store:
        with store.engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "version_table": VERSION_TABLE}
            )
            assert compare_metadata(context, RecordsBase.metadata) == []
            tables = set(inspect(conn).get_table_names())
        assert stored_revision(store.engine) == HEAD_REVISION
    # The workspace's own version table is not there: the two schemas never mix.
    assert tables == set(RecordsBase.metadata.tables) | {VERSION_TABLE}


def test_an_uninitialised_database_is_refused_without_init(records_url: str) -> None:
    if "://" not in records_url:
        Path(records_url).touch()  # an empty file where the records should be
    with pytest.raises(RecordsUnavailable) as refused:
        open_records(resolve_target(records_url), migrate=False)
    assert "facilitator records init" in refused.value.message.en
    assert "facilitator records init" in refused.value.message.ja


def test_the_default_is_records_sqlite_in_the_user_data_folder(tmp_path: Path) -> None:
    home = Path(os.environ["FACILITATOR_HOME"])
    assert resolve_target(None, {}).url.database == str(home / "records.sqlite")
    assert resolve_target(None, {"FACILITATOR_RECORDS": str(tmp_path / "x.sqlite")}).shown == str(
        tmp_path / "x.sqlite"
    )
    pg = resolve_target("postgresql://rec:secret@db.example/records", {})
    assert pg.url.drivername == "postgresql+psycopg"
    assert "secret" not in pg.shown


@pytest.mark.parametrize("url", ["mysql://x@y/z", "http://example.org/"])
def test_another_kind_of_database_is_refused_in_both_languages(url: str) -> None:
    with pytest.raises(RecordsUnavailable) as refused:
        resolve_target(url, {})
    assert "postgresql://" in refused.value.message.en
    assert "postgresql://" in refused.value.message.ja


def test_a_newer_records_schema_is_refused(records_url: str) -> None:
    with (
        open_records(resolve_target(records_url), migrate=True) as store,
        store.engine.begin() as conn,
    ):
        conn.exec_driver_sql(f"UPDATE {VERSION_TABLE} SET version_num = 'r9999_future'")
    with pytest.raises(RecordsUnavailable) as refused:
        open_records(resolve_target(records_url), migrate=True)
    assert "newer version" in refused.value.message.en


def test_psycopg_is_the_binary_build_of_version_3() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "import psycopg; print(psycopg.__version__, psycopg.pq.__impl__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out[0].startswith("3.") and out[1] in ("binary", "c")


def test_reading_records_that_do_not_exist_creates_no_file(tmp_path: Path) -> None:
    missing = tmp_path / "none.sqlite"
    with pytest.raises(RecordsUnavailable) as refused:
        open_records(resolve_target(str(missing)), migrate=False)
    assert "push an event first" in refused.value.message.en
    assert not missing.exists()


def test_records_init_creates_then_says_ready_and_is_idempotent(
    records_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from facilitator.cli import main

    for _ in range(2):
        assert main(["records", "init", "--records", records_url, "--lang", "en"]) == 0
        out = capsys.readouterr().out
        assert "is ready (schema r0001_records)" in out


def test_the_environment_variable_chooses_the_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from facilitator.cli import main

    chosen = tmp_path / "team.sqlite"
    monkeypatch.setenv("FACILITATOR_RECORDS", str(chosen))
    assert main(["records", "init", "--lang", "en"]) == 0
    assert str(chosen) in capsys.readouterr().out and chosen.exists()
