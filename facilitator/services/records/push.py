"""Pushing one workspace event into the records database: one transaction, idempotent.

The workspace is only read (one read-only snapshot; no lock, so the GUI or
`serve` may keep running). The records are changed in one transaction: a
failure or a kill half-way leaves them as they were. What each row becomes
when two laptops' copies of one event meet is decided in
`domain.records_merge`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, delete, func, insert, select, update

from facilitator.db.records.models import (
    Attendance,
    Enrolment,
    MergedSnapshot,
    Person,
    RecordCertificate,
    RecordCheckIn,
    RecordEvent,
    RecordResponse,
    RecordSession,
    TrainingStatus,
)
from facilitator.db.records.store import RecordsStore
from facilitator.domain.records_merge import (
    Change,
    CheckInFact,
    attendances,
    by_undone,
    by_version,
    decide,
)
from facilitator.errors import InputRejected, Msg
from facilitator.services.records.snapshot import EventSnapshot

# Below every engine's limit on bound parameters in one statement.
CHUNK = 900


class Kind(Enum):
    """What a push counts, in the order of `--json`'s keys."""

    EVENTS = "events"
    SESSIONS = "sessions"
    PEOPLE = "people"
    ENROLMENTS = "enrolments"
    CHECKINS = "checkins"
    ATTENDANCES = "attendances"
    RESPONSES = "responses"
    CERTIFICATES = "certificates"


# The Japanese sentence names what was counted in Japanese, not by --json's keys.
_KIND_JA = {
    Kind.EVENTS: "研修",
    Kind.SESSIONS: "回",
    Kind.PEOPLE: "職員",
    Kind.ENROLMENTS: "受講登録",
    Kind.CHECKINS: "受付",
    Kind.ATTENDANCES: "出席",
    Kind.RESPONSES: "アンケート回答",
    Kind.CERTIFICATES: "修了証",
}


class RecordsConflict(InputRejected):
    """The push would contradict the records (a certificate number issued twice)."""


@dataclass
class PushResult:
    event: str
    title: str
    counts: dict[Kind, Counter[Change]] = field(default_factory=dict)

    def count(self, kind: Kind, change: Change, n: int = 1) -> None:
        self.counts.setdefault(kind, Counter())[change] += n

    def totals(self, change: Change) -> dict[str, int]:
        return {kind.value: self.counts.get(kind, Counter())[change] for kind in Kind}

    @property
    def changed(self) -> bool:
        return any(c[Change.ADDED] or c[Change.UPDATED] for c in self.counts.values())

    def message(self) -> Msg:
        """What the push did, in a sentence (the command line and the app)."""
        if not self.changed:
            return Msg(
                en=f"The records already hold {self.title} as it is here: nothing changed.",
                ja=f"記録には「{self.title}」がこのままの内容で既にあります。変更はありません。",
            )

        def listed(change: Change, lang: str) -> str:
            counts = self.totals(change)
            if lang == "ja":
                parts = [f"{_KIND_JA[Kind(kind)]} {n} 件" for kind, n in counts.items() if n]
                return "、".join(parts) or "なし"
            return ", ".join(f"{n} {kind}" for kind, n in counts.items() if n) or "-"

        return Msg(
            en=f"Pushed {self.title} to the records: added {listed(Change.ADDED, 'en')}; "
            f"updated {listed(Change.UPDATED, 'en')}.",
            ja=f"「{self.title}」を記録に送りました。追加：{listed(Change.ADDED, 'ja')}。"
            f"更新：{listed(Change.UPDATED, 'ja')}。",
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "added": self.totals(Change.ADDED),
            "updated": self.totals(Change.UPDATED),
            "unchanged": self.totals(Change.UNCHANGED),
        }


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def among(conn: Connection, column: Any, values: Sequence[Any]) -> Any:
    """`column IN values`. PostgreSQL gets one array parameter (`= ANY`): a thousand
    separate placeholders cost more to compile and parse than the query itself."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy import any_, literal
        from sqlalchemy.dialects.postgresql import ARRAY

        return column == any_(literal(list(values), ARRAY(column.type)))
    return column.in_(values)


def _table(model: Any) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


class _Writer:
    """The statements of one push, on one connection inside its transaction."""

    def __init__(self, conn: Connection, result: PushResult) -> None:
        self.conn = conn
        self.result = result

    def merge(
        self,
        kind: Kind,
        model: Any,
        key: str,
        rows: Mapping[Any, dict[str, Any]],
        stored: Mapping[Any, Mapping[str, Any]],
        rank: Any = None,
    ) -> None:
        """Insert the new rows of `rows`, update those the rule lets win, count the rest."""
        table = _table(model)
        added, winners = self.classify(kind, rows, stored, rank)
        updated = [{**values, "_key": row_key} for row_key, values in winners]
        if added:
            self.conn.execute(insert(table), added)
        if updated:
            columns = [c for c in updated[0] if c not in ("_key", key)]
            statement = (
                update(table)
                .where(table.c[key] == bindparam("_key"))
                .values({c: bindparam(c) for c in columns})
            )
            self.conn.execute(
                statement, [{k: v for k, v in u.items() if k != key} for u in updated]
            )

    def classify(
        self,
        kind: Kind,
        rows: Mapping[Any, dict[str, Any]],
        stored: Mapping[Any, Mapping[str, Any]],
        rank: Any,
    ) -> tuple[list[dict[str, Any]], list[tuple[Any, dict[str, Any]]]]:
        """Count each row's change; the rows to insert, and (key, values) of those to update."""
        added: list[dict[str, Any]] = []
        updated: list[tuple[Any, dict[str, Any]]] = []
        for row_key, values in rows.items():
            change = decide(values, stored.get(row_key), rank)
            self.result.count(kind, change)
            if change is Change.ADDED:
                added.append(values)
            elif change is Change.UPDATED:
                updated.append((row_key, values))
        return added, updated

    def stored(self, model: Any, key: str, where: Any) -> dict[Any, dict[str, Any]]:
        table = _table(model)
        return {
            row[key]: dict(row) for row in self.conn.execute(select(table).where(where)).mappings()
        }


