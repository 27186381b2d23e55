"""The cookie that ties a phone to the attendee it checked in.

Set only when this phone's own request recorded the check-in, so the
feedback page later knows who is answering without asking again. The value
names the event, the attendee and an expiry (the end of the check-in's day),
and its HMAC covers those and the phone's device cookie: copied to another
phone, or kept past the day, it is refused. HttpOnly (page scripts cannot
read it) and SameSite=Lax.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta
from typing import Protocol

from starlette.responses import Response

from facilitator.domain.tokens import mac, same
from facilitator.web.security import DEVICE_COOKIE

ATTENDEE_COOKIE = "fac_att"


class HasCookies(Protocol):
    """A Starlette Request, or the burst endpoints' `security.Caller`."""

    @property
    def cookies(self) -> Mapping[str, str]: ...


def end_of_day(now: datetime) -> int:
    """Unix time of the next local midnight after `now`: when an identity expires."""
    local = now.astimezone()
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=local.tzinfo)
    return int(midnight.timestamp())


def _signature(secret: str, event_id: int, attendee_id: int, expires: int, device: str) -> str:
    return mac(secret, f"attendee-cookie:{event_id}:{attendee_id}:{expires}:{device}", 20)


def set_attendee_cookie(
    response: Response,
    secret: str,
    event_id: int,
    attendee_id: int,
    device: str,
    now: datetime,
) -> None:
    """Bind the phone with device cookie `device` to `attendee_id` until the day ends."""
    expires = end_of_day(now)
    signature = _signature(secret, event_id, attendee_id, expires, device)
    response.set_cookie(
        ATTENDEE_COOKIE,
        f"{event_id}.{attendee_id}.{expires}.{signature}",
        max_age=max(1, expires - int(now.timestamp())),
        path="/",
        httponly=True,
        samesite="lax",
    )


def read_attendee_cookie(
    request: HasCookies, secret: str, event_id: int, now: datetime
) -> int | None:
    """The attendee id this phone checked in for the event, or None (absent, forged,
    another phone's, another event's or expired)."""
    raw = request.cookies.get(ATTENDEE_COOKIE, "")
    parts = raw.split(".")
    if len(parts) != 4 or len(raw) > 120:
        return None
    try:
        cookie_event, attendee_id, expires = int(parts[0]), int(parts[1]), int(parts[2])
    except ValueError:
        return None
    if cookie_event != event_id or expires <= now.timestamp():
        return None
    device = request.cookies.get(DEVICE_COOKIE, "")
    if not device or not same(parts[3], _signature(secret, event_id, attendee_id, expires, device)):
        return None
    return attendee_id
