"""Running slow work off the GUI thread and getting the result back on it.

`runner.run(work, on_done, on_error)` executes `work()` on a QThreadPool and
calls `on_done(result)` or `on_error(exc)` on the GUI thread. Tests pass a
`SyncRunner`, which runs everything at once on the calling thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]


class Runner(Protocol):
    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None: ...


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry results back to it."""

    done = Signal(object, object)
    failed = Signal(object, object)

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        callback(value)


class _Task(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self._relay, self._work, self._on_done, self._on_error = relay, work, on_done, on_error

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which decides
            self._relay.failed.emit(self._on_error, exc)
        else:
            self._relay.done.emit(self._on_done, result)


class ThreadRunner:
    def __init__(
        self, on_unhandled: Callable[[BaseException], None], pool: QThreadPool | None = None
    ) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.done.connect(self._relay._deliver)
        self._relay.failed.connect(self._relay._deliver)
        self._on_unhandled = on_unhandled

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._pool.start(_Task(self._relay, work, on_done, on_error or self._on_unhandled))

    def wait(self, msecs: int = 30000) -> bool:
        return bool(self._pool.waitForDone(msecs))


class SyncRunner:
    """Runs work immediately; for tests and for work that must finish before quitting."""

    def __init__(self, on_unhandled: Callable[[BaseException], None] | None = None) -> None:
        self._on_unhandled = on_unhandled

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        try:
            result = work()
        except Exception as exc:
            handler = on_error or self._on_unhandled
            if handler is None:
                raise
            handler(exc)
        else:
            on_done(result)
