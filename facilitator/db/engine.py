"""SQLite connections and the SQLAlchemy engine for a workspace file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool, QueuePool

BUSY_TIMEOUT_MS = 5000
# Execution option marking a unit of work that only reads (see Workspace.session).
READ_ONLY_UOW = "facilitator_read_only"


def _readonly_uri(path: Path) -> str:
    uri = path.resolve().as_uri() + "?mode=ro"
    folder = path.resolve().parent
    # A WAL reader needs a -shm file. In a folder nobody can write there is
    # none to create, but then no writer can be active either: without a
    # -wal file the main file holds everything, so it may be read as immutable.
    wal = folder / (path.name + "-wal")
    if not os.access(folder, os.W_OK) and not wal.exists():
        uri += "&immutable=1"
    return uri


def connect_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(
        _readonly_uri(path), uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )


def connect_writable(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(
        path.resolve().as_uri(), uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )


def make_engine(path: Path, *, readonly: bool) -> Engine:
    def on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Transactions are issued by the "begin" hook below, not by the driver,
        # whose implicit BEGIN only precedes writes (reads would see several
        # snapshots in one unit of work).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if readonly:
            cursor.execute("PRAGMA query_only=ON")
        else:
            # WAL: readers (exports, read-only commands) never block the writer.
            cursor.execute("PRAGMA journal_mode=WAL")
            # FULL: a check-in acknowledged to a phone must survive a power cut.
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    def on_begin(conn: Connection) -> None:
        # IMMEDIATE takes the write lock up front: two threads of the writer
        # (GUI and web server) then queue on busy_timeout instead of one failing
        # with SQLITE_BUSY when it upgrades a read into a write. Units of work
        # declared read-only take no write lock, so a long export never holds
        # up check-ins.
        reading = readonly or conn.get_execution_options().get(READ_ONLY_UOW, False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    engine = create_engine(
        "sqlite+pysqlite://",
        creator=(lambda: connect_readonly(path)) if readonly else (lambda: connect_writable(path)),
        # NullPool for readers: no connection outlives its unit of work, so a
        # reader never pins an old WAL snapshot. Writers keep a few per thread.
        poolclass=NullPool if readonly else QueuePool,
    )
    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    return engine
