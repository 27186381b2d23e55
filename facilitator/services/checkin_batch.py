"""Deciding and writing one group of check-ins inside the writer's transaction.

A burst is 300 phones at once; per group this costs one query for everyone's
attendee row, one INSERT for all of them and one query for the active
check-ins, whatever the group's size (SQLAlchemy Core statements built once;
rows travel as one JSON value each way, see _INSERT_CHECKINS). Decisions are made
in arrival order, so a duplicate later in the same group sees the first.
`INSERT OR IGNORE` against the partial unique index keeps it exactly once
even against another writer; the rows read back tell who won.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
from facilitator.domain.checkin import CheckInOutcome, Facts, check_page_pass, decide
from facilitator.domain.devices import (
    SHARED_ADDRESS_SETTING,
    Binding,
    DeviceVerdict,
    Phone,
    check_device,
)
from facilitator.domain.phone_links import CHECKIN_PURPOSE
from facilitator.domain.roster_rules import normalise_staff_no
from facilitator.domain.tokens import RotatingTokens, TokenCheck, read_slip_code
from facilitator.services.checkin_types import (
    AttendeeBrief,
    AttendeeRef,
    CheckInRequest,
    CheckInResult,
    PagePass,
    Proof,
    QrToken,
    SessionRef,
    SlipText,
    StaffNumber,
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
_INSERT_CHECKINS = (
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


_PEOPLE_JSON = {"staff": rows_as_json(_PEOPLE_BY_STAFF), "id": rows_as_json(_PEOPLE_BY_ID)}
_ACTIVE_JSON = rows_as_json(_ACTIVE)
# The bindings that may concern a group's phones (by cookie or by address).
_BINDINGS = select(PB.c.attendee_id, PB.c.device, PB.c.address).where(
    PB.c.event_id == bindparam("event_id"),
    PB.c.device.in_(bindparam("cookies", expanding=True))
    | PB.c.address.in_(bindparam("addresses", expanding=True)),
)
# A phone that recorded a check-in is bound to that attendee from now on (a new
# check-in after an undo moves the binding to the phone that made it).
_BIND = (
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


class _Person(NamedTuple):
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


class _Active(NamedTuple):
    id: int
    attendee_id: int
    session_id: int
    checked_in_at: datetime
    label: str


@functools.lru_cache(maxsize=4096)
def _stored_instant(stored: str) -> datetime:
    # What UtcDateTime gives back for the text SQLite holds (UTC, microseconds).
    # Cached: every check-in of a group was stored with the same instant.
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


def _instant(stored: str | None) -> datetime | None:
    return None if stored is None else _stored_instant(stored)


@dataclass
class _Pending:
    """A request that passed its proof and waits for the group's attendee lookup."""

    index: int
    request: CheckInRequest
    session: AnyRow
    kind: str  # "staff" or "id"
    key: str | int
    slip_version: int | None = None


@dataclass
class _Write:
    index: int
    request: CheckInRequest
    session: AnyRow
    attendee: AttendeeBrief
    moved_from: int | None  # the session they were assigned to, when admitted elsewhere
    duplicate: bool = False  # the same person earlier in this group: no insert of its own
    phone: Phone | None = None  # a phone bound by this check-in (None: exempt)


