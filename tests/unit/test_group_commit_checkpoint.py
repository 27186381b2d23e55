"""The writer's idle WAL checkpoint must really run, not fail and log every time."""

from __future__ import annotations

import logging
import time

import pytest
from sqlalchemy import Connection, text

from facilitator.db.workspace import Workspace
from facilitator.services import group_commit
from facilitator.services.group_commit import GroupCommitWriter


def _insert(conn: Connection, requests: list[str]) -> list[str]:
    for title in requests:
        conn.execute(
            text(
                "INSERT INTO audit_log (at, actor, action, entity, detail) "
                "VALUES (CURRENT_TIMESTAMP, '', :t, '', '{}')"
            ),
            {"t": title},
        )
    return requests


def test_idle_checkpoint_succeeds_after_commits(
    workspace: Workspace, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(group_commit, "IDLE_CHECKPOINT_SECONDS", 0.05)
    writer: GroupCommitWriter[str, str] = GroupCommitWriter(
        workspace.engine, None, "test-writer", process_group=_insert
    )
    caplog.set_level(logging.WARNING)
    try:
        assert writer.submit("a").result(timeout=10) == "a"
        deadline = time.monotonic() + 10
        while writer._uncheckpointed and time.monotonic() < deadline:
            time.sleep(0.02)
        assert writer._uncheckpointed == 0  # the checkpoint ran and was counted
    finally:
        writer.close()
    assert not [r for r in caplog.records if "checkpoint" in r.getMessage().lower()]
    with workspace.session(readonly=True) as session:
        assert session.scalar(text("SELECT count(*) FROM audit_log WHERE action = 'a'")) == 1
