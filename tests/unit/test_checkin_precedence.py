"""domain/checkin.py decides the whole check-in precedence: proof, credential, attendee,
already in, closed, the device rule, wrong session; the phone pages ask the same rules."""

from __future__ import annotations

from dataclasses import replace

import pytest

from facilitator.domain.checkin import (
    PAGE_PASS_SECONDS,
    CheckInOutcome,
    Credential,
    Facts,
    ProofCheck,
    decide,
    page_pass,
    pass_proof,
    phone_confirm,
    phone_entry,
    refused_before_lookup,
    token_proof,
)
from facilitator.domain.devices import DeviceVerdict
from facilitator.domain.phone_links import CHECKIN_PURPOSE
from facilitator.domain.tokens import RotatingTokens

SECRET = "5e" * 32
CODE = "AM7K"
NOW = 1_800_000_000.0

# Every later rule would refuse too: the earliest one must win.
EVERYTHING_WRONG = Facts(
    attendee_found=True,
    already_checked_in=False,
    session_open=False,
    assigned_session_id=8,
    session_id=7,
    device=DeviceVerdict.USED,
)


@pytest.mark.parametrize(
    ("proof", "credential", "attendee_found", "expected"),
    [
        (ProofCheck.FORGED, Credential.BLANK, False, CheckInOutcome.INVALID_TOKEN),
        (ProofCheck.EXPIRED, Credential.FORGED_SLIP, False, CheckInOutcome.EXPIRED_TOKEN),
        (ProofCheck.VALID, Credential.FORGED_SLIP, False, CheckInOutcome.INVALID_TOKEN),
        (ProofCheck.NOT_NEEDED, Credential.VOID_SLIP, True, CheckInOutcome.INVALID_TOKEN),
        (ProofCheck.VALID, Credential.BLANK, False, CheckInOutcome.UNKNOWN_ATTENDEE),
        (ProofCheck.VALID, Credential.READ, False, CheckInOutcome.UNKNOWN_ATTENDEE),
    ],
)
def test_proof_then_credential_then_attendee_come_first(
    proof: ProofCheck, credential: Credential, attendee_found: bool, expected: CheckInOutcome
) -> None:
    facts = replace(
        EVERYTHING_WRONG, proof=proof, credential=credential, attendee_found=attendee_found
    )
    assert decide(facts) is expected


def test_after_the_proof_the_rest_of_the_order_holds() -> None:
    facts = replace(EVERYTHING_WRONG, proof=ProofCheck.VALID)
    assert decide(replace(facts, already_checked_in=True)) is CheckInOutcome.ALREADY_CHECKED_IN
    assert decide(facts) is CheckInOutcome.SESSION_CLOSED
    facts = replace(facts, session_open=True)
    assert decide(facts) is CheckInOutcome.DEVICE_USED
    facts = replace(facts, device=DeviceVerdict.FREE)
    assert decide(facts) is CheckInOutcome.WRONG_SESSION
    assert decide(replace(facts, admit_anyway=True)) is CheckInOutcome.CHECKED_IN
    assert decide(replace(facts, assigned_session_id=7)) is CheckInOutcome.CHECKED_IN


def test_nothing_refused_before_the_lookup_when_proof_and_credential_hold() -> None:
    assert refused_before_lookup(ProofCheck.VALID) is None
    assert refused_before_lookup(ProofCheck.NOT_NEEDED, Credential.READ) is None


def test_the_qr_token_and_the_page_pass_read_as_proofs() -> None:
    tokens = RotatingTokens(SECRET, CHECKIN_PURPOSE, CODE)
    assert token_proof(SECRET, CODE, tokens.token_at(NOW), NOW) is ProofCheck.VALID
    assert token_proof(SECRET, CODE, tokens.token_at(NOW - 600), NOW) is ProofCheck.EXPIRED
    assert token_proof(SECRET, CODE, "not-a-token", NOW) is ProofCheck.FORGED
    assert token_proof("a7" * 32, CODE, tokens.token_at(NOW), NOW) is ProofCheck.FORGED
    issued = page_pass(SECRET, CODE, int(NOW))
    assert pass_proof(SECRET, CODE, issued, NOW + 60) is ProofCheck.VALID
    assert pass_proof(SECRET, CODE, issued, NOW + PAGE_PASS_SECONDS + 1) is ProofCheck.EXPIRED
    assert pass_proof(SECRET, "PM9Q", issued, NOW) is ProofCheck.FORGED


def test_the_phone_pages_ask_the_same_rules() -> None:
    # The first page: the token, then a closed session, before any number is typed.
    assert phone_entry(ProofCheck.FORGED, session_open=False) is CheckInOutcome.INVALID_TOKEN
    assert phone_entry(ProofCheck.EXPIRED, session_open=True) is CheckInOutcome.EXPIRED_TOKEN
    assert phone_entry(ProofCheck.VALID, session_open=False) is CheckInOutcome.SESSION_CLOSED
    assert phone_entry(ProofCheck.VALID, session_open=True) is None
    # The confirm step shows no name to a phone bound to somebody else.
    assert phone_confirm(DeviceVerdict.USED) is CheckInOutcome.DEVICE_USED
    for verdict in (DeviceVerdict.FREE, DeviceVerdict.SAME, DeviceVerdict.EXEMPT):
        assert phone_confirm(verdict) is None
