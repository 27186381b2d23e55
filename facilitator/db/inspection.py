"""Judging a file before opening it: is it a workspace, intact, and of which schema?

Nothing here writes. The header is read directly, so another program's SQLite
database is refused without SQLite touching it (no -wal/-shm files appear);
only a file marked as a workspace is opened, read-only, for an integrity check
and its stored Alembic revision.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from facilitator.db import schema_version
from facilitator.db.engine import connect_readonly
from facilitator.errors import CorruptWorkspace, Msg, NewerWorkspace, NotAWorkspace

SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100  # the database header; application_id is at byte 68


class FileState(Enum):
    ABSENT = "absent"
    EMPTY = "empty"  # a zero-byte file: nothing to lose, becomes a new workspace
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
            header = handle.read(_HEADER_SIZE)
    except OSError as exc:
        raise NotAWorkspace(
            Msg(
                en=f"Cannot read {path}: {exc.strerror}.",
                ja=f"{path} を読み込めません（{exc.strerror}）。",
            )
        ) from exc
    if not header:
        return Inspection(FileState.EMPTY, None)
    if not header.startswith(SQLITE_HEADER):
        raise NotAWorkspace(
            Msg(
                en=f"{path} is not a Facilitator workspace (it is not an SQLite database).",
                ja=f"{path} は Facilitator のワークスペースではありません（SQLite データベースではありません）。",
            )
        )
    if len(header) < _HEADER_SIZE:
        raise corrupt_error(path, "the file is truncated")
    # Read from the header, not through SQLite: opening another program's
    # database could leave -wal/-shm files next to it.
    if int.from_bytes(header[68:72], "big") != schema_version.APPLICATION_ID:
        raise NotAWorkspace(
            Msg(
                en=f"{path} is an SQLite database of another program, not a Facilitator workspace.",
                ja=f"{path} は別のプログラムの SQLite データベースで、Facilitator のワークスペースではありません。",
            )
        )
    revision = _stored_revision(path)
    if revision == schema_version.HEAD_REVISION:
        return Inspection(FileState.CURRENT, revision)
    if revision in schema_version.KNOWN_REVISIONS:
        return Inspection(FileState.OUTDATED, revision)
    raise NewerWorkspace(
        Msg(
            en=f"{path} was written by a newer version of Facilitator (schema {revision}). "
            "Update Facilitator to open it.",
            ja=f"{path} は新しいバージョンの Facilitator で作成されています（スキーマ {revision}）。"
            "Facilitator を更新してから開いてください。",
        )
    )


def _stored_revision(path: Path) -> str:
    """The schema revision stored in a workspace, after a quick integrity check."""
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise corrupt_error(path, str(exc)) from exc
    try:
        check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if check != "ok":
            raise corrupt_error(path, check)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            row = None
    except sqlite3.DatabaseError as exc:
        raise corrupt_error(path, str(exc)) from exc
    finally:
        conn.close()
    if not row or not row[0]:
        raise corrupt_error(path, "its schema version is missing")
    return str(row[0])


def corrupt_error(path: Path, reason: str) -> CorruptWorkspace:
    return CorruptWorkspace(
        Msg(
            en=f"{path} is damaged and cannot be opened ({reason}). Restore it from a backup.",
            ja=f"{path} は破損しているため開けません（{reason}）。バックアップから復元してください。",
        )
    )
