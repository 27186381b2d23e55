"""The device rule at the laptop: what a phone is bound to, the refused attempts, the setting.

`CheckInService.phones`. The rule itself is `domain.devices`; the
writer applies it to every check-in (`services/checkin/batch.py`), and these are the
reads and rare writes around it: the confirm step's early answer, the desk's
list of `device_used` attempts with a one-click admit, and the per-event
shared-address (NAT) setting.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import aliased

from facilitator.db.models import (
    Attendee,
    CheckIn,
    Department,
    DeviceRefusal,
    Event,
    PhoneBinding,
)
from facilitator.db.models import TrainingSession as TS
from facilitator.domain.checkin import CheckInMethod, CheckInOutcome
from facilitator.domain.devices import (
    SHARED_ADDRESS_SETTING,
    SUGGEST_SHARED_AFTER,
    DeviceCheck,
    Phone,
    check_device,
    shares_address,
)
from facilitator.errors import InputRejected, Msg
from facilitator.services import audit
from facilitator.services.checkin.statements import load_bindings, note_refusals
from facilitator.services.checkin.types import CheckInContext

if TYPE_CHECKING:
    from facilitator.services.checkin.types import CheckInResult


@dataclass(frozen=True)
class PhoneGate:
    """What the device rule says about a phone acting for one attendee."""

    check: DeviceCheck
    shared_address: bool


@dataclass(frozen=True)
class RefusedAttempt:
    """A `device_used` attempt the desk has not settled yet."""

    id: int
    at: datetime
    session_label: str
    name: str  # who the phone tried to check in
    department: str
    staff_no: str
    already_in: bool
    bound_name: str  # whom the phone checked in before ("" when unknown)
    bound_department: str
    address: str
    attempts: int  # the phone's attempts at this person (one open row for all)


@dataclass(frozen=True)
class DeviceDeskState:
    refusals: list[RefusedAttempt]
    shared_address: bool
    # An address many refused attempts came from while the setting is off: the
    # venue probably puts every phone behind it (NAT).
    crowded_address: str | None


class PhoneTrust:
    def __init__(self, context: CheckInContext) -> None:
        self._context = context
        self._workspace, self._clock = context.workspace, context.clock

    def phone_gate(self, event_id: int, attendee_id: int, phone: Phone) -> PhoneGate:
        """The device rule for the confirm step, before the phone is shown a name."""
        with self._workspace.engine.connect() as conn:
            settings = conn.scalar(select(Event.settings).where(Event.id == event_id))
            shared = shares_address(settings)
            bindings = [] if phone.exempt else load_bindings(conn, event_id, [phone], shared)
        return PhoneGate(check_device(phone, attendee_id, bindings, shared_address=shared), shared)

    def bound_device(self, event_id: int, attendee_id: int) -> str | None:
        """The device cookie of the phone bound to the attendee now (None: no phone is).

        One indexed read: the feedback page asks it on the server's loop."""
        with self._workspace.engine.connect() as conn:
            return conn.scalar(
                select(PhoneBinding.device).where(
                    PhoneBinding.event_id == event_id, PhoneBinding.attendee_id == attendee_id
                )
            )

    def record_device_refusal(
        self, session_id: int, attendee_id: int, check: DeviceCheck, phone: Phone
    ) -> None:
        """Note a refused attempt for the desk (the confirm step refuses before /done)."""
        with self._workspace.engine.begin() as conn:
            event_id = conn.scalar(select(TS.event_id).where(TS.id == session_id))
            if event_id is None:
                return
            refusal = {
                "event_id": event_id,
                "session_id": session_id,
                "attendee_id": attendee_id,
                "bound_attendee_id": check.bound_to,
                "device": phone.cookie[:64],
                "address": phone.address[:64],
            }
            note_refusals(conn, [refusal], self._clock.now())

    def device_desk(self, event_id: int) -> DeviceDeskState:
        """The open `device_used` attempts (newest first), the setting and its suggestion."""
        tried, bound = aliased(Attendee), aliased(Attendee)
        tried_dept, bound_dept = aliased(Department), aliased(Department)
        with self._workspace.session(readonly=True) as s:
            settings = s.scalar(select(Event.settings).where(Event.id == event_id))
            rows = s.execute(
                select(
                    DeviceRefusal,
                    TS.label,
                    tried.name,
                    tried_dept.name,
                    tried.staff_no,
                    CheckIn.id,
                    bound.name,
                    bound_dept.name,
                )
                .join(TS, TS.id == DeviceRefusal.session_id)
                .join(tried, tried.id == DeviceRefusal.attendee_id)
                .join(tried_dept, tried_dept.id == tried.department_id)
                .outerjoin(CheckIn, (CheckIn.attendee_id == tried.id) & CheckIn.undone_at.is_(None))
                .outerjoin(bound, bound.id == DeviceRefusal.bound_attendee_id)
                .outerjoin(bound_dept, bound_dept.id == bound.department_id)
                .where(DeviceRefusal.event_id == event_id, DeviceRefusal.resolved_at.is_(None))
                .order_by(DeviceRefusal.at.desc(), DeviceRefusal.id.desc())
            ).all()
        refusals = [
            RefusedAttempt(
                r.id,
                r.at,
                label,
                name,
                dept,
                staff_no,
                checkin_id is not None,
                bound_name or "",
                bound_dept_name or "",
                r.address,
                r.attempts,
            )
            for r, label, name, dept, staff_no, checkin_id, bound_name, bound_dept_name in rows
        ]
        shared = shares_address(settings)
        crowded = None
        if not shared:
            # Distinct phones, not rows: one phone trying again and again is not a
            # crowd. Device cookies are counted only when the server issued them
            # (a made-up one is recorded as none), so they cannot be invented.
            phones: dict[str, set[str]] = {}
            for r, *_ in rows:
                if r.device:
                    phones.setdefault(r.address, set()).add(r.device)
            counts = Counter({address: len(devices) for address, devices in phones.items()})
            top = counts.most_common(1)
            if top and top[0][1] >= SUGGEST_SHARED_AFTER:
                crowded = top[0][0]
        return DeviceDeskState(refusals, shared, crowded)

    def admit_refused(self, refusal_id: int) -> CheckInResult:
        """Check in, at the desk, the person a refused phone tried to check in; the
        attempt is settled when they are in (now or already)."""
        from facilitator.services.checkin.types import AttendeeRef, CheckInRequest

        with self._workspace.session(readonly=True) as s:
            refusal = s.get(DeviceRefusal, refusal_id)
            if refusal is None:
                raise InputRejected(
                    Msg(
                        en="This attempt is no longer listed.",
                        ja="この受付試行はすでに一覧にありません。",
                    )
                )
            session_id, attendee_id = refusal.session_id, refusal.attendee_id
        result = self._context.check_in(
            CheckInRequest(session_id, AttendeeRef(attendee_id), CheckInMethod.MANUAL)
        )
        if result.outcome in (CheckInOutcome.CHECKED_IN, CheckInOutcome.ALREADY_CHECKED_IN):
            self.dismiss_refusal(refusal_id)
        return result

    def dismiss_refusal(self, refusal_id: int) -> None:
        """Take a refused attempt off the desk's list (kept, marked settled)."""
        with self._workspace.session() as s:
            refusal = s.get(DeviceRefusal, refusal_id)
            if refusal is not None and refusal.resolved_at is None:
                refusal.resolved_at = self._clock.now()

    def set_shared_address(self, event_id: int, shared: bool) -> bool:
        """The per-event NAT setting: on, a phone is told apart by its device cookie alone."""
        now = self._clock.now()
        with self._workspace.session() as s:
            event = s.get(Event, event_id)
            if event is None:
                raise InputRejected(
                    Msg(
                        en=f"There is no event with id {event_id}.",
                        ja=f"ID {event_id} の研修はありません。",
                    )
                )
            if shares_address(event.settings) != shared:
                # A new dict: SQLAlchemy does not see changes made inside a JSON value.
                event.settings = {**(event.settings or {}), SHARED_ADDRESS_SETTING: shared}
                event.updated_at = now
                audit.record(
                    s,
                    at=now,
                    action="checkin.shared_address",
                    event_id=event_id,
                    entity="event",
                    entity_id=event_id,
                    detail={"shared_address": shared},
                )
        self._context.sessions_changed()
        return shared
