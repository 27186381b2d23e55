"""Who gets a certificate of completion, and the event's certificate settings.

Eligibility is decided by `domain.certificates.decide` from what the workspace
records (checked in, feedback given when the event asks for it) and any override a
trainer made by hand, with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.db.models import (
    Attendee,
    Certificate,
    CheckIn,
    Department,
    Event,
    SubmissionMarker,
    Survey,
    TrainingSession,
)
from facilitator.db.workspace import Workspace
from facilitator.domain.certificates import (
    DEFAULT_NUMBER_FORMAT,
    EligibilityFacts,
    Override,
    Reason,
    check_number_format,
    decide,
)
from facilitator.domain.clock import Clock
from facilitator.errors import InputRejected, Msg
from facilitator.services import audit
from facilitator.services.event_rows import load_event

SETTINGS_KEY = "certificates"
MAX_REASON = 500


@dataclass(frozen=True)
class CertificateSettings:
    prefix: str
    number_format: str
    require_feedback: bool


@dataclass(frozen=True)
class EligibilityRow:
    attendee_id: int
    staff_no: str
    name: str
    kana: str
    department: str
    eligible: bool
    reason: Reason
    override_reason: str
    number: str | None  # issued certificate, if any
    revoked: bool


def certificate_order(department: Department, attendee: Attendee) -> tuple[Any, ...]:
    """Department (by reading), then person (by reading); ids break the last ties."""
    return (
        department.kana or department.name,
        department.name,
        attendee.kana or attendee.name,
        attendee.name,
        attendee.staff_no,
        attendee.id,
    )


def reason_text(reason: str) -> str:
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise InputRejected(
            Msg(
                en="Give a reason; it is kept in the record.",
                ja="理由を入力してください（記録に残ります）。",
            )
        )
    if len(cleaned) > MAX_REASON:
        raise InputRejected(
            Msg(
                en=f"The reason is too long (at most {MAX_REASON} characters).",
                ja=f"理由が長すぎます（{MAX_REASON} 文字まで）。",
            )
        )
    return cleaned


class CertificateEligibility:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    # -- settings -----------------------------------------------------------------------------
    def get_settings(self, event_id: int) -> CertificateSettings:
        with self._workspace.session() as session:
            return settings_of(load_event(session, event_id))

    def update_settings(self, event_id: int, settings: CertificateSettings) -> CertificateSettings:
        """Change the numbering and the feedback rule; issued numbers never change."""
        prefix = settings.prefix.strip()
        fmt = settings.number_format.strip() or DEFAULT_NUMBER_FORMAT
        check_number_format(fmt, prefix)
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            event.certificate_prefix = prefix
            event.certificate_number_format = fmt
            options = dict(event.settings or {})
            options[SETTINGS_KEY] = {
                **options.get(SETTINGS_KEY, {}),
                "require_feedback": settings.require_feedback,
            }
            event.settings = options  # a new dict, so the JSON column is written
            event.updated_at = self._clock.now()
            audit.record(
                session,
                at=self._clock.now(),
                action="certificate.settings",
                event_id=event_id,
                entity="event",
                entity_id=event_id,
                detail={
                    "prefix": prefix,
                    "format": fmt,
                    "require_feedback": settings.require_feedback,
                },
            )
            return settings_of(event)

    # -- eligibility --------------------------------------------------------------------------
    def eligibility(self, event_id: int) -> list[EligibilityRow]:
        """Everyone in the event, in certificate order, with eligible or not and why."""
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            return [row for row, _, _ in eligibility_rows(session, event)]

    def set_override(self, attendee_id: int, override: Override, reason: str = "") -> None:
        """Include or exclude someone by hand (with a reason), or go back to the rules."""
        text = "" if override is Override.NONE else reason_text(reason)
        with self._workspace.session() as session:
            attendee = session.get(Attendee, attendee_id)
            if attendee is None:
                raise InputRejected(
                    Msg(en="That attendee no longer exists.", ja="その受講者は存在しません。")
                )
            attendee.eligibility_override = override.value
            attendee.eligibility_reason = text
            attendee.updated_at = self._clock.now()
            audit.record(
                session,
                at=self._clock.now(),
                action="certificate.override",
                event_id=attendee.event_id,
                entity="attendee",
                entity_id=attendee.id,
                detail={"override": override.value, "reason": text},
            )


def eligibility_rows(
    session: Session, event: Event
) -> list[tuple[EligibilityRow, Attendee, Department]]:
    """Everyone in `event` in certificate order: their row, and the rows it came from."""
    settings = settings_of(event)
    checked_in = set(
        session.scalars(
            select(CheckIn.attendee_id)
            .join(TrainingSession, CheckIn.session_id == TrainingSession.id)
            .where(TrainingSession.event_id == event.id, CheckIn.undone_at.is_(None))
        )
    )
    answered = set(
        session.scalars(
            select(SubmissionMarker.attendee_id)
            .join(Survey, SubmissionMarker.survey_id == Survey.id)
            .where(Survey.event_id == event.id)
        )
    )
    certificates = {
        c.attendee_id: c
        for c in session.scalars(select(Certificate).where(Certificate.event_id == event.id))
    }
    people = session.execute(
        select(Attendee, Department)
        .join(Department, Attendee.department_id == Department.id)
        .where(Attendee.event_id == event.id)
    ).all()
    result = []
    for attendee, department in sorted(people, key=lambda r: certificate_order(r[1], r[0])):
        try:
            override = Override(attendee.eligibility_override or "")
        except ValueError:
            override = Override.NONE
        eligible, reason = decide(
            EligibilityFacts(
                checked_in=attendee.id in checked_in,
                feedback_submitted=attendee.id in answered,
                require_feedback=settings.require_feedback,
                override=override,
            )
        )
        cert = certificates.get(attendee.id)
        row = EligibilityRow(
            attendee_id=attendee.id,
            staff_no=attendee.staff_no,
            name=attendee.name,
            kana=attendee.kana,
            department=department.name,
            eligible=eligible,
            reason=reason,
            override_reason=attendee.eligibility_reason,
            number=cert.number if cert else None,
            revoked=cert is not None and cert.revoked_at is not None,
        )
        result.append((row, attendee, department))
    return result


def settings_of(event: Event) -> CertificateSettings:
    options = (event.settings or {}).get(SETTINGS_KEY, {})
    return CertificateSettings(
        prefix=event.certificate_prefix,
        number_format=event.certificate_number_format or DEFAULT_NUMBER_FORMAT,
        require_feedback=bool(options.get("require_feedback", False)),
    )
