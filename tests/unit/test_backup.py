"""Backing up a workspace while it is open."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.db.workspace import FileState, Workspace, inspect_file, open_workspace
from facilitator.domain.clock import FakeClock
from facilitator.errors import InputRejected
from facilitator.services.backup import backup_workspace
from facilitator.services.events import EventService


def test_backup_is_a_complete_workspace(demo_workspace: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "コピー" / "backup 1.sqlite"
    target.parent.mkdir()
    assert backup_workspace(demo_workspace, target) == target
    assert sorted(p.name for p in target.parent.iterdir()) == ["backup 1.sqlite"]  # no partials
    assert inspect_file(target).state == FileState.CURRENT
    with open_workspace(target, readonly=True) as copy:
        copied = EventService(copy, FakeClock()).list_events()
    assert copied == EventService(demo_workspace, FakeClock()).list_events()
    assert copied[0].attendee_count == 100


def test_backup_refuses_its_own_file_and_leaves_nothing_on_failure(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    with pytest.raises(InputRejected, match="different file"):
        backup_workspace(demo_workspace, demo_workspace.path)
    missing = tmp_path / "no such folder" / "b.sqlite"
    with pytest.raises(InputRejected) as info:
        backup_workspace(demo_workspace, missing)
    assert str(missing) in info.value.message.ja
    assert not missing.parent.exists()
