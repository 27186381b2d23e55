"""The URLs phones open: check-in and feedback pages of one session."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import quote

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
