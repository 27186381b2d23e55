"""Where the app keeps its own files (logs, settings, the default workspace).

FACILITATOR_HOME overrides the per-user folder, so tests and kiosks can keep
everything in one place.
"""

from __future__ import annotations

import os
from pathlib import Path


def user_data_dir() -> Path:
    override = os.environ.get("FACILITATOR_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("Facilitator", appauthor=False)


def log_dir() -> Path:
    return user_data_dir() / "logs"


def default_workspace_path() -> Path:
    return user_data_dir() / "workspace.sqlite"
