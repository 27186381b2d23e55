"""Signed tokens: rotating phone-URL tokens and personal slip codes."""

from __future__ import annotations

import re
import secrets

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.tokens import (
    RotatingTokens,
    SlipCode,
    TokenCheck,
    b32,
    mac,
    read_slip_code,
    slip_code,
    unb32,
)

SECRET = "0f" * 32
OTHER_SECRET = "a1" * 32
T0 = 1_790_000_000.0  # a Unix time in 2026
# What a QR code's alphanumeric mode can hold and a JIS-layout USB scanner types safely.
SAFE = re.compile(r"^[A-Z2-7\-0-9]+$")


def tokens(**overrides: object) -> RotatingTokens:
    fields: dict[str, object] = {"secret": SECRET, "purpose": "checkin", "session_code": "abc123"}
    fields.update(overrides)
    return RotatingTokens(**fields)  # type: ignore[arg-type]


# --- rotating tokens ------------------------------------------------------------------


def test_token_is_valid_in_its_window_and_the_next() -> None:
    t = tokens(window=30)
    start = (T0 // 30) * 30
    token = t.token_at(start)
    assert t.check(token, start) is TokenCheck.VALID
    assert t.check(token, start + 29.9) is TokenCheck.VALID
    assert t.check(token, start + 30) is TokenCheck.VALID  # scanned just before the rotation
    assert t.check(token, start + 59.9) is TokenCheck.VALID
    assert t.check(token, start + 60) is TokenCheck.EXPIRED
    assert t.check(token, start + 3600) is TokenCheck.EXPIRED


def test_token_rotates_every_window() -> None:
    t = tokens(window=30)
    start = (T0 // 30) * 30
    assert t.token_at(start) == t.token_at(start + 29.99)
    assert t.token_at(start) != t.token_at(start + 30)
    assert t.seconds_left(start + 10) == pytest.approx(20)


def test_token_from_the_future_is_invalid() -> None:
    t = tokens(window=30)
    assert t.check(t.token_at(T0 + 60), T0) is TokenCheck.INVALID


def test_forged_tokens_are_invalid_not_expired() -> None:
    t = tokens()
    genuine = t.token_at(T0)
    counter, _, signature = genuine.partition("-")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    old_counter = f"{int(counter, 16) - 10:X}"
    for forged in (
        f"{counter}-{flipped}",
        f"{old_counter}-{signature}",  # an old window with the current signature
        f"{counter}-",
        counter,
        "",
        "ZZZ-ABCDEFGHIJ",
        "-" + signature,
        "1" * 13 + "-" + signature,
    ):
        assert t.check(forged, T0) is TokenCheck.INVALID, forged


def test_tokens_do_not_cross_sessions_purposes_events_or_window_lengths() -> None:
    genuine = tokens().token_at(T0)
    for other in (
        tokens(session_code="xyz789"),
        tokens(purpose="feedback"),
        tokens(secret=OTHER_SECRET),
    ):
        assert other.check(genuine, T0) is TokenCheck.INVALID
    assert tokens().check(genuine, T0) is TokenCheck.VALID


def test_token_is_scanner_and_qr_friendly() -> None:
    token = tokens().token_at(T0)
    assert SAFE.match(token)
    assert tokens().check(token.lower(), T0) is TokenCheck.VALID
    assert tokens().check(f"  {token}\n", T0) is TokenCheck.VALID


@settings(max_examples=200, deadline=None)
@given(
    now=st.floats(min_value=1e9, max_value=4e9, allow_nan=False),
    age=st.floats(min_value=0, max_value=1e6, allow_nan=False),
    window=st.integers(min_value=5, max_value=300),
)
def test_property_age_decides_valid_or_expired(now: float, age: float, window: int) -> None:
    t = tokens(window=window)
    token = t.token_at(now - age)
    windows_back = t.counter_at(now) - t.counter_at(now - age)
    expected = TokenCheck.VALID if windows_back <= 1 else TokenCheck.EXPIRED
    assert t.check(token, now) is expected


@settings(max_examples=200, deadline=None)
@given(garbage=st.text(max_size=40))
def test_property_random_text_is_never_accepted(garbage: str) -> None:
    assert tokens().check(garbage, T0) is not TokenCheck.VALID


# --- slip codes -----------------------------------------------------------------------


def test_slip_code_round_trip() -> None:
    code = slip_code(SECRET, 7, "A-0012", version=2)
    assert SAFE.match(code)
    assert code.startswith("F1-")
    assert read_slip_code(SECRET, 7, code) == SlipCode("A-0012", 2)
    # A USB scanner may type it in lower case or with a trailing Enter.
    assert read_slip_code(SECRET, 7, code.lower() + "\r\n") == SlipCode("A-0012", 2)


def test_slip_code_is_bound_to_event_and_secret() -> None:
    code = slip_code(SECRET, 7, "123456")
    assert read_slip_code(SECRET, 8, code) is None
    assert read_slip_code(OTHER_SECRET, 7, code) is None


def test_forged_slip_codes_are_refused() -> None:
    code = slip_code(SECRET, 7, "123456", version=0)
    prefix, encoded, version, signature = code.split("-")
    other_person = b32(b"654321")
    for forged in (
        f"{prefix}-{other_person}-{version}-{signature}",  # someone else's number
        f"{prefix}-{encoded}-1-{signature}",  # a newer issue of a lost slip
        f"{prefix}-{encoded}-{version}-{signature[:-1]}",
        f"F2-{encoded}-{version}-{signature}",
        f"{prefix}-{encoded}-{version}",
        f"{prefix}-!!!-{version}-{signature}",
        f"{prefix}-{encoded}-x-{signature}",
        "",
        "123456",
    ):
        assert read_slip_code(SECRET, 7, forged) is None, forged


def test_reissued_slip_invalidates_nothing_by_itself_but_carries_its_version() -> None:
    old = read_slip_code(SECRET, 7, slip_code(SECRET, 7, "123456", version=0))
    new = read_slip_code(SECRET, 7, slip_code(SECRET, 7, "123456", version=1))
    # The service compares the version with the attendee's token_version.
    assert old == SlipCode("123456", 0)
    assert new == SlipCode("123456", 1)


@settings(max_examples=200, deadline=None)
@given(
    staff_no=st.text(min_size=1, max_size=30),
    event_id=st.integers(min_value=1, max_value=10**6),
    version=st.integers(min_value=0, max_value=10**4),
)
def test_property_slip_code_round_trips_any_staff_number(
    staff_no: str, event_id: int, version: int
) -> None:
    code = slip_code(SECRET, event_id, staff_no, version)
    assert SAFE.match(code)
    assert read_slip_code(SECRET, event_id, code) == SlipCode(staff_no, version)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=64))
def test_property_b32_round_trip(data: bytes) -> None:
    text = b32(data)
    assert "=" not in text
    assert unb32(text) == data
    assert unb32(text.lower()) == data


def test_mac_accepts_hex_or_bytes_and_depends_on_both_inputs() -> None:
    assert mac(SECRET, "m") == mac(bytes.fromhex(SECRET), "m")
    assert mac(SECRET, "m") != mac(SECRET, "n")
    assert mac(SECRET, "m") != mac(OTHER_SECRET, "m")
    assert len(mac(secrets.token_hex(32), "m", chars=20)) == 20
