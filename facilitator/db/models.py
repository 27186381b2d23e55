"""The workspace's data model: one SQLite file holds many training events.

Only the data layer sees these classes; services hand plain dataclasses to
the layers above. Any change here needs an Alembic migration
(`tests/unit/test_migrations.py` compares the two).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
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
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from facilitator.db.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# A version-4 UUID made by SQLite itself, so every way of inserting a row (ORM,
# Core, INSERT ... SELECT) gives it a stable identity at creation. Each
# randomblob() is drawn anew; the fixed "4" and the 8/9/a/b nibble make it a
# well-formed RFC 4122 random UUID. The records database keys rows by it.
UUID_DEFAULT = text(
    "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))"
)


def uuid_column() -> Mapped[str]:
    """A row's stable identity across workspaces and the records (see docs/records.md)."""
    return mapped_column(String(36), index=True, unique=True, server_default=UUID_DEFAULT)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads it from the class
        datetime: UtcDateTime(),
        date: Date(),
        time: Time(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
        str: String(),
    }


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    title: Mapped[str] = mapped_column(String(200))
    date: Mapped[date]
    venue: Mapped[str] = mapped_column(String(200), default="")
    issuer: Mapped[str] = mapped_column(String(200), default="")
    signatory: Mapped[str] = mapped_column(String(200), default="")
    hours: Mapped[float] = mapped_column(default=0.0)
    # Hex HMAC key for check-in tokens, slip QR codes and certificate codes.
    secret: Mapped[str] = mapped_column(String(64))
    certificate_prefix: Mapped[str] = mapped_column(String(40), default="CERT")
    certificate_number_format: Mapped[str] = mapped_column(
        String(100), default="{prefix}-{year}-{seq:04d}"
    )
    certificate_layout_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificate_layouts.id", ondelete="SET NULL")
    )
    # Per-event options that do not deserve a column (eligibility rules, token window, ...).
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    sessions: Mapped[list[TrainingSession]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by="TrainingSession.position",
    )


