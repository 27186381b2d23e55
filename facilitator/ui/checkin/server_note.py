"""Whether the phone server's first-start explanation was shown for a workspace.

Kept as a per-workspace key in the app's settings file (QSettings, INI), not in
the workspace database: the note is about this laptop (its network, its
firewall prompt), not event data that travels to the records, and a key needs
no schema migration. It is keyed by the workspace file's resolved path, so each
workspace explains the server once, and a second workspace explains it again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSettings


class ShownOnce(Protocol):
    def shown(self) -> bool: ...

    def mark_shown(self) -> None: ...


class RememberedInMemory:
    """For a view without a workspace file behind it (tests): remembered while it lives."""

    def __init__(self, shown: bool = False) -> None:
        self._shown = shown

    def shown(self) -> bool:
        return self._shown

    def mark_shown(self) -> None:
        self._shown = True


class WorkspaceNote:
    """A note shown once per workspace, remembered in `settings_file`."""

    def __init__(self, settings_file: Path, workspace: Path, name: str) -> None:
        self._settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        # A path is not a valid INI key (slashes make groups); its digest is, and stays put.
        digest = hashlib.sha256(str(workspace.resolve()).encode()).hexdigest()[:16]
        self._key = f"workspace_notes/{digest}_{name}"

    def shown(self) -> bool:
        return str(self._settings.value(self._key, "")) == "1"

    def mark_shown(self) -> None:
        self._settings.setValue(self._key, "1")
        self._settings.sync()