def push_snapshot(store: RecordsStore, snap: EventSnapshot) -> PushResult:
    """Merge `snap` into the records in one transaction; returns what changed."""
    result = PushResult(snap.event.uuid, snap.event.title)
    digest = snap.digest()
    merged = _table(MergedSnapshot)
    with store.engine.begin() as conn:
        if conn.execute(
            select(merged.c.digest).where(
                and_(merged.c.event_uuid == snap.event.uuid, merged.c.digest == digest)
            )
        ).first():
            _count_all_unchanged(conn, snap, result)
            return result
        writer = _Writer(conn, result)
        titles = {snap.event.title, *_stored_title(conn, snap.event.uuid)}
        _push_event(writer, snap)
        people = _push_people(writer, snap)
        _push_enrolments(writer, snap, people)
        _push_checkins(writer, snap, people)
        _push_attendances(writer, snap.event.uuid)
        for title in titles:  # a renamed event leaves its old training too
            refresh_training_status(conn, title)
        conn.execute(insert(merged).values(event_uuid=snap.event.uuid, digest=digest))
        _push_responses(writer, snap, people)
        _push_certificates(writer, snap, people)
    return result


def _count_all_unchanged(conn: Connection, snap: EventSnapshot, result: PushResult) -> None:
    """What a full comparison would report for a snapshot merged before: every row unchanged."""
    attendances = _table(Attendance)
    derived = conn.execute(
        select(func.count()).where(attendances.c.event_uuid == snap.event.uuid)
    ).scalar_one()
    for kind, n in (
        (Kind.EVENTS, 1),
        (Kind.SESSIONS, len(snap.sessions)),
        (Kind.PEOPLE, len({a.staff_key for a in snap.attendees})),
        (Kind.ENROLMENTS, len(snap.attendees)),
        (Kind.CHECKINS, len(snap.checkins)),
        (Kind.ATTENDANCES, derived),
        (Kind.RESPONSES, len(snap.responses)),
        (Kind.CERTIFICATES, len(snap.certificates)),
    ):
        result.count(kind, Change.UNCHANGED, n)


def _stored_title(conn: Connection, event_uuid: str) -> list[str]:
    events = _table(RecordEvent)
    return list(conn.execute(select(events.c.title).where(events.c.uuid == event_uuid)).scalars())


