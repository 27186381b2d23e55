"""The cookie that ties a phone to the attendee it checked in.

Set only when this phone's own request recorded the check-in, so the
feedback page later knows who is answering without asking again. The value
names the event, the attendee and an expiry (the end of the check-in's day),
and its HMAC covers those and the phone's device cookie: copied to another
phone, or kept past the day, it is refused. HttpOnly (page scripts cannot
read it) and SameSite=Lax.

The device cookie (`fac_dev`) that tells phones apart is signed too: its
value, issue time and an HMAC under the event's secret. A cookie the server
did not issue (made up, edited, another event's, older than a day) counts as
no cookie, and the check-in page issues a fresh one. So a made-up value is
never a new phone, which matters most with the shared-address (NAT) setting,
where the cookie alone tells phones apart.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from datetime import datetime, time, timedelta
from typing import Protocol

from starlette.responses import Response

from facilitator.domain.devices import Phone
from facilitator.domain.tokens import mac, same
from facilitator.web.security import DEVICE_COOKIE, Caller

ATTENDEE_COOKIE = "fac_att"
DEVICE_SECONDS = 86400  # a device cookie lasts the day (and a little)


class HasCookies(Protocol):
    """A Starlette Request, or the burst endpoints' `security.Caller`."""

    @property
    def cookies(self) -> Mapping[str, str]: ...


def end_of_day(now: datetime) -> int:
    """Unix time of the next local midnight after `now`: when an identity expires."""
    local = now.astimezone()
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=local.tzinfo)
    return int(midnight.timestamp())


def _device_signature(secret: str, value: str, issued: int) -> str:
    return mac(secret, f"device-cookie:{value}:{issued}", 20)


def new_device_cookie(secret: str, now: datetime) -> str:
    """A fresh device cookie's value: random, its issue time, signed under `secret`."""
    value, issued = secrets.token_urlsafe(12), int(now.timestamp())
    return f"{value}.{issued}.{_device_signature(secret, value, issued)}"


def issue_device_cookie(response: Response, secret: str, now: datetime) -> None:
    """Give the phone a new device cookie, signed under the event's `secret`."""
    response.set_cookie(
        DEVICE_COOKIE,
        new_device_cookie(secret, now),
        max_age=DEVICE_SECONDS,
        httponly=True,
        samesite="lax",
    )


def device_cookie(cookies: Mapping[str, str], secret: str, now: datetime) -> str:
    """The phone's device cookie when this server issued it for the event, else ""."""
    raw = cookies.get(DEVICE_COOKIE, "")
    parts = raw.split(".")
    if len(parts) != 3 or len(raw) > 64:
        return ""
    value, issued_text, signature = parts
    try:
        issued = int(issued_text)
    except ValueError:
        return ""
    if not 0 <= now.timestamp() - issued <= DEVICE_SECONDS + 3600:
        return ""
    if not same(signature, _device_signature(secret, value, issued)):
        return ""
    return raw


def verified_phone(caller: Caller, secret: str | None, now: datetime) -> Phone:
    """The phone as the device rule knows it, its cookie counted only when genuine.

    The laptop's own addresses are exempt from the rule, so their cookie is not
    checked (the benchmarks' hot path pays nothing for it)."""
    phone = caller.phone
    if phone.exempt or not phone.cookie:
        return phone
    cookie = device_cookie(caller.cookies, secret, now) if secret is not None else ""
    return Phone(cookie, phone.address)


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
    request: HasCookies,
    secret: str,
    event_id: int,
    now: datetime,
    bound_device: Callable[[int, int], str | None] | None = None,
) -> int | None:
    """The attendee id this phone checked in for the event, or None (absent, forged,
    another phone's, another event's or expired).

    `bound_device(event_id, attendee_id)` is the device cookie the attendee's
    phone binding holds now: a cookie that outlived its binding (the desk
    undid the check-in, or the binding moved to another phone) names nobody.
    None skips that read: the laptop's own browser, which is bound to nobody.
    """
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
    device = device_cookie(request.cookies, secret, now)
    if not device or not same(parts[3], _signature(secret, event_id, attendee_id, expires, device)):
        return None
    if bound_device is not None and bound_device(event_id, attendee_id) != device:
        return None
    return attendee_id
