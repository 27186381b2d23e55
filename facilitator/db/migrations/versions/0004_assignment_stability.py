"""Assignment stability: unavailable sessions (不可) and printed slips per attendee

Revision ID: 0004_assignment_stability
Revises: 0003_refusal_attempts
Create Date: 2026-12-03 21:30:00

Two new tables, so no existing table is rebuilt (attendees is the parent of
check-ins and answers; rebuilding it would risk their rows):
- attendee_unavailability: the sessions an attendee cannot attend;
- slip_prints: the session printed on an attendee's last admission slip, so a
  move can tell which slips went stale.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_assignment_stability"
down_revision = "0003_refusal_attempts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attendee_unavailability",
        sa.Column("attendee_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attendee_id"],
            ["attendees.id"],
            name=op.f("fk_attendee_unavailability_attendee_id_attendees"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_attendee_unavailability_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "attendee_id", "session_id", name=op.f("pk_attendee_unavailability")
        ),
    )
    op.create_table(
        "slip_prints",
        sa.Column("attendee_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attendee_id"],
            ["attendees.id"],
            name=op.f("fk_slip_prints_attendee_id_attendees"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_slip_prints_session_id_sessions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("attendee_id", name=op.f("pk_slip_prints")),
    )


def downgrade() -> None:
    op.drop_table("slip_prints")
    op.drop_table("attendee_unavailability")
