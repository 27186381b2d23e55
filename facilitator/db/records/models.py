"""The records database's tables, the same on SQLite and PostgreSQL.

Rows that come from a workspace are keyed by the workspace row's UUID (see
`db.models.uuid_column`); a person is keyed by the normalised staff number.
Any change here needs a records migration (`tests/records/test_records_schema.py`
compares the two on both engines).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from facilitator.db.models import NAMING_CONVENTION  # the same names for keys and indexes
from facilitator.db.types import UtcDateTime


class RecordsBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads it from the class
        datetime: UtcDateTime(),
        date: Date(),
        time: Time(),
        dict[str, Any]: JSON(),
        str: String(),
        bool: Boolean(),
        float: Float(),
    }


class Person(RecordsBase):
    """One member of staff across every training, matched by the normalised staff number.

    Name, department and role are those of the newest training that listed them
    (`version` orders them), so a person who moved department shows the new one.
    """

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_key: Mapped[str] = mapped_column(String(200), unique=True)
    staff_no: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    kana: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(200), index=True)
    title: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(200))


class RecordEvent(RecordsBase):
    """One training day (a workspace event); its title names the training."""

    __tablename__ = "events"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(String(200), index=True)
    date: Mapped[date]
    venue: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(200))
    hours: Mapped[float]
    version: Mapped[str] = mapped_column(String(200))


class RecordSession(RecordsBase):
    __tablename__ = "sessions"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    event_uuid: Mapped[str] = mapped_column(
        ForeignKey("events.uuid", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(40))
    date: Mapped[date]
    start: Mapped[time]
    end: Mapped[time]
    room: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int]
    version: Mapped[str] = mapped_column(String(200))


class Enrolment(RecordsBase):
    """A person on an event's roster: one per person and event, whichever laptop listed them."""

    __tablename__ = "enrolments"
    __table_args__ = (UniqueConstraint("event_uuid", "person_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)  # the winning attendee entry
    event_uuid: Mapped[str] = mapped_column(
        ForeignKey("events.uuid", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    department: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    session_uuid: Mapped[str | None] = mapped_column(String(36))
    walk_in: Mapped[bool]
    version: Mapped[str] = mapped_column(String(200))


class RecordCheckIn(RecordsBase):
    """Every check-in of every laptop, kept as recorded (methods, devices, undos)."""

    __tablename__ = "checkins"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    event_uuid: Mapped[str] = mapped_column(
        ForeignKey("events.uuid", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    session_uuid: Mapped[str] = mapped_column(String(36))
    checked_in_at: Mapped[datetime]
    method: Mapped[str] = mapped_column(String(20))
    device: Mapped[str] = mapped_column(String(200))
    undone_at: Mapped[datetime | None]


class Attendance(RecordsBase):
    """One per person and event, derived from the check-ins: the earliest one that
    was not undone wins; `methods` lists every way they were checked in."""

    __tablename__ = "attendances"

    event_uuid: Mapped[str] = mapped_column(
        ForeignKey("events.uuid", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True, index=True)
    session_uuid: Mapped[str] = mapped_column(String(36))
    checked_in_at: Mapped[datetime]
    methods: Mapped[str] = mapped_column(String(200))


class TrainingStatus(RecordsBase):
    """Per training (title) and person: their department and whether they attended any
    day of it. Derived at each push from enrolments and attendances, so the matrix of
    every department by every training is one small scan (benchmarks/bench_records.py)."""

    __tablename__ = "training_status"
    # Covers the matrix query: grouped by (title, department) straight off the index.
    __table_args__ = (Index("ix_training_status_matrix", "title", "department", "attended"),)

    title: Mapped[str] = mapped_column(String(200), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True, index=True)
    department: Mapped[str] = mapped_column(String(200))
    attended: Mapped[bool]


class RecordResponse(RecordsBase):
    """A survey response. A named one counts once per person and event (the latest wins);
    an anonymous one has no person and is kept by its UUID."""

    __tablename__ = "responses"
    __table_args__ = (
        Index(
            "uq_responses_event_person",
            "event_uuid",
            "person_id",
            unique=True,
            sqlite_where=text("person_id IS NOT NULL"),
            postgresql_where=text("person_id IS NOT NULL"),
        ),
    )

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    event_uuid: Mapped[str] = mapped_column(
        ForeignKey("events.uuid", ondelete="CASCADE"), index=True
    )
    session_uuid: Mapped[str] = mapped_column(String(36))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    department: Mapped[str] = mapped_column(String(200))
    submitted_at: Mapped[datetime]
    method: Mapped[str] = mapped_column(String(20))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)


class RecordCertificate(RecordsBase):
    """Every certificate issued, with the code printed on it (its signature is checked
    against this code, so the records never hold an event's secret)."""

    __tablename__ = "certificates"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(100), unique=True)
    event_uuid: Mapped[str] = mapped_column(
        ForeignKey("events.uuid", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    issued_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    revoke_reason: Mapped[str] = mapped_column(Text)
    reissue_count: Mapped[int]
    code: Mapped[str] = mapped_column(String(400))


class MergedSnapshot(RecordsBase):
    """A workspace snapshot already merged, by its digest. Merging is idempotent and
    order-free, so pushing the very same snapshot again can change nothing: the push
    says so without comparing every row (a re-push of a 1,000-attendee day)."""

    __tablename__ = "merged_snapshots"

    event_uuid: Mapped[str] = mapped_column(
        ForeignKey("events.uuid", ondelete="CASCADE"), primary_key=True
    )
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
