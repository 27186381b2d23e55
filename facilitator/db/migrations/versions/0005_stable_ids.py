"""Stable identities: a UUID on every row that travels to the records

Revision ID: 0005_stable_ids
Revises: 0003_refusal_attempts
Create Date: 2026-12-03 21:40:00

Events, sessions, attendee entries, check-ins, survey responses and
certificates get a UUID, made by SQLite at insert (models.UUID_DEFAULT), so a
push to the records database can tell "the same row again" from "a new row",
and two laptops holding a copy of one event share the event's identities.

SQLite cannot add a column whose default is not a constant, so each table is
copied (batch, recreate="always"): the copy's INSERT ... SELECT leaves the new
column out, and its default draws a fresh UUID for every existing row. The
copy keeps every other column, index and constraint; migrate.py turns foreign
keys off around it so no child row cascades.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# As models.UUID_DEFAULT was when this revision was written (a migration never changes).
UUID_DEFAULT = sa.text(
    "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))"
)

revision = "0005_stable_ids"
down_revision = "0004_assignment_stability"
branch_labels = None
depends_on = None

TABLES = ("events", "sessions", "attendees", "checkins", "responses", "certificates")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None, recreate="always") as batch_op:
            batch_op.add_column(
                sa.Column("uuid", sa.String(length=36), server_default=UUID_DEFAULT, nullable=False)
            )
            batch_op.create_index(f"ix_{table}_uuid", ["uuid"], unique=True)


def downgrade() -> None:
    # Copying a parent table (events, attendees, responses, ...) drops the original,
    # which with foreign keys on deletes its children: `migrate.downgrade_to` turns
    # them off; when they are still on (a bare `alembic downgrade`), the column is
    # dropped in place (SQLite 3.35+), copying nothing.
    bind = op.get_bind()
    in_place = bind.exec_driver_sql("PRAGMA foreign_keys").scalar()
    for table in TABLES:
        op.drop_index(f"ix_{table}_uuid", table_name=table)
        if in_place:
            op.execute(f"ALTER TABLE {table} DROP COLUMN uuid")
        else:
            with op.batch_alter_table(table, schema=None) as batch_op:
                batch_op.drop_column("uuid")
