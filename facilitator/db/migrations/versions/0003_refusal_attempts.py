"""Refused phone attempts: one open row per phone and person, with a count

Revision ID: 0003_refusal_attempts
Revises: 0002_phone_trust
Create Date: 2026-12-03 20:20:00

A phone that keeps trying to check in somebody else used to add a row per
attempt to the desk's list. The open row now counts the attempts. Existing
rows count one each. Adding a column with a default changes no table in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_refusal_attempts"
down_revision = "0002_phone_trust"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device_refusals", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("attempts", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )


def downgrade() -> None:
    # device_refusals is no table's parent: copying it cascades into nothing.
    with op.batch_alter_table("device_refusals", schema=None) as batch_op:
        batch_op.drop_column("attempts")
