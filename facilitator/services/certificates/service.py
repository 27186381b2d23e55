"""Certificates of completion: who is eligible, numbers, revocation, verification.

Numbers are assigned once, by `issue`, in a stable order (department, then
kana) and stored; nothing renumbers them later. A later `issue` only numbers
the people who became eligible since, after the existing numbers.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
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
    VerifyOutcome,
    check_number_format,
    decide,
    format_number,
    read_code,
    verification_code,
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


@dataclass(frozen=True)
class IssuedCertificate:
    id: int
    attendee_id: int
    number: str
    code: str
    staff_no: str
    name: str
    kana: str
    department: str
    title: str
    issued_at: datetime
    revoked_at: datetime | None
    revoke_reason: str
    reissued_at: datetime | None
    reissue_count: int


@dataclass(frozen=True)
class IssueResult:
    newly_issued: tuple[IssuedCertificate, ...]
    total_issued: int


@dataclass(frozen=True)
class Verification:
    outcome: VerifyOutcome
    number: str = ""
    name: str = ""
    department: str = ""
    event_title: str = ""
    event_date: date | None = None
    issued_at: datetime | None = None
    revoked_at: datetime | None = None
    revoke_reason: str = ""


# Hyphen look-alikes a Japanese keyboard or a copied PDF may give for "-".
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−ーｰ－", "-"))


def _number_key(text: str) -> str:
    """A certificate number or code as someone might type it, made comparable:
    full-width characters, lower case, hyphen look-alikes, spaces around it."""
    return unicodedata.normalize("NFKC", text).translate(_DASHES).strip().upper()[:200]


def _order_key(department: Department, attendee: Attendee) -> tuple[Any, ...]:
    """Department (by reading), then person (by reading); ids break the last ties."""
    return (
        department.kana or department.name,
        department.name,
        attendee.kana or attendee.name,
        attendee.name,
        attendee.staff_no,
        attendee.id,
    )


def _reason_text(reason: str) -> str:
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


class CertificateService:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    # -- settings -----------------------------------------------------------------------------
    def get_settings(self, event_id: int) -> CertificateSettings:
        with self._workspace.session() as session:
            return _settings(load_event(session, event_id))

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
            return _settings(event)

    # -- eligibility --------------------------------------------------------------------------
    def eligibility(self, event_id: int) -> list[EligibilityRow]:
        """Everyone in the event, in certificate order, with eligible or not and why."""
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            return [row for row, _, _ in self._eligibility(session, event)]

    def set_override(self, attendee_id: int, override: Override, reason: str = "") -> None:
        """Include or exclude someone by hand (with a reason), or go back to the rules."""
        text = "" if override is Override.NONE else _reason_text(reason)
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

    # -- numbers ------------------------------------------------------------------------------
    def issue(self, event_id: int) -> IssueResult:
        """Number everyone eligible who has no certificate yet, after the existing numbers."""
        now = self._clock.now()
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            fmt = event.certificate_number_format or DEFAULT_NUMBER_FORMAT
            check_number_format(fmt, event.certificate_prefix)
            rows = self._eligibility(session, event)
            pending = [(a, d) for row, a, d in rows if row.eligible and row.number is None]
            seq = int(
                session.scalar(
                    select(func.max(Certificate.seq)).where(Certificate.event_id == event_id)
                )
                or 0
            )
            # Numbers are unique in the whole workspace: two events of a year with the same
            # prefix share one register, so a number another event holds is skipped.
            taken = set(session.scalars(select(Certificate.number)))
            created: list[tuple[Certificate, Attendee, Department]] = []
            for attendee, department in pending:
                seq += 1
                number = format_number(fmt, event.certificate_prefix, event.date.year, seq)
                while number in taken:
                    seq += 1
                    number = format_number(fmt, event.certificate_prefix, event.date.year, seq)
                taken.add(number)
                cert = Certificate(
                    event_id=event_id,
                    attendee_id=attendee.id,
                    seq=seq,
                    number=number,
                    issued_at=now,
                    revoke_reason="",
                    reissue_count=0,
                )
                session.add(cert)
                created.append((cert, attendee, department))
            session.flush()
            if created:
                audit.record(
                    session,
                    at=now,
                    action="certificate.issue",
                    event_id=event_id,
                    entity="event",
                    entity_id=event_id,
                    detail={"numbers": [c.number for c, _, _ in created]},
                )
            total = session.scalar(
                select(func.count(Certificate.id)).where(Certificate.event_id == event_id)
            )
            return IssueResult(
                newly_issued=tuple(_issued(event, c, a, d) for c, a, d in created),
                total_issued=int(total or 0),
            )

    def issued(self, event_id: int) -> list[IssuedCertificate]:
        """Issued certificates (revoked ones too), sorted by department then kana."""
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            rows = session.execute(
                select(Certificate, Attendee, Department)
                .join(Attendee, Certificate.attendee_id == Attendee.id)
                .join(Department, Attendee.department_id == Department.id)
                .where(Certificate.event_id == event_id)
            ).all()
            ordered = sorted(rows, key=lambda r: _order_key(r[2], r[1]))
            return [_issued(event, c, a, d) for c, a, d in ordered]

    def revoke(self, number: str, reason: str) -> IssuedCertificate:
        """Mark a certificate as no longer valid; `verify` then says revoked, when and why."""
        text = _reason_text(reason)
        with self._workspace.session() as session:
            cert, attendee, department, event = _load_certificate(session, number)
            if cert.revoked_at is not None:
                raise InputRejected(
                    Msg(
                        en=f"Certificate {cert.number} is already revoked.",
                        ja=f"修了証 {cert.number} は既に取り消されています。",
                    )
                )
            cert.revoked_at = self._clock.now()
            cert.revoke_reason = text
            audit.record(
                session,
                at=self._clock.now(),
                action="certificate.revoke",
                event_id=event.id,
                entity="certificate",
                entity_id=cert.id,
                detail={"number": cert.number, "reason": text},
            )
            return _issued(event, cert, attendee, department)

    def reissue(self, number: str, reason: str) -> IssuedCertificate:
        """Issue the same certificate again (same number); a revocation is lifted and recorded."""
        text = _reason_text(reason)
        with self._workspace.session() as session:
            cert, attendee, department, event = _load_certificate(session, number)
            before = {
                "revoked_at": cert.revoked_at.isoformat() if cert.revoked_at else None,
                "revoke_reason": cert.revoke_reason,
            }
            cert.reissued_at = self._clock.now()
            cert.reissue_count += 1
            cert.revoked_at = None
            cert.revoke_reason = ""
            audit.record(
                session,
                at=self._clock.now(),
                action="certificate.reissue",
                event_id=event.id,
                entity="certificate",
                entity_id=cert.id,
                detail={"number": cert.number, "reason": text, "before": before},
            )
            return _issued(event, cert, attendee, department)

    # -- verification -------------------------------------------------------------------------
    def verify(self, code: str) -> Verification:
        """What a scanned or typed code says: valid, revoked, unknown or forged. Read-only.

        A bare certificate number is looked up too (NUMBER_ONLY): the records team
        is often asked about a number read out over the phone."""
        parsed = read_code(_number_key(code))
        typed = code.strip()
        if parsed is None and not typed:
            return Verification(VerifyOutcome.UNKNOWN)
        with self._workspace.session() as session:
            row = self._certificate_row(session, parsed.number if parsed else typed)
            if row is None and parsed is None:
                # As typed, it is no number; compared loosely (case, width, hyphens) it may be.
                key = _number_key(typed)
                number = next(
                    (
                        n
                        for n in session.scalars(select(Certificate.number))
                        if _number_key(n) == key
                    ),
                    None,
                )
                row = self._certificate_row(session, number) if number else None
            if row is None:
                # Not a code and no such number: say what a code looks like.
                return Verification(VerifyOutcome.UNKNOWN, number=parsed.number if parsed else "")
            cert, attendee, department, event = row
            if parsed is None:
                outcome = VerifyOutcome.NUMBER_ONLY
            elif not parsed.signed_by(event.secret):
                return Verification(VerifyOutcome.FORGED, number=parsed.number)
            else:
                outcome = (
                    VerifyOutcome.REVOKED if cert.revoked_at is not None else VerifyOutcome.VALID
                )
            return Verification(
                outcome,
                number=cert.number,
                name=attendee.name,
                department=department.name,
                event_title=event.title,
                event_date=event.date,
                issued_at=cert.issued_at,
                revoked_at=cert.revoked_at,
                revoke_reason=cert.revoke_reason,
            )

    @staticmethod
    def _certificate_row(session: Session, number: str) -> Any:
        return session.execute(
            select(Certificate, Attendee, Department, Event)
            .join(Attendee, Certificate.attendee_id == Attendee.id)
            .join(Department, Attendee.department_id == Department.id)
            .join(Event, Certificate.event_id == Event.id)
            .where(Certificate.number == number)
        ).first()

    # -- internals ----------------------------------------------------------------------------
    def _eligibility(
        self, session: Session, event: Event
    ) -> list[tuple[EligibilityRow, Attendee, Department]]:
        settings = _settings(event)
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
        for attendee, department in sorted(people, key=lambda r: _order_key(r[1], r[0])):
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


def _settings(event: Event) -> CertificateSettings:
    options = (event.settings or {}).get(SETTINGS_KEY, {})
    return CertificateSettings(
        prefix=event.certificate_prefix,
        number_format=event.certificate_number_format or DEFAULT_NUMBER_FORMAT,
        require_feedback=bool(options.get("require_feedback", False)),
    )


def _load_certificate(
    session: Session, number: str
) -> tuple[Certificate, Attendee, Department, Event]:
    row = session.execute(
        select(Certificate, Attendee, Department, Event)
        .join(Attendee, Certificate.attendee_id == Attendee.id)
        .join(Department, Attendee.department_id == Department.id)
        .join(Event, Certificate.event_id == Event.id)
        .where(Certificate.number == number.strip())
    ).first()
    if row is None:
        raise InputRejected(
            Msg(
                en=f"There is no certificate numbered {number!r} in this workspace.",
                ja=f"番号 {number!r} の修了証はこのワークスペースにありません。",
            )
        )
    return row[0], row[1], row[2], row[3]


def _issued(
    event: Event, cert: Certificate, attendee: Attendee, department: Department
) -> IssuedCertificate:
    return IssuedCertificate(
        id=cert.id,
        attendee_id=attendee.id,
        number=cert.number,
        code=verification_code(event.secret, cert.number),
        staff_no=attendee.staff_no,
        name=attendee.name,
        kana=attendee.kana,
        department=department.name,
        title=attendee.title,
        issued_at=cert.issued_at,
        revoked_at=cert.revoked_at,
        revoke_reason=cert.revoke_reason,
        reissued_at=cert.reissued_at,
        reissue_count=cert.reissue_count,
    )
