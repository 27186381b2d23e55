"""Rotating log files in the user data folder."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from facilitator.paths import log_dir

LOG_FILE_NAME = "facilitator.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Send log records to a rotating file (1 MB x 5) and return its path."""
    path = log_dir() / LOG_FILE_NAME
    root = logging.getLogger()
    if any(
        isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in root.handlers
    ):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        # A read-only home folder must not stop the app; log to stderr instead.
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
