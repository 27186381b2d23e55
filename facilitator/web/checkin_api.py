"""`POST /api/v1/checkin`, the hot path of a burst, as a plain ASGI endpoint.

When a room of phones checks in at once, the server's loop handles every
request on one thread, so whatever each request costs there is paid by the
last phone as many times over. This endpoint therefore skips the Request and
Response objects (it reads the few headers it needs straight from the scope
and sends pre-built header lists), and `LoopBatches` hands the check-ins
that arrived during one turn of the loop to the writer thread together: one
queue item and one wake-up of the loop for the lot instead of one each.

The rules are unchanged: a result is sent only after the writer's commit,
and only failures count against the rate limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from starlette.requests import cookie_parser

from facilitator.domain.checkin import CheckInMethod, CheckInOutcome
from facilitator.services.checkin import CheckInRequest, CheckInResult, QrToken, StaffNumber
from facilitator.web.security import DEVICE_COOKIE, Receive, Scope, Send

if TYPE_CHECKING:
    from facilitator.web.app import WebDeps

MAX_FIELD = 200
_FIELDS = ("session", "token", "staff_no")
_JSON = (b"content-type", b"application/json")
_RETRY = (b"retry-after", b"60")
Req = TypeVar("Req")
Res = TypeVar("Res")


class LoopBatcher(Generic[Req, Res]):
    """Collects the requests of one turn of the server's loop and submits them together.

    The first request of a turn schedules the flush with `call_soon`, which
    runs after every request already on the loop's ready list has queued its
    own. The writer answers with one future for the lot, settled after the
    commit, and the loop is woken once to hand each request its result.
    """

    def __init__(self, submit_many: Callable[[list[Req]], Future[list[Future[Res]]]]) -> None:
        self._submit_many = submit_many
        # Keyed by loop: the GUI's server has one, test clients start their own.
        self._pending: dict[asyncio.AbstractEventLoop, list[tuple[Req, asyncio.Future[Res]]]] = {}

    async def submit(self, request: Req) -> Res:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Res] = loop.create_future()
        waiting = self._pending.get(loop)
        if waiting is None:
            waiting = self._pending[loop] = []
            loop.call_soon(self._flush, loop)
        waiting.append((request, future))
        return await future

    def _flush(self, loop: asyncio.AbstractEventLoop) -> None:
        batch = self._pending.pop(loop, [])
        if not batch:
            return
        try:
            done = self._submit_many([request for request, _ in batch])
        except Exception as exc:  # noqa: BLE001 - e.g. a read-only workspace: each caller raises it
            for _, future in batch:
                if not future.done():
                    future.set_exception(exc)
            return

        def wake(settled: Future[list[Future[Res]]]) -> None:
            # RuntimeError: the server stopped meanwhile; nobody is waiting any more.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_settle, batch, settled)

        done.add_done_callback(wake)


def _settle(
    batch: list[tuple[Req, asyncio.Future[Res]]], settled: Future[list[Future[Res]]]
) -> None:
    for (_, future), outcome in zip(batch, settled.result(), strict=True):
        if future.done():  # the phone hung up and its task was cancelled
            continue
        error = outcome.exception()
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(outcome.result())


class LoopBatches:
    """Check-ins through a `LoopBatcher`, reported to `deps.on_checkin`."""

    def __init__(self, deps: WebDeps) -> None:
        self._deps = deps
        self._batcher: LoopBatcher[CheckInRequest, CheckInResult] = LoopBatcher(
            lambda requests: deps.checkin.submit_many(requests)
        )

    async def check_in(self, request: CheckInRequest) -> CheckInResult:
        result = await self._batcher.submit(request)
        self._deps.on_checkin(result)
        return result


class CheckInApi:
    """The ASGI endpoint; answers JSON like the rest of the API (see docs/checkin.md)."""

    def __init__(self, deps: WebDeps, batches: LoopBatches) -> None:
        self.deps = deps
        self.batches = batches

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        address = client[0] if client else "unknown"
        device = f"{address}|{_device_cookie(scope)[:64]}"
        failures = self.deps.failures
        if failures.blocked(device, address):
            await send_json(send, 429, {"error": "rate_limited"}, _RETRY)
            return
        try:
            data = json.loads(await _read_body(receive))
        except (ValueError, UnicodeDecodeError):
            await send_json(send, 400, {"error": "malformed_json"})
            return
        fields = string_fields(data, _FIELDS)
        if fields is None:
            await send_json(send, 400, {"error": "invalid_fields"})
            return
        session, token, staff_no = fields
        if not self.deps.serves_code(session):
            # Another event's session: this server does not exist for it.
            failures.record_failure(device, address)
            await send_json(send, 200, _FORGED)
            return
        result = await self.batches.check_in(
            CheckInRequest(
                session, StaffNumber(staff_no), CheckInMethod.API, QrToken(token), device=address
            )
        )
        if result.outcome.is_failure:
            failures.record_failure(device, address)
        # No attendee cookie here: the API serves scripts and the page flow sets it.
        await send_json(send, 200, result_json(result))


_FORGED = {"outcome": "invalid_token", "attendee": None, "session": None, "checked_in_at": None}


def result_json(result: CheckInResult) -> dict[str, Any]:
    return {
        "outcome": result.outcome.value,
        "attendee": (
            {"name": result.attendee.name, "department": result.attendee.department}
            if result.attendee and result.outcome != CheckInOutcome.UNKNOWN_ATTENDEE
            else None
        ),
        "session": {"label": result.session.label} if result.session else None,
        "checked_in_at": result.checked_in_at.isoformat() if result.checked_in_at else None,
    }


def string_fields(data: object, names: tuple[str, ...]) -> tuple[str, ...] | None:
    """The named fields of a JSON object when each is a non-blank string of sane length."""
    if not isinstance(data, dict):
        return None
    values = []
    for name in names:
        value = data.get(name)
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_FIELD:
            return None
        values.append(value)
    return tuple(values)


def _device_cookie(scope: Scope) -> str:
    # The same value `device_key` reads through Starlette's Request (its first Cookie header).
    for name, value in scope["headers"]:
        if name == b"cookie":
            return cookie_parser(value.decode("latin-1")).get(DEVICE_COOKIE, "")
    return ""


async def _read_body(receive: Receive) -> bytes:
    # BodyLimit has already read (and bounded) the body; this takes it as delivered.
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


async def send_json(
    send: Send, status: int, content: dict[str, Any], *extra: tuple[bytes, bytes]
) -> None:
    # Byte for byte what Starlette's JSONResponse sends.
    body = json.dumps(
        content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
    ).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-length", str(len(body)).encode()), _JSON, *extra],
        }
    )
    await send({"type": "http.response.body", "body": body})
