"""Opening a workspace file: checks first, then the lock, then the engine and migrations.

A file is judged from its header, and only then through a read-only SQLite
connection, before anything is written, so a foreign, corrupt or newer file
is reported and left byte-for-byte untouched (and a foreign file gets no
`-wal`/`-shm`/`.lock` companions). Writers take the workspace lock; readers
never do and never migrate.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from facilitator.db.engine import READ_ONLY_UOW, connect_readonly, make_engine
from facilitator.db.inspection import FileState, Inspection, corrupt_error, inspect_file
from facilitator.db.lock import WorkspaceLock, read_holder
from facilitator.errors import (
    Msg,
    NotAWorkspace,
    OutdatedWorkspace,
    WorkspaceMissing,
    WorkspaceNotWritable,
)

__all__ = [
    "FileState",
    "Inspection",
    "NestedUnitOfWork",
    "Workspace",
    "inspect_file",
    "open_workspace",
]


class NestedUnitOfWork(RuntimeError):
    """A programming error: a unit of work was started inside another on the same thread."""


class Workspace:
    """An open workspace: the engine, a session factory and (for writers) the lock."""

    def __init__(self, path: Path, engine: Engine, lock: WorkspaceLock | None) -> None:
        self.path = path
        self.engine = engine
        self.readonly = lock is None
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(
            engine.execution_options(**{READ_ONLY_UOW: True}), expire_on_commit=False
        )
        self._local = threading.local()

    @contextlib.contextmanager
    def session(self, *, readonly: bool = False) -> Iterator[Session]:
        """One unit of work: commits when the block ends normally, rolls back otherwise.

        `readonly=True` for a unit of work that only reads: it sees one snapshot
        and, in the writer, does not wait for or hold the write lock (writing in
        it fails). Units of work do not nest: the inner one would wait for the
        outer one's write lock until the busy timeout, so nesting fails at once.
        """
        if getattr(self._local, "active", False):
            raise NestedUnitOfWork("Workspace.session() cannot be nested on one thread")
        self._local.active = True
        factory = self._read_sessions if readonly else self._sessions
        try:
            with factory() as session, session.begin():
                if not readonly or self.readonly:
                    yield session
                    return
                # On the raw connection, so that resetting it works even after
                # the session failed; it goes back to the writer's pool.
                raw = session.connection().connection.dbapi_connection
                assert raw is not None
                raw.execute("PRAGMA query_only=ON")
                try:
                    yield session
                finally:
                    raw.execute("PRAGMA query_only=OFF")
        finally:
            self._local.active = False

    def announce_server(self, url: str) -> None:
        """Record (for `checkin-url` and `feedback-url`) where this writer's phone server
        listens; "" when it stopped. Readers have no lock and nothing to announce."""
        if self._lock is not None:
            self._lock.set_server_url(url)

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
    empty); otherwise a missing file is an error. Every refusal raises a
    `WorkspaceError` and leaves the file as it was.
    """
    path = Path(path)
    inspection = inspect_file(path)
    _require_existing(path, inspection, create)
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
        engine = make_engine(path, readonly=True)
        _probe(path, engine, readonly=True)
        return Workspace(path, engine, None)
    _check_writable(path)
    lock = WorkspaceLock(path)
    lock.acquire(program)
    try:
        # Again, under the lock: another process may have created or upgraded it meanwhile.
        inspection = inspect_file(path)
        _require_existing(path, inspection, create)
        if inspection.state in (FileState.ABSENT, FileState.EMPTY):
            _create_new(path)
        engine = make_engine(path, readonly=False)
        if inspection.state == FileState.OUTDATED:
            _backup_before_migration(path, inspection.revision or "unknown")
            from facilitator.db.migrate import upgrade_to_head

            upgrade_to_head(engine)
        _probe(path, engine, readonly=False)
        return Workspace(path, engine, lock)
    except BaseException:
        lock.release()
        raise


def _require_existing(path: Path, inspection: Inspection, create: bool) -> None:
    if create:
        return
    if inspection.state == FileState.ABSENT:
        raise WorkspaceMissing(
            Msg(
                en=f"Workspace {path} does not exist.",
                ja=f"ワークスペース {path} が見つかりません。",
            )
        )
    if inspection.state == FileState.EMPTY:
        raise NotAWorkspace(
            Msg(
                en=f"{path} is empty, not a Facilitator workspace.",
                ja=f"{path} は空のファイルで、Facilitator のワークスペースではありません。",
            )
        )


def _not_writable(path: Path, detail: str = "") -> WorkspaceNotWritable:
    extra_en = f" ({detail})" if detail else ""
    extra_ja = f"（{detail}）" if detail else ""
    return WorkspaceNotWritable(
        Msg(
            en=f"Cannot open {path} for writing: it or its folder is read-only{extra_en}. "
            "Copy it to a writable folder, or use a read-only command.",
            ja=f"{path} を書き込み用に開けません。ファイルまたはフォルダーが読み取り専用です{extra_ja}。"
            "書き込み可能なフォルダーにコピーするか、読み取り専用のコマンドを使ってください。",
        )
    )


def _check_writable(path: Path) -> None:
    """Refuse before creating anything: SQLite needs to write the file and,
    for its -wal/-shm files, the folder."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise WorkspaceMissing(
            Msg(
                en=f"Cannot open {path}: the folder {folder} does not exist.",
                ja=f"{path} を開けません。フォルダー {folder} がありません。",
            )
        )
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise _not_writable(path)


def _probe(path: Path, engine: Engine, *, readonly: bool) -> None:
    """Open one connection now, so a failure is reported as a workspace error, not later."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except Exception as exc:
        engine.dispose()
        cause = getattr(exc, "orig", exc)
        if not readonly and isinstance(cause, sqlite3.OperationalError):
            raise _not_writable(path, str(cause)) from exc
        raise corrupt_error(path, str(cause)) from exc


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows cannot open a folder for fsync; NTFS journals renames itself.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _create_new(path: Path) -> None:
    """Build a fresh workspace beside `path`, then move it into place in one step.

    A crash half-way leaves at most a hidden staging file, never a half-made workspace.
    """
    from facilitator.db.migrate import upgrade_to_head

    staging = path.with_name(f".{path.name}.creating-{os.getpid()}")
    staging.unlink(missing_ok=True)
    engine = make_engine(staging, readonly=False)
    try:
        upgrade_to_head(engine)
        engine.dispose()  # the last connection checkpoints and removes the staging -wal/-shm
        os.replace(staging, path)
        _fsync_folder(path.resolve().parent)
    except BaseException:
        engine.dispose()
        for leftover in (staging, Path(f"{staging}-wal"), Path(f"{staging}-shm")):
            leftover.unlink(missing_ok=True)
        raise


def _backup_before_migration(path: Path, revision: str) -> None:
    """Keep a copy of the workspace as it was, in case a migration goes wrong."""
    target = path.with_name(f"{path.stem}.before-{revision}{path.suffix}")
    # Written under a staging name and renamed when complete, so a crash or a full
    # disk never leaves a half copy that looks like a good backup.
    staging = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        with (
            contextlib.closing(connect_readonly(path)) as src,
            contextlib.closing(sqlite3.connect(staging)) as dst,
        ):
            src.backup(dst)
        os.replace(staging, target)
    except (sqlite3.Error, OSError) as exc:
        staging.unlink(missing_ok=True)
        raise WorkspaceNotWritable(
            Msg(
                en=f"Could not back up {path} before upgrading it ({exc}); nothing was changed.",
                ja=f"更新前に {path} をバックアップできませんでした（{exc}）。何も変更していません。",
            )
        ) from exc
