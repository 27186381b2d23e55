"""Check-in rules: the outcomes every path gets and the order they are decided in.

Pure Python: the service feeds it what it read from the database, so the
precedence can be tested without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from facilitator.domain.devices import DeviceVerdict
from facilitator.domain.tokens import mac, same

# A page pass lets a phone finish the form after the QR token has rotated away:
# typing a staff number can take longer than the token's two windows.
PAGE_PASS_SECONDS = 15 * 60


class CheckInOutcome(Enum):
    CHECKED_IN = "checked_in"
    ALREADY_CHECKED_IN = "already_checked_in"
    WRONG_SESSION = "wrong_session"
    UNKNOWN_ATTENDEE = "unknown_attendee"
    INVALID_TOKEN = "invalid_token"
    EXPIRED_TOKEN = "expired_token"
    SESSION_CLOSED = "session_closed"
    # This phone (device cookie or address) already checked in somebody else.
    DEVICE_USED = "device_used"

    @property
    def admitted(self) -> bool:
        """The person may go in (green or amber at the door)."""
        return self in (CheckInOutcome.CHECKED_IN, CheckInOutcome.ALREADY_CHECKED_IN)

    @property
    def is_failure(self) -> bool:
        """Counts against the rate limit: a guess, a forged or stale link."""
        return self in (
            CheckInOutcome.UNKNOWN_ATTENDEE,
            CheckInOutcome.INVALID_TOKEN,
            CheckInOutcome.EXPIRED_TOKEN,
        )


class CheckInMethod(Enum):
    PHONE = "phone"
    WEBCAM = "webcam"
    USB = "usb"
    MANUAL = "manual"
    WALK_IN = "walk_in"
    API = "api"


@dataclass(frozen=True)
class Facts:
    """What the service found for one request, before anything is written."""

    attendee_found: bool
    already_checked_in: bool
    session_open: bool
    assigned_session_id: int | None
    session_id: int
    admit_anyway: bool = False
    # The device rule's verdict for the requesting phone (EXEMPT: staff, the laptop).
    device: DeviceVerdict = DeviceVerdict.EXEMPT


def decide(facts: Facts) -> CheckInOutcome:
    """The outcome for a request whose proof (token, slip) was already accepted.

    Order matters: someone already in gets `already_checked_in` from any
    session's QR, before a closed or wrong session is considered. A phone
    bound to somebody else records nothing (`device_used`), before its
    person's session is looked at.
    """
    if not facts.attendee_found:
        return CheckInOutcome.UNKNOWN_ATTENDEE
    if facts.already_checked_in:
        return CheckInOutcome.ALREADY_CHECKED_IN
    if not facts.session_open:
        return CheckInOutcome.SESSION_CLOSED
    if facts.device is DeviceVerdict.USED:
        return CheckInOutcome.DEVICE_USED
    wrong = facts.assigned_session_id is not None and facts.assigned_session_id != facts.session_id
    if wrong and not facts.admit_anyway:
        return CheckInOutcome.WRONG_SESSION
    return CheckInOutcome.CHECKED_IN


def page_pass(secret: str, session_code: str, issued_unix: int) -> str:
    """A pass embedded in the phone form once the QR token was accepted."""
    return f"{issued_unix:X}-{mac(secret, f'pass:{session_code}:{issued_unix}')}"


def check_page_pass(secret: str, session_code: str, text: str, unix_time: float) -> bool | None:
    """True: valid; False: genuine but too old; None: forged or malformed."""
    issued_text, _, given = text.strip().upper().partition("-")
    if not issued_text or len(issued_text) > 12 or not given:
        return None
    try:
        issued = int(issued_text, 16)
    except ValueError:
        return None
    if not same(given, mac(secret, f"pass:{session_code}:{issued}")):
        return None
    if issued > unix_time + 60:
        return None
    return unix_time - issued <= PAGE_PASS_SECONDS


class RepeatFilter:
    """Drops a code seen again within `window` seconds (a scanner or camera re-reading a slip)."""

    def __init__(self, window: float = 3.0) -> None:
        self._window = window
        self._seen: dict[str, float] = {}

    def accept(self, code: str, now: float) -> bool:
        """True when `code` should be handled now; the repeat window restarts either way."""
        self._seen = {c: t for c, t in self._seen.items() if now - t < self._window}
        fresh = code not in self._seen
        self._seen[code] = now
        return fresh
