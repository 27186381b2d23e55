"""Keeping the phone server answering while someone holds connections open.

uvicorn closes a keep-alive connection that stays idle, but not one that
never sends a complete request, and it accepts connections until the
process runs out of file descriptors. Here, at accept time and on the
server's loop:

- connections per client address are capped, and in total (the laptop's own
  addresses only count toward the total: the kiosk and the benchmarks hold
  hundreds of connections on purpose);
- a phone's connection lives on a deadline of `REQUEST_SECONDS`: it must
  send a complete request within that time of opening, and the server must
  be able to hand it the whole answer within that time of the request (or of
  the previous answer). The deadline is renewed only when nothing is left to
  send, so a client that never reads its responses cannot keep the
  connection by pipelining more requests;
- at most `PIPELINED` requests may wait behind the one being answered.

A refused or expired connection is reset (SO_LINGER 0, then abort): no
response, and nothing the peer left unread keeps the socket, the file
descriptor or the server's shutdown waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import struct
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
# Browsers do not pipeline; a client with this many requests queued behind an
# unanswered one is not a browser.
PIPELINED = 8
# On shutdown, a connection still answering (or with an unsent answer) has this
# long before it is reset; uvicorn's graceful shutdown waits 3 s for tasks.
SHUTDOWN_SECONDS = 2.0


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


def reset(transport: Any) -> None:
    """Drop a connection at once: an RST, unsent data discarded (close() would wait for it)."""
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


def guarded_protocol(
    guard: ConnectionGuard,
    request_seconds: float = REQUEST_SECONDS,
    pipelined: int = PIPELINED,
) -> type[asyncio.Protocol]:
    """uvicorn's httptools protocol with the caps, the deadline and the pipeline bound."""

    class GuardedHttpToolsProtocol(HttpToolsProtocol):
        _guard_address = ""
        _admitted = False
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: Any) -> None:
            peer = transport.get_extra_info("peername")
            address = str(peer[0]) if peer else ""
            if not guard.admit(address):
                reset(transport)  # no response: nothing is read or parsed
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
            super().on_message_complete()
            if len(self.pipeline) > pipelined:
                self._expire()
            elif not self.pipeline:
                # Answered now: the deadline covers answering it, unless an earlier
                # answer is still unsent (then the running deadline is its drain time).
                self._renew()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            # Idle again, or the next pipelined request starts.
            self._renew()

        def shutdown(self) -> None:
            super().shutdown()
            # Still answering, or an answer not taken (close() waits for it to be
            # sent): do not let the peer hold the shutdown.
            self.loop.call_later(SHUTDOWN_SECONDS, reset, self.transport)

        def _renew(self) -> None:
            if self.transport.get_write_buffer_size() == 0:
                self._arm()

        def _arm(self) -> None:
            self._disarm()
            if not is_laptop(self._guard_address):
                self._deadline = self.loop.call_later(request_seconds, self._expire)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _expire(self) -> None:
            self._disarm()
            reset(self.transport)

    return GuardedHttpToolsProtocol
