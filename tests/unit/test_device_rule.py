"""The device rule (domain.devices): one phone, one person, per event."""

from __future__ import annotations

import logging

from facilitator.domain.checkin import CheckInOutcome, Facts, decide
from facilitator.domain.devices import (
    AnswerRight,
    Binding,
    DeviceVerdict,
    LookupQuota,
    Phone,
    answer_right,
    check_device,
)
from facilitator.logs import RepeatFolder
from facilitator.web.connections import ConnectionGuard, total_cap

PHONE_A = Phone("cookie-a", "10.0.0.2")
BOUND_A = Binding(1, "cookie-a", "10.0.0.2")


def test_a_free_phone_may_record_and_a_bound_one_only_for_its_person() -> None:
    assert check_device(PHONE_A, 1, [], shared_address=False).verdict is DeviceVerdict.FREE
    assert check_device(PHONE_A, 1, [BOUND_A], shared_address=False).verdict is DeviceVerdict.SAME
    used = check_device(PHONE_A, 2, [BOUND_A], shared_address=False)
    assert used.verdict is DeviceVerdict.USED and used.bound_to == 1


def test_either_part_binds_a_new_cookie_or_a_new_address_does_not_escape() -> None:
    fresh_cookie = Phone("cookie-new", "10.0.0.2")
    moved = Phone("cookie-a", "10.0.0.9")
    assert check_device(fresh_cookie, 2, [BOUND_A], shared_address=False).bound_to == 1
    assert check_device(moved, 2, [BOUND_A], shared_address=False).bound_to == 1
    # A phone without a cookie is still its address.
    no_cookie = Phone("", "10.0.0.2")
    assert check_device(no_cookie, 2, [BOUND_A], shared_address=False).verdict is DeviceVerdict.USED


def test_a_binding_to_someone_else_wins_over_one_to_this_person() -> None:
    other_phone_same_address = Binding(2, "cookie-b", "10.0.0.2")
    verdict = check_device(
        PHONE_A, 1, [BOUND_A, other_phone_same_address], shared_address=False
    ).verdict
    assert verdict is DeviceVerdict.USED


def test_only_the_cookie_proves_a_phone_is_the_bound_one() -> None:
    # Another phone that got A's address (DHCP reuse, or one NAT before the
    # setting is on) is not A: it neither acts as A's person nor answers as them.
    other_phone = Phone("cookie-b", "10.0.0.2")
    check = check_device(other_phone, 1, [BOUND_A], shared_address=False)
    assert check.verdict is DeviceVerdict.FREE
    assert answer_right(other_phone, 1, [BOUND_A], shared_address=False) is AnswerRight.REFUSED
    no_cookie = Phone("", "10.0.0.2")
    assert check_device(no_cookie, 1, [BOUND_A], shared_address=False).verdict is DeviceVerdict.FREE
    assert answer_right(no_cookie, 1, [BOUND_A], shared_address=False) is AnswerRight.REFUSED
    # The same cookie from another address is still A.
    moved = Phone("cookie-a", "10.0.0.9")
    assert check_device(moved, 1, [BOUND_A], shared_address=False).verdict is DeviceVerdict.SAME
    # A phone that never had a cookie is known by its address alone.
    bound_bare = Binding(3, "", "10.0.0.4")
    bare = Phone("", "10.0.0.4")
    assert check_device(bare, 3, [bound_bare], shared_address=False).verdict is DeviceVerdict.SAME
    assert answer_right(bare, 3, [bound_bare], shared_address=False) is AnswerRight.ANSWER


def test_the_laptop_and_staff_are_exempt() -> None:
    for address in ("127.0.0.1", "::1"):
        laptop = Phone("cookie-a", address)
        bound = [Binding(1, "cookie-a", address)]
        assert check_device(laptop, 2, bound, shared_address=False).verdict is DeviceVerdict.EXEMPT
    assert check_device(None, 2, [BOUND_A], shared_address=False).verdict is DeviceVerdict.EXEMPT
    # Other loopback addresses are phones (the end-to-end tests play several).
    assert not Phone("", "127.0.0.2").exempt


def test_shared_address_turns_the_address_part_off() -> None:
    neighbour = Phone("cookie-b", "10.0.0.2")
    assert check_device(neighbour, 2, [BOUND_A], shared_address=True).verdict is DeviceVerdict.FREE
    assert check_device(neighbour, 2, [BOUND_A], shared_address=False).verdict is DeviceVerdict.USED
    # The cookie still binds, and a phone without one cannot be told apart.
    assert check_device(PHONE_A, 2, [BOUND_A], shared_address=True).verdict is DeviceVerdict.USED
    anonymous = Phone("", "10.0.0.2")
    assert check_device(anonymous, 2, [], shared_address=True).verdict is DeviceVerdict.USED


