"""Alembic environment of the records database: run with a connection from `records.store`."""

from __future__ import annotations

from alembic import context

from facilitator.db.records.models import RecordsBase
from facilitator.db.records.store import VERSION_TABLE

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run records migrations through facilitator.db.records.store.")

context.configure(
    connection=connection,
    target_metadata=RecordsBase.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
