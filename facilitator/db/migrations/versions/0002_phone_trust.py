"""Phone trust: phone bindings, device refusals, the device that replaced an answer

Revision ID: 0002_phone_trust
Revises: 0001_initial
Create Date: 2026-12-03 19:00:00

Adds tables and one column with a default: existing rows are kept as they are.
The per-event shared-address setting lives in `events.settings` (JSON), so
events need no new column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_phone_trust"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "phone_bindings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("attendee_id", sa.Integer(), nullable=False),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("bound_at", sa.DateTime(), nullable=False),
        sa.Column("via", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["attendee_id"],
            ["attendees.id"],
            name=op.f("fk_phone_bindings_attendee_id_attendees"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_phone_bindings_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_bindings")),
        sa.UniqueConstraint("event_id", "attendee_id", name=op.f("uq_phone_bindings_event_id")),
    )
    with op.batch_alter_table("phone_bindings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_phone_bindings_address"), ["address"], unique=False)
        batch_op.create_index(batch_op.f("ix_phone_bindings_device"), ["device"], unique=False)

    op.create_table(
        "device_refusals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("attendee_id", sa.Integer(), nullable=False),
        sa.Column("bound_attendee_id", sa.Integer(), nullable=True),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["attendee_id"],
            ["attendees.id"],
            name=op.f("fk_device_refusals_attendee_id_attendees"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["bound_attendee_id"],
            ["attendees.id"],
            name=op.f("fk_device_refusals_bound_attendee_id_attendees"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_device_refusals_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_device_refusals_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_refusals")),
    )
    with op.batch_alter_table("device_refusals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_device_refusals_event_id"), ["event_id"], unique=False)

    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "replaced_by_device",
                sa.String(length=200),
                server_default=sa.text("''"),
                nullable=False,
            )
        )


def downgrade() -> None:
    # `responses` is the parent of `answers` (ON DELETE CASCADE): copying it (a batch
    # op) drops the original, which with foreign keys on deletes every answer.
    # `migrate.downgrade_to` turns them off outside the transaction (SQLite ignores
    # the pragma inside one); when they are still on (a bare `alembic downgrade`),
    # the column is dropped in place instead (SQLite 3.35+), copying nothing.
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        op.execute("ALTER TABLE responses DROP COLUMN replaced_by_device")
    else:
        with op.batch_alter_table("responses", schema=None) as batch_op:
            batch_op.drop_column("replaced_by_device")
    op.drop_table("device_refusals")
    op.drop_table("phone_bindings")
