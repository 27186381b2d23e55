"""The URLs phones open: check-in and feedback pages of one session.

Two forms lead to the same pages:
- the long form `http://HOST:PORT/c/<session-code>?t=<token>` (kept: links
  already written down or bookmarked keep working);
- the short form projected as a QR, `HTTP://HOST:PORT/C/<CODE>/<TOKEN>`, in
  capitals, digits and `/:.-` only. QR codes store such text in their
  alphanumeric mode (5.5 bits a character instead of 8), so the code needs a
  lower version: fewer, larger modules that a phone reads from the back of the
  room. Scheme and host are case-insensitive; the session code (which has
  lower-case letters) travels as unpadded base32 of its 6 random bytes, and the token is
  already upper-case hex and base32.
"""

from __future__ import annotations

import base64
import ipaddress
import re
from urllib.parse import quote

from facilitator.domain.tokens import b32, unb32

CHECKIN_PURPOSE = "checkin"
FEEDBACK_PURPOSE = "feedback"
DEFAULT_PORT = 8765

# Underscores are not DNS, but Windows PC names carry them and URLs allow them.
_LABEL = r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
_HOST_NAME = re.compile(rf"(?=.{{1,253}}$){_LABEL}(?:\.{_LABEL})*\.?")


def is_valid_host(host: str) -> bool:
    """An IPv4/IPv6 address or a DNS host name, as a phone's URL can carry it.

    A typo such as `192.168.1.10 ` or `pc name` would otherwise be printed in a
    URL (and a QR) that no phone can open.
    """
    try:
        ipaddress.ip_address(host[1:-1] if host.startswith("[") else host)
    except ValueError:
        return bool(_HOST_NAME.fullmatch(host))
    return True


def base_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def checkin_url(base: str, session_code: str, token: str) -> str:
    """`http://HOST:PORT/c/<session-code>?t=<token>`"""
    return f"{base}/c/{quote(session_code, safe='')}?t={quote(token, safe='')}"


def feedback_url(base: str, session_code: str, token: str) -> str:
    """`http://HOST:PORT/f/<session-code>?t=<token>`"""
    return f"{base}/f/{quote(session_code, safe='')}?t={quote(token, safe='')}"


SHORT_CHECKIN_PREFIX = "/C/"
SHORT_FEEDBACK_PREFIX = "/F/"


# A code in another form than `token_urlsafe(6)` travels as base32 of its UTF-8
# bytes after this marker (not a base32 character, so the two never collide).
_RAW_MARK = "9"


def short_code(session_code: str) -> str:
    """The session code in capitals and digits only.

    Session codes are 6 random bytes in URL-safe base64 (8 characters); the
    same bytes in base32 take 10 characters. Any other code is kept whole.
    """
    try:
        raw = base64.urlsafe_b64decode(session_code.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raw = b""
    if len(raw) == 6 and base64.urlsafe_b64encode(raw).decode() == session_code:
        return b32(raw)
    return _RAW_MARK + b32(session_code.encode("utf-8"))


def read_short_code(text: str) -> str | None:
    """The session code a short URL carries; None when it is not one (a typo or a forgery)."""
    if not text or len(text) > 64:
        return None
    try:
        if text.startswith(_RAW_MARK):
            return unb32(text[1:]).decode("utf-8")
        raw = unb32(text)
    except (ValueError, UnicodeDecodeError):
        return None
    return base64.urlsafe_b64encode(raw).decode("ascii") if len(raw) == 6 else None


def _short(base: str, prefix: str, session_code: str, token: str) -> str:
    return f"{base.upper()}{prefix}{short_code(session_code)}/{quote(token.upper(), safe='')}"


def short_checkin_url(base: str, session_code: str, token: str) -> str:
    """`HTTP://HOST:PORT/C/<CODE>/<TOKEN>`: the projected check-in URL."""
    return _short(base, SHORT_CHECKIN_PREFIX, session_code, token)


def short_feedback_url(base: str, session_code: str, token: str) -> str:
    """`HTTP://HOST:PORT/F/<CODE>/<TOKEN>`: the projected feedback URL."""
    return _short(base, SHORT_FEEDBACK_PREFIX, session_code, token)
