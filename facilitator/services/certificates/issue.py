"""Certificate numbers: issuing them, the register of what was issued, revoking, reissuing.

Numbers are assigned once, by `issue`, in a stable order (department, then
kana) and stored; nothing renumbers them later. A later `issue` only numbers
the people who became eligible since, after the existing numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitator.db.models import Attendee, Certificate, Department, Event
from facilitator.db.workspace import Workspace
from facilitator.domain.certificates import (
    DEFAULT_NUMBER_FORMAT,
    check_number_format,
    next_numbers,
    verification_code,
)
from facilitator.domain.clock import Clock
from facilitator.domain.event_copy import copy_refusal, is_copy
from facilitator.errors import InputRejected, Msg
from facilitator.services import audit
from facilitator.services.certificates.eligibility import (
    certificate_order,
    eligibility_rows,
    reason_text,
)
from facilitator.services.event_rows import load_event


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
class IssuePlan:
    """What `issue` would do now: how many numbers, which ones, and where numbering stands."""

    pending: int  # eligible people without a number
    first: str  # the next number issued (an example when nobody is pending)
    last: str  # the last of the `pending` numbers ("" when nobody is pending)
    year: int  # the event's year, as numbers use it
    next_seq: int  # the sequence the next number takes (before skipping taken numbers)


class CertificateIssuer:
    def __init__(self, workspace: Workspace, clock: Clock) -> None:
        self._workspace = workspace
        self._clock = clock

    def issue(self, event_id: int) -> IssueResult:
        """Number everyone eligible who has no certificate yet, after the existing numbers."""
        now = self._clock.now()
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            if is_copy(event.settings):
                raise copy_refusal(event.title)
            fmt = event.certificate_number_format or DEFAULT_NUMBER_FORMAT
            check_number_format(fmt, event.certificate_prefix)
            rows = eligibility_rows(session, event)
            pending = [(a, d) for row, a, d in rows if row.eligible and row.number is None]
            numbers = _numbers(session, event, fmt)
            created: list[tuple[Certificate, Attendee, Department]] = []
            for (attendee, department), (seq, number) in zip(pending, numbers, strict=False):
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
                newly_issued=tuple(issued_view(event, c, a, d) for c, a, d in created),
                total_issued=int(total or 0),
            )

    def plan(self, event_id: int) -> IssuePlan:
        """What pressing 番号を発行 would issue, counted as `issue` counts, without writing."""
        with self._workspace.session() as session:
            event = load_event(session, event_id)
            fmt = event.certificate_number_format or DEFAULT_NUMBER_FORMAT
            check_number_format(fmt, event.certificate_prefix)
            pending = sum(
                1
                for row, _, _ in eligibility_rows(session, event)
                if row.eligible and row.number is None
            )
            last_seq = _last_seq(session, event_id)
            numbers = _numbers(session, event, fmt)
            coming = [next(numbers) for _ in range(max(pending, 1))]
            return IssuePlan(
                pending=pending,
                first=coming[0][1],
                last=coming[-1][1] if pending else "",
                year=event.date.year,
                next_seq=last_seq + 1,
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
            ordered = sorted(rows, key=lambda r: certificate_order(r[2], r[1]))
            return [issued_view(event, c, a, d) for c, a, d in ordered]

    def revoke(self, number: str, reason: str) -> IssuedCertificate:
        """Mark a certificate as no longer valid; `verify` then says revoked, when and why."""
        text = reason_text(reason)
        with self._workspace.session() as session:
            cert, attendee, department, event = load_certificate(session, number)
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
            return issued_view(event, cert, attendee, department)

    def reissue(self, number: str, reason: str) -> IssuedCertificate:
        """Issue the same certificate again (same number); a revocation is lifted and recorded."""
        text = reason_text(reason)
        with self._workspace.session() as session:
            cert, attendee, department, event = load_certificate(session, number)
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
            return issued_view(event, cert, attendee, department)


def _last_seq(session: Session, event_id: int) -> int:
    return int(
        session.scalar(select(func.max(Certificate.seq)).where(Certificate.event_id == event_id))
        or 0
    )


def _numbers(session: Session, event: Event, fmt: str) -> Iterator[tuple[int, str]]:
    # Numbers are unique in the whole workspace: two events of a year with the same
    # prefix share one register, so a number another event holds is skipped.
    taken = set(session.scalars(select(Certificate.number)))
    return next_numbers(
        fmt, event.certificate_prefix, event.date.year, _last_seq(session, event.id), taken
    )


def load_certificate(
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


def issued_view(
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
