"""The statements the check-in writer runs, built once, and the rows they return.

SQLAlchemy Core against the mapped tables: a burst of 300 phones runs each of
them once per group, so they are compiled once at import. Rows travel as one JSON
value each way (db.json_rows): a statement is then one step of SQLite, which
matters more than the SQL.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import Connection, Table, bindparam, func, insert, literal, select, update

from facilitator.db.json_rows import rows_as_json
from facilitator.db.models import (
    Attendee,
    AuditLog,
    CheckIn,
    Department,
    DeviceRefusal,
    Event,
    PhoneBinding,
    TrainingSession,
)
from facilitator.db.types import UtcDateTime
from facilitator.domain.devices import (
    SHARED_ADDRESS_SETTING,
    Binding,
    Phone,
)

A = cast(Table, Attendee.__table__)
C = cast(Table, CheckIn.__table__)
S = cast(Table, TrainingSession.__table__)
E = cast(Table, Event.__table__)
D = cast(Table, Department.__table__)
AUDIT = cast(Table, AuditLog.__table__)
PB = cast(Table, PhoneBinding.__table__)
DR = cast(Table, DeviceRefusal.__table__)

# A result row; SQLAlchemy's Row is variadic-generic and its columns are read by name.
AnyRow = Any

SESSION_CACHE_SECONDS = 1.0

_SESSION_COLUMNS = (
    S.c.id,
    S.c.event_id,
    S.c.label,
    S.c.code,
    S.c.checkin_open,
    E.c.secret,
    # The event's shared-address (NAT) setting, read as a flag (rows stay hashable).
    func.coalesce(func.json_extract(E.c.settings, f"$.{SHARED_ADDRESS_SETTING}"), 0).label(
        "shared_address"
    ),
)
SESSION_BY_ID = (
    select(*_SESSION_COLUMNS).join(E, E.c.id == S.c.event_id).where(S.c.id == bindparam("key"))
)
SESSION_BY_CODE = (
    select(*_SESSION_COLUMNS).join(E, E.c.id == S.c.event_id).where(S.c.code == bindparam("key"))
)
_ASSIGNED = S.alias("assigned")
_CHECKED = S.alias("checked")
PERSON = (
    select(
        A.c.id,
        A.c.staff_no,
        A.c.name,
        A.c.kana,
        A.c.token_version,
        A.c.assigned_session_id,
        D.c.name.label("dept"),
        _ASSIGNED.c.label.label("assigned_label"),
        C.c.id.label("checkin_id"),
        C.c.checked_in_at,
        _CHECKED.c.label.label("checked_label"),
    )
    .join(D, D.c.id == A.c.department_id)
    .outerjoin(_ASSIGNED, _ASSIGNED.c.id == A.c.assigned_session_id)
    .outerjoin(C, (C.c.attendee_id == A.c.id) & C.c.undone_at.is_(None))
    .outerjoin(_CHECKED, _CHECKED.c.id == C.c.session_id)
)
_PEOPLE_BY_STAFF = PERSON.where(
    A.c.event_id == bindparam("event_id"), A.c.staff_no.in_(bindparam("keys", expanding=True))
)
_NEW = func.json_each(bindparam("rows")).table_valued("value")
_PEOPLE_BY_ID = PERSON.where(
    A.c.event_id == bindparam("event_id"), A.c.id.in_(bindparam("keys", expanding=True))
)
# Rows come back as one JSON array in one row (see db.json_rows), and the
# group's check-ins go in as one JSON argument: a statement is then one step of
# SQLite, which matters more than the SQL.
INSERT_CHECKINS = (
    insert(C)
    .prefix_with("OR IGNORE")
    .from_select(
        ["attendee_id", "session_id", "method", "device", "note", "checked_in_at", "undone_reason"],
        select(
            *(func.json_extract(_NEW.c.value, f"$[{i}]") for i in range(5)),
            bindparam("at", type_=UtcDateTime()),
            literal(""),
        ),
    )
)
_ACTIVE = (
    select(C.c.id, C.c.attendee_id, C.c.session_id, C.c.checked_in_at, S.c.label)
    .join(S, S.c.id == C.c.session_id)
    .where(C.c.attendee_id.in_(bindparam("ids", expanding=True)), C.c.undone_at.is_(None))
)


PEOPLE_JSON = {"staff": rows_as_json(_PEOPLE_BY_STAFF), "id": rows_as_json(_PEOPLE_BY_ID)}
ACTIVE_JSON = rows_as_json(_ACTIVE)
# The bindings that may concern a group's phones (by cookie or by address).
_BINDINGS = select(PB.c.attendee_id, PB.c.device, PB.c.address).where(
    PB.c.event_id == bindparam("event_id"),
    PB.c.device.in_(bindparam("cookies", expanding=True))
    | PB.c.address.in_(bindparam("addresses", expanding=True)),
)
# A phone that recorded a check-in is bound to that attendee from now on (a new
# check-in after an undo moves the binding to the phone that made it).
BIND = (
    insert(PB)
    .prefix_with("OR REPLACE")
    .values(
        event_id=bindparam("event_id"),
        attendee_id=bindparam("attendee_id"),
        device=bindparam("device"),
        address=bindparam("address"),
        bound_at=bindparam("at", type_=UtcDateTime()),
        via="checkin",
    )
)


def note_refusals(conn: Connection, refusals: Sequence[dict[str, Any]], now: datetime) -> None:
    """Write `device_used` attempts for the desk: a phone that tries the same person
    again adds to its open row's count (and moves it up), never a row per attempt."""
    for refusal in refusals:
        open_row = (
            (DR.c.event_id == refusal["event_id"])
            & (DR.c.attendee_id == refusal["attendee_id"])
            & (DR.c.device == refusal["device"])
            & (DR.c.address == refusal["address"])
            & DR.c.resolved_at.is_(None)
        )
        again = conn.execute(
            update(DR)
            .where(open_row)
            .values(
                attempts=DR.c.attempts + 1,
                at=now,
                session_id=refusal["session_id"],
                bound_attendee_id=refusal["bound_attendee_id"],
            )
        )
        if again.rowcount == 0:
            conn.execute(insert(DR).values(**refusal, at=now))


def load_bindings(
    conn: Connection, event_id: int, phones: Sequence[Phone], shared_address: bool
) -> list[Binding]:
    """The event's bindings that concern `phones` (empty cookies never match)."""
    cookies = sorted({p.cookie for p in phones if p.cookie})
    addresses = [] if shared_address else sorted({p.address for p in phones})
    if not cookies and not addresses:
        return []
    rows = conn.execute(
        _BINDINGS,
        {"event_id": event_id, "cookies": cookies or [""], "addresses": addresses or [""]},
    ).all()
    return [Binding(r.attendee_id, r.device, r.address) for r in rows if r.device or r.address]


class PersonRow(NamedTuple):
    """A PERSON row (same columns, same order)."""

    id: int
    staff_no: str
    name: str
    kana: str
    token_version: int
    assigned_session_id: int | None
    dept: str
    assigned_label: str | None
    checkin_id: int | None
    checked_in_at: datetime | None
    checked_label: str | None


class ActiveRow(NamedTuple):
    id: int
    attendee_id: int
    session_id: int
    checked_in_at: datetime
    label: str


@functools.lru_cache(maxsize=4096)
def stored_instant(stored: str) -> datetime:
    # What UtcDateTime gives back for the text SQLite holds (UTC, microseconds).
    # Cached: every check-in of a group was stored with the same instant.
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


def instant(stored: str | None) -> datetime | None:
    return None if stored is None else stored_instant(stored)
