"""Keeping the phone server answering while someone holds connections open.

uvicorn closes a keep-alive connection that stays idle, but not one that
never sends a complete request, and it accepts connections until the
process runs out of file descriptors. Here, at accept time and on the
server's loop:

- connections per client address are capped, and in total (the laptop's own
  addresses only count toward the total: the kiosk and the benchmarks hold
  hundreds of connections on purpose);
- a connection that has not sent a complete request within
  `REQUEST_SECONDS` of opening, or of its previous answer, is closed.

A refused connection is reset at once (no response: the peer is holding
sockets, not waiting for a page), so one address cannot starve the others.
"""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from facilitator.domain.devices import is_laptop

# A phone's browser opens a handful of connections; a venue that NATs every
# phone behind one address brings a few hundred at once.
PER_ADDRESS = 256
TOTAL = 4096
# File descriptors kept free for the database, the log and the rest of the process.
FD_RESERVE = 256
REQUEST_SECONDS = 10.0


def raise_file_limit() -> int:
    """Raise the soft limit of open files to the hard one (POSIX); returns the limit."""
    if os.name != "posix":
        return TOTAL + FD_RESERVE
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        wanted = TOTAL + FD_RESERVE if hard == resource.RLIM_INFINITY else hard
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
            soft = max(soft, wanted)
        except (ValueError, OSError):
            pass
    return int(soft)


def total_cap(file_limit: int) -> int:
    """The total connection cap for a process that may open `file_limit` files."""
    return max(64, min(TOTAL, file_limit - FD_RESERVE))


class ConnectionGuard:
    """Open connections per client address; used on the server's loop only."""

    def __init__(self, per_address: int = PER_ADDRESS, total: int = TOTAL) -> None:
        self.per_address = per_address
        self.total = total
        self._open: Counter[str] = Counter()
        self._count = 0
        self.refused = 0

    def admit(self, address: str) -> bool:
        if self._count >= self.total or (
            not is_laptop(address) and self._open[address] >= self.per_address
        ):
            self.refused += 1
            return False
        self._open[address] += 1
        self._count += 1
        return True

    def release(self, address: str) -> None:
        self._count -= 1
        self._open[address] -= 1
        if self._open[address] <= 0:
            del self._open[address]

    def open_from(self, address: str) -> int:
        return self._open[address]


def guarded_protocol(
    guard: ConnectionGuard, request_seconds: float = REQUEST_SECONDS
) -> type[asyncio.Protocol]:
    """uvicorn's httptools protocol with the caps and the request deadline."""

    class GuardedHttpToolsProtocol(HttpToolsProtocol):
        _guard_address = ""
        _admitted = False
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: Any) -> None:
            peer = transport.get_extra_info("peername")
            address = str(peer[0]) if peer else ""
            if not guard.admit(address):
                transport.abort()  # a reset, no response: nothing is read or parsed
                return
            self._guard_address, self._admitted = address, True
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            if not self._admitted:
                return
            self._admitted = False
            guard.release(self._guard_address)
            self._disarm()
            super().connection_lost(exc)

        def on_message_complete(self) -> None:
            self._disarm()
            super().on_message_complete()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            # Idle again (uvicorn armed its keep-alive timer): the next request has
            # the same time to arrive complete.
            if self.timeout_keep_alive_task is not None:
                self._arm()

        def _arm(self) -> None:
            self._disarm()
            if not is_laptop(self._guard_address):
                self._deadline = self.loop.call_later(request_seconds, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            self._deadline = None
            if not self.transport.is_closing():
                self.transport.close()

    return GuardedHttpToolsProtocol
