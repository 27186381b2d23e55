"""`POST /api/v1/checkin`, the hot path of a burst, as a plain ASGI endpoint.

When a room of phones checks in at once, the server's loop handles every
request on one thread, so whatever each request costs there is paid by the
last phone as many times over. This endpoint therefore skips the Request and
Response objects (it reads the few headers it needs straight from the scope
and sends pre-built header lists), and `LoopBatches` hands the check-ins of
a burst to the writer thread together (see `loop_batcher`): one queue item
and one wake-up of the loop for the lot instead of one each.

The rules are those of the page flow: a result is sent only after the
writer's commit, only failures count against the rate limit, the device rule
applies (`device_used`), and an answer names the attendee only to the phone
that checked them in. The body must be typed JSON (415 otherwise) and the
request same-origin (403), so another site's page cannot post it.
"""

from __future__ import annotations

from typing import Any

from facilitator.domain.checkin import UNKNOWN_SESSION, CheckInMethod, CheckInOutcome
from facilitator.domain.devices import Phone
from facilitator.services.checkin.types import CheckInRequest, CheckInResult, QrToken, StaffNumber
from facilitator.web.asgi_json import is_json, read_json, send_json
from facilitator.web.deps import WebDeps
from facilitator.web.identity import verified_phone
from facilitator.web.loop_batcher import LoopBatcher
from facilitator.web.security import Caller, Receive, Scope, Send, same_origin

MAX_FIELD = 200
_FIELDS = ("session", "token", "staff_no")
_RETRY = (b"retry-after", b"60")


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
        caller = Caller.from_scope(scope)
        address, device = caller.address, caller.device
        if not same_origin(caller):
            await send_json(send, 403, {"error": "cross_site"})
            return
        if not is_json(caller):
            await send_json(send, 415, {"error": "unsupported_media_type"})
            return
        failures = self.deps.failures
        if failures.blocked(device, address):
            await send_json(send, 429, {"error": "rate_limited"}, _RETRY)
            return
        try:
            data = await read_json(receive)
        except ValueError:
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
        phone = caller.phone
        if not phone.exempt:  # the laptop's hot path skips the cookie check
            phone = verified_phone(caller, self.deps.code_secret(session), self.deps.clock.now())
            if refused_too_often(self.deps, phone):
                await send_json(send, 429, {"error": "rate_limited"}, _RETRY)
                return
        result = await self.batches.check_in(
            CheckInRequest(
                session,
                StaffNumber(staff_no),
                CheckInMethod.API,
                QrToken(token),
                device=phone.record(),
                phone=phone,
            )
        )
        if result.outcome.is_failure:
            failures.record_failure(device, address)
        elif result.outcome is CheckInOutcome.DEVICE_USED:
            note_refused(self.deps, phone)
        # No attendee cookie here: the API serves scripts and the page flow sets it.
        await send_json(send, 200, result_json(result))


def refused_too_often(deps: WebDeps, phone: Phone) -> bool:
    """Whether a phone got `device_used` so often lately that it is told to wait."""
    return not phone.exempt and deps.refusals.blocked(phone.record(), phone.address)


def note_refused(deps: WebDeps, phone: Phone) -> None:
    """Count a `device_used` answer against the phone (its genuine cookie and address)."""
    deps.refusals.record_failure(phone.record(), phone.address)


_FORGED = {
    "outcome": UNKNOWN_SESSION.value,
    "attendee": None,
    "session": None,
    "checked_in_at": None,
}


def result_json(result: CheckInResult) -> dict[str, Any]:
    """The answer to a phone: `attendee` only when `names_attendee_to_phone` (no harvesting)."""
    return {
        "outcome": result.outcome.value,
        "attendee": (
            {"name": result.attendee.name, "department": result.attendee.department}
            if result.attendee and result.names_attendee_to_phone
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
