"""Check-in rules: the outcomes every path gets and the order they are decided in.

The whole precedence is here, and every path asks it (the phone's pages and API,
the desk's webcam, USB scanner and search, the admit of a refused attempt):

1. the session: a code no event has is a forged link (`invalid_token`);
2. the proof that the phone stands at the door: a forged QR token or page pass is
   `invalid_token`, a genuine one that is too old `expired_token`;
3. the credential: a slip this event did not print, or one reissued since, is
   `invalid_token`; a blank staff number `unknown_attendee`;
4. the attendee: nobody with that staff number (or id) is `unknown_attendee`;
5. someone already in gets `already_checked_in` from any session's QR;
6. a closed session refuses (`session_closed`);
7. a phone bound to somebody else records nothing (`device_used`, domain.devices);
8. someone assigned to the other session is `wrong_session` unless the desk
   admits them anyway; otherwise `checked_in`.

Pure Python: the service feeds it what it read from the database, so the
precedence can be tested without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from facilitator.domain.devices import DeviceVerdict
from facilitator.domain.phone_links import CHECKIN_PURPOSE
from facilitator.domain.tokens import RotatingTokens, TokenCheck, mac, same

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


class ProofCheck(Enum):
    """What the phone's proof of standing at the door says (steps 1 and 2)."""

    NOT_NEEDED = "not_needed"  # the desk: staff stand at the door themselves
    VALID = "valid"
    EXPIRED = "expired"  # genuine, but older than its window
    FORGED = "forged"  # not signed with this event's secret, malformed, or no such session


class Credential(Enum):
    """What the credential says before anyone is looked up (step 3)."""

    READ = "read"  # a staff number, a picked name, or a genuine current slip
    BLANK = "blank"  # a staff number with nothing in it
    FORGED_SLIP = "forged_slip"  # a slip code this event did not print
    VOID_SLIP = "void_slip"  # a genuine slip, reissued since (its version was bumped)


def token_proof(secret: str, session_code: str, token: str, unix_time: float) -> ProofCheck:
    """The session QR's rotating token, checked against the event's secret."""
    checked = RotatingTokens(secret, CHECKIN_PURPOSE, session_code).check(token, unix_time)
    if checked is TokenCheck.VALID:
        return ProofCheck.VALID
    return ProofCheck.EXPIRED if checked is TokenCheck.EXPIRED else ProofCheck.FORGED


def pass_proof(secret: str, session_code: str, text: str, unix_time: float) -> ProofCheck:
    """The page pass the phone form carries instead of the token (see `page_pass`)."""
    valid = check_page_pass(secret, session_code, text, unix_time)
    if valid is None:
        return ProofCheck.FORGED
    return ProofCheck.VALID if valid else ProofCheck.EXPIRED


def refused_before_lookup(
    proof: ProofCheck, credential: Credential = Credential.READ
) -> CheckInOutcome | None:
    """Steps 1-3: the outcome when the proof or the credential already decides it
    (nobody is looked up, nothing is written); None: look the attendee up."""
    if proof is ProofCheck.FORGED:
        return CheckInOutcome.INVALID_TOKEN
    if proof is ProofCheck.EXPIRED:
        return CheckInOutcome.EXPIRED_TOKEN
    if credential in (Credential.FORGED_SLIP, Credential.VOID_SLIP):
        return CheckInOutcome.INVALID_TOKEN
    if credential is Credential.BLANK:
        return CheckInOutcome.UNKNOWN_ATTENDEE
    return None


# Step 1: a session code no event has is a forged link, not a missing session.
UNKNOWN_SESSION = CheckInOutcome.INVALID_TOKEN


def phone_confirm(device: DeviceVerdict) -> CheckInOutcome | None:
    """The phone's confirm step ("Is this you?"): step 7 early, so that a phone bound
    to somebody else is refused before it is shown a name; None: show the name."""
    return CheckInOutcome.DEVICE_USED if device is DeviceVerdict.USED else None


def phone_entry(proof: ProofCheck, session_open: bool) -> CheckInOutcome | None:
    """The phone's first page (the scanned QR): the refusal it shows, or None for the
    staff-number form. A closed session says so before anyone types a number."""
    refused = refused_before_lookup(proof)
    if refused is not None:
        return refused
    return None if session_open else CheckInOutcome.SESSION_CLOSED


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
    proof: ProofCheck = ProofCheck.NOT_NEEDED
    credential: Credential = Credential.READ


def decide(facts: Facts) -> CheckInOutcome:
    """The outcome of one check-in request: the module's precedence, steps 2 to 8
    (step 1, an unknown session, leaves no facts to gather).

    Order matters: someone already in gets `already_checked_in` from any
    session's QR, before a closed or wrong session is considered. A phone
    bound to somebody else records nothing (`device_used`), before its
    person's session is looked at.
    """
    refused = refused_before_lookup(facts.proof, facts.credential)
    if refused is not None:
        return refused
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