class CheckInBatch:
    """Owns the short-lived session cache; used only on the writer thread."""

    def __init__(self, now: Callable[[], datetime], actor: Callable[[], str]) -> None:
        self._now = now
        self._actor = actor
        self._sessions: dict[int | str, tuple[float, AnyRow | None]] = {}

    def forget_sessions(self) -> None:
        """Called after a session's settings change (a single dict swap: thread-safe)."""
        self._sessions = {}

    def session(self, conn: Connection, key: int | str) -> AnyRow | None:
        # Cached for a second: a burst asks about one session 300 times, and a
        # session closed in the GUI is still refused within a second.
        mono = time.monotonic()
        cached = self._sessions.get(key)
        if cached is not None and cached[0] > mono:
            return cached[1]
        stmt = SESSION_BY_ID if isinstance(key, int) else SESSION_BY_CODE
        row = conn.execute(stmt, {"key": key}).first()
        if len(self._sessions) > 1000:
            self._sessions.clear()
        self._sessions[key] = (mono + SESSION_CACHE_SECONDS, row)
        return row

    def process(self, conn: Connection, requests: Sequence[CheckInRequest]) -> list[CheckInResult]:
        now = self._now()
        results: list[CheckInResult | None] = [None] * len(requests)
        pending: list[_Pending] = []
        # A burst's phones all scanned the same projected QR: check each token once.
        proofs: dict[tuple[str, Proof], CheckInOutcome | None] = {}
        for index, req in enumerate(requests):
            row = self.session(conn, req.session)
            if row is None:
                # An unknown session code is a forged link, not a missing session.
                results[index] = CheckInResult(CheckInOutcome.INVALID_TOKEN, req.method)
                continue
            proof_key = (row.code, req.proof)
            if proof_key not in proofs:
                proofs[proof_key] = _check_proof(req.proof, row.secret, row.code, now.timestamp())
            refused = proofs[proof_key]
            if refused is None:
                refused = _lookup(index, req, row, pending)
            if refused is not None:
                results[index] = CheckInResult(refused, req.method, _ref(row))
        people = _load_people(conn, pending)
        bindings = _group_bindings(conn, pending)
        refusals: list[dict[str, Any]] = []
        writes = self._decide(pending, people, bindings, results, refusals)
        self._write(conn, writes, results, now)
        if refusals:
            note_refusals(conn, refusals, now)
        return [r for r in results if r is not None]

    def _decide(
        self,
        pending: list[_Pending],
        people: dict[tuple[int, str, str | int], AnyRow],
        bindings: dict[int, list[Binding]],
        results: list[CheckInResult | None],
        refusals: list[dict[str, Any]],
    ) -> list[_Write]:
        writes: list[_Write] = []
        claimed: dict[int, int] = {}  # attendee id -> index of the write in this group
        for p in pending:
            req, row = p.request, p.session
            phone = req.phone
            person = people.get((row.event_id, p.kind, p.key))
            if person is None or (
                p.slip_version is not None and person.token_version != p.slip_version
            ):
                # A slip whose version was bumped (reissued) is void, like a forged one.
                outcome = (
                    CheckInOutcome.INVALID_TOKEN
                    if p.slip_version is not None
                    else CheckInOutcome.UNKNOWN_ATTENDEE
                )
                results[p.index] = CheckInResult(outcome, req.method, _ref(row))
                continue
            brief = AttendeeBrief(
                person.id,
                person.staff_no,
                person.name,
                person.kana,
                person.dept,
                person.assigned_label or "",
            )
            earlier = claimed.get(person.id)
            shared = bool(row.shared_address)
            device = check_device(
                phone, person.id, bindings.get(row.event_id, ()), shared_address=shared
            )
            outcome = decide(
                Facts(
                    attendee_found=True,
                    already_checked_in=person.checkin_id is not None or earlier is not None,
                    session_open=bool(row.checkin_open),
                    assigned_session_id=person.assigned_session_id,
                    session_id=row.id,
                    admit_anyway=req.admit_anyway,
                    device=device.verdict,
                )
            )
            this_phone = device.verdict is DeviceVerdict.SAME
            if outcome == CheckInOutcome.ALREADY_CHECKED_IN and earlier is None:
                results[p.index] = CheckInResult(
                    outcome,
                    req.method,
                    _ref(row),
                    brief,
                    person.checked_in_at,
                    person.checkin_id,
                    person.checked_label or "",
                    this_phone=this_phone,
                )
            elif outcome == CheckInOutcome.ALREADY_CHECKED_IN:
                # Settled after the group's insert, with the first one's time and id.
                writes.append(_Write(p.index, req, row, brief, None, duplicate=True, phone=phone))
            elif outcome == CheckInOutcome.CHECKED_IN:
                moved = person.assigned_session_id
                moved_from = moved if moved is not None and moved != row.id else None
                claimed[person.id] = p.index
                bound = phone if device.verdict is DeviceVerdict.FREE else None
                if bound is not None:
                    # Later requests of this group see the new binding.
                    bindings.setdefault(row.event_id, []).append(
                        Binding(person.id, bound.cookie, bound.address)
                    )
                writes.append(_Write(p.index, req, row, brief, moved_from, phone=bound))
            elif outcome == CheckInOutcome.DEVICE_USED:
                assert phone is not None
                refusals.append(
                    {
                        "event_id": row.event_id,
                        "session_id": row.id,
                        "attendee_id": person.id,
                        "bound_attendee_id": device.bound_to,
                        "device": phone.cookie[:64],
                        "address": phone.address[:64],
                    }
                )
                results[p.index] = CheckInResult(outcome, req.method, _ref(row), brief)
            else:
                results[p.index] = CheckInResult(
                    outcome, req.method, _ref(row), brief, this_phone=this_phone
                )
        return writes

    def _write(
        self,
        conn: Connection,
        writes: list[_Write],
        results: list[CheckInResult | None],
        now: datetime,
    ) -> None:
        inserts = [w for w in writes if not w.duplicate]
        if not inserts:
            return
        stored = now.astimezone(UTC)  # as the database gives it back
        conn.execute(
            _INSERT_CHECKINS,
            {
                "at": stored,
                "rows": json.dumps(
                    [
                        [
                            w.attendee.id,
                            w.session.id,
                            w.request.method.value,
                            w.request.device[:200],
                            f"admitted from {w.attendee.assigned_session}" if w.moved_from else "",
                        ]
                        for w in inserts
                    ],
                    ensure_ascii=False,
                ),
            },
        )
        ids = [w.attendee.id for w in inserts]
        active = {
            row.attendee_id: row
            for row in (
                _Active(values[0], values[1], values[2], _stored_instant(values[3]), values[4])
                for values in json.loads(conn.execute(_ACTIVE_JSON, {"ids": ids}).scalar_one())
            )
        }
        for w in writes:
            mine = active[w.attendee.id]
            # Ours when the active row is the one this insert wrote (OR IGNORE keeps an
            # earlier one, e.g. another writer's, and then that one is reported).
            won = (
                not w.duplicate and mine.checked_in_at == stored and mine.session_id == w.session.id
            )
            results[w.index] = CheckInResult(
                CheckInOutcome.CHECKED_IN if won else CheckInOutcome.ALREADY_CHECKED_IN,
                w.request.method,
                _ref(w.session),
                w.attendee,
                mine.checked_in_at,
                mine.id,
                mine.label,
                this_phone=won and w.phone is not None,
            )
            if won and w.moved_from is not None:
                self._move(conn, w, now)
            if won and w.phone is not None:
                conn.execute(
                    _BIND,
                    {
                        "event_id": w.session.event_id,
                        "attendee_id": w.attendee.id,
                        "device": w.phone.cookie[:64],
                        "address": w.phone.address[:64],
                        "at": now,
                    },
                )

    def _move(self, conn: Connection, w: _Write, now: datetime) -> None:
        """Admitted to another session than assigned: move them here, audited."""
        conn.execute(
            update(A)
            .where(A.c.id == w.attendee.id)
            .values(assigned_session_id=w.session.id, locked=True, updated_at=now)
        )
        conn.execute(
            insert(AUDIT).values(
                at=now,
                event_id=w.session.event_id,
                actor=self._actor(),
                action="checkin.admit_other_session",
                entity="attendee",
                entity_id=w.attendee.id,
                detail={"from": w.attendee.assigned_session, "to": w.session.label},
            )
        )


