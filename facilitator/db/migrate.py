"""Running Alembic migrations programmatically (only when a schema is not current)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from facilitator.errors import CorruptWorkspace, Msg

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(script_location: Path = MIGRATIONS_DIR) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def upgrade_to_head(engine: Engine, config: Config | None = None) -> None:
    """Apply every pending migration in one transaction.

    SQLite changes a table by copying it and dropping the original; with
    foreign keys on, that drop would cascade into the child rows (every
    session of every event, say). So foreign keys are off while migrating
    (SQLite ignores that pragma inside a transaction, hence before it), and
    `foreign_key_check` must come back clean before the commit.
    """
    _migrate(engine, config or alembic_config(), lambda c: command.upgrade(c, "head"))


def downgrade_to(engine: Engine, revision: str, config: Config | None = None) -> None:
    """Take a workspace back to `revision` (support and tests), as safely as upgrading."""
    _migrate(engine, config or alembic_config(), lambda c: command.downgrade(c, revision))


def _migrate(engine: Engine, config: Config, step: Callable[[Config], None]) -> None:
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                step(config)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    table, rowid, parent, _ = broken[0]
                    raise CorruptWorkspace(
                        Msg(
                            en=f"Changing the workspace would break {len(broken)} references "
                            f"(first: {table} row {rowid} -> {parent}); nothing was changed.",
                            ja=f"ワークスペースを変更すると {len(broken)} 件の参照が壊れるため中止しました"
                            f"（最初：{table} の行 {rowid} → {parent}）。何も変更していません。",
                        )
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
