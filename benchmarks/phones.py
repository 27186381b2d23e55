"""A room of phones for the HTTP benchmarks: one keep-alive connection each,
every request written out in advance.

Each phone in the room prepares its own request, so preparing it is no part
of the server's latency. A general-purpose client (aiohttp, used before)
spent about 0.1 ms of CPU per request on this same 2-core machine: 50 ms per
burst of 500, taken from the server it was measuring, and much of the spread
between runs. Here a burst is one tight loop of `write` calls and the latency
of each request runs from its write to the last byte of its answer.

Only what the benchmarks need: HTTP/1.1 answers with Content-Length.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Answer:
    latency: float  # seconds, from the request's write to its answer's last byte
    status: int
    body: bytes

    def json(self) -> dict[str, object]:
        data = json.loads(self.body)
        assert isinstance(data, dict)
        return data


def count_outcomes(answers: list[Answer]) -> dict[str, int]:
    """How many answers said each `outcome` (an HTTP error counts as "http <status>")."""
    outcomes: dict[str, int] = {}
    for answer in answers:
        key = str(answer.json()["outcome"]) if answer.status == 200 else f"http {answer.status}"
        outcomes[key] = outcomes.get(key, 0) + 1
    return outcomes


class _Phone(asyncio.Protocol):
    """One connection; one request in flight at a time, like a phone's form."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = b""
        self.waiter: asyncio.Future[Answer] | None = None
        self.started = 0.0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def connection_lost(self, exc: Exception | None) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError(f"server closed the connection: {exc}"))

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        head_end = self.buffer.find(b"\r\n\r\n")
        if head_end < 0:
            return
        lines = self.buffer[:head_end].decode("latin-1").split("\r\n")
        length = None
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        if length is None:
            raise RuntimeError(f"answer without Content-Length: {lines[0]}")
        end = head_end + 4 + length
        if len(self.buffer) < end:
            return
        body, self.buffer = self.buffer[head_end + 4 : end], self.buffer[end:]
        waiter, self.waiter = self.waiter, None
        assert waiter is not None, "an answer nobody asked for"
        waiter.set_result(
            Answer(time.perf_counter() - self.started, int(lines[0].split()[1]), body)
        )

    def send(self, request: bytes, started: float | None = None) -> asyncio.Future[Answer]:
        assert self.transport is not None and self.waiter is None
        self.waiter = asyncio.get_running_loop().create_future()
        self.started = time.perf_counter() if started is None else started
        self.transport.write(request)
        return self.waiter


class Room:
    """`count` phones connected to `base_url` (as phones that loaded the page are)."""

    def __init__(self, base_url: str, phones: list[_Phone]) -> None:
        parts = urlsplit(base_url)
        self.host = parts.netloc
        self.phones = phones

    @classmethod
    async def connect(cls, base_url: str, count: int) -> Room:
        parts = urlsplit(base_url)
        assert parts.hostname is not None and parts.port is not None, base_url
        loop = asyncio.get_running_loop()
        phones = []
        for _ in range(count):
            _transport, phone = await loop.create_connection(_Phone, parts.hostname, parts.port)
            phones.append(phone)
        return cls(base_url, phones)

    def close(self) -> None:
        for phone in self.phones:
            if phone.transport is not None:
                phone.transport.close()

    def get(self, path: str, headers: dict[str, str] | None = None) -> bytes:
        return _request("GET", self.host, path, headers or {}, b"")

    def post_json(self, path: str, body: object, headers: dict[str, str] | None = None) -> bytes:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        return _request(
            "POST", self.host, path, {"Content-Type": "application/json", **(headers or {})}, data
        )

    async def burst(
        self, requests: list[bytes], timeout: float = 30.0
    ) -> tuple[list[Answer], float]:
        """Every request at once, each on its own phone; (answers in order, time until the last)."""
        assert len(requests) <= len(self.phones), "more requests than phones"
        start = time.perf_counter()
        waiting = [
            phone.send(request)
            for phone, request in zip(self.phones[: len(requests)], requests, strict=True)
        ]
        answers = await asyncio.wait_for(asyncio.gather(*waiting), timeout)
        return list(answers), time.perf_counter() - start

    async def steady(self, requests: list[bytes], per_second: float) -> list[Answer]:
        """Open loop: request i is due at start + i/per_second, whatever the server does, and its
        latency runs from when it was due, so a stall is not hidden by the requests it delayed."""
        assert len(requests) <= len(self.phones), "more requests than phones"
        loop = asyncio.get_running_loop()
        start = time.perf_counter() + 0.2
        waiting: list[asyncio.Future[Answer]] = []

        async def one(phone: _Phone, request: bytes, due: float) -> Answer:
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            return await phone.send(request, started=due)

        for i, (phone, request) in enumerate(
            zip(self.phones[: len(requests)], requests, strict=True)
        ):
            waiting.append(loop.create_task(one(phone, request, start + i / per_second)))
        return list(await asyncio.gather(*waiting))


def _request(method: str, host: str, path: str, headers: dict[str, str], body: bytes) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
