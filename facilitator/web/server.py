"""Serving the app with uvicorn in a background thread.

The socket is bound here, before uvicorn starts, so "port taken" is known at
once and the next free port is used instead. uvicorn only installs signal
handlers on the main thread, so a server in a thread leaves Ctrl+C and the
GUI's own handling alone.
"""

from __future__ import annotations

import errno
import gc
import logging
import os
import socket
import sys
import threading
import time

import uvicorn
from starlette.types import ASGIApp

from facilitator.domain.phone_links import base_url
from facilitator.errors import InputRejected, Msg
from facilitator.web.connections import (
    ConnectionGuard,
    guarded_protocol,
    raise_file_limit,
    total_cap,
)
from facilitator.web.hosts import ServedHosts

log = logging.getLogger(__name__)

PORT_TRIES = 20
# How long a thread may hold the GIL while another waits for it (CPython's default: 5 ms).
SERVING_SWITCH_INTERVAL = 0.0005
# The cyclic garbage collector's thresholds while serving (CPython's default: 700, 10, 10).
SERVING_GC_THRESHOLDS = (50_000, 20, 100)


def tune_interpreter_for_serving() -> None:
    """Interpreter settings for a process that serves a room of phones.

    The server's loop and the check-in writer thread hand the GIL to each
    other at every socket call and every SQLite statement. With CPython's
    default switch interval, each handover can leave the other thread waiting
    up to 5 ms while the holder keeps computing; under a burst those waits
    add up to tens of milliseconds for every phone. 0.5 ms keeps both moving.
    The cost is more frequent switching, which a laptop's GUI does not notice.

    A burst also keeps hundreds of requests' tasks, futures and coroutines
    alive while they wait for their commit. With CPython's default thresholds
    the collector ran about forty times per pair of benchmark bursts, scanning
    those again each time: some 20 ms of a 100 ms burst. Request objects are
    freed by reference counting anyway, so the collector (there for the rare
    cycle) now runs once per 50,000 new objects instead of 700.
    """
    if sys.getswitchinterval() > SERVING_SWITCH_INTERVAL:
        sys.setswitchinterval(SERVING_SWITCH_INTERVAL)
    if gc.get_threshold()[0] < SERVING_GC_THRESHOLDS[0]:
        gc.set_threshold(*SERVING_GC_THRESHOLDS)


class ServerStartFailed(InputRejected):
    pass


def bind_socket(host: str, port: int, tries: int = PORT_TRIES) -> socket.socket:
    """A listening socket on `port`, or on the next free one of `tries` ports."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    last: OSError | None = None
    for candidate in range(port, port + tries):
        # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted
        # sockets whose proto says TCP, and without it every response's body
        # waits ~40 ms for the phone's delayed ACK (Nagle).
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        if os.name == "posix":
            # A restarted server gets its port back although the last run's phone
            # connections are still in TIME_WAIT (phones with the page open post to
            # that port). Not on Windows, where SO_REUSEADDR lets another program
            # take a port that is in use; there TIME_WAIT does not block a bind.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
        except OSError as exc:
            sock.close()
            last = exc
            if exc.errno in (errno.EADDRINUSE, errno.EACCES, getattr(errno, "WSAEADDRINUSE", -1)):
                continue
            break
        sock.listen(2048)
        sock.set_inheritable(True)
        return sock
    reason = last.strerror if last and last.strerror else str(last)
    raise ServerStartFailed(
        Msg(
            en=f"Cannot start the check-in server on {host} ports {port}–{port + tries - 1} ({reason}). "
            "Choose another address or port.",
            ja=f"{host} のポート {port}–{port + tries - 1} で受付サーバーを起動できません（{reason}）。"
            "別のアドレスかポートを選んでください。",
        )
    )


class LanServer:
    """`start()` binds and serves in a thread; `stop()` ends it; `base_url` is what phones open."""

    def __init__(self, app: ASGIApp, host: str, port: int) -> None:
        self.app = app
        self.host = host
        self.requested_port = port
        self.port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.guard: ConnectionGuard | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def base_url(self) -> str:
        return base_url(self.host, self.port)

    def start(self, timeout: float = 10.0) -> None:
        if self.running:
            return
        sock = bind_socket(self.host, self.requested_port)
        self.port = sock.getsockname()[1]
        # Caps at accept and a deadline for each request (web/connections.py): idle
        # or trickling sockets from one address cannot take the server from the rest.
        total = total_cap(raise_file_limit())
        self.guard = ConnectionGuard(total=total)
        config = uvicorn.Config(
            # Only requests addressed to this server's own names (DNS rebinding).
            ServedHosts(self.app, self.host, self.port),
            log_level="warning",
            access_log=False,
            lifespan="off",
            # httptools (C parser): parsing is most of a check-in's cost under a burst.
            http=guarded_protocol(self.guard),
            loop="asyncio",
            ws="none",
            timeout_graceful_shutdown=3,
            # The laptop's own clients keep their connection between steps; a phone's
            # is closed after REQUEST_SECONDS without a complete request (the guard).
            timeout_keep_alive=30,
            # Beyond this many connections or running requests uvicorn answers 503
            # instead of queueing (the guard refuses new connections before that).
            limit_concurrency=total + 64,
            server_header=False,
            # No proxy stands in front of the laptop: X-Forwarded-For is never trusted
            # (see security.client_address), so skip the layer that would read it.
            proxy_headers=False,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="lan-server", daemon=True
        )
        self._server, self._thread = server, thread
        thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                sock.close()
                raise ServerStartFailed(
                    Msg(
                        en="The check-in server did not start; see the log for details.",
                        ja="受付サーバーが起動しませんでした。詳細はログを確認してください。",
                    )
                )
            time.sleep(0.01)
        log.info("serving on %s", self.base_url)

    def stop(self, timeout: float = 5.0) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None or thread is None:
            return
        server.should_exit = True
        thread.join(timeout)
        if thread.is_alive():
            server.force_exit = True
            thread.join(timeout)