def test_outcome_order_places_device_used() -> None:
    base = Facts(
        attendee_found=True,
        already_checked_in=False,
        session_open=True,
        assigned_session_id=7,
        session_id=7,
        device=DeviceVerdict.USED,
    )
    assert decide(base) is CheckInOutcome.DEVICE_USED
    # Someone already in is told so (without a name, by the web layer), not device_used.
    assert decide(Facts(**{**base.__dict__, "already_checked_in": True})) is (
        CheckInOutcome.ALREADY_CHECKED_IN
    )
    assert decide(Facts(**{**base.__dict__, "session_open": False})) is (
        CheckInOutcome.SESSION_CLOSED
    )
    # Before the wrong session: a bound phone learns nothing about the person's session.
    assert decide(Facts(**{**base.__dict__, "assigned_session_id": 8})) is (
        CheckInOutcome.DEVICE_USED
    )
    assert decide(Facts(**{**base.__dict__, "device": DeviceVerdict.FREE})) is (
        CheckInOutcome.CHECKED_IN
    )
    assert not CheckInOutcome.DEVICE_USED.admitted
    assert not CheckInOutcome.DEVICE_USED.is_failure


def test_answer_right_claims_desk_check_ins_once() -> None:
    # Checked in at the desk: nobody is bound; the first phone claims them.
    assert answer_right(PHONE_A, 5, [], shared_address=False) is AnswerRight.CLAIM
    assert answer_right(PHONE_A, 1, [BOUND_A], shared_address=False) is AnswerRight.ANSWER
    # This phone is somebody else's.
    assert answer_right(PHONE_A, 5, [BOUND_A], shared_address=False) is AnswerRight.REFUSED
    # The attendee is another phone's.
    other = Binding(5, "cookie-b", "10.0.0.3")
    assert answer_right(PHONE_A, 5, [other], shared_address=False) is AnswerRight.REFUSED
    assert answer_right(None, 5, [other], shared_address=False) is AnswerRight.ANSWER


def test_lookup_quota_counts_distinct_people_per_phone_and_address() -> None:
    quota = LookupQuota(limit=3)
    for person in ("a", "b", "c", "a"):
        assert quota.allow(1, PHONE_A, person, shared_address=False)
    assert not quota.allow(1, PHONE_A, "d", shared_address=False)
    # Clearing cookies does not reset the address; another event counts apart.
    assert not quota.allow(1, Phone("fresh", "10.0.0.2"), "d", shared_address=False)
    assert quota.allow(2, PHONE_A, "d", shared_address=False)
    # With a shared address a neighbour has its own count; the laptop is exempt.
    assert quota.allow(1, Phone("cookie-b", "10.0.0.2"), "d", shared_address=True)
    assert all(
        quota.allow(1, Phone("", "127.0.0.1"), str(n), shared_address=False) for n in range(9)
    )


def test_connection_guard_caps_per_address_and_in_total() -> None:
    guard = ConnectionGuard(per_address=2, total=4)
    assert guard.admit("10.0.0.2") and guard.admit("10.0.0.2")
    assert not guard.admit("10.0.0.2")
    assert guard.admit("10.0.0.3")
    # The laptop has no per-address cap, only the total one.
    assert guard.admit("127.0.0.1")
    assert not guard.admit("127.0.0.1")
    guard.release("10.0.0.2")
    assert guard.admit("10.0.0.2") and guard.refused == 2
    assert total_cap(1024) == 768 and total_cap(200) == 64 and total_cap(100_000) == 4096


def test_repeated_log_lines_are_folded_with_a_count() -> None:
    now = [0.0]
    folder = RepeatFolder(interval=60, clock=lambda: now[0])

    def record(message: str, *args: object) -> logging.LogRecord:
        return logging.LogRecord("asyncio", logging.ERROR, __file__, 1, message, args, None)

    assert folder.filter(record("accept failed: %s", "EMFILE"))
    dropped = [folder.filter(record("accept failed: %s", "EMFILE")) for _ in range(500)]
    assert not any(dropped)
    assert folder.filter(record("another message"))
    # The same format with other values is another line.
    assert folder.filter(record("accept failed: %s", "ENFILE"))
    now[0] = 61.0
    again = record("accept failed: %s", "EMFILE")
    assert folder.filter(again)
    assert again.getMessage() == (
        "accept failed: EMFILE [the same message 500 more time(s) in the previous 60 s]"
    )
