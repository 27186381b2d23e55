"""What every response and request of the LAN server goes through.

- `SecurityHeaders`: a strict Content-Security-Policy (`default-src 'self'`,
  no inline script or style), nosniff, referrers only to this server, no
  framing; `no-store` on every page (they are personal), while `/static/`
  files may be cached for an hour.
- `BodyLimit`: refuses bodies over 16 KB with 413 before the app reads them
  (a burst endpoint may declare more: the feedback post takes 128 KB).
- `FailureLimiter`: counts failed attempts (bad token, unknown staff number)
  per device and per address. Successes are never counted, so a room of
  phones behind one router checking in at once is never slowed down.
"""

from __future__ import annotations

import collections
import json
import threading
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request, cookie_parser

from facilitator.domain.devices import Phone
from facilitator.web.i18n import negotiate, translator

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 16 * 1024
DEVICE_COOKIE = "fac_dev"

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
_COMMON_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    # `same-origin`, not `no-referrer`: under `no-referrer` a browser sends
    # `Origin: null` with our own form posts, and `Origin: null` is refused (a
    # sandboxed frame of another site sends it too).
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]
_HEADERS = [*_COMMON_HEADERS, (b"cache-control", b"no-store")]
# Stylesheets, scripts and the icon are the same for everyone: a phone keeps them
# between the form's steps instead of fetching them on every page.
_STATIC_HEADERS = [*_COMMON_HEADERS, (b"cache-control", b"public, max-age=3600")]
STATIC_PREFIX = "/static/"


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        headers = (
            _STATIC_HEADERS if str(scope.get("path", "")).startswith(STATIC_PREFIX) else _HEADERS
        )

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in headers if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HotPaths:
    """Sends a few API posts (a burst's check-ins) past the router, still through the guards.

    Each layer an awaiting request sits under is paid again when it resumes,
    and a check-in always awaits its commit. Here it skips Starlette's router
    and exception layers (the route table stays the same: other methods still
    reach the router's 405) but keeps `SecurityHeaders` and `BodyLimit`, and
    Starlette's outermost error handler still turns a crash into a 500.
    """

    def __init__(self, app: ASGIApp, posts: dict[str, ASGIApp]) -> None:
        self.app = app
        # An endpoint may declare a larger body than the 16 KB default (`max_body_bytes`).
        self.posts = {
            path: SecurityHeaders(
                BodyLimit(endpoint, getattr(endpoint, "max_body_bytes", MAX_BODY_BYTES))
            )
            for path, endpoint in posts.items()
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            endpoint = self.posts.get(scope["path"])
            if endpoint is not None:
                await endpoint(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """Reads the whole (small) body first, so an oversized one never reaches a handler."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.limit
                except ValueError:
                    too_big = True
                if too_big:
                    await _too_large(scope, send)
                    return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _too_large(scope, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(scope: Scope, send: Send) -> None:
    """413 in the form the caller reads: JSON for the API (like its 400s), text for pages."""
    accept = next((v for k, v in scope.get("headers", []) if k == b"accept-language"), b"")
    text = translator(negotiate(accept.decode("latin-1")))("common.too_large")
    if str(scope.get("path", "")).startswith("/api/"):
        body = json.dumps({"error": "body_too_large", "message": text}, ensure_ascii=False)
        await send_now(send, 413, b"application/json", body.encode())
    else:
        await send_now(send, 413, b"text/plain; charset=utf-8", text.encode())


async def send_now(send: Send, status: int, content_type: bytes, text: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(text)).encode()),
                (b"connection", b"close"),
                *_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": text})


@dataclass(frozen=True)
class Limit:
    failures: int
    seconds: float


class FailureLimiter:
    """Sliding-window counts of failures per device and per address (thread-safe)."""

    MAX_KEYS = 20_000

    def __init__(
        self,
        monotonic: Callable[[], float],
        per_device: Limit = Limit(10, 60.0),
        per_address: Limit = Limit(100, 60.0),
    ) -> None:
        self._now = monotonic
        self._device = per_device
        self._address = per_address
        self._hits: collections.OrderedDict[str, collections.deque[float]] = (
            collections.OrderedDict()
        )
        self._lock = threading.Lock()

    def blocked(self, device: str, address: str) -> bool:
        """True when either key has used up its failures in the window."""
        now = self._now()
        with self._lock:
            return self._full(f"d:{device}", self._device, now) or self._full(
                f"a:{address}", self._address, now
            )

    def record_failure(self, device: str, address: str) -> None:
        now = self._now()
        with self._lock:
            for key in (f"d:{device}", f"a:{address}"):
                hits = self._hits.pop(key, None) or collections.deque()
                hits.append(now)
                self._hits[key] = hits
            while len(self._hits) > self.MAX_KEYS:
                self._hits.popitem(last=False)

    def _full(self, key: str, limit: Limit, now: float) -> bool:
        hits = self._hits.get(key)
        if not hits:
            return False
        while hits and now - hits[0] > limit.seconds:
            hits.popleft()
        return len(hits) >= limit.failures


def client_address(request: Request) -> str:
    # No proxy sits in front of the laptop, so the socket peer is the truth;
    # X-Forwarded-For is deliberately ignored (a phone could forge it).
    return request.client.host if request.client else "unknown"


@dataclass(frozen=True)
class Caller:
    """Who sent a request, as the guards read it: the socket peer, headers and cookies.

    Built from Starlette's Request on the page routes, and straight from the
    ASGI scope on the burst endpoints that skip the Request object; either way
    as Starlette reads them: a header's first value counts, and the cookies
    of every Cookie header are merged (a later one winning).
    """

    address: str
    headers: Mapping[str, str]  # lower-case names
    cookies: Mapping[str, str]

    @classmethod
    def of(cls, request: Request) -> Caller:
        return cls(client_address(request), request.headers, request.cookies)

    @classmethod
    def from_scope(cls, scope: Scope) -> Caller:
        headers: dict[str, str] = {}
        cookies: dict[str, str] = {}
        for raw_name, raw_value in scope["headers"]:
            name, value = raw_name.decode("latin-1"), raw_value.decode("latin-1")
            headers.setdefault(name, value)
            if name == "cookie":
                cookies.update(cookie_parser(value))
        client = scope.get("client")
        return cls(client[0] if client else "unknown", headers, cookies)

    @property
    def device(self) -> str:
        """Address plus the device cookie: the rate limiter's key. A phone without a
        cookie yet is counted on its own address, never in one bucket with others."""
        return f"{self.address}|{self.cookies.get(DEVICE_COOKIE, '')[:64]}"

    @property
    def phone(self) -> Phone:
        """The phone as the device rule knows it (`domain.devices`)."""
        return Phone(self.cookies.get(DEVICE_COOKIE, "")[:64], self.address[:64])


def device_key(request: Request) -> str:
    return Caller.of(request).device


def same_origin(caller: Caller | Request) -> bool:
    """Whether a state-changing request may come from this page's own site.

    Refused: a `Sec-Fetch-Site` other than same-origin (or none: typed by the
    user), `Origin: null` (sandboxed frames, data: URLs, privacy redirects)
    and an `Origin` naming another host. A request with neither header (a
    script, an old browser) is let through: it carries no cookie of a victim's
    browser that another site could have made it send.
    """
    headers = caller.headers
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin is None:
        return True
    if origin == "null":
        return False
    host = headers.get("host", "")
    return origin.split("://", 1)[-1].rstrip("/") == host