def refresh_training_status(conn: Connection, title: str) -> None:
    """Derive `training_status` of `title` again: per person, the department of their
    latest day of that training and whether they attended any day of it. Only the
    rows that differ are written, so a push that changes nothing writes nothing."""
    e, en, a = _table(RecordEvent), _table(Enrolment), _table(Attendance)
    wanted: dict[int, dict[str, Any]] = {}
    rows = conn.execute(
        select(en.c.person_id, e.c.date, en.c.department, a.c.person_id.is_not(None))
        .select_from(en)
        .join(e, e.c.uuid == en.c.event_uuid)
        .outerjoin(a, and_(a.c.event_uuid == en.c.event_uuid, a.c.person_id == en.c.person_id))
        .where(e.c.title == title)
        .order_by(e.c.date, en.c.event_uuid)
    )
    for person, _day, department, attended in rows:
        before = wanted.get(person)
        wanted[person] = {
            "title": title,
            "person_id": person,
            "department": department,  # the latest day's (rows come in date order)
            "attended": bool(attended) or bool(before and before["attended"]),
        }
    status = _table(TrainingStatus)
    stored = {
        row["person_id"]: dict(row)
        for row in conn.execute(select(status).where(status.c.title == title)).mappings()
    }
    stale = [p for p, row in stored.items() if wanted.get(p) != row]
    for part in _chunks(stale):
        conn.execute(
            delete(status).where(
                and_(status.c.title == title, among(conn, status.c.person_id, part))
            )
        )
    fresh = [row for p, row in wanted.items() if stored.get(p) != row]
    if fresh:
        conn.execute(insert(status), fresh)


def _push_event(writer: _Writer, snap: EventSnapshot) -> None:
    e = snap.event
    row = {
        "uuid": e.uuid,
        "title": e.title,
        "date": e.date,
        "venue": e.venue,
        "issuer": e.issuer,
        "hours": e.hours,
        "version": e.version,
    }
    events = _table(RecordEvent)
    writer.merge(
        Kind.EVENTS,
        RecordEvent,
        "uuid",
        {e.uuid: row},
        writer.stored(RecordEvent, "uuid", events.c.uuid == e.uuid),
        by_version,
    )
    sessions = _table(RecordSession)
    writer.merge(
        Kind.SESSIONS,
        RecordSession,
        "uuid",
        {
            s.uuid: {
                "uuid": s.uuid,
                "event_uuid": e.uuid,
                "label": s.label,
                "date": s.date,
                "start": s.start,
                "end": s.end,
                "room": s.room,
                "capacity": s.capacity,
                "version": e.version,
            }
            for s in snap.sessions
        },
        writer.stored(RecordSession, "uuid", sessions.c.event_uuid == e.uuid),
        by_version,
    )


def _push_people(writer: _Writer, snap: EventSnapshot) -> dict[str, int]:
    """Insert or refresh everyone on the event's roster; returns staff key -> person id."""
    people = _table(Person)
    rows = {
        a.staff_key: {
            "staff_key": a.staff_key,
            "staff_no": a.staff_no,
            "name": a.name,
            "kana": a.kana,
            "department": a.department,
            "title": a.title,
            "role": a.role,
            "email": a.email,
            # The newest training's details win: its date first, then the entry's edit time.
            "version": f"{snap.event.date.isoformat()}|{a.version}|{a.uuid}",
        }
        for a in snap.attendees
    }
    keys = list(rows)
    stored: dict[Any, dict[str, Any]] = {}
    for part in _chunks(keys):
        stored.update(
            writer.stored(Person, "staff_key", among(writer.conn, people.c.staff_key, part))
        )
    writer.merge(Kind.PEOPLE, Person, "staff_key", rows, stored, by_version)
    ids = {key: row["id"] for key, row in stored.items()}
    new = [key for key in keys if key not in ids]
    for part in _chunks(new):
        ids.update(
            writer.conn.execute(
                select(people.c.staff_key, people.c.id).where(
                    among(writer.conn, people.c.staff_key, part)
                )
            ).all()
        )
    return ids