@functools.lru_cache(maxsize=64)
def _ref(row: AnyRow) -> SessionRef:
    # Cached: a group's results mostly name the same one or two session rows.
    return SessionRef(row.id, row.event_id, row.label, row.code)


def _lookup(
    index: int, req: CheckInRequest, row: AnyRow, pending: list[_Pending]
) -> CheckInOutcome | None:
    """Queue the attendee lookup, or the outcome when the credential says enough already."""
    cred = req.credential
    if isinstance(cred, AttendeeRef):
        pending.append(_Pending(index, req, row, "id", cred.attendee_id))
        return None
    if isinstance(cred, StaffNumber):
        staff_no = normalise_staff_no(cred.value)
        if not staff_no:
            return CheckInOutcome.UNKNOWN_ATTENDEE
        pending.append(_Pending(index, req, row, "staff", staff_no))
        return None
    assert isinstance(cred, SlipText)
    slip = read_slip_code(row.secret, row.event_id, cred.text)
    if slip is None:
        return CheckInOutcome.INVALID_TOKEN
    pending.append(_Pending(index, req, row, "staff", slip.staff_no, slip.version))
    return None


def _group_bindings(conn: Connection, pending: list[_Pending]) -> dict[int, list[Binding]]:
    """Per event, the bindings of the group's phones; exempt requests (staff, the
    laptop's own address: the benchmarks) cost no query."""
    phones: dict[int, tuple[AnyRow, list[Phone]]] = {}
    for p in pending:
        if p.request.phone is not None and not p.request.phone.exempt:
            phones.setdefault(p.session.event_id, (p.session, []))[1].append(p.request.phone)
    return {
        event_id: load_bindings(conn, event_id, group, bool(row.shared_address))
        for event_id, (row, group) in phones.items()
    }


def _load_people(
    conn: Connection, pending: list[_Pending]
) -> dict[tuple[int, str, str | int], AnyRow]:
    wanted: dict[tuple[int, str], set[str | int]] = {}
    for p in pending:
        wanted.setdefault((p.session.event_id, p.kind), set()).add(p.key)
    found: dict[tuple[int, str, str | int], AnyRow] = {}
    for (event_id, kind), keys in wanted.items():
        params = {"event_id": event_id, "keys": sorted(keys, key=str)}
        for values in json.loads(conn.execute(_PEOPLE_JSON[kind], params).scalar_one()):
            row = _Person._make((*values[:9], _instant(values[9]), values[10]))
            found[(event_id, kind, row.staff_no if kind == "staff" else row.id)] = row
    return found


def _check_proof(
    proof: Proof, secret: str, session_code: str, unix_time: float
) -> CheckInOutcome | None:
    if proof is None:
        return None
    if isinstance(proof, QrToken):
        checked = RotatingTokens(secret, CHECKIN_PURPOSE, session_code).check(
            proof.token, unix_time
        )
        if checked == TokenCheck.VALID:
            return None
        return (
            CheckInOutcome.EXPIRED_TOKEN
            if checked == TokenCheck.EXPIRED
            else CheckInOutcome.INVALID_TOKEN
        )
    assert isinstance(proof, PagePass)
    valid = check_page_pass(secret, session_code, proof.text, unix_time)
    if valid is None:
        return CheckInOutcome.INVALID_TOKEN
    return None if valid else CheckInOutcome.EXPIRED_TOKEN
