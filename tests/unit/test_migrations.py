"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import UniqueConstraint, create_engine, inspect, text

from facilitator.composition import build_demo
from facilitator.db import schema_version
from facilitator.db.migrate import MIGRATIONS_DIR, alembic_config, downgrade_to, upgrade_to_head
from facilitator.db.models import Base
from facilitator.db.workspace import open_workspace
from facilitator.domain.clock import FakeClock


def _migrated(tmp_path: Path) -> Path:
    path = tmp_path / "w.sqlite"
    open_workspace(path, create=True).close()
    return path


def test_migrated_workspace_equals_the_models(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{_migrated(tmp_path)}")
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": True}
        )
        diffs = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diffs == []


def test_every_table_index_and_constraint_of_the_models_exists(tmp_path: Path) -> None:
    """compare_metadata is blind to some SQLite details; check them by name."""
    engine = create_engine(f"sqlite:///{_migrated(tmp_path)}")
    inspector = inspect(engine)
    assert set(inspector.get_table_names()) == set(Base.metadata.tables) | {"alembic_version"}
    for table in Base.metadata.sorted_tables:
        db_indexes = {ix["name"]: ix for ix in inspector.get_indexes(table.name)}
        for index in table.indexes:
            assert index.name in db_indexes, f"{index.name} missing"
            assert bool(db_indexes[index.name]["unique"]) == index.unique
        db_uniques = {
            tuple(u["column_names"]) for u in inspector.get_unique_constraints(table.name)
        }
        for constraint in table.constraints:
            if isinstance(constraint, UniqueConstraint):
                assert tuple(c.name for c in constraint.columns) in db_uniques
        db_fks = {
            (tuple(fk["constrained_columns"]), fk["referred_table"], fk["options"].get("ondelete"))
            for fk in inspector.get_foreign_keys(table.name)
        }
        for fk in table.foreign_key_constraints:
            key = (
                tuple(c.name for c in fk.columns),
                fk.referred_table.name,
                fk.ondelete,
            )
            assert key in db_fks, f"{table.name}: {key} missing"
    engine.dispose()


def test_one_active_check_in_per_attendee_is_a_partial_unique_index(tmp_path: Path) -> None:
    conn = sqlite3.connect(_migrated(tmp_path))
    (sql,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'uq_checkins_active_attendee'"
    ).fetchone()
    conn.close()
    assert "UNIQUE" in sql.upper()
    assert "WHERE undone_at IS NULL" in sql


def test_schema_constants_match_the_migration_scripts() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert scripts.get_heads() == [schema_version.HEAD_REVISION]
    revisions = {rev.revision for rev in scripts.walk_revisions()}
    assert set(schema_version.KNOWN_REVISIONS) == revisions
    assert schema_version.KNOWN_REVISIONS[-1] == schema_version.HEAD_REVISION