class TrainingSession(Base):
    """One run of the training (AM, PM, ...); named so to avoid clashing with ORM sessions."""

    __tablename__ = "sessions"
    __table_args__ = (UniqueConstraint("event_id", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(40))
    # Short random code used in phone URLs (/c/<code>); unique across the workspace.
    code: Mapped[str] = mapped_column(String(16), unique=True)
    date: Mapped[date]
    start: Mapped[time]
    end: Mapped[time]
    room: Mapped[str] = mapped_column(String(200), default="")
    capacity: Mapped[int]
    position: Mapped[int] = mapped_column(default=0)
    checkin_open: Mapped[bool] = mapped_column(default=True)
    feedback_open: Mapped[bool] = mapped_column(default=False)

    event: Mapped[Event] = relationship(back_populates="sessions")


class Department(Base):
    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("event_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kana: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(default=0)


class Attendee(Base):
    __tablename__ = "attendees"
    __table_args__ = (UniqueConstraint("event_id", "staff_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    staff_no: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    kana: Mapped[str] = mapped_column(String(200), default="")
    department_id: Mapped[int] = mapped_column(
        ForeignKey("departments.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    preferred_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL")
    )
    assigned_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL"), index=True
    )
    # A manual assignment: automatic assignment never moves a locked attendee.
    locked: Mapped[bool] = mapped_column(default=False)
    walk_in: Mapped[bool] = mapped_column(default=False)
    # Certificates: "" follows the rules, "include"/"exclude" overrides them.
    eligibility_override: Mapped[str] = mapped_column(String(10), default="")
    eligibility_reason: Mapped[str] = mapped_column(String(500), default="")
    # Bumped to invalidate a lost admission slip's personal QR code.
    token_version: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CheckIn(Base):
    __tablename__ = "checkins"
    __table_args__ = (
        # Exactly once: at most one check-in per attendee that has not been undone.
        Index(
            "uq_checkins_active_attendee",
            "attendee_id",
            unique=True,
            sqlite_where=text("undone_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    attendee_id: Mapped[int] = mapped_column(ForeignKey("attendees.id", ondelete="CASCADE"))
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    checked_in_at: Mapped[datetime]
    method: Mapped[str] = mapped_column(String(20))
    device: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    undone_at: Mapped[datetime | None]
    undone_reason: Mapped[str] = mapped_column(String(500), default="")


class PhoneBinding(Base):
    """A phone bound to an attendee: it recorded their check-in, or claimed them for the
    survey after a desk check-in (see `domain.devices`). One phone per attendee."""

    __tablename__ = "phone_bindings"
    __table_args__ = (UniqueConstraint("event_id", "attendee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    attendee_id: Mapped[int] = mapped_column(ForeignKey("attendees.id", ondelete="CASCADE"))
    device: Mapped[str] = mapped_column(String(64), index=True)  # the device cookie
    address: Mapped[str] = mapped_column(String(64), index=True)
    bound_at: Mapped[datetime]
    via: Mapped[str] = mapped_column(String(20))  # "checkin" or "claim"


class DeviceRefusal(Base):
    """A check-in a phone could not record because it had checked in somebody else.

    The desk lists the open ones (both names) and admits the person with one click.
    """

    __tablename__ = "device_refusals"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    attendee_id: Mapped[int] = mapped_column(ForeignKey("attendees.id", ondelete="CASCADE"))
    # Whom the phone is bound to (None: a phone without a cookie behind a shared address).
    bound_attendee_id: Mapped[int | None] = mapped_column(
        ForeignKey("attendees.id", ondelete="SET NULL")
    )
    device: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]  # the latest attempt
    resolved_at: Mapped[datetime | None]
    # One open row per (event, attendee, device, address): a phone that tries again
    # counts here instead of adding rows to the desk's list.
    attempts: Mapped[int] = mapped_column(default=1, server_default=text("1"))


class AgendaItem(Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(200))
    minutes: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20), default="talk")
    notes: Mapped[str] = mapped_column(Text, default="")
    # May be shortened by the catch-up proposal.
    flexible: Mapped[bool] = mapped_column(default=False)
    # Built-in slide: {"heading": str, "bullets": [str], "image": str | None}.
    slide: Mapped[dict[str, Any]] = mapped_column(default=dict)
    pdf_path: Mapped[str | None] = mapped_column(String(1000))
    pdf_first_page: Mapped[int | None]
    pdf_last_page: Mapped[int | None]
    amber_seconds: Mapped[int] = mapped_column(default=120)
    red_seconds: Mapped[int] = mapped_column(default=0)


class AgendaRun(Base):
    """One stretch of time an item was on screen in a session (planned vs actual)."""

    __tablename__ = "agenda_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"))
    planned_minutes: Mapped[int]
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    paused_seconds: Mapped[float] = mapped_column(default=0.0)
    paused_since: Mapped[datetime | None]
    adjust_seconds: Mapped[int] = mapped_column(default=0)


class Survey(Base):
    __tablename__ = "surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    template_key: Mapped[str] = mapped_column(String(40), default="")
    anonymous: Mapped[bool] = mapped_column(default=False)
    allow_resubmit: Mapped[bool] = mapped_column(default=True)

    questions: Mapped[list[Question]] = relationship(
        cascade="all, delete-orphan", order_by="Question.position"
    )


class Question(Base):
    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("survey_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(20))
    label_ja: Mapped[str] = mapped_column(String(500))
    label_en: Mapped[str] = mapped_column(String(500))
    required: Mapped[bool] = mapped_column(default=True)
    # Choice kinds: [{"value": str, "label_ja": str, "label_en": str}].
    choices: Mapped[list[Any]] = mapped_column(default=list)
    min_label_ja: Mapped[str] = mapped_column(String(200), default="")
    min_label_en: Mapped[str] = mapped_column(String(200), default="")
    max_label_ja: Mapped[str] = mapped_column(String(200), default="")
    max_label_en: Mapped[str] = mapped_column(String(200), default="")
    max_length: Mapped[int | None]


class Response(Base):
    """A set of answers. For an anonymous survey `attendee_id` stays empty."""

    __tablename__ = "responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    attendee_id: Mapped[int | None] = mapped_column(ForeignKey("attendees.id", ondelete="SET NULL"))
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="SET NULL")
    )
    submitted_at: Mapped[datetime]
    method: Mapped[str] = mapped_column(String(20))
    # The phone (address|device cookie) or staff channel that last replaced these answers.
    replaced_by_device: Mapped[str] = mapped_column(
        String(200), default="", server_default=text("''")
    )


class Answer(Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("response_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    value: Mapped[Any] = mapped_column(JSON)


class SubmissionMarker(Base):
    """Who has answered, kept apart from what they answered.

    For an anonymous survey `response_id` stays empty, so a marker cannot be
    joined to its answers, yet a second submission is still refused.
    """

    __tablename__ = "submission_markers"
    __table_args__ = (UniqueConstraint("survey_id", "attendee_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    attendee_id: Mapped[int] = mapped_column(ForeignKey("attendees.id", ondelete="CASCADE"))
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    response_id: Mapped[int | None] = mapped_column(ForeignKey("responses.id", ondelete="SET NULL"))
    submitted_at: Mapped[datetime]


class CertificateLayout(Base):
    __tablename__ = "certificate_layouts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # The layout as data (paper, elements in mm, ...); see the certificates docs.
    spec: Mapped[dict[str, Any]] = mapped_column(default=dict)
    builtin_key: Mapped[str] = mapped_column(String(40), default="")


class Certificate(Base):
    __tablename__ = "certificates"
    __table_args__ = (UniqueConstraint("event_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = uuid_column()
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    attendee_id: Mapped[int] = mapped_column(
        ForeignKey("attendees.id", ondelete="RESTRICT"), unique=True
    )
    seq: Mapped[int]
    number: Mapped[str] = mapped_column(String(100), unique=True)
    issued_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    revoke_reason: Mapped[str] = mapped_column(String(500), default="")
    reissued_at: Mapped[datetime | None]
    reissue_count: Mapped[int] = mapped_column(default=0)


class AuditLog(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


__all__ = [
    "AgendaItem",
    "AgendaRun",
    "Answer",
    "Attendee",
    "AuditLog",
    "Base",
    "Certificate",
    "CertificateLayout",
    "CheckIn",
    "Department",
    "DeviceRefusal",
    "Event",
    "PhoneBinding",
    "Question",
    "Response",
    "SubmissionMarker",
    "Survey",
    "TrainingSession",
]


class Unavailability(Base):
    """A session an attendee cannot attend (the roster's 不可 column): a hard rule."""

    __tablename__ = "attendee_unavailability"

    attendee_id: Mapped[int] = mapped_column(
        ForeignKey("attendees.id", ondelete="CASCADE"), primary_key=True
    )
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )


class SlipPrint(Base):
    """The session on an attendee's last printed admission slip.

    The slip is stale when the attendee's session is no longer this one (a move,
    or the session was deleted); the roster then says to reprint it.
    """

    __tablename__ = "slip_prints"

    attendee_id: Mapped[int] = mapped_column(
        ForeignKey("attendees.id", ondelete="CASCADE"), primary_key=True
    )
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"))
    printed_at: Mapped[datetime]
