"""The URLs phones open: check-in and feedback pages of one session."""

from __future__ import annotations

from urllib.parse import quote

CHECKIN_PURPOSE = "checkin"
FEEDBACK_PURPOSE = "feedback"
DEFAULT_PORT = 8765


def base_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def checkin_url(base: str, session_code: str, token: str) -> str:
    """`http://HOST:PORT/c/<session-code>?t=<token>`"""
    return f"{base}/c/{quote(session_code, safe='')}?t={quote(token, safe='')}"


def feedback_url(base: str, session_code: str, token: str) -> str:
    """`http://HOST:PORT/f/<session-code>?t=<token>`"""
    return f"{base}/f/{quote(session_code, safe='')}?t={quote(token, safe='')}"