def _push_enrolments(writer: _Writer, snap: EventSnapshot, people: dict[str, int]) -> None:
    table = _table(Enrolment)
    stored = {
        row["person_id"]: dict(row)
        for row in writer.conn.execute(
            select(table).where(table.c.event_uuid == snap.event.uuid)
        ).mappings()
    }
    rows = {
        people[a.staff_key]: {
            "uuid": a.uuid,
            "event_uuid": snap.event.uuid,
            "person_id": people[a.staff_key],
            "department": a.department,
            "title": a.title,
            "role": a.role,
            "session_uuid": a.session_uuid,
            "walk_in": a.walk_in,
            "version": f"{a.version}|{a.uuid}",
        }
        for a in snap.attendees
    }
    # Keyed by person, not by UUID: a walk-in added on the second laptop is the
    # same enrolment as the first laptop's entry for that person.
    _merge_by(writer, Kind.ENROLMENTS, table, rows, stored, "person_id", snap.event.uuid)


def _merge_by(
    writer: _Writer,
    kind: Kind,
    table: Table,
    rows: Mapping[int, dict[str, Any]],
    stored: Mapping[int, Mapping[str, Any]],
    person_column: str,
    event_uuid: str,
) -> None:
    added, winners = writer.classify(kind, rows, stored, by_version)
    updated = [values for _, values in winners]
    if added:
        writer.conn.execute(insert(table), added)
    if updated:
        columns = [c for c in updated[0] if c not in ("event_uuid", person_column)]
        writer.conn.execute(
            update(table)
            .where(
                and_(
                    table.c.event_uuid == bindparam("_event"),
                    table.c[person_column] == bindparam("_person"),
                )
            )
            .values({c: bindparam(c) for c in columns}),
            [
                {
                    **{c: u[c] for c in columns},
                    "_event": event_uuid,
                    "_person": u[person_column],
                }
                for u in updated
            ],
        )


def _push_checkins(writer: _Writer, snap: EventSnapshot, people: dict[str, int]) -> None:
    table = _table(RecordCheckIn)
    writer.merge(
        Kind.CHECKINS,
        RecordCheckIn,
        "uuid",
        {
            c.uuid: {
                "uuid": c.uuid,
                "event_uuid": snap.event.uuid,
                "person_id": people[c.staff_key],
                "session_uuid": c.session_uuid,
                "checked_in_at": c.checked_in_at,
                "method": c.method,
                "device": c.device,
                "undone_at": c.undone_at,
            }
            for c in snap.checkins
        },
        writer.stored(RecordCheckIn, "uuid", table.c.event_uuid == snap.event.uuid),
        by_undone,  # a check-in once undone stays undone, whichever copy comes last
    )


def _push_attendances(writer: _Writer, event_uuid: str) -> None:
    """Derive the event's attendances again from every laptop's check-ins."""
    checkins = _table(RecordCheckIn)
    facts = [
        CheckInFact(r.uuid, r.person_id, r.session_uuid, r.checked_in_at, r.method, r.undone)
        for r in writer.conn.execute(
            select(
                checkins.c.uuid,
                checkins.c.person_id,
                checkins.c.session_uuid,
                checkins.c.checked_in_at,
                checkins.c.method,
                checkins.c.undone_at.is_not(None).label("undone"),
            ).where(checkins.c.event_uuid == event_uuid)
        )
    ]
    wanted = {
        person: {
            "event_uuid": event_uuid,
            "person_id": person,
            "session_uuid": fact.session_uuid,
            "checked_in_at": fact.checked_in_at,
            "methods": fact.methods,
        }
        for person, fact in attendances(facts).items()
    }
    table = _table(Attendance)
    stored = {
        row["person_id"]: dict(row)
        for row in writer.conn.execute(
            select(table).where(table.c.event_uuid == event_uuid)
        ).mappings()
    }
    # Derived rows: what the check-ins say now simply replaces what was there.
    _replace_derived(writer, table, wanted, stored, event_uuid)


