"""Opening the records database: which one (`--records`, FACILITATOR_RECORDS, the
default file), its engine, and its schema (created or migrated by `records init`)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from facilitator.errors import InputRejected, Msg
from facilitator.paths import user_data_dir

ENV_VAR = "FACILITATOR_RECORDS"
VERSION_TABLE = "records_alembic_version"
HEAD_REVISION = "r0001_records"
KNOWN_REVISIONS = ("r0001_records",)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10000
# Execution option of a connection that only reads (no write lock on SQLite).
READING = "facilitator_records_reading"


class RecordsUnavailable(InputRejected):
    """The records database cannot be reached or used as asked; nothing was written."""


def default_records_path() -> Path:
    return user_data_dir() / "records.sqlite"


@dataclass(frozen=True)
class RecordsTarget:
    """A records database: its SQLAlchemy URL and how to name it to a person."""

    url: URL

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def shown(self) -> str:
        """The URL without its password, for messages and logs."""
        if self.is_sqlite:
            return str(self.url.database)
        return self.url.render_as_string(hide_password=True)


def resolve_target(given: str | None, environ: Mapping[str, str] = os.environ) -> RecordsTarget:
    """`--records` if given, else FACILITATOR_RECORDS, else `records.sqlite` in the
    user data folder. A plain path means an SQLite file; `postgresql://` and
    `postgres://` mean PostgreSQL through psycopg 3."""
    raw = (given or environ.get(ENV_VAR) or "").strip()
    if not raw:
        return RecordsTarget(URL.create("sqlite+pysqlite", database=str(default_records_path())))
    if "://" not in raw:
        return RecordsTarget(URL.create("sqlite+pysqlite", database=str(Path(raw).resolve())))
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise _bad_url(raw) from exc
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return RecordsTarget(url.set(drivername="postgresql+psycopg"))
    if backend == "sqlite" and url.database:
        return RecordsTarget(url.set(drivername="sqlite+pysqlite"))
    raise _bad_url(raw)


def _bad_url(raw: str) -> RecordsUnavailable:
    shown = raw.split("@")[-1]  # never echo a password
    return RecordsUnavailable(
        Msg(
            en=f"{shown}: the records database must be an SQLite file path or a "
            "postgresql://user@host/database URL.",
            ja=f"{shown}：記録データベースには SQLite ファイルのパスか "
            "postgresql://ユーザー@ホスト/データベース の URL を指定してください。",
        )
    )


def make_records_engine(target: RecordsTarget) -> Engine:
    if not target.is_sqlite:
        # A records server that does not answer fails the push in seconds, not minutes.
        return create_engine(target.url, connect_args={"connect_timeout": 10}, pool_pre_ping=True)
    engine = create_engine(target.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    def on_connect(dbapi_conn: object, _record: object) -> None:
        dbapi_conn.isolation_level = None  # type: ignore[attr-defined]
        cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    def on_begin(conn: Connection) -> None:
        # The write lock up front: two pushes queue instead of one failing mid-way.
        # Reports and verification only read, and never wait for a push.
        reading = conn.get_execution_options().get(READING, False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    return engine


def stored_revision(engine: Engine) -> str | None:
    with engine.connect().execution_options(**{READING: True}) as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        return conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalar()


def unreachable(target: RecordsTarget, exc: Exception) -> RecordsUnavailable:
    detail = (
        str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
    )
    return RecordsUnavailable(
        Msg(
            en=f"Cannot use the records database {target.shown}: {detail}. Nothing was written.",
            ja=f"記録データベース {target.shown} を使えません（{detail}）。何も書き込んでいません。",
        )
    )


def upgrade_records(engine: Engine) -> None:
    """Create the schema, or bring it to this version's, in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


class RecordsStore:
    """An open records database whose schema is this version's."""

    def __init__(self, target: RecordsTarget, engine: Engine) -> None:
        self.target = target
        self.engine = engine

    def reading(self) -> Connection:
        """A connection for one read: one snapshot, no write lock."""
        return self.engine.connect().execution_options(**{READING: True})

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> RecordsStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_records(target: RecordsTarget, *, migrate: bool) -> RecordsStore:
    """The records database at `target`, its schema checked.

    `migrate=True` (`records init`, or a push to an SQLite file) creates a missing
    schema or upgrades an older one; otherwise an uninitialised or older database is
    refused with the command that fixes it. A newer schema is always refused."""
    if target.is_sqlite:
        path = Path(str(target.url.database))
        if not migrate and not path.exists():
            # Reading must not leave an empty file behind.
            raise RecordsUnavailable(
                Msg(
                    en=f"There are no records at {path} yet: push an event first "
                    "(facilitator records push), or give --records.",
                    ja=f"{path} にはまだ記録がありません。先に研修を送るか（facilitator records "
                    "push）、--records で記録データベースを指定してください。",
                )
            )
        if path.is_dir() or not path.parent.is_dir():
            raise RecordsUnavailable(
                Msg(
                    en=f"Cannot use {path} as the records file: "
                    + ("it is a folder." if path.is_dir() else "its folder does not exist."),
                    ja=f"{path} を記録ファイルとして使えません（"
                    + ("フォルダーです）。" if path.is_dir() else "フォルダーがありません）。"),
                )
            )
    engine = make_records_engine(target)
    try:
        revision = stored_revision(engine)
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise RecordsUnavailable(
                Msg(
                    en=f"The records database {target.shown} was set up by a newer version of "
                    f"Facilitator (schema {revision}). Update Facilitator to use it.",
                    ja=f"記録データベース {target.shown} は新しいバージョンの Facilitator で作成されて"
                    f"います（スキーマ {revision}）。Facilitator を更新してから使ってください。",
                )
            )
        if revision != HEAD_REVISION:
            if not migrate:
                raise RecordsUnavailable(
                    Msg(
                        en=f"The records database {target.shown} is not set up for this version "
                        f"yet. Run: facilitator records init --records {target.shown}",
                        ja=f"記録データベース {target.shown} はまだこのバージョン用に準備されていません。"
                        f"次を実行してください：facilitator records init --records {target.shown}",
                    )
                )
            upgrade_records(engine)
    except RecordsUnavailable:
        engine.dispose()
        raise
    except (OperationalError, SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise unreachable(target, exc) from exc
    return RecordsStore(target, engine)
