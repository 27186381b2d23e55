"""The GUI's handle on the LAN server: start/stop off the GUI thread, check-ins as a signal.

The server runs on its own thread; the check-ins it records reach the GUI as
`checkins_arrived`, through a signal Qt queues to the GUI thread. Nothing on
the server thread touches a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from facilitator.domain.clock import Clock
    from facilitator.services.checkin.service import CheckInService
    from facilitator.services.checkin.types import CheckInResult
    from facilitator.services.feedback.capture import FeedbackService
    from facilitator.web.server import LanServer


class LanServerControl(QObject):
    # A list of CheckInResult, on the GUI thread. Coalesced: a burst of phones
    # wakes the GUI a few times, not once per phone (each wake-up has to win
    # the interpreter lock from the server's threads).
    checkins_arrived = Signal(list)
    _wake = Signal()

    def __init__(
        self,
        checkin: CheckInService,
        clock: Clock,
        feedback: FeedbackService | None,
        announce: Callable[[str], None] = lambda _url: None,
    ) -> None:
        super().__init__()
        # Tells read-only commands (`checkin-url`) where the server really listens.
        self._announce = announce
        self._checkin = checkin
        self._clock = clock
        self._feedback = feedback
        self._server: LanServer | None = None
        self.started_once = False
        self._lock = threading.Lock()
        self._pending: list[CheckInResult] = []
        self._wake.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self._server is not None and self._server.running

    @property
    def base_url(self) -> str | None:
        return self._server.base_url if self.running and self._server else None

    @property
    def address(self) -> tuple[str, int] | None:
        """(host, port) while serving."""
        return (self._server.host, self._server.port) if self.running and self._server else None

    def _relay(self, result: CheckInResult) -> None:
        """On the server's thread: queue the result; wake the GUI only if it is not due already."""
        with self._lock:
            self._pending.append(result)
            wake = len(self._pending) == 1
        if wake:
            self._wake.emit()

    def _deliver(self) -> None:
        with self._lock:
            batch, self._pending = self._pending, []
        if batch:
            self.checkins_arrived.emit(batch)

    def start(self, host: str, port: int) -> str:
        """Blocking (call it through the runner): binds, serves, returns the base URL."""
        # The web stack (Starlette, Jinja2, uvicorn) loads on first start, not with the GUI.
        from facilitator.composition import lan_deps
        from facilitator.web.app import create_app
        from facilitator.web.server import LanServer, tune_interpreter_for_serving

        self.stop()
        tune_interpreter_for_serving()
        deps = lan_deps(self._checkin, self._clock, self._feedback, self._relay)
        server = LanServer(create_app(deps), host, port)
        server.start()
        self._server = server
        self.started_once = True
        self._announce(server.base_url)
        return server.base_url

    def stop(self) -> None:
        """Blocking: ends the server (also called when the app exits)."""
        server, self._server = self._server, None
        if server is not None:
            server.stop()
            self._announce("")
