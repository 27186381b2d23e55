"""Opening a workspace file: checks first, then the engine, then migrations.

A file is inspected through a read-only SQLite connection before anything
else happens, so a foreign, corrupt or newer file is reported and left
byte-for-byte untouched. Writers take the workspace lock; readers never do
and never migrate.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from facilitator.db.lock import WorkspaceLock, read_holder
from facilitator.db.schema_version import APPLICATION_ID, HEAD_REVISION, KNOWN_REVISIONS
from facilitator.errors import (
    CorruptWorkspace,
    Msg,
    NewerWorkspace,
    NotAWorkspace,
    OutdatedWorkspace,
    WorkspaceMissing,
    WorkspaceNotWritable,
)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class FileState(Enum):
    ABSENT = "absent"
    EMPTY = "empty"  # a zero-byte file or an SQLite file with no tables
    CURRENT = "current"
    OUTDATED = "outdated"


@dataclass(frozen=True)
class Inspection:
    state: FileState
    revision: str | None


def inspect_file(path: Path) -> Inspection:
    """Classify `path` without writing to it; raise a WorkspaceError when it is unusable."""
    if not path.exists():
        return Inspection(FileState.ABSENT, None)
    if path.is_dir():
        raise NotAWorkspace(
            Msg(
                en=f"{path} is a folder, not a workspace file.",
                ja=f"{path} はフォルダーです。ワークスペースのファイルではありません。",
            )
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotAWorkspace(
            Msg(
                en=f"Cannot read {path}: {exc.strerror}.",
                ja=f"{path} を読み込めません（{exc.strerror}）。",
            )
        ) from exc
    if not header:
        return Inspection(FileState.EMPTY, None)
    if header != SQLITE_HEADER:
        raise NotAWorkspace(
            Msg(
                en=f"{path} is not a Facilitator workspace (it is not an SQLite database).",
                ja=f"{path} は Facilitator のワークスペースではありません（SQLite データベースではありません）。",
            )
        )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _corrupt(path, str(exc)) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id != APPLICATION_ID:
            if not tables and app_id == 0:
                return Inspection(FileState.EMPTY, None)
            raise NotAWorkspace(
                Msg(
                    en=f"{path} is an SQLite database of another program, not a Facilitator workspace.",
                    ja=f"{path} は別のプログラムの SQLite データベースで、Facilitator のワークスペースではありません。",
                )
            )
        check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if check != "ok":
            raise _corrupt(path, check)
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise _corrupt(path, str(exc)) from exc
    finally:
        conn.close()
    if revision == HEAD_REVISION:
        return Inspection(FileState.CURRENT, revision)
    if revision in KNOWN_REVISIONS:
        return Inspection(FileState.OUTDATED, revision)
    raise NewerWorkspace(
        Msg(
            en=f"{path} was written by a newer version of Facilitator (schema {revision}). "
            "Update Facilitator to open it.",
            ja=f"{path} は新しいバージョンの Facilitator で作成されています（スキーマ {revision}）。"
            "Facilitator を更新してから開いてください。",
        )
    )


def _corrupt(path: Path, reason: str) -> CorruptWorkspace:
    return CorruptWorkspace(
        Msg(
            en=f"{path} is damaged and cannot be opened ({reason}). Restore it from a backup.",
            ja=f"{path} は破損しているため開けません（{reason}）。バックアップから復元してください。",
        )
    )


def _configure(readonly: bool) -> Any:
    def on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not readonly:
            # FULL: a check-in acknowledged to a phone must survive a power cut.
            cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return on_connect


def _make_engine(path: Path, *, readonly: bool) -> Engine:
    uri = path.resolve().as_uri() + ("?mode=ro" if readonly else "")

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )

    engine = create_engine(
        "sqlite+pysqlite://", creator=connect, poolclass=NullPool if readonly else None
    )
    event.listen(engine, "connect", _configure(readonly))
    return engine


class Workspace:
    """An open workspace: the engine, a session factory and (for writers) the lock."""

    def __init__(self, path: Path, engine: Engine, lock: WorkspaceLock | None) -> None:
        self.path = path
        self.engine = engine
        self.readonly = lock is None
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends normally, rolls back otherwise."""
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_workspace(
    path: Path, *, readonly: bool = False, create: bool = False, program: str = "facilitator"
) -> Workspace:
    """Open `path` for writing (lock + migrations) or reading (neither).

    `create=True` makes a new workspace when the file does not exist yet (or is
    empty); otherwise a missing file is an error.
    """
    path = Path(path)
    inspection = inspect_file(path)
    if inspection.state in (FileState.ABSENT, FileState.EMPTY) and not create:
        if inspection.state == FileState.ABSENT:
            raise WorkspaceMissing(
                Msg(
                    en=f"Workspace {path} does not exist.",
                    ja=f"ワークスペース {path} が見つかりません。",
                )
            )
        raise NotAWorkspace(
            Msg(
                en=f"{path} is empty, not a Facilitator workspace.",
                ja=f"{path} は空のファイルで、Facilitator のワークスペースではありません。",
            )
        )
    if readonly:
        if inspection.state == FileState.OUTDATED:
            holder = read_holder(path)
            raise OutdatedWorkspace(
                Msg(
                    en=f"{path} uses an older schema; open it once in Facilitator to upgrade it"
                    + (f" (it is open in {holder.describe()})." if holder else "."),
                    ja=f"{path} は古い形式です。一度 Facilitator で開いて更新してください。",
                )
            )
        return Workspace(path, _make_engine(path, readonly=True), None)
    if inspection.state in (FileState.ABSENT, FileState.EMPTY):
        _create_new(path)
    lock = WorkspaceLock(path)
    lock.acquire(program)
    try:
        if not os.access(path, os.W_OK):
            raise WorkspaceNotWritable(
                Msg(
                    en=f"{path} is read-only; copy it to a writable folder to change it.",
                    ja=f"{path} は読み取り専用です。変更するには書き込み可能なフォルダーにコピーしてください。",
                )
            )
        engine = _make_engine(path, readonly=False)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        if inspection.state == FileState.OUTDATED:
            _backup_before_migration(path, inspection.revision or "unknown")
            from facilitator.db.migrate import upgrade_to_head

            upgrade_to_head(engine)
        return Workspace(path, engine, lock)
    except BaseException:
        lock.release()
        raise


