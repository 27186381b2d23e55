"""Deciding and writing one group of check-ins inside the writer's transaction.

A burst is 300 phones at once; per group this costs one query for everyone's
attendee row, one INSERT for all of them and one query for the active
check-ins, whatever the group's size (SQLAlchemy Core statements built once;
rows travel as one JSON value each way, see statements.py). Decisions are made
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
from typing import Any

from sqlalchemy import Connection, insert, update

from facilitator.domain.checkin import (
    UNKNOWN_SESSION,
    CheckInOutcome,
    Credential,
    Facts,
    ProofCheck,
    decide,
    refused_before_lookup,
)
from facilitator.domain.devices import (
    Binding,
    DeviceVerdict,
    Phone,
    check_device,
)
from facilitator.domain.roster_rules import normalise_staff_no
from facilitator.domain.tokens import read_slip_code
from facilitator.services.checkin.statements import (
    ACTIVE_JSON,
    AUDIT,
    BIND,
    INSERT_CHECKINS,
    PEOPLE_JSON,
    SESSION_BY_CODE,
    SESSION_BY_ID,
    SESSION_CACHE_SECONDS,
    A,
    ActiveRow,
    AnyRow,
    PersonRow,
    instant,
    load_bindings,
    note_refusals,
    stored_instant,
)
from facilitator.services.checkin.types import (
    AttendeeBrief,
    AttendeeRef,
    CheckInRequest,
    CheckInResult,
    Proof,
    SessionRef,
    SlipText,
    StaffNumber,
)


@dataclass
class _Pending:
    """A request that passed its proof and waits for the group's attendee lookup."""

    index: int
    request: CheckInRequest
    session: AnyRow
    kind: str  # "staff" or "id"
    key: str | int
    proof: ProofCheck
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
        proofs: dict[tuple[str, Proof], ProofCheck] = {}
        for index, req in enumerate(requests):
            row = self.session(conn, req.session)
            if row is None:
                results[index] = CheckInResult(UNKNOWN_SESSION, req.method)
                continue
            proof_key = (row.code, req.proof)
            if proof_key not in proofs:
                proofs[proof_key] = (
                    ProofCheck.NOT_NEEDED  # staff at the laptop
                    if req.proof is None
                    else req.proof.check(row.secret, row.code, now.timestamp())
                )
            proof = proofs[proof_key]
            refused = refused_before_lookup(proof)
            if refused is None:
                refused = refused_before_lookup(
                    proof, _queue_lookup(index, req, row, proof, pending)
                )
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
            # A slip whose version was bumped (reissued), or whose person left the
            # roster, is void.
            void = p.slip_version is not None and (
                person is None or person.token_version != p.slip_version
            )
            if person is None or void:
                facts = Facts(
                    attendee_found=person is not None,
                    already_checked_in=False,
                    session_open=bool(row.checkin_open),
                    assigned_session_id=None,
                    session_id=row.id,
                    proof=p.proof,
                    credential=Credential.VOID_SLIP if void else Credential.READ,
                )
                results[p.index] = CheckInResult(decide(facts), req.method, _ref(row))
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
                    proof=p.proof,
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
            INSERT_CHECKINS,
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
                ActiveRow(values[0], values[1], values[2], stored_instant(values[3]), values[4])
                for values in json.loads(conn.execute(ACTIVE_JSON, {"ids": ids}).scalar_one())
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
                    BIND,
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


def _queue_lookup(
    index: int, req: CheckInRequest, row: AnyRow, proof: ProofCheck, pending: list[_Pending]
) -> Credential:
    """What the credential reads as; a readable one queues the group's attendee lookup."""
    cred = req.credential
    if isinstance(cred, AttendeeRef):
        pending.append(_Pending(index, req, row, "id", cred.attendee_id, proof))
        return Credential.READ
    if isinstance(cred, StaffNumber):
        staff_no = normalise_staff_no(cred.value)
        if not staff_no:
            return Credential.BLANK
        pending.append(_Pending(index, req, row, "staff", staff_no, proof))
        return Credential.READ
    assert isinstance(cred, SlipText)
    slip = read_slip_code(row.secret, row.event_id, cred.text)
    if slip is None:
        return Credential.FORGED_SLIP
    pending.append(_Pending(index, req, row, "staff", slip.staff_no, proof, slip.version))
    return Credential.READ


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
        for values in json.loads(conn.execute(PEOPLE_JSON[kind], params).scalar_one()):
            row = PersonRow._make((*values[:9], instant(values[9]), values[10]))
            found[(event_id, kind, row.staff_no if kind == "staff" else row.id)] = row
    return found
