"""What a check-in request carries and what it answers (shared by every path)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from facilitator.domain.checkin import (
    CheckInMethod,
    CheckInOutcome,
    ProofCheck,
    pass_proof,
    token_proof,
)
from facilitator.domain.devices import Phone

if TYPE_CHECKING:
    from facilitator.db.workspace import Workspace
    from facilitator.domain.clock import Clock


# -- what a request carries ------------------------------------------------------------------
@dataclass(frozen=True)
class StaffNumber:
    value: str


@dataclass(frozen=True)
class SlipText:
    """The text of a personal QR (admission slip), as the webcam or USB scanner read it."""

    text: str


@dataclass(frozen=True)
class AttendeeRef:
    attendee_id: int


Credential = StaffNumber | SlipText | AttendeeRef


@dataclass(frozen=True)
class QrToken:
    """The rotating token from the projected session QR."""

    token: str

    def check(self, secret: str, session_code: str, unix_time: float) -> ProofCheck:
        return token_proof(secret, session_code, self.token, unix_time)


@dataclass(frozen=True)
class PagePass:
    """The pass the phone form got when its QR token was accepted."""

    text: str

    def check(self, secret: str, session_code: str, unix_time: float) -> ProofCheck:
        return pass_proof(secret, session_code, self.text, unix_time)


# None: staff at the laptop, who need no proof.
Proof = QrToken | PagePass | None


@dataclass(frozen=True)
class CheckInRequest:
    session: int | str  # session id, or the session code from a URL
    credential: Credential
    method: CheckInMethod
    proof: Proof = None
    device: str = ""
    # The trainer let someone assigned elsewhere in: they are moved here, with a note.
    admit_anyway: bool = False
    # The phone that sent it (page flow, API): the device rule applies. None: staff.
    phone: Phone | None = None


# -- what it answers -------------------------------------------------------------------------
@dataclass(frozen=True)
class SessionRef:
    id: int
    event_id: int
    label: str
    code: str


@dataclass(frozen=True)
class AttendeeBrief:
    id: int
    staff_no: str
    name: str
    kana: str
    department: str
    assigned_session: str  # label, "" when unassigned


@dataclass(frozen=True)
class CheckInResult:
    outcome: CheckInOutcome
    method: CheckInMethod
    session: SessionRef | None = None
    attendee: AttendeeBrief | None = None
    # For checked_in / already_checked_in: when the (first) check-in happened.
    checked_in_at: datetime | None = None
    checkin_id: int | None = None
    # For already_checked_in: the session they checked in to.
    checked_in_session: str = ""
    # The requesting phone is the one bound to this attendee (it recorded the check-in
    # now or before): only then may a phone be told the attendee's name.
    this_phone: bool = False

    @property
    def names_attendee_to_phone(self) -> bool:
        """Whether a phone may be shown who this result is about (no harvesting)."""
        return self.outcome is CheckInOutcome.CHECKED_IN or (
            self.outcome is CheckInOutcome.ALREADY_CHECKED_IN and self.this_phone
        )


@dataclass(frozen=True)
class PhoneSession:
    """What the phone pages need to know about the session in their URL."""

    id: int
    event_id: int
    event_title: str
    label: str
    code: str
    secret: str
    checkin_open: bool
    feedback_open: bool


@dataclass(frozen=True)
class SessionCounts:
    arrived: int
    expected: int


@dataclass(frozen=True)
class ArrivalRow:
    checkin_id: int
    attendee_id: int
    staff_no: str
    name: str
    department: str
    checked_in_at: datetime
    method: CheckInMethod
    late: bool
    walk_in: bool
    note: str


@dataclass(frozen=True)
class DepartmentArrivals:
    department: str
    expected: int
    arrived: int
    missing: tuple[str, ...]  # names of assigned people not yet in


@dataclass(frozen=True)
class SessionArrivals:
    session_id: int
    label: str
    counts: SessionCounts
    late: int
    methods: tuple[tuple[CheckInMethod, int], ...]
    departments: tuple[DepartmentArrivals, ...]
    recent: tuple[ArrivalRow, ...]  # newest first


@dataclass(frozen=True)
class AttendeeMatch:
    id: int
    staff_no: str
    name: str
    kana: str
    department: str
    assigned_session: str
    checked_in_session: str  # "" when not checked in


@dataclass(frozen=True)
class UndoResult:
    checkin_id: int
    attendee_name: str
    session_label: str


@dataclass(frozen=True)
class ExportRow:
    staff_no: str
    name: str
    department: str
    session: str
    checked_in_at: datetime
    method: CheckInMethod


@dataclass(frozen=True)
class CheckInContext:
    """What the desk's and the phone rule's parts of `CheckInService` are given."""

    workspace: Workspace
    clock: Clock
    # The service's one entry point: a walk-in, or a refused attempt the desk admits,
    # is checked in through it like any scan.
    check_in: Callable[[CheckInRequest], CheckInResult]
    # Makes the writer forget the sessions it cached, so that closing a session or
    # changing the shared-address setting holds for the very next scan.
    sessions_changed: Callable[[], None]
