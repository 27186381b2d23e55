"""Only the names this server is reached by: a defence against DNS rebinding.

A page on another site can make its own name resolve to the laptop's LAN
address; the phone's browser then treats the laptop as that site and its
posts carry a matching `Origin` (`Host: evil.example:8765`, `Origin:
http://evil.example:8765`), so the origin check alone would let them through.
Every request whose `Host` is not one of the laptop's own addresses (with
the served port), `localhost` or the computer's own name is refused with 403
before it reaches a route.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

from facilitator.web.addresses import ipv4_addresses
from facilitator.web.i18n import negotiate, translator
from facilitator.web.security import ASGIApp, Receive, Scope, Send, send_now

# A server bound to every interface re-reads the laptop's addresses on an
# unknown Host (the venue's DHCP may give it a new one), at most this often.
REFRESH_SECONDS = 5.0
WILDCARDS = frozenset({"0.0.0.0", "::", ""})


def served_hosts(bound: str, port: int, addresses: list[str]) -> frozenset[str]:
    """The `Host` values a server bound to `bound`:`port` answers to."""
    names = {"localhost", "127.0.0.1", "[::1]"}
    if bound in WILDCARDS:
        names.update(f"[{a}]" if ":" in a else a for a in addresses)
        hostname = socket.gethostname().lower()
        if hostname:
            names.update({hostname, f"{hostname}.local"})
    else:
        names.add(f"[{bound}]" if ":" in bound else bound)
    with_port = {f"{name}:{port}" for name in names}
    return frozenset(with_port | (names if port == 80 else set()))


class ServedHosts:
    """Refuses (403) a request whose Host this server is not reached by."""

    def __init__(
        self,
        app: ASGIApp,
        bound: str,
        port: int,
        addresses: Callable[[], list[str]] = ipv4_addresses,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app, self.bound, self.port = app, bound, port
        self._addresses, self._now = addresses, monotonic
        self._refreshed = monotonic()
        self.allowed = served_hosts(bound, port, addresses() if bound in WILDCARDS else [])

    def serves(self, host: str) -> bool:
        host = host.lower()
        if host in self.allowed:
            return True
        if self.bound in WILDCARDS and self._now() - self._refreshed > REFRESH_SECONDS:
            self._refreshed = self._now()
            self.allowed = served_hosts(self.bound, self.port, self._addresses())
            return host in self.allowed
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers", []))
            host = headers.get(b"host", b"").decode("latin-1")
            if not self.serves(host):
                accept = headers.get(b"accept-language", b"").decode("latin-1")
                text = translator(negotiate(accept))("common.bad_request")
                await send_now(send, 403, b"text/plain; charset=utf-8", text.encode())
                return
        await self.app(scope, receive, send)
