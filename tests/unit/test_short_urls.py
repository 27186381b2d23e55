"""The projected phone URLs: upper-case, so their QR is a lower version."""

from __future__ import annotations

import qrcode
from qrcode.constants import ERROR_CORRECT_M

from facilitator.domain.phone_links import (
    checkin_url,
    read_short_code,
    short_checkin_url,
    short_code,
    short_feedback_url,
)
from facilitator.domain.tokens import RotatingTokens
from facilitator.services.events import new_session_code

ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
BASE = "http://192.168.100.200:8765"


def qr_version(text: str) -> int:
    # The same error correction as the projected QR (facilitator/ui/qr_image.py).
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    assert code.version is not None
    return code.version


def test_projected_checkin_url_needs_a_lower_qr_version_than_the_long_one() -> None:
    for n in range(20):  # session codes are random: try several
        code = new_session_code()
        token = RotatingTokens("ab" * 32, "checkin", code).token_at(1_790_000_000 + n * 997)
        short = short_checkin_url(BASE, code, token)
        assert set(short) <= ALPHANUMERIC, short
        assert qr_version(short) < qr_version(checkin_url(BASE, code, token)), short


def test_short_code_round_trips_and_refuses_what_is_not_one() -> None:
    for code in ("1nRVQxgY", "a-_Z09xy", "受付", "AM", "abcdefg="):
        assert read_short_code(short_code(code)) == code
        assert read_short_code(short_code(code).lower()) == code  # typed in lower case
    for bad in ("", "1", "A!", "Z" * 65, "AAAA", "9!"):
        assert read_short_code(bad) is None


def test_short_feedback_url_shape() -> None:
    url = short_feedback_url("http://[fe80::1]:8765", "abc", "1A-XYZ")
    assert url == f"HTTP://[FE80::1]:8765/F/{short_code('abc')}/1A-XYZ"
