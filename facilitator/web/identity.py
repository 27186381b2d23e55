"""The cookie that ties a phone to the attendee who checked in with it.

Set after a successful check-in so the feedback page later knows who is
answering without asking again. Signed with the event's secret (a phone
cannot make itself someone else), HttpOnly (page scripts cannot read it) and
SameSite=Lax.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from starlette.responses import Response

from facilitator.domain.tokens import mac, same

ATTENDEE_COOKIE = "fac_att"


class HasCookies(Protocol):
    """A Starlette Request, or the burst endpoints' `security.Caller`."""

    @property
    def cookies(self) -> Mapping[str, str]: ...


COOKIE_MAX_AGE = 24 * 3600


def _signature(secret: str, event_id: int, attendee_id: int) -> str:
    return mac(secret, f"attendee-cookie:{event_id}:{attendee_id}", 20)


def set_attendee_cookie(response: Response, secret: str, event_id: int, attendee_id: int) -> None:
    value = f"{event_id}.{attendee_id}.{_signature(secret, event_id, attendee_id)}"
    response.set_cookie(
        ATTENDEE_COOKIE,
        value,
        max_age=COOKIE_MAX_AGE,
        path="/",
        httponly=True,
        samesite="lax",
    )


def read_attendee_cookie(request: HasCookies, secret: str, event_id: int) -> int | None:
    """The attendee id the phone checked in as for this event, or None."""
    raw = request.cookies.get(ATTENDEE_COOKIE, "")
    parts = raw.split(".")
    if len(parts) != 3 or len(raw) > 100:
        return None
    try:
        cookie_event, attendee_id = int(parts[0]), int(parts[1])
    except ValueError:
        return None
    if cookie_event != event_id:
        return None
    if not same(parts[2], _signature(secret, event_id, attendee_id)):
        return None
    return attendee_id
