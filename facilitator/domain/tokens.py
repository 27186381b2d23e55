"""Signed tokens: rotating session tokens for phone URLs, personal slip codes.

All are HMAC-SHA256 with the event's secret, truncated, and written in
upper-case base32 so that a QR code can use its compact alphanumeric mode
and a USB scanner typing on a Japanese (JIS) keyboard layout cannot garble
them (only A-Z, 2-7 and '-' are used).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
from dataclasses import dataclass
from enum import Enum

DEFAULT_WINDOW_SECONDS = 30
_MAC_CHARS = 13  # 65 bits


def b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def unb32(text: str) -> bytes:
    """Inverse of `b32`; raises ValueError on anything that is not base32."""
    padded = text.upper() + "=" * (-len(text) % 8)
    try:
        return base64.b32decode(padded, casefold=False)
    except (ValueError, TypeError) as exc:  # binascii.Error is a ValueError
        raise ValueError("not base32") from exc


def mac(secret: str | bytes, message: str, chars: int = _MAC_CHARS) -> str:
    """Truncated base32 HMAC-SHA256 of `message` under `secret` (hex string or bytes)."""
    key = bytes.fromhex(secret) if isinstance(secret, str) else secret
    digest = hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()
    return b32(digest)[:chars]


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


class TokenCheck(Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"


@dataclass(frozen=True)
class RotatingTokens:
    """Tokens for one session's phone URL that change every `window` seconds.

    A token carries its window number, so the server can tell an old but
    genuine token (EXPIRED: the photo was taken a while ago) from a forged
    one (INVALID). The previous window stays valid so a phone that scanned
    just before a rotation still gets in.
    """

    secret: str
    purpose: str  # "checkin" or "feedback": a check-in token never opens the survey
    session_code: str
    window: int = DEFAULT_WINDOW_SECONDS

    def _mac(self, counter: int) -> str:
        return _window_mac(self.secret, self.purpose, self.session_code, counter)

    def counter_at(self, unix_time: float) -> int:
        return int(unix_time // self.window)

    def token_at(self, unix_time: float) -> str:
        counter = self.counter_at(unix_time)
        return f"{counter:X}-{self._mac(counter)}"

    def seconds_left(self, unix_time: float) -> float:
        return self.window - (unix_time % self.window)

    def check(self, token: str, unix_time: float) -> TokenCheck:
        counter_text, _, given = token.strip().upper().partition("-")
        if not counter_text or len(counter_text) > 12 or not given:
            return TokenCheck.INVALID
        try:
            counter = int(counter_text, 16)
        except ValueError:
            return TokenCheck.INVALID
        if not same(given, self._mac(counter)):
            return TokenCheck.INVALID
        now = self.counter_at(unix_time)
        if counter in (now, now - 1):
            return TokenCheck.VALID
        # A token from the future means a forged counter or a badly wrong clock.
        return TokenCheck.EXPIRED if counter < now else TokenCheck.INVALID


@functools.lru_cache(maxsize=1024)
def _window_mac(secret: str, purpose: str, session_code: str, counter: int) -> str:
    # A room of phones all present the token of the same one or two windows: each
    # window's MAC is computed once instead of once per phone. The size bound
    # keeps forged counters from growing the cache.
    return mac(secret, f"{purpose}:{session_code}:{counter}", 10)


SLIP_PREFIX = "F1"


@dataclass(frozen=True)
class SlipCode:
    """What a personal QR (admission slip) says: whose it is and which issue of it."""

    staff_no: str
    version: int


def slip_code(secret: str, event_id: int, staff_no: str, version: int = 0) -> str:
    """The text of an attendee's personal QR code, e.g. `F1-GEYTEMZU-0-ABCDEFGHIJKLM`."""
    body = f"{b32(staff_no.encode('utf-8'))}-{version}"
    return f"{SLIP_PREFIX}-{body}-{mac(secret, f'slip:{event_id}:{staff_no}:{version}')}"


def read_slip_code(secret: str, event_id: int, text: str) -> SlipCode | None:
    """The attendee a slip code names, or None when it is malformed or forged."""
    parts = text.strip().upper().split("-")
    if len(parts) != 4 or parts[0] != SLIP_PREFIX:
        return None
    _, encoded, version_text, given = parts
    try:
        staff_no = unb32(encoded).decode("utf-8")
        version = int(version_text)
    except (ValueError, UnicodeDecodeError):
        return None
    if not same(given, mac(secret, f"slip:{event_id}:{staff_no}:{version}")):
        return None
    return SlipCode(staff_no=staff_no, version=version)