def test_migration_marks_the_file_as_a_workspace(tmp_path: Path) -> None:
    path = _migrated(tmp_path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone() == (schema_version.APPLICATION_ID,)
    conn.close()
    # The header itself carries it, which is what inspect_file reads.
    assert int.from_bytes(path.read_bytes()[68:72], "big") == schema_version.APPLICATION_ID


_REBUILD_EVENTS = """
import sqlalchemy as sa
from alembic import op

revision = "9999_rebuild"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite cannot add a constraint in place: the table is copied and dropped.
    with op.batch_alter_table("events", recreate="always") as batch:
        batch.add_column(sa.Column("note", sa.String(), nullable=True))


def downgrade() -> None:
    pass
"""


def test_upgrade_that_rebuilds_a_parent_table_keeps_every_child_row(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Dropping the old `events` table must not cascade into sessions and attendees."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    # On top of the current head, as the next real migration would be.
    (scripts / "versions" / "9999_rebuild.py").write_text(
        _REBUILD_EVENTS.replace("{head}", schema_version.HEAD_REVISION)
    )
    tables = ("events", "sessions", "attendees", "agenda_items", "questions", "audit_log")
    with open_workspace(tmp_path / "w.sqlite", create=True) as ws:
        build_demo(ws, clock, attendees=20, seed=1)
        with ws.session() as session:
            before = {
                t: session.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables
            }
        upgrade_to_head(ws.engine, alembic_config(scripts))
        with ws.session() as session:
            after = {t: session.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}
            revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
            foreign_keys = session.execute(text("PRAGMA foreign_keys")).scalar()
    assert after == before
    assert before["sessions"] == 2
    assert revision == "9999_rebuild"
    assert foreign_keys == 1


@pytest.mark.parametrize("way", ["downgrade_to", "bare alembic, foreign keys on"])
def test_a_workspace_of_0001_upgrades_to_phone_trust_without_loss(
    tmp_path: Path, clock: FakeClock, way: str
) -> None:
    """Taken back to 0001_initial (as an existing workspace is), then opened by this build.

    Neither way back may cascade into the survey answers (`responses` is copied
    when a column is dropped, and it is their parent)."""
    from alembic import command

    from facilitator.services.feedback.capture import FeedbackService, Respondent
    from facilitator.services.feedback.types import FeedbackMethod
    from tests.unit.feedback_helpers import GOOD_ANSWERS, check_in, open_feedback, session_ids

    path = tmp_path / "w.sqlite"
    tables = ("events", "attendees", "checkins", "responses", "answers", "audit_log")
    with open_workspace(path, create=True) as ws:
        build_demo(ws, clock, attendees=20, seed=2)
        (attendee,) = check_in(ws, clock, "AM", 1)
        open_feedback(ws, "AM")
        feedback = FeedbackService(ws, clock)
        am = session_ids(ws)["AM"]
        respondent = Respondent(attendee_id=attendee)
        assert feedback.submit(am, respondent, GOOD_ANSWERS, FeedbackMethod.KIOSK).outcome.stored
        feedback.close()
        with ws.engine.connect() as conn:
            answers = conn.execute(text("SELECT count(*) FROM answers")).scalar()
        if way == "downgrade_to":
            downgrade_to(ws.engine, "0001_initial")
        else:
            config = alembic_config()
            with ws.engine.begin() as conn:
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                config.attributes["connection"] = conn
                command.downgrade(config, "0001_initial")
        with ws.engine.connect() as conn:
            before = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}
            columns = {c["name"] for c in inspect(conn).get_columns("responses")}
            assert "replaced_by_device" not in columns
            assert "phone_bindings" not in inspect(conn).get_table_names()
    with open_workspace(path) as ws, ws.engine.connect() as conn:
        after = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        replaced = conn.execute(text("SELECT replaced_by_device FROM responses")).scalars().all()
    assert revision == schema_version.HEAD_REVISION == "0005_stable_ids"
    assert after == before and before["responses"] == 1
    assert answers and before["answers"] == answers  # nothing lost on the way back
    assert replaced == [""]


def test_stable_ids_are_given_to_existing_rows_and_new_ones(tmp_path: Path) -> None:
    """0005: every row of an older workspace gets its own UUID; rows made later get one too."""
    import uuid

    path = tmp_path / "old.sqlite"
    with open_workspace(path, create=True) as ws:
        build_demo(ws, FakeClock(), attendees=30, seed=2)
        downgrade_to(ws.engine, "0003_refusal_attempts")
    with open_workspace(path) as ws, ws.engine.connect() as conn:
        for table in ("events", "sessions", "attendees", "checkins", "responses", "certificates"):
            ids = conn.execute(text(f"SELECT uuid FROM {table}")).scalars().all()
            assert len(set(ids)) == len(ids)
            assert all(uuid.UUID(i).version == 4 and str(uuid.UUID(i)) == i for i in ids)
        counts = conn.execute(text("SELECT count(*) FROM attendees")).scalar()
        assert counts == 30
    with open_workspace(path) as ws:
        build_demo(ws, FakeClock(), attendees=10, seed=3)
    with open_workspace(path, readonly=True) as ws, ws.engine.connect() as conn:
        ids = conn.execute(text("SELECT uuid FROM attendees")).scalars().all()
        assert len(ids) == 40 and len(set(ids)) == 40
