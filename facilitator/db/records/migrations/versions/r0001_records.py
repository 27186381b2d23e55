"""The records database: people, events, sessions, enrolments, check-ins,
attendances, training status, survey responses, certificates and merged snapshots

Revision ID: r0001_records
Revises:
Create Date: 2026-12-03 21:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from facilitator.db.types import UtcDateTime

revision = "r0001_records"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_key", sa.String(length=200), nullable=False),
        sa.Column("staff_no", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kana", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("version", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("staff_key", name=op.f("uq_people_staff_key")),
    )
    op.create_index(op.f("ix_people_department"), "people", ["department"])
    op.create_table(
        "events",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("venue", sa.String(length=200), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.Column("version", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_events")),
    )
    op.create_index(op.f("ix_events_title"), "events", ["title"])
    op.create_table(
        "sessions",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("event_uuid", sa.String(length=36), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start", sa.Time(), nullable=False),
        sa.Column("end", sa.Time(), nullable=False),
        sa.Column("room", sa.String(length=200), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_uuid"],
            ["events.uuid"],
            name=op.f("fk_sessions_event_uuid_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_sessions")),
    )
    op.create_index(op.f("ix_sessions_event_uuid"), "sessions", ["event_uuid"])
    op.create_table(
        "enrolments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("event_uuid", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("session_uuid", sa.String(length=36), nullable=True),
        sa.Column("walk_in", sa.Boolean(), nullable=False),
        sa.Column("version", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_uuid"],
            ["events.uuid"],
            name=op.f("fk_enrolments_event_uuid_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_enrolments_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolments")),
        sa.UniqueConstraint("event_uuid", "person_id", name=op.f("uq_enrolments_event_uuid")),
        sa.UniqueConstraint("uuid", name=op.f("uq_enrolments_uuid")),
    )
    op.create_index(op.f("ix_enrolments_event_uuid"), "enrolments", ["event_uuid"])
    op.create_index(op.f("ix_enrolments_person_id"), "enrolments", ["person_id"])
    op.create_table(
        "checkins",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("event_uuid", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("session_uuid", sa.String(length=36), nullable=False),
        sa.Column("checked_in_at", UtcDateTime(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("device", sa.String(length=200), nullable=False),
        sa.Column("undone_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_uuid"],
            ["events.uuid"],
            name=op.f("fk_checkins_event_uuid_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_checkins_person_id_people")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_checkins")),
    )
    op.create_index(op.f("ix_checkins_event_uuid"), "checkins", ["event_uuid"])
    op.create_table(
        "attendances",
        sa.Column("event_uuid", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("session_uuid", sa.String(length=36), nullable=False),
        sa.Column("checked_in_at", UtcDateTime(), nullable=False),
        sa.Column("methods", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_uuid"],
            ["events.uuid"],
            name=op.f("fk_attendances_event_uuid_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_attendances_person_id_people")
        ),
        sa.PrimaryKeyConstraint("event_uuid", "person_id", name=op.f("pk_attendances")),
    )
    op.create_index(op.f("ix_attendances_person_id"), "attendances", ["person_id"])
    op.create_table(
        "training_status",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_training_status_person_id_people")
        ),
        sa.PrimaryKeyConstraint("title", "person_id", name=op.f("pk_training_status")),
    )
    op.create_index(op.f("ix_training_status_person_id"), "training_status", ["person_id"])
    op.create_index(
        "ix_training_status_matrix", "training_status", ["title", "department", "attended"]
    )
    op.create_table(
        "responses",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("event_uuid", sa.String(length=36), nullable=False),
        sa.Column("session_uuid", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("submitted_at", UtcDateTime(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_uuid"],
            ["events.uuid"],
            name=op.f("fk_responses_event_uuid_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_responses_person_id_people")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_responses")),
    )
    op.create_index(op.f("ix_responses_event_uuid"), "responses", ["event_uuid"])
    op.create_index(
        "uq_responses_event_person",
        "responses",
        ["event_uuid", "person_id"],
        unique=True,
        sqlite_where=sa.text("person_id IS NOT NULL"),
        postgresql_where=sa.text("person_id IS NOT NULL"),
    )
    op.create_table(
        "certificates",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("event_uuid", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("issued_at", UtcDateTime(), nullable=False),
        sa.Column("revoked_at", UtcDateTime(), nullable=True),
        sa.Column("revoke_reason", sa.Text(), nullable=False),
        sa.Column("reissue_count", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_uuid"],
            ["events.uuid"],
            name=op.f("fk_certificates_event_uuid_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_certificates_person_id_people")
        ),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_certificates")),
        sa.UniqueConstraint("number", name=op.f("uq_certificates_number")),
    )
    op.create_index(op.f("ix_certificates_event_uuid"), "certificates", ["event_uuid"])
    op.create_index(op.f("ix_certificates_person_id"), "certificates", ["person_id"])
    op.create_table(
        "merged_snapshots",
        sa.Column("event_uuid", sa.String(length=36), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_uuid"],
            ["events.uuid"],
            name=op.f("fk_merged_snapshots_event_uuid_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_uuid", "digest", name=op.f("pk_merged_snapshots")),
    )


def downgrade() -> None:
    for table in (
        "merged_snapshots",
        "certificates",
        "responses",
        "training_status",
        "attendances",
        "checkins",
        "enrolments",
        "sessions",
        "events",
        "people",
    ):
        op.drop_table(table)
