"""Backing up a workspace with SQLite's online backup (safe while the server writes)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from facilitator.db.workspace import Workspace
from facilitator.errors import InputRejected, Msg


def backup_workspace(workspace: Workspace, target: Path) -> Path:
    """Copy the workspace, as of one consistent moment, to `target` (written atomically)."""
    target = Path(target)
    if target.resolve() == workspace.path.resolve():
        raise InputRejected(
            Msg(
                en="Choose a different file for the backup.",
                ja="バックアップには別のファイル名を指定してください。",
            )
        )
    staging = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        source = sqlite3.connect(f"{workspace.path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            destination = sqlite3.connect(staging)
            try:
                source.backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
        os.replace(staging, target)
    except (sqlite3.Error, OSError) as exc:
        staging.unlink(missing_ok=True)
        raise InputRejected(
            Msg(
                en=f"Could not write the backup to {target}: {exc}",
                ja=f"バックアップを {target} に書き込めませんでした：{exc}",
            )
        ) from exc
    return target