def _create_new(path: Path) -> None:
    """Build a fresh workspace beside `path`, then move it into place in one step."""
    from facilitator.db.migrate import upgrade_to_head

    if not os.access(path.parent if path.parent != Path() else Path.cwd(), os.W_OK):
        raise WorkspaceNotWritable(
            Msg(
                en=f"Cannot create {path}: the folder is read-only.",
                ja=f"{path} を作成できません。フォルダーが読み取り専用です。",
            )
        )
    staging = path.with_name(f".{path.name}.creating-{os.getpid()}")
    staging.unlink(missing_ok=True)
    engine = _make_engine(staging, readonly=False)
    try:
        upgrade_to_head(engine)
        engine.dispose()
        os.replace(staging, path)
    except BaseException:
        engine.dispose()
        staging.unlink(missing_ok=True)
        raise


def _backup_before_migration(path: Path, revision: str) -> None:
    """Keep a copy of the workspace as it was, in case a migration goes wrong."""
    target = path.with_name(f"{path.stem}.before-{revision}{path.suffix}")
    try:
        src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
    except (sqlite3.Error, OSError) as exc:
        raise WorkspaceNotWritable(
            Msg(
                en=f"Could not back up {path} before upgrading it ({exc}); nothing was changed.",
                ja=f"更新前に {path} をバックアップできませんでした（{exc}）。何も変更していません。",
            )
        ) from exc