def _replace_derived(
    writer: _Writer,
    table: Table,
    wanted: Mapping[int, dict[str, Any]],
    stored: Mapping[int, Mapping[str, Any]],
    event_uuid: str,
) -> None:
    added = [v for p, v in wanted.items() if p not in stored]
    changed = [v for p, v in wanted.items() if p in stored and dict(stored[p]) != v]
    gone = [p for p in stored if p not in wanted]
    writer.result.count(Kind.ATTENDANCES, Change.ADDED, len(added))
    writer.result.count(Kind.ATTENDANCES, Change.UPDATED, len(changed) + len(gone))
    writer.result.count(Kind.ATTENDANCES, Change.UNCHANGED, len(wanted) - len(added) - len(changed))
    if gone:
        for part in _chunks(gone):
            writer.conn.execute(
                delete(table).where(
                    and_(
                        table.c.event_uuid == event_uuid,
                        among(writer.conn, table.c.person_id, part),
                    )
                )
            )
    if changed:
        writer.conn.execute(
            delete(table).where(
                and_(
                    table.c.event_uuid == event_uuid,
                    among(writer.conn, table.c.person_id, [v["person_id"] for v in changed]),
                )
            )
        )
    if added or changed:
        writer.conn.execute(insert(table), [*added, *changed])


def _push_responses(writer: _Writer, snap: EventSnapshot, people: dict[str, int]) -> None:
    table = _table(RecordResponse)
    stored = writer.stored(RecordResponse, "uuid", table.c.event_uuid == snap.event.uuid)
    named = {row["person_id"]: row for row in stored.values() if row["person_id"] is not None}
    rows: dict[str, dict[str, Any]] = {}
    superseded: list[str] = []
    for r in sorted(snap.responses, key=lambda r: (r.submitted_at, r.uuid)):
        person = people.get(r.staff_key) if r.staff_key else None
        values = {
            "uuid": r.uuid,
            "event_uuid": snap.event.uuid,
            "session_uuid": r.session_uuid,
            "person_id": person,
            "department": r.department,
            "submitted_at": r.submitted_at,
            "method": r.method,
            "answers": r.answers,
        }
        other = named.get(person) if person is not None else None
        if other is not None and other["uuid"] != r.uuid:
            # One response per person and event, the latest submitted: a person who
            # answered on both laptops is counted once, whichever laptop pushes first.
            if (r.submitted_at, r.uuid) < (other["submitted_at"], other["uuid"]):
                writer.result.count(Kind.RESPONSES, Change.UNCHANGED)
                continue
            if rows.pop(other["uuid"], None) is None:
                superseded.append(other["uuid"])
                stored.pop(other["uuid"], None)
                writer.result.count(Kind.RESPONSES, Change.UPDATED)
                writer.result.count(Kind.RESPONSES, Change.ADDED, -1)
        if person is not None:
            named[person] = values
        rows[r.uuid] = values
    for part in _chunks(superseded):
        writer.conn.execute(delete(table).where(among(writer.conn, table.c.uuid, part)))
    writer.merge(Kind.RESPONSES, RecordResponse, "uuid", rows, stored)


def _push_certificates(writer: _Writer, snap: EventSnapshot, people: dict[str, int]) -> None:
    table = _table(RecordCertificate)
    numbers = [c.number for c in snap.certificates]
    for part in _chunks(numbers):
        clash = writer.conn.execute(
            select(table.c.number, table.c.uuid).where(among(writer.conn, table.c.number, part))
        ).first()
        mine = {c.number: c.uuid for c in snap.certificates}
        if clash is not None and mine[clash.number] != clash.uuid:
            raise RecordsConflict(
                Msg(
                    en=f"Certificate number {clash.number} is already in the records for another "
                    "certificate: two laptops issued certificates for this event. Only the "
                    "laptop the event was copied from issues them (docs/records.md). Nothing "
                    "was written.",
                    ja=f"修了証番号 {clash.number} は別の修了証として既に記録されています。この研修の"
                    "修了証を 2 台のパソコンで発行したためです。発行できるのはコピー元のパソコン"
                    "だけです（docs/records.md）。何も書き込んでいません。",
                )
            )
    writer.merge(
        Kind.CERTIFICATES,
        RecordCertificate,
        "uuid",
        {
            c.uuid: {
                "uuid": c.uuid,
                "number": c.number,
                "event_uuid": snap.event.uuid,
                "person_id": people[c.staff_key],
                "issued_at": c.issued_at,
                "revoked_at": c.revoked_at,
                "revoke_reason": c.revoke_reason,
                "reissue_count": c.reissue_count,
                "code": c.code,
            }
            for c in snap.certificates
        },
        writer.stored(RecordCertificate, "uuid", table.c.event_uuid == snap.event.uuid),
        lambda v: (v.get("revoked_at") is not None, v.get("reissue_count") or 0),
    )
