"""Alembic environment: always run with a connection handed in by `migrate.py`."""

from __future__ import annotations

from alembic import context

from facilitator.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through facilitator.db.migrate, which passes a connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite can only alter tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
