"""Rotating log files in the user data folder, with repeated lines folded into one."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path

from facilitator.paths import log_dir

LOG_FILE_NAME = "facilitator.log"
# 10 files of 5 MB. With repeats folded (below), a flood of one error adds a line
# per minute, so the day's earlier lines stay; the size is for a long, busy day.
MAX_BYTES = 5_000_000
BACKUP_COUNT = 10
REPEAT_SECONDS = 60.0


class RepeatFolder(logging.Filter):
    """Lets the first of identical records through, drops the repeats for `interval`
    seconds, and notes on the next one let through how many were dropped.

    Identical: same logger, level, message text and exception type (a flood of
    accept errors repeats one line; lines that only share a format, like each
    step of the self-test, are different).
    """

    MAX_KEYS = 1000

    def __init__(
        self, interval: float = REPEAT_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__()
        self._interval = interval
        self._clock = clock
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, int, str, str], tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        message = record.getMessage()
        key = (record.name, record.levelno, message, exc)
        now = self._clock()
        with self._lock:
            first, dropped = self._seen.get(key, (None, 0))
            if first is not None and now - first < self._interval:
                self._seen[key] = (first, dropped + 1)
                return False
            if len(self._seen) >= self.MAX_KEYS:
                self._seen.clear()
            self._seen[key] = (now, 0)
        if dropped:
            # Appended after formatting's arguments are applied (a '%' in it is safe).
            record.msg = message + (
                f" [the same message {dropped} more time(s) in the previous "
                f"{int(self._interval)} s]"
            )
            record.args = None
        return True


def setup_logging(level: int = logging.INFO) -> Path:
    """Send log records to a rotating file and return its path."""
    path = log_dir() / LOG_FILE_NAME
    root = logging.getLogger()
    if any(
        isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in root.handlers
    ):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        # A read-only home folder must not stop the app; log to stderr instead.
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RepeatFolder())
    root.addHandler(handler)
    root.setLevel(level)
    return path
